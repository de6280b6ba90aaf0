from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.publications.models import Consent, FinalSummary, Publication, SummaryComment, SummaryVersion

from . import FORMER_PARTICIPANT, SOURCES, Source, needles_of, rows, scrub

CONTACT = ["contact_name", "contact_position", "contact_email", "contact_phone"]


def _summaries(user):
    # Those the person started, last edited or is the contact of.
    return FinalSummary.objects.filter(
        Q(created_by=user) | Q(updated_by=user) | Q(contact_email__iexact=user.email)
    ).select_related("engagement__local_government")


def _comments(user):
    return SummaryComment.objects.filter(author=user).select_related("summary__engagement__local_government")


def _consents(user):
    return Consent.objects.filter(given_by=user).select_related("engagement__local_government")


def _erase(user):
    # Summaries, their frozen versions, comments and publication consents are the JST's documents and stay:
    # the person's name goes (``*_label`` columns, contact details, copies in the texts). A published document
    # already left out personal data where the consent said so; the name is replaced there too.
    needles = needles_of(user)
    engagements = FinalSummary.objects.filter(
        Q(created_by=user) | Q(updated_by=user) | Q(contact_email__iexact=user.email)
        | Q(engagement__team_members__user=user) | Q(comments__author=user)
    ).values_list("engagement_id", flat=True)  # fmt: skip
    contacts = FinalSummary.objects.filter(contact_email__iexact=user.email).update(
        contact_name=FORMER_PARTICIPANT, contact_position="", contact_email="", contact_phone=""
    )
    summaries = scrub(
        FinalSummary.objects.filter(engagement_id__in=engagements),
        ["content", "contact_name", "interviewee_name"],
        needles,
    )
    versions = scrub(SummaryVersion.objects.filter(summary__engagement_id__in=engagements), ["snapshot"], needles)
    comments = scrub(_comments(user), ["text"], needles)
    consents = Consent.objects.filter(engagement_id__in=engagements).filter(
        withdrawn_by_label__in=needles
    ).update(withdrawn_by_label=FORMER_PARTICIPANT)  # fmt: skip
    published = scrub(Publication.objects.filter(engagement_id__in=engagements), ["title", "sections"], needles)
    return {
        "summary_contacts_anonymised": contacts,
        "summaries_anonymised": summaries,
        "summary_versions_anonymised": versions,
        "summary_comments_anonymised": comments,
        "publication_consents_anonymised": consents,
        "publications_anonymised": published,
    }


def _editions(user):
    return [
        *_summaries(user).values_list("engagement__edition_id", flat=True),
        *_consents(user).values_list("engagement__edition_id", flat=True),
    ]


SOURCES.register(
    "publications",
    Source(
        key="publications",
        activity=_("Podsumowania JST i baza wiedzy"),
        purpose=_("podsumowanie doradztwa i publikacja dokumentów JST za zgodą"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO; zgoda JST na publikację"),
        subjects=_("członkowie zespołów JST, osoby do kontaktu, rozmówcy, doradcy"),
        categories=_("autor i osoba do kontaktu podsumowania, komentarze, zgody na publikację"),
        recipients=_("zespół JST, doradcy, organizator; publicznie tylko za zgodą i bez danych osobowych"),
        retention=_("jak edycja; publikacja do wycofania zgody"),
        collect=lambda user: [
            {"title": "Podsumowania JST", "rows": rows(_summaries(user), ["engagement", "form", "status", *CONTACT])},
            {
                "title": "Twoje komentarze do podsumowań",
                "rows": rows(_comments(user), ["summary", "section", "text", "created_at"]),
            },
            {
                "title": "Zgody na publikację, które wyraziłeś",
                "rows": rows(
                    _consents(user), ["engagement", "document", "version", "choice", "withdrawn_at", "created_at"]
                ),
            },
        ],  # fmt: skip
        erase=_erase,
        editions=_editions,
        organisations=lambda user: _summaries(user).values_list("engagement__edition__organiser_id", flat=True),
    ),
    order=75,
)
