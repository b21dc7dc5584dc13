from django.urls import path

from . import views

app_name = "metingen"

urlpatterns = [
    path("", views.VragenlijstListView.as_view(), name="vragenlijst_list"),
    path(
        "initiatief/<int:pk>/nieuw/",
        views.VragenlijstCreateView.as_view(),
        name="vragenlijst_create",
    ),
    path("<int:pk>/", views.VragenlijstDetailView.as_view(), name="vragenlijst_detail"),
    path("<int:pk>/bewerken/", views.VragenlijstUpdateView.as_view(), name="vragenlijst_update"),
    path("<int:pk>/link/", views.VragenlijstOpenView.as_view(), name="vragenlijst_open"),
    path("<int:pk>/codes/", views.AntwoordcodesView.as_view(), name="antwoordcodes"),
    path("<int:pk>/duiding/", views.DuidingView.as_view(), name="duiding"),
    path("<int:pk>/export/", views.ResultatenExportView.as_view(), name="resultaten_export"),
    path("<int:pk>/poster.pdf", views.PrintPdfView.as_view(kind="poster"), name="poster_pdf"),
    path("<int:pk>/kaart.pdf", views.PrintPdfView.as_view(kind="kaart"), name="kaart_pdf"),
]
