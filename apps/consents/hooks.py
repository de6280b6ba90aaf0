"""What consents plugs into the apps below it: an accepted invitation records that its clause was shown."""

from apps.accounts.models import Invitation
from apps.accounts.signals import invitation_accepted

from .models import CollectionPoint


def _acknowledge_invitation(sender, user, invitation, **kwargs):
    from .services import record_acknowledgement

    record_acknowledgement(user=user, organisation=invitation.organisation, point=CollectionPoint.INVITATION)


invitation_accepted.connect(_acknowledge_invitation, sender=Invitation, dispatch_uid="consents.invitation")
