from django.urls import path

from . import views

app_name = "makelaars"

urlpatterns = [
    path("", views.ActiviteitListView.as_view(), name="activiteit_list"),
    path("nieuw/", views.ActiviteitCreateView.as_view(), name="activiteit_create"),
    path("export/", views.ActiviteitExportView.as_view(), name="activiteit_export"),
    path(
        "filteropties/",
        views.ActiviteitFilterOptionsView.as_view(),
        name="activiteit_filter_options",
    ),
    path("mijn-cijfers/", views.MijnCijfersView.as_view(), name="mijn_cijfers"),
    path("<int:pk>/", views.ActiviteitDetailView.as_view(), name="activiteit_detail"),
    path("<int:pk>/bewerken/", views.ActiviteitUpdateView.as_view(), name="activiteit_update"),
    path("<int:pk>/voorbeeld/", views.VoorbeeldToggleView.as_view(), name="activiteit_voorbeeld"),
    path("<int:pk>/verwijderen/", views.ActiviteitDeleteView.as_view(), name="activiteit_delete"),
    path(
        "<int:pk>/dupliceer/",
        views.ActiviteitDuplicateView.as_view(),
        name="activiteit_duplicate",
    ),
]
