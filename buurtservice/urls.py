from django.urls import path

from . import views

app_name = "buurtservice"

urlpatterns = [
    path("", views.WachtlijstView.as_view(), name="wachtlijst"),
    path("export/", views.WachtlijstExportView.as_view(), name="wachtlijst_export"),
    path("klussen/", views.KlusListView.as_view(), name="klus_list"),
    path("klussen/export/", views.KlusExportView.as_view(), name="klus_export"),
    path("klussen/nieuw/", views.KlusCreateView.as_view(), name="klus_create"),
    path("klussen/<int:pk>/", views.KlusDetailView.as_view(), name="klus_detail"),
    path("klussen/<int:pk>/bewerken/", views.KlusUpdateView.as_view(), name="klus_update"),
    path("klussen/<int:pk>/plannen/", views.KlusPlanView.as_view(), name="klus_plan"),
    path("klussen/<int:pk>/afronden/", views.KlusCompleteView.as_view(), name="klus_complete"),
    path("klussen/<int:pk>/annuleren/", views.KlusCancelView.as_view(), name="klus_cancel"),
    path("klussen/<int:pk>/heropenen/", views.KlusReopenView.as_view(), name="klus_reopen"),
    path("klussen/<int:pk>/uren/", views.KlusCorrectView.as_view(), name="klus_correct"),
    path("klussen/<int:pk>/verwijderen/", views.KlusDeleteView.as_view(), name="klus_delete"),
    path("uitvoerders/", views.UitvoerderListView.as_view(), name="uitvoerder_list"),
    path("uitvoerders/export/", views.UitvoerderExportView.as_view(), name="uitvoerder_export"),
    path("uitvoerders/nieuw/", views.UitvoerderCreateView.as_view(), name="uitvoerder_create"),
    path("uitvoerders/<int:pk>/", views.UitvoerderDetailView.as_view(), name="uitvoerder_detail"),
    path(
        "uitvoerders/<int:pk>/bewerken/",
        views.UitvoerderUpdateView.as_view(),
        name="uitvoerder_update",
    ),
    path(
        "uitvoerders/<int:pk>/verwijderen/",
        views.UitvoerderDeleteView.as_view(),
        name="uitvoerder_delete",
    ),
    path("capaciteit/", views.CapaciteitListView.as_view(), name="capaciteit_list"),
    path("capaciteit/nieuw/", views.CapaciteitCreateView.as_view(), name="capaciteit_create"),
    path(
        "capaciteit/<int:pk>/bewerken/",
        views.CapaciteitUpdateView.as_view(),
        name="capaciteit_update",
    ),
    path("overzicht/", views.OverzichtView.as_view(), name="overzicht"),
    path("overzicht/export/", views.OverzichtExportView.as_view(), name="overzicht_export"),
]
