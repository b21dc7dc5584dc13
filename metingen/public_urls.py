"""The public, short links residents open from a QR code (no account needed)."""

from django.urls import path

from . import views

app_name = "metingen_public"

urlpatterns = [
    path("<str:token>/", views.InvullenView.as_view(), name="invullen"),
    path("<str:token>/bedankt/", views.BedanktView.as_view(), name="bedankt"),
]
