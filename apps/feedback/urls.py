from django.urls import path

from . import views

app_name = "feedback"

ROOT = "uwagi-do-modelu/"

urlpatterns = [
    path(ROOT, views.register, name="register"),
    path(ROOT + "nowa/", views.remark_create, name="remark_create"),
    path(ROOT + "moje/", views.my_remarks, name="my_remarks"),
    path(ROOT + "eksport/<str:fmt>/", views.export, name="export"),
    path(ROOT + "<int:pk>/", views.remark_detail, name="detail"),
    path(ROOT + "<int:pk>/stan/", views.remark_status, name="status"),
    path(ROOT + "<int:pk>/polacz/", views.remark_merge, name="merge"),
    path(ROOT + "<int:pk>/wersja/", views.remark_link, name="link"),
]
