import factory

from apps.accounts.factories import OrganisationFactory

from .models import ClauseVersion


class ClauseVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClauseVersion

    organisation = factory.SubFactory(OrganisationFactory)
    number = factory.Sequence(lambda n: n + 1)
    controller = "Ośrodek Rozwoju Edukacji, Al. Ujazdowskie 28, 00-478 Warszawa"
    dpo_contact = "iod@ore.edu.pl"
    purposes = "Realizacja doradztwa dla JST"
    legal_bases = "art. 6 ust. 1 lit. c i e RODO"
    recipients = "Instytucja Pośrednicząca, dostawcy usług IT"
    retention = "Do końca okresu trwałości projektu"
