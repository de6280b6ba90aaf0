"""The team chooses the area (or two) with reasons; one advisor confirms; a later change needs confirming again."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.catalog.factories import CatalogVersionFactory
from apps.engagements import services
from apps.engagements.models import Stage

pytestmark = pytest.mark.django_db


def areas(cast, n=2):
    return list(cast.edition.catalogue_version.areas.order_by("order")[:n])


def choose(cast, *pairs, by=None):
    return services.choose_areas(
        engagement=cast.engagement,
        choices=[services.AreaChoice(area=a, justification=j) for a, j in pairs],
        by=by or cast.leader,
    )


def test_choice_waits_for_one_advisor_then_the_engagement_moves_to_diagnosis(cast, mailoutbox):
    first = areas(cast, 1)[0]
    assert choose(cast, (first, "Chcemy uporządkować zadania wydziału."))
    assert sorted(mailoutbox[-1].to) == ["adam@ore.example", "beata@ore.example"]
    assert "potwierdzenie" in mailoutbox[-1].subject
    with pytest.raises(ValidationError, match="nie potwierdzili"):
        services.advance_stage(engagement=cast.engagement, to=Stage.DIAGNOSIS, by=cast.leader)

    services.confirm_areas(engagement=cast.engagement, by=cast.advisor)
    cast.engagement.refresh_from_db()
    assert cast.engagement.stage == Stage.DIAGNOSIS
    chosen = cast.engagement.chosen_areas.get()
    assert chosen.confirmed_by == cast.advisor
    assert mailoutbox[-1].to == ["lidia@alfa.example"]
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-3:] == ["engagement.area_chosen", "engagement.area_confirmed", "engagement.stage_changed"]
    texts = [str(e.display) for e in cast.engagement.timeline.all()]
    assert any("potwierdził obszar" in t for t in texts) and any("Nowy etap" in t for t in texts)


def test_a_changed_choice_or_reason_needs_confirming_again(cast):
    first, second = areas(cast)
    choose(cast, (first, "Powód"))
    services.confirm_areas(engagement=cast.engagement, by=cast.advisor)
    assert not choose(cast, (first, "Powód"))  # nothing changed: still confirmed
    assert cast.engagement.chosen_areas.get().confirmed_at is not None

    assert choose(cast, (first, "Nowy, lepszy powód"))
    assert cast.engagement.chosen_areas.get().confirmed_at is None
    # Still in the diagnosis stage, but it cannot move on to the HDR until an advisor confirms again.
    assert "Doradcy nie potwierdzili jeszcze wybranego obszaru." in services.blockers_for(
        engagement=cast.engagement, stage=Stage.PLAN
    )
    services.confirm_areas(engagement=cast.engagement, by=cast.advisor2)
    choose(cast, (second, "Inny obszar"))
    chosen = cast.engagement.chosen_areas.get()
    assert chosen.area == second and chosen.confirmed_at is None


def test_two_areas_only_where_the_edition_allows(cast):
    first, second = areas(cast)
    with pytest.raises(ValidationError, match="jednym obszarem"):
        choose(cast, (first, "a"), (second, "b"))
    cast.edition.allows_two_areas = True
    cast.edition.save()
    choose(cast, (first, "a"), (second, "b"))
    assert cast.engagement.chosen_areas.count() == 2
    with pytest.raises(ValidationError, match="inny niż pierwszy"):
        choose(cast, (first, "a"), (first, "b"))
    # Dropping the second area keeps the first one's state.
    services.confirm_areas(engagement=cast.engagement, by=cast.advisor)
    choose(cast, (first, "a"))
    assert cast.engagement.chosen_areas.get().confirmed_at is not None


def test_area_from_another_catalogue_version_or_without_reason_is_refused(cast):
    foreign = CatalogVersionFactory().areas.create(name="Obszar z innej wersji")
    with pytest.raises(ValidationError, match="katalogu modelu tej edycji"):
        choose(cast, (foreign, "Powód"))
    with pytest.raises(ValidationError, match="dlaczego"):
        choose(cast, (areas(cast, 1)[0], "   "))


def test_area_is_fixed_once_the_hdr_is_being_prepared(cast):
    cast.engagement.stage = Stage.PLAN
    cast.engagement.save()
    with pytest.raises(ValidationError, match="tylko do czasu"):
        choose(cast, (areas(cast, 1)[0], "Powód"))


def test_confirming_twice_or_without_a_choice_is_refused(cast):
    with pytest.raises(ValidationError, match="nie wybrała"):
        services.confirm_areas(engagement=cast.engagement, by=cast.advisor)
    choose(cast, (areas(cast, 1)[0], "Powód"))
    services.confirm_areas(engagement=cast.engagement, by=cast.advisor)
    with pytest.raises(ValidationError, match="już potwierdzony"):
        services.confirm_areas(engagement=cast.engagement, by=cast.advisor2)


def test_area_page_team_chooses_and_advisor_confirms(cast):
    url = reverse("engagements:area", kwargs={"pk": cast.engagement.pk})
    team = cast.client(cast.member)
    page = team.get(url)
    assert page.status_code == 200 and "Zapisz wybór obszaru" in page.content.decode()
    # Missing choice and reason: messages next to the fields, nothing saved, no 500.
    response = team.post(url, {"area": "", "justification": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Wybierz obszar." in body and "Napisz, dlaczego zespół wybrał ten obszar." in body
    area = areas(cast, 1)[0]
    response = team.post(url, {"area": area.pk, "justification": "<script>alert(1)</script> Powód"})
    assert response.status_code == 302
    page = team.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Powód" in page and "<script>alert(1)" not in page
    assert "Potwierdzam wybór obszaru" not in page  # the team cannot confirm its own choice

    advisor = cast.client(cast.advisor)
    assert "Potwierdzam wybór obszaru" in advisor.get(url).content.decode()
    assert advisor.post(url, {"area": area.pk, "justification": "x"}).status_code == 404  # advisors do not choose
    response = advisor.post(reverse("engagements:area_confirm", kwargs={"pk": cast.engagement.pk}))
    assert response.status_code == 302
    cast.engagement.refresh_from_db()
    assert cast.engagement.stage == Stage.DIAGNOSIS


def test_area_form_over_long_reason_and_second_area_rules(cast):
    cast.edition.allows_two_areas = True
    cast.edition.save()
    url = reverse("engagements:area", kwargs={"pk": cast.engagement.pk})
    first, second = areas(cast)
    team = cast.client(cast.leader)
    body = team.post(url, {"area": first.pk, "justification": "x" * 5001}).content.decode()
    assert "Tekst jest za długi: najwyżej 5000 znaków" in body
    body = team.post(url, {"area": first.pk, "justification": "a", "second_area": first.pk}).content.decode()
    assert "Drugi obszar musi być inny niż pierwszy." in body
    assert "Napisz, dlaczego zespół wybrał także ten obszar." in body
    response = team.post(
        url, {"area": first.pk, "justification": "a", "second_area": second.pk, "second_justification": "b"}
    )
    assert response.status_code == 302 and cast.engagement.chosen_areas.count() == 2
