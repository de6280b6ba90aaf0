"""The public knowledge base (no login): its published documents, filtered and searched as on the site
(``apps.publications.selectors``: only live publications; a withdrawn one answers 404)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from apps.publications.models import DocumentKind, FormCode, Publication
from apps.publications.selectors import Filters, public_publication, search_publications
from apps.territory.kinds import JstKind

from .base import ApiViewSet, choice, enum_parameter, ordering_parameter, positive_id, query, text_parameter
from .registry import router

ORDERINGS = {
    "-published_at": ("-featured", "-published_at", "-pk"),
    "published_at": ("published_at", "pk"),
    "title": ("title", "pk"),
    "jst": ("jst_name", "pk"),
}


class VoivodeshipSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class PublicationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    document = serializers.ChoiceField(choices=DocumentKind.choices)
    version = serializers.IntegerField()
    form = serializers.CharField(help_text="Forma podsumowania / summary form (empty for other documents).")
    edition = serializers.CharField(source="edition.slug")
    jst_name = serializers.CharField()
    jst_kind = serializers.ChoiceField(choices=JstKind.choices)
    voivodeship = VoivodeshipSerializer()
    areas = serializers.ListField(child=serializers.CharField())
    solutions = serializers.ListField(child=serializers.CharField())
    featured = serializers.BooleanField()
    published_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()

    def get_url(self, publication) -> str:
        return reverse("publications:public_detail", kwargs={"pk": publication.pk})

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_pdf_url(self, publication):
        return reverse("publications:public_pdf", kwargs={"pk": publication.pk}) if publication.pdf_size else None


class PublicationSectionSerializer(serializers.Serializer):
    title = serializers.CharField()
    text = serializers.CharField()


class PublicationAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=[("file", "file"), ("photo", "photo")])
    title = serializers.CharField()
    alt_text = serializers.CharField(required=False)
    size = serializers.IntegerField()
    url = serializers.CharField()


class PublicationDetailSerializer(PublicationSerializer):
    sections = PublicationSectionSerializer(many=True)
    attachments = serializers.SerializerMethodField()

    @extend_schema_field(PublicationAttachmentSerializer(many=True))
    def get_attachments(self, publication):
        return [
            {
                "id": a["id"],
                "kind": a["kind"],
                "title": a.get("title", ""),
                "alt_text": a.get("alt_text", ""),
                "size": a.get("size", 0),
                "url": reverse(
                    "publications:public_attachment", kwargs={"pk": publication.pk, "attachment_pk": a["id"]}
                ),
            }
            for a in publication.attachments
        ]


LIST_PARAMETERS = [
    text_parameter(
        "q",
        "Szukaj w treści (polskie odmiany i znaki bez znaczenia; wyniki od najtrafniejszych) / full-text search "
        "(Polish word forms and diacritics optional; best match first unless ordering is given).",
    ),
    enum_parameter("document", DocumentKind.values, "Rodzaj dokumentu / document kind."),
    enum_parameter("form", FormCode.values, "Forma podsumowania / summary form."),
    enum_parameter("jst_kind", JstKind.values, "Rodzaj JST / kind of local government."),
    text_parameter("voivodeship", "Kod TERYT województwa (2 cyfry) / voivodeship TERYT code."),
    text_parameter("edition", "Identyfikator edycji / edition's slug."),
    text_parameter("area", "Obszar katalogu (pełna nazwa) / catalogue area (its full name)."),
    text_parameter("solution", "Rozwiązanie zarządcze (pełna nazwa) / management solution (its full name)."),
    ordering_parameter(ORDERINGS),
]


@extend_schema_view(
    list=extend_schema(summary="Published documents of the knowledge base", parameters=LIST_PARAMETERS),
    retrieve=extend_schema(summary="One published document with its text and files"),
)
class PublicationViewSet(ApiViewSet):
    permission_classes = ()  # public
    serializer_class = PublicationSerializer

    def get_serializer_class(self):
        return PublicationDetailSerializer if self.action == "retrieve" else PublicationSerializer

    def get_queryset(self):
        request = self.request
        filters = Filters(
            q=query(request, "q"),
            document=choice(request, "document", DocumentKind.values),
            form=choice(request, "form", FormCode.values),
            jst_kind=choice(request, "jst_kind", JstKind.values),
            voivodeship=query(request, "voivodeship"),
            edition=query(request, "edition"),
            area=query(request, "area"),
            solution=query(request, "solution"),
        )
        ordering = choice(request, "ordering", ORDERINGS)
        found, searched = search_publications(filters)
        if not searched:
            return found.order_by(*ORDERINGS[ordering or "-published_at"])
        if not ordering:
            return found  # by relevance: a page is one query for its rows
        return (
            Publication.objects.filter(pk__in=found.ids)
            .select_related("edition", "voivodeship")
            .defer("sections", "pdf")
            .order_by(*ORDERINGS[ordering])
        )

    def get_object(self):
        return public_publication(positive_id(self.kwargs["pk"]))


router.register("publications", PublicationViewSet, basename="publication")
