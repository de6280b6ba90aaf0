"""The URLs of the benchmark: the platform's own, plus the framework floor (a minimal view rendering a small
template) and a Django admin list of HDR actions to compare the HDR page with. Used only by the bench runner."""

from django.contrib import admin
from django.http import HttpResponse
from django.template import loader
from django.urls import path

from apps.plans.models import PlannedAction
from config.admin import PlatformAdminSite
from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as platform


def floor(request):
    template = loader.get_template("demo/bench_floor.html")
    return HttpResponse(template.render({"title": "Podłoga", "items": range(10)}))


class PlannedActionAdmin(admin.ModelAdmin):
    """The columns the HDR page shows for an action, the way an admin list would show them."""

    list_display = ["title", "priority", "responsible", "start_month", "end_month", "cost", "indicator_name", "status"]
    list_select_related = ["priority"]
    list_per_page = 100

    def lookup_allowed(self, lookup, value, request=None):
        return lookup == "plan__id__exact" or super().lookup_allowed(lookup, value, request)


site = PlatformAdminSite(name="benchadmin")
site.register(PlannedAction, PlannedActionAdmin)

urlpatterns = [
    path("__bench__/floor/", floor, name="bench_floor"),
    path("__bench__/admin/", site.urls),
    *platform,
]
