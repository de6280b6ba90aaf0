from django.urls import path, re_path

from . import views

app_name = "territory"

urlpatterns = [
    path("rejestr-jst/", views.register, name="register"),
    path("rejestr-jst/znajdz/", views.find, name="find"),
    path("rejestr-jst/podpowiedzi/", views.suggestions, name="suggestions"),
    # TERYT codes: 2 digits (voivodeship), 4 (powiat), 7 (gmina or city with powiat rights).
    re_path(r"^rejestr-jst/(?P<teryt>\d{2}|\d{4}|\d{7})/$", views.detail, name="detail"),
]
