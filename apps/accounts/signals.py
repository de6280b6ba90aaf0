from django.dispatch import Signal

# Sent with ``user`` and ``invitation`` when an invitation is accepted, so other apps can attach the account
# to what the invitation was for (e.g. a JST team member) without accounts knowing about them.
invitation_accepted = Signal()
