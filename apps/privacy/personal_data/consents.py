from django.utils.translation import gettext_lazy as _

from apps.consents.models import ConsentRecord

from . import SOURCES, Source, rows


def _collect(user):
    records = ConsentRecord.objects.filter(user=user).select_related("organisation", "clause_version")
    return [
        {
            "title": "Zgody i potwierdzenia klauzul",
            "rows": rows(records, ["organisation", "clause_version", "purpose", "point", "given_at", "withdrawn_at"]),
        }
    ]


def _erase(user):
    # Optional consents go; acknowledgements stay (proof the clause was shown) but point at the anonymised account.
    deleted, _rows = ConsentRecord.objects.filter(user=user).exclude(purpose="acknowledgement").delete()
    return {"consents_deleted": deleted}


SOURCES.register(
    "consents",
    Source(
        key="consents",
        activity=_("Zgody i potwierdzenia klauzul informacyjnych"),
        purpose=_("rozliczalność: kto zapoznał się z którą wersją klauzuli, zgody nieobowiązkowe"),
        legal_basis=_("art. 6 ust. 1 lit. c RODO; zgody: art. 6 ust. 1 lit. a"),
        subjects=_("wszyscy użytkownicy"),
        categories=_("wersja klauzuli, miejsce i czas potwierdzenia, zgody i ich wycofanie"),
        recipients=_("organizator edycji"),
        retention=_("jak konto; zgody wycofane pozostają jako dowód"),
        collect=_collect,
        erase=_erase,
    ),
    order=15,
)
