from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import audit, views
from .forms import LoginForm

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path(
        "geschiedenis/<str:model>/<int:pk>/",
        audit.GeschiedenisView.as_view(),
        name="geschiedenis",
    ),
    path("geschiedenis/verwijderd/", audit.VerwijderdView.as_view(), name="verwijderd"),
    path(
        "geschiedenis/<str:model>/herstellen/<int:history_id>/",
        audit.HerstellenView.as_view(),
        name="herstellen",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("wijken/", include("wijken.urls")),
    path("activiteiten/", include("makelaars.urls")),
    path("initiatieven/", include("initiatieven.urls")),
    path("buurtservice/", include("buurtservice.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("admin/", admin.site.urls),
    # Uploaded files (activity photos, final report PDFs) only for who may see
    # their record; never served directly by the web server.
    path(
        f"{settings.MEDIA_URL.strip('/')}/<path:path>",
        views.MediaView.as_view(),
        name="media",
    ),
]

admin.site.site_header = "Sterke Wijken"
admin.site.site_title = "Sterke Wijken"
