from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("verwijderd/", views.VerwijderdView.as_view(), name="verwijderd"),
    path("<str:model>/<int:pk>/", views.GeschiedenisView.as_view(), name="geschiedenis"),
    path(
        "<str:model>/herstellen/<int:history_id>/",
        views.HerstellenView.as_view(),
        name="herstellen",
    ),
]
