"""The site shell's own rules: who sees its pages and menu entries."""

from .permissions import rule


@rule("site.signed_in")
def is_signed_in(user, roles, obj=None):
    return roles.is_authenticated
