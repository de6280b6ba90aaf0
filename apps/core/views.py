from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from .dashboard import cards_for
from .home import sections_for as home_sections_for


def home(request):
    return render(request, "core/home.html", {"sections": home_sections_for(request)})


def accessibility_statement(request):
    return render(request, "core/accessibility_statement.html")


def privacy(request):
    return render(request, "core/privacy.html")


@login_required
def dashboard(request):
    return render(request, "core/dashboard.html", {"cards": cards_for(request.user)})


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: it may be what failed. The template needs nothing from it.
    from django.http import HttpResponseServerError
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"title": _("Błąd serwera")}))
