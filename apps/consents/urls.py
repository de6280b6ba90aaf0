from django.urls import path

from . import views

app_name = "consents"

urlpatterns = [
    path("organizatorzy/<slug:slug>/klauzula-informacyjna/", views.clause_edit, name="clause_edit"),
    path("klauzula-informacyjna/<slug:slug>/", views.public_clause, name="public_clause"),
    path("konto/zgody/", views.my_consents, name="mine"),
    path("konto/zgody/<int:pk>/wycofaj/", views.withdraw, name="withdraw"),
]
