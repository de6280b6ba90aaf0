from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PlatformAdminSite(AdminSite):
    site_header = _("Doradztwo dla JST: administracja")
    site_title = _("Administracja")

    def has_permission(self, request):
        """Only platform administrators who passed the second factor."""
        user = request.user
        return bool(
            user.is_active and user.is_staff and user.is_superuser and getattr(user, "is_verified", lambda: False)()
        )


class PlatformAdminConfig(AdminConfig):
    default_site = "config.admin.PlatformAdminSite"
