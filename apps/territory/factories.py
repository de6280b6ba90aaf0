"""Test data without loading the GUS file. Codes follow TERYT's shape (2, 4 and 7 digits) so that everything
that reads a code (detail URLs, the register's order) works as with real data."""

import datetime

import factory

from .kinds import JstKind
from .models import LocalGovernment, Powiat, Voivodeship
from .names import NameParts, display_name, fold, search_text

_RODZ = {JstKind.URBAN_GMINA: "1", JstKind.RURAL_GMINA: "2", JstKind.URBAN_RURAL_GMINA: "3"}
REGISTER_DATE = datetime.date(2020, 1, 1)
VOIVODESHIP_NAMES = {
    "02": "dolnośląskie",
    "04": "kujawsko-pomorskie",
    "06": "lubelskie",
    "08": "lubuskie",
    "10": "łódzkie",
    "12": "małopolskie",
    "14": "mazowieckie",
    "16": "opolskie",
    "18": "podkarpackie",
    "20": "podlaskie",
    "22": "pomorskie",
    "24": "śląskie",
    "26": "świętokrzyskie",
    "28": "warmińsko-mazurskie",
    "30": "wielkopolskie",
    "32": "zachodniopomorskie",
}


class VoivodeshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voivodeship
        django_get_or_create = ["code"]

    # The sixteen real voivodeships, shared by the objects that ask for them.
    code = factory.Sequence(lambda n: list(VOIVODESHIP_NAMES)[n % len(VOIVODESHIP_NAMES)])
    name = factory.LazyAttribute(lambda o: VOIVODESHIP_NAMES.get(o.code, f"województwo {o.code}"))
    valid_from = REGISTER_DATE


class PowiatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Powiat
        django_get_or_create = ["code"]

    voivodeship = factory.SubFactory(VoivodeshipFactory)
    is_city = False
    name = factory.Sequence(lambda n: f"testowy {n}")
    valid_from = REGISTER_DATE

    @factory.lazy_attribute_sequence
    def code(self, n):
        # POW 01-60 are land powiats, 61-99 cities with powiat rights.
        number = 61 + n % 39 if self.is_city else 1 + n % 60
        return f"{self.voivodeship.code}{number:02d}"


class LocalGovernmentFactory(factory.django.DjangoModelFactory):
    """A rural gmina by default; pass ``kind`` for the others (the code and the powiat follow the kind)."""

    class Meta:
        model = LocalGovernment

    kind = JstKind.RURAL_GMINA
    voivodeship = factory.SubFactory(VoivodeshipFactory)
    powiat = factory.Maybe(
        factory.LazyAttribute(lambda o: o.kind == JstKind.VOIVODESHIP),
        yes_declaration=None,
        no_declaration=factory.SubFactory(
            PowiatFactory,
            voivodeship=factory.SelfAttribute("..voivodeship"),
            is_city=factory.LazyAttribute(lambda o: o.factory_parent.kind == JstKind.CITY_WITH_POWIAT_RIGHTS),
        ),
    )
    display_name = factory.LazyAttribute(lambda o: display_name(NameParts(kind=o.kind, name=o.name, teryt=o.teryt)))
    search_name = factory.LazyAttribute(lambda o: fold(o.name))
    search_text = factory.LazyAttribute(
        lambda o: search_text(o.display_name, JstKind(o.kind).label, o.voivodeship.name)
    )
    valid_from = REGISTER_DATE

    @factory.lazy_attribute_sequence
    def name(self, n):
        if self.kind == JstKind.VOIVODESHIP:
            return self.voivodeship.name
        if self.kind == JstKind.POWIAT:
            return self.powiat.name
        return f"Testowo {n}"

    @factory.lazy_attribute_sequence
    def teryt(self, n):
        if self.kind == JstKind.VOIVODESHIP:
            return self.voivodeship.code
        if self.kind == JstKind.POWIAT:
            return self.powiat.code
        if self.kind == JstKind.CITY_WITH_POWIAT_RIGHTS:
            return f"{self.powiat.code}011"
        return f"{self.powiat.code}{1 + n % 99:02d}{_RODZ[self.kind]}"
