from django.urls import path

from . import views

app_name = "programmes"

MANAGE = "model/wersje/<int:number>/programy/"

urlpatterns = [
    path("programy/", views.programme_list, name="list"),
    path("programy/<uuid:key>/", views.programme_detail, name="detail"),
    path("programy/<uuid:key>/pdf/", views.programme_pdf, name="pdf"),
    path("programy/<uuid:key>/scenariusze/<int:number>/", views.scenario_detail, name="scenario"),
    path(MANAGE, views.version_programmes, name="version_list"),
    path(MANAGE + "nowy/", views.programme_create, name="create"),
    path(MANAGE + "<int:pk>/", views.programme_manage, name="manage"),
    path(MANAGE + "<int:pk>/edytuj/", views.programme_edit, name="edit"),
    path(MANAGE + "<int:pk>/publikuj/", views.programme_publish, name="publish"),
    path(MANAGE + "<int:pk>/wycofaj/", views.programme_withdraw, name="withdraw"),
    path(MANAGE + "<int:pk>/scenariusze/nowy/", views.scenario_create, name="scenario_create"),
    path(MANAGE + "<int:pk>/scenariusze/<int:scenario_pk>/edytuj/", views.scenario_edit, name="scenario_edit"),
    path(MANAGE + "<int:pk>/scenariusze/<int:scenario_pk>/usun/", views.scenario_delete, name="scenario_delete"),
    path(MANAGE + "<int:pk>/produkty/nowy/", views.product_create, name="product_create"),
    path(MANAGE + "<int:pk>/produkty/<int:product_pk>/usun/", views.product_delete, name="product_delete"),
]
