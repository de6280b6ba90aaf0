from django.dispatch import receiver

from apps.accounts.models import Organisation
from apps.accounts.signals import invitation_accepted
from apps.consents.models import CollectionPoint
from apps.consents.services import record_acknowledgement

from .services import link_accounts_to_team


@receiver(invitation_accepted)
def _link_team_places(sender, user, invitation, **kwargs):
    link_accounts_to_team(user=user)
    # The team invitation links the organiser's clause (engagements/email/team_invitation): its acknowledgement.
    organisers = Organisation.objects.filter(
        editions__engagements__team_members__user=user, editions__engagements__team_members__left_at__isnull=True
    ).distinct()
    for organisation in organisers:
        record_acknowledgement(user=user, organisation=organisation, point=CollectionPoint.TEAM_INVITATION)
