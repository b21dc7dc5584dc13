from django.contrib import admin
from django.urls import include, path

from core import export_views, health
from core import views as core_views
from core.twofactor import views as twofactor

urlpatterns = [
    path("", include("pages.urls")),
    path("", include("wijken.urls")),
    path("privacy/", core_views.PrivacyView.as_view(), name="privacy"),
    path("geschiedenis/", include("audit.urls")),
    path(
        "accounts/reset/<uidb64>/<token>/",
        core_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/login/",
        core_views.LoginView.as_view(),
        name="login",
    ),
    # Two-factor login: the steps after the password, then one's own overview
    # and the beheerders' reset page.
    path("accounts/tweestaps/code/", twofactor.VerifyView.as_view(), name="twofactor_verify"),
    path("accounts/tweestaps/instellen/", twofactor.SetupView.as_view(), name="twofactor_setup"),
    path(
        "accounts/tweestaps/reservecodes/",
        twofactor.BackupCodesView.as_view(),
        name="twofactor_backup_codes",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("tweestaps/", twofactor.OverviewView.as_view(), name="twofactor_overview"),
    path("tweestaps/beheer/", twofactor.ResetListView.as_view(), name="twofactor_reset_list"),
    path(
        "tweestaps/beheer/<int:pk>/herstellen/",
        twofactor.ResetView.as_view(),
        name="twofactor_reset",
    ),
    path("activiteiten/", include("makelaars.urls")),
    path("initiatieven/", include("initiatieven.urls")),
    path("buurtservice/", include("buurtservice.urls")),
    path("signalen/", include("signalen.urls")),
    path("metingen/", include("metingen.urls")),
    # The short public link of a residents' questionnaire (printed as a QR code).
    path("m/", include("metingen.public_urls")),
    path("rapportage/", include("rapportage.urls")),
    path("admin/", admin.site.urls),
    # Large exports made by the worker: progress and download (core.export_jobs).
    path("exports/<int:pk>/", export_views.ExportOpdrachtView.as_view(), name="export_opdracht"),
    path(
        "exports/<int:pk>/download/",
        export_views.ExportDownloadView.as_view(),
        name="export_download",
    ),
    # Health for the hosting party (core.health): no login, nothing personal.
    path("_healthz/", health.full_view(), name="healthz"),
    path("_healthz/livez/", health.liveness_view(), name="healthz_live"),
    path("_healthz/readyz/", health.readiness_view(), name="healthz_ready"),
]

admin.site.site_header = "Sterke Wijken"
admin.site.site_title = "Sterke Wijken"
