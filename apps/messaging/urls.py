from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("karty-jst/<int:pk>/wiadomosci/", views.thread, name="thread"),
    path("karty-jst/<int:pk>/wiadomosci/nowa/", views.post, name="post"),
    path("karty-jst/<int:pk>/wiadomosci/<int:message_pk>/zmien/", views.edit, name="edit"),
    path("karty-jst/<int:pk>/wiadomosci/<int:message_pk>/usun/", views.delete, name="delete"),
    path("karty-jst/<int:pk>/wiadomosci/zalaczniki/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("wiadomosci/powiadomienia/", views.notifications, name="notifications"),
]
