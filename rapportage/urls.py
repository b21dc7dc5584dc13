from django.urls import path

from . import views

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
    path("secties/<int:pk>/verwijderen/", views.SectieDeleteView.as_view(), name="sectie_delete"),
    path("secties/<int:pk>/verplaatsen/", views.SectieMoveView.as_view(), name="sectie_move"),
    path("versies/<int:pk>/download/", views.VersieDownloadView.as_view(), name="versie_download"),
]
