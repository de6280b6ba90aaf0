"""Read-mostly: the register comes from GUS files through ``load_teryt``; edits here would be overwritten."""

from django.contrib import admin

from .models import Gmina, LocalGovernment, LocalGovernmentChange, Powiat, RegisterImport, Voivodeship


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Voivodeship)
class VoivodeshipAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "is_active", "valid_from"]
    search_fields = ["code", "name"]


@admin.register(Powiat)
class PowiatAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "voivodeship", "is_city", "is_active"]
    list_filter = ["is_city", "is_active", "voivodeship"]
    list_select_related = ["voivodeship"]
    search_fields = ["code", "name"]


@admin.register(Gmina)
class GminaAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "rodz", "powiat", "is_active"]
    list_filter = ["rodz", "is_active"]
    list_select_related = ["powiat"]
    search_fields = ["code", "name"]


class ChangeInline(admin.TabularInline):
    model = LocalGovernmentChange
    fields = ["register_import", "field", "old_value", "new_value"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LocalGovernment)
class LocalGovernmentAdmin(ReadOnlyAdmin):
    list_display = ["display_name", "teryt", "kind", "voivodeship", "is_active"]
    list_filter = ["kind", "is_active", "voivodeship"]
    list_select_related = ["voivodeship"]
    search_fields = ["teryt", "display_name", "search_text"]
    inlines = [ChangeInline]


@admin.register(RegisterImport)
class RegisterImportAdmin(ReadOnlyAdmin):
    list_display = ["imported_at", "as_of", "source", "imported_by"]
    list_select_related = ["imported_by"]
