"""Probes and metrics for the machines, not for people: no session, no login, no page chrome."""

import hmac

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from . import health, metrics


@csrf_exempt
@never_cache
@require_GET
def healthz(request):
    """The process is up and answers (liveness): no database, nothing that could hang."""
    return JsonResponse({"status": "ok"})


@csrf_exempt
@never_cache
@require_GET
def readyz(request):
    ok, checks = health.readiness()
    return JsonResponse({"status": "ok" if ok else "fail", "checks": checks}, status=200 if ok else 503)


@csrf_exempt
@never_cache
@require_GET
def metrics_view(request):
    """Prometheus' text format, for a scraper presenting ``Authorization: Bearer <METRICS_TOKEN>``.

    Without a configured token the endpoint does not exist (404), and a wrong token gets the same answer.
    """
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise Http404
    return HttpResponse(metrics.exposition(), content_type="text/plain; version=0.0.4; charset=utf-8")
