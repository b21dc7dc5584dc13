from django.urls import path

from . import views

app_name = "wijken"

urlpatterns = [
    path("beheer/", views.BeheerIndexView.as_view(), name="beheer"),
    path("beheer/medewerkers/", views.MedewerkerListView.as_view(), name="medewerker_list"),
    path(
        "beheer/medewerkers/nieuw/", views.MedewerkerCreateView.as_view(), name="medewerker_create"
    ),
    path(
        "beheer/medewerkers/<int:pk>/",
        views.MedewerkerUpdateView.as_view(),
        name="medewerker_update",
    ),
    path(
        "beheer/medewerkers/<int:pk>/deactiveren/",
        views.DeactivateView.as_view(),
        name="medewerker_deactivate",
    ),
    path(
        "beheer/medewerkers/<int:pk>/activeren/",
        views.ReactivateView.as_view(),
        name="medewerker_reactivate",
    ),
    path(
        "beheer/medewerkers/<int:pk>/wachtwoordlink/",
        views.PasswordLinkView.as_view(),
        name="medewerker_password_link",
    ),
    path("beheer/gebieden/", views.GebiedListView.as_view(), name="gebied_list"),
    path("beheer/gebieden/nieuw/", views.GebiedCreateView.as_view(), name="gebied_create"),
    path("beheer/gebieden/<int:pk>/", views.GebiedUpdateView.as_view(), name="gebied_update"),
    path("beheer/wijken/", views.WijkListView.as_view(), name="wijk_list"),
    path("beheer/wijken/nieuw/", views.WijkCreateView.as_view(), name="wijk_create"),
    path("beheer/wijken/<int:pk>/", views.WijkUpdateView.as_view(), name="wijk_update"),
    path("beheer/themas/", views.ThemaListView.as_view(), name="thema_list"),
    path("beheer/themas/nieuw/", views.ThemaCreateView.as_view(), name="thema_create"),
    path("beheer/themas/<int:pk>/", views.ThemaUpdateView.as_view(), name="thema_update"),
    # The sociale kaart's list and pages are in pages/ (they combine the registers).
    path("sociale-kaart/nieuw/", views.OrganisatieCreateView.as_view(), name="organisatie_create"),
    path(
        "sociale-kaart/<int:pk>/bewerken/",
        views.OrganisatieUpdateView.as_view(),
        name="organisatie_update",
    ),
    path(
        "sociale-kaart/<int:pk>/samenvoegen/",
        views.OrganisatieMergeView.as_view(),
        name="organisatie_merge",
    ),
]
