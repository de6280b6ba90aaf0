from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("model/", views.public_catalogue, name="public"),
    path("model/wersje/", views.version_list, name="version_list"),
    path("model/wersje/nowa/", views.version_create, name="version_create"),
    path("model/wersje/<int:number>/", views.version_detail, name="version_detail"),
    path("model/wersje/<int:number>/edytuj/", views.version_edit, name="version_edit"),
    path("model/wersje/<int:number>/publikuj/", views.version_publish, name="version_publish"),
    path("model/wersje/<int:number>/historia/", views.version_history, name="version_history"),
    path("model/wersje/<int:number>/obszary/nowy/", views.area_create, name="area_create"),
    path("model/wersje/<int:number>/obszary/<int:pk>/edytuj/", views.area_edit, name="area_edit"),
    path("model/wersje/<int:number>/obszary/<int:pk>/usun/", views.area_delete, name="area_delete"),
    path(
        "model/wersje/<int:number>/obszary/<int:pk>/rozwiazania/nowe/",
        views.solution_create,
        name="solution_create",
    ),
    path("model/wersje/<int:number>/rozwiazania/<int:pk>/edytuj/", views.solution_edit, name="solution_edit"),
    path("model/wersje/<int:number>/rozwiazania/<int:pk>/usun/", views.solution_delete, name="solution_delete"),
]
