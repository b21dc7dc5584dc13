from django.urls import path

from . import pdf_views, plan_views, views

app_name = "rapportage"

urlpatterns = [
    path("", views.JaarrapportageListView.as_view(), name="jaarrapportage_list"),
    path("nieuw/", views.JaarrapportageCreateView.as_view(), name="jaarrapportage_create"),
    path("<int:pk>/", views.JaarrapportageDetailView.as_view(), name="jaarrapportage_detail"),
    path(
        "<int:pk>/bewerken/",
        views.JaarrapportageUpdateView.as_view(),
        name="jaarrapportage_update",
    ),
    path("<int:pk>/pdf/", views.JaarrapportagePdfView.as_view(), name="jaarrapportage_pdf"),
    path("<int:pk>/pdf/maken/", pdf_views.PdfOpdrachtCreateView.as_view(), name="pdf_create"),
    path("pdf/<int:pk>/", pdf_views.PdfOpdrachtView.as_view(), name="pdf_opdracht"),
    path(
        "pdf/<int:pk>/download/",
        pdf_views.PdfOpdrachtDownloadView.as_view(),
        name="pdf_opdracht_download",
    ),
    path(
        "<int:pk>/controle/", views.JaarrapportageCheckView.as_view(), name="jaarrapportage_check"
    ),
    path(
        "<int:pk>/definitief/",
        views.JaarrapportageFinalizeView.as_view(),
        name="jaarrapportage_finalize",
    ),
    path(
        "<int:pk>/heropenen/",
        views.JaarrapportageReopenView.as_view(),
        name="jaarrapportage_reopen",
    ),
    path("<int:pk>/secties/nieuw/", views.SectieCreateView.as_view(), name="sectie_create"),
    path("secties/<int:pk>/bewerken/", views.SectieUpdateView.as_view(), name="sectie_update"),
    path(
        "secties/<int:pk>/voorbeeld/", views.SectieVoorbeeldView.as_view(), name="sectie_voorbeeld"
    ),
    path("secties/<int:pk>/verwijderen/", views.SectieDeleteView.as_view(), name="sectie_delete"),
    path("secties/<int:pk>/verplaatsen/", views.SectieMoveView.as_view(), name="sectie_move"),
    path("versies/<int:pk>/download/", views.VersieDownloadView.as_view(), name="versie_download"),
    # Bijlage 2: plan items and their indicators
    path("<int:pk>/plan/", plan_views.PlanView.as_view(), name="plan"),
    path(
        "<int:pk>/plan/nieuw/",
        plan_views.PlanonderdeelCreateView.as_view(),
        name="planonderdeel_create",
    ),
    path(
        "plan/<int:pk>/bewerken/",
        plan_views.PlanonderdeelUpdateView.as_view(),
        name="planonderdeel_update",
    ),
    path(
        "plan/<int:pk>/verwijderen/",
        plan_views.PlanonderdeelDeleteView.as_view(),
        name="planonderdeel_delete",
    ),
    path(
        "plan/<int:pk>/indicatoren/nieuw/",
        plan_views.IndicatorCreateView.as_view(),
        name="indicator_create",
    ),
    path(
        "indicatoren/<int:pk>/bewerken/",
        plan_views.IndicatorUpdateView.as_view(),
        name="indicator_update",
    ),
    path(
        "indicatoren/<int:pk>/verwijderen/",
        plan_views.IndicatorDeleteView.as_view(),
        name="indicator_delete",
    ),
]
