from django.contrib import admin

from .models import Area, CatalogVersion, ManagementSolution


class ReadOnlyAdmin(admin.ModelAdmin):
    """The catalogue changes only through its services (drafts, publication, history); the admin only shows it."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CatalogVersion)
class CatalogVersionAdmin(ReadOnlyAdmin):
    list_display = ["number", "label", "status", "published_at"]


@admin.register(Area)
class AreaAdmin(ReadOnlyAdmin):
    list_display = ["name", "version", "order"]
    list_filter = ["version"]


@admin.register(ManagementSolution)
class ManagementSolutionAdmin(ReadOnlyAdmin):
    list_display = ["name", "area", "kind"]
    list_filter = ["area__version", "kind"]
    search_fields = ["name"]
