from django.urls import path

from . import views

app_name = "initiatieven"

urlpatterns = [
    path("", views.InitiatiefListView.as_view(), name="initiatief_list"),
    path("nieuw/", views.InitiatiefCreateView.as_view(), name="initiatief_create"),
    path("export/", views.InitiatiefExportView.as_view(), name="initiatief_export"),
    path(
        "filteropties/",
        views.InitiatiefFilterOptionsView.as_view(),
        name="initiatief_filter_options",
    ),
    path("<int:pk>/", views.InitiatiefDetailView.as_view(), name="initiatief_detail"),
    path("<int:pk>/bewerken/", views.InitiatiefUpdateView.as_view(), name="initiatief_update"),
    path(
        "<int:pk>/veranderverhaal/",
        views.VeranderverhaalUpdateView.as_view(),
        name="veranderverhaal_update",
    ),
    path("<int:pk>/status/", views.StatusChangeView.as_view(), name="status_change"),
    path(
        "<int:pk>/financiering/nieuw/",
        views.FinancieringCreateView.as_view(),
        name="financiering_create",
    ),
    path(
        "<int:pk>/financiering/<int:fid>/bewerken/",
        views.FinancieringUpdateView.as_view(),
        name="financiering_update",
    ),
    path("<int:pk>/telling/nieuw/", views.TellingCreateView.as_view(), name="telling_create"),
    path("<int:pk>/verwijderen/", views.InitiatiefDeleteView.as_view(), name="initiatief_delete"),
    path(
        "<int:pk>/status/<int:sid>/verwijderen/",
        views.StatusWijzigingDeleteView.as_view(),
        name="status_delete",
    ),
    path(
        "<int:pk>/financiering/<int:fid>/verwijderen/",
        views.FinancieringDeleteView.as_view(),
        name="financiering_delete",
    ),
    path(
        "<int:pk>/telling/<int:tid>/bewerken/",
        views.TellingUpdateView.as_view(),
        name="telling_update",
    ),
    path(
        "<int:pk>/telling/<int:tid>/verwijderen/",
        views.TellingDeleteView.as_view(),
        name="telling_delete",
    ),
]
