from django.urls import path

from . import views

app_name = "signalen"

urlpatterns = [
    path("", views.SignaalListView.as_view(), name="signaal_list"),
    path("nieuw/", views.SignaalCreateView.as_view(), name="signaal_create"),
    path("<int:pk>/bewerken/", views.SignaalUpdateView.as_view(), name="signaal_update"),
    path("<int:pk>/verwijderen/", views.SignaalDeleteView.as_view(), name="signaal_delete"),
    path("bijeen/", views.OverzichtView.as_view(), name="overzicht"),
    path("bijeen/gebied/<int:pk>/", views.OverzichtView.as_view(), name="overzicht_gebied"),
    path("bijeen/export/", views.SignaalExportView.as_view(), name="signaal_export"),
    path(
        "bijeen/gebied/<int:pk>/export/",
        views.SignaalExportView.as_view(),
        name="signaal_export_gebied",
    ),
    path("vraagstukken/", views.VraagstukListView.as_view(), name="vraagstuk_list"),
    path("vraagstukken/nieuw/", views.VraagstukCreateView.as_view(), name="vraagstuk_create"),
    path("vraagstukken/<int:pk>/", views.VraagstukDetailView.as_view(), name="vraagstuk_detail"),
    path(
        "vraagstukken/<int:pk>/bewerken/",
        views.VraagstukUpdateView.as_view(),
        name="vraagstuk_update",
    ),
    path(
        "vraagstukken/<int:pk>/verwijderen/",
        views.VraagstukDeleteView.as_view(),
        name="vraagstuk_delete",
    ),
    path(
        "vraagstukken/<int:pk>/stap/", views.VraagstukStatusView.as_view(), name="vraagstuk_status"
    ),
    path("buurtteam/", views.ContactListView.as_view(), name="contact_list"),
    path("buurtteam/nieuw/", views.ContactCreateView.as_view(), name="contact_create"),
    path("buurtteam/<int:pk>/bewerken/", views.ContactUpdateView.as_view(), name="contact_update"),
    path(
        "buurtteam/<int:pk>/verwijderen/", views.ContactDeleteView.as_view(), name="contact_delete"
    ),
]
