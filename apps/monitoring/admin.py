"""The platform admin grants the monitoring permission (a member of an organiser's staff handles its participants'
monitoring data); the data themselves are not in the admin."""

from django.contrib import admin

from .models import MonitoringAccess


@admin.register(MonitoringAccess)
class MonitoringAccessAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "created_at")
    list_select_related = ("user", "organisation")
    autocomplete_fields = ()
    raw_id_fields = ("user", "granted_by")
