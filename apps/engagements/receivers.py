from django.dispatch import receiver

from apps.accounts.signals import invitation_accepted

from .services import link_accounts_to_team


@receiver(invitation_accepted)
def _link_team_places(sender, user, invitation, **kwargs):
    link_accounts_to_team(user=user)
