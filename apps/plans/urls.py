from django.urls import path

from . import views

app_name = "plans"

PLAN = "karty-jst/<int:engagement_pk>/hdr/"

urlpatterns = [
    path("hdr/", views.plan_list, name="list"),
    path("hdr/do-akceptacji/", views.review_list, name="review_list"),
    path(PLAN, views.detail, name="detail"),
    path(PLAN + "utworz/", views.create, name="create"),
    path(PLAN + "naglowek/", views.header_edit, name="header_edit"),
    path(PLAN + "harmonogram/", views.timeline, name="timeline"),
    path(PLAN + "dzialania/nowe/", views.action_create, name="action_create"),
    path(PLAN + "dzialania/<int:pk>/", views.action_edit, name="action_edit"),
    path(PLAN + "dzialania/<int:pk>/usun/", views.action_delete, name="action_delete"),
    path(PLAN + "ryzyka/nowe/", views.risk_create, name="risk_create"),
    path(PLAN + "ryzyka/<int:pk>/", views.risk_edit, name="risk_edit"),
    path(PLAN + "ryzyka/<int:pk>/usun/", views.risk_delete, name="risk_delete"),
    path(PLAN + "przekaz/", views.submit, name="submit"),
    path(PLAN + "zatwierdz/", views.approve, name="approve"),
    path(PLAN + "poprawki/", views.request_changes, name="request_changes"),
    path(PLAN + "nowa-wersja/", views.new_version, name="new_version"),
    path(PLAN + "komentarze/", views.comment_create, name="comment_create"),
    path(PLAN + "komentarze/<int:pk>/rozwiazany/", views.comment_resolve, name="comment_resolve"),
    path(PLAN + "wersje/", views.versions, name="versions"),
    path(PLAN + "wersje/porownanie/", views.compare_versions, name="compare"),
    path(PLAN + "wersje/<int:number>/", views.version_detail, name="version_detail"),
    path(PLAN + "pdf/", views.pdf, name="pdf"),
    path(PLAN + "dzialania.xlsx", views.xlsx, name="xlsx"),
    path(PLAN + "historia/", views.history, name="history"),
    path(PLAN + "monitorowanie/", views.monitoring, name="monitoring"),
    path(PLAN + "monitorowanie/raporty/", views.report_create, name="report_create"),
    path(PLAN + "dzialania/<int:pk>/monitorowanie/", views.action_monitoring, name="action_monitoring"),
    path(PLAN + "dzialania/<int:pk>/postep/", views.action_progress, name="action_progress"),
    path(PLAN + "dzialania/<int:pk>/pomiary/", views.measurement_create, name="measurement_create"),
    path(PLAN + "dzialania/<int:pk>/dowody/", views.evidence_create, name="evidence_create"),
    path(PLAN + "dzialania/<int:pk>/dowody/<int:evidence_pk>/", views.evidence_download, name="evidence_download"),
]
