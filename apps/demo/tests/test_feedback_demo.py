import pytest

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.catalog import services as catalog_services
from apps.catalog.selectors import current_version
from apps.demo import feedback_demo, programmes_demo
from apps.feedback.models import Remark
from apps.feedback.selectors import change_log
from apps.programmes.models import Programme

pytestmark = pytest.mark.django_db


def test_the_demo_has_six_programmes_and_remarks_in_every_state():
    first = catalog_services.ensure_initial_catalog()
    MembershipFactory(role=Membership.Role.COORDINATOR, user__email=feedback_demo.COORDINATOR_EMAIL)
    MembershipFactory(role=Membership.Role.ADVISOR)
    programmes_demo.seed()
    feedback_demo.seed()
    assert Programme.objects.filter(version=first, is_published=True).count() == 6
    assert all(p.scenarios.count() == 3 for p in Programme.objects.filter(version=first))
    assert all("(demo)" in p.summary for p in Programme.objects.all())
    assert set(Remark.objects.values_list("status", flat=True)) == set(Remark.Status.values)
    newest = current_version()
    assert newest.number == 2 and Programme.objects.filter(version=newest).count() == 6
    assert [r.status for r in change_log(newest)] == [Remark.Status.IMPLEMENTED]
    assert Remark.objects.filter(author__isnull=True, source=Remark.Source.SURVEY).exists()
    before = Remark.objects.count(), Programme.objects.count()
    assert "bez zmian" in programmes_demo.seed() and "bez zmian" in feedback_demo.seed()
    assert (Remark.objects.count(), Programme.objects.count()) == before
