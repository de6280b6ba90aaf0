import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.audit.models import AuditEntry
from apps.catalog import services as catalog_services
from apps.core.testing import assert_constant_queries
from apps.documents.exports import CONTENT_TYPES
from apps.feedback import services
from apps.feedback.factories import RemarkFactory
from apps.feedback.models import PartKind, Remark
from apps.programmes.factories import programme_with_scenarios

pytestmark = pytest.mark.django_db
Status = Remark.Status


@pytest.fixture
def coordinator():
    return MembershipFactory(role=Membership.Role.COORDINATOR).user


@pytest.fixture
def advisor():
    return MembershipFactory(role=Membership.Role.ADVISOR).user


@pytest.fixture
def catalogue():
    return catalog_services.ensure_initial_catalog()


def _area_part(version) -> str:
    return f"area:{version.areas.first().key}"


def test_a_remark_names_its_part_and_keeps_its_name(catalogue, advisor):
    area = catalogue.areas.first()
    remark = services.submit_remark(part=f"area:{area.key}", text=" Za mało przykładów. ", author=advisor)
    assert (remark.part_kind, remark.part_key, remark.part_label) == (PartKind.AREA, str(area.key), area.name)
    assert remark.text == "Za mało przykładów." and remark.status == Status.NEW
    assert remark.made_on_version == catalogue


@pytest.mark.parametrize("part", ["", "   ", "area:", "area:not-a-key", "nonsense"])
def test_a_remark_without_a_part_is_refused_clearly(catalogue, advisor, part):
    with pytest.raises(ValidationError) as refused:
        services.submit_remark(part=part, text="Treść", author=advisor)
    assert "części modelu" in " ".join(refused.value.messages)
    assert not Remark.objects.exists()


def test_an_empty_remark_is_refused(catalogue, advisor):
    with pytest.raises(ValidationError):
        services.submit_remark(part="model:model", text="  ", author=advisor)


def test_every_kind_of_part_can_be_named(catalogue, advisor):
    programme = programme_with_scenarios(3, version=catalogue, is_published=True)
    solution = catalogue.areas.first().solutions.first()
    for part in [
        "model:model",
        _area_part(catalogue),
        f"solution:{solution.key}",
        "step:needs_assessment",
        "form:workshop_training",
        f"programme:{programme.key}",
        "template:hdr",
    ]:
        services.submit_remark(part=part, text="Uwaga", author=advisor)
    assert set(Remark.objects.values_list("part_kind", flat=True)) == set(PartKind.values)


def test_an_anonymous_remark_from_a_survey_names_no_one(catalogue):
    remark = services.submit_remark(
        part="model:model", text="Za krótkie szkolenia.", source=Remark.Source.SURVEY, source_label="Ankieta (demo)"
    )
    assert remark.author is None and remark.is_anonymous
    entry = AuditEntry.objects.get(action="feedback.submitted")
    assert entry.actor is None and entry.actor_label == "system"


def test_a_rejection_needs_its_reason(catalogue, coordinator, advisor):
    remark = services.submit_remark(part="model:model", text="Uwaga", author=advisor)
    with pytest.raises(ValidationError) as refused:
        services.change_status(remark=remark, by=coordinator, status=Status.REJECTED, note=" ")
    assert "powód" in " ".join(refused.value.messages)
    remark = services.change_status(remark=remark, by=coordinator, status=Status.REJECTED, note="Poza zakresem.")
    assert remark.status == Status.REJECTED and remark.decision_note == "Poza zakresem." and remark.decided_at


def test_implemented_is_reached_only_by_publishing(catalogue, coordinator, advisor):
    remark = services.submit_remark(part="model:model", text="Uwaga", author=advisor)
    with pytest.raises(ValidationError):
        services.change_status(remark=remark, by=coordinator, status=Status.IMPLEMENTED)
    with pytest.raises(ValidationError):
        services.link_to_draft(remark=remark, by=coordinator, version=catalogue)


def test_an_accepted_remark_is_implemented_when_its_draft_is_published(catalogue, coordinator, advisor):
    team = UserFactory(email="zespol@example.org")
    remark = services.submit_remark(part=_area_part(catalogue), text="Dodać przykład budżetu.", author=advisor)
    duplicate = services.submit_remark(part=_area_part(catalogue), text="To samo.", author=team)
    anonymous = services.submit_remark(part="model:model", text="Anonimowa.", source=Remark.Source.SURVEY)
    services.merge_remark(remark=duplicate, into=remark, by=coordinator)
    services.change_status(remark=remark, by=coordinator, status=Status.ACCEPTED, note="Dodano przykład budżetu.")
    services.change_status(remark=anonymous, by=coordinator, status=Status.ACCEPTED)
    draft = catalog_services.create_draft_version(by=coordinator)
    with pytest.raises(ValidationError):
        services.link_to_draft(remark=remark, by=coordinator, version=catalogue)  # published: refused
    services.link_to_draft(remark=remark, by=coordinator, version=draft)
    services.link_to_draft(remark=anonymous, by=coordinator, version=draft)
    mail.outbox.clear()
    catalog_services.publish_version(version=draft, by=coordinator)
    remark.refresh_from_db()
    assert remark.status == Status.IMPLEMENTED and remark.implemented_in == draft
    assert Remark.objects.get(pk=anonymous.pk).status == Status.IMPLEMENTED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([advisor.email, team.email])
    assert "wersji katalogu 2" in mail.outbox[0].subject


def test_merging_is_refused_for_itself_and_for_decided_remarks(catalogue, coordinator, advisor):
    one = RemarkFactory()
    other = RemarkFactory(status=Status.REJECTED, decision_note="x")
    with pytest.raises(ValidationError):
        services.merge_remark(remark=one, into=one, by=coordinator)
    with pytest.raises(ValidationError):
        services.merge_remark(remark=other, into=one, by=coordinator)


def test_the_version_page_and_the_public_model_show_the_change_log(signed_in, client, catalogue, coordinator):
    remark = RemarkFactory(part_label="Planowanie budżetowe", text="Tajna treść", status=Status.ACCEPTED)
    remark.decision_note = "Dodano przykład budżetu zadaniowego."
    remark.save()
    draft = catalog_services.create_draft_version(by=coordinator)
    services.link_to_draft(remark=remark, by=coordinator, version=draft)
    catalog_services.publish_version(version=draft, by=coordinator)
    public = client.get(reverse("catalog:public")).content.decode()
    assert "Co się zmieniło i dlaczego" in public and "Dodano przykład budżetu zadaniowego." in public
    assert "Tajna treść" not in public  # the remark's own words only for the coordinator
    page = signed_in(coordinator).get(reverse("catalog:version_detail", kwargs={"number": draft.number}))
    assert "Tajna treść" in page.content.decode()


def test_the_catalogue_page_links_remarks_with_the_part(client, catalogue):
    page = client.get(reverse("catalog:public")).content.decode()
    assert reverse("feedback:remark_create") + "?part=area%3A" in page
    assert "?part=model%3Amodel" in page


def test_the_form_refuses_no_part_with_a_message(signed_in, catalogue, advisor):
    client = signed_in(advisor)
    response = client.post(reverse("feedback:remark_create"), {"part": "", "text": "Treść"})
    assert response.status_code == 200 and "Wskaż, której części modelu dotyczy uwaga." in response.content.decode()
    assert not Remark.objects.exists()


def test_the_form_preselects_the_part_from_the_link(signed_in, catalogue, advisor):
    part = _area_part(catalogue)
    page = signed_in(advisor).get(reverse("feedback:remark_create") + f"?part={part}").content.decode()
    assert f'value="{part}" selected' in page


def test_a_person_outside_the_programme_cannot_make_a_remark(signed_in, catalogue):
    client = signed_in(UserFactory())
    assert client.get(reverse("feedback:remark_create")).status_code == 404


def test_the_register_filters_searches_sorts_and_exports(signed_in, catalogue, coordinator):
    RemarkFactory(text="O budżecie", part_kind=PartKind.AREA, part_label="Planowanie budżetowe")
    RemarkFactory(text="O modelu", status=Status.REJECTED, decision_note="Nie.")
    client = signed_in(coordinator)
    page = client.get(reverse("feedback:register"), {"czesc": "area", "q": "budż"}).content.decode()
    assert "O budżecie" in page and "O modelu" not in page
    page = client.get(reverse("feedback:register"), {"stan": "rejected", "sort": "part"}).content.decode()
    assert "O modelu" in page and "O budżecie" not in page
    bad = client.get(reverse("feedback:register"), {"stan": "nope", "sort": "drop table"})
    assert bad.status_code == 200
    csv = client.get(reverse("feedback:export", kwargs={"fmt": "csv"}), {"stan": "rejected"})
    assert csv["Content-Type"] == CONTENT_TYPES["csv"]
    text = csv.content.decode("utf-8-sig")
    assert "O modelu" in text and "O budżecie" not in text and "anonimowa" in text
    xlsx = client.get(reverse("feedback:export", kwargs={"fmt": "xlsx"}))
    assert xlsx["Content-Type"] == CONTENT_TYPES["xlsx"]
    assert client.get(reverse("feedback:export", kwargs={"fmt": "pdf"})).status_code == 404


def test_the_register_costs_the_same_for_more_remarks(signed_in, catalogue, coordinator):
    client = signed_in(coordinator)

    def build(n):
        for _ in range(n):
            RemarkFactory(author=UserFactory(), addressed_in=catalogue)

    assert_constant_queries(build=build, request=lambda: client.get(reverse("feedback:register")))


def test_the_triage_buttons_show_refusals(signed_in, catalogue, coordinator):
    remark = RemarkFactory()
    client = signed_in(coordinator)
    url = reverse("feedback:status", kwargs={"pk": remark.pk})
    page = client.post(url, {"status": "rejected", "note": ""}, follow=True).content.decode()
    assert "Podaj powód odrzucenia uwagi." in page
    page = client.post(url, {"status": "bogus"}, follow=True).content.decode()
    assert "Wybierz nowy stan uwagi z listy." in page
    merge = reverse("feedback:merge", kwargs={"pk": remark.pk})
    assert "Wybierz uwagę" in client.post(merge, {"into": "x"}, follow=True).content.decode()
    link = reverse("feedback:link", kwargs={"pk": remark.pk})
    assert client.post(link, {"action": "link"}, follow=True).status_code == 200
    remark.refresh_from_db()
    assert remark.status == Status.NEW
