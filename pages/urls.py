from django.conf import settings
from django.urls import path

from . import sociale_kaart, views, wijk_views

app_name = "pages"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("wijken/", wijk_views.WijkListView.as_view(), name="wijk_list"),
    path("wijken/gebied/<int:pk>/", wijk_views.GebiedDetailView.as_view(), name="gebied_detail"),
    path("wijken/<int:pk>/", wijk_views.WijkDetailView.as_view(), name="wijk_detail"),
    path("sociale-kaart/", sociale_kaart.OrganisatieListView.as_view(), name="organisatie_list"),
    path(
        "sociale-kaart/<int:pk>/",
        sociale_kaart.OrganisatieDetailView.as_view(),
        name="organisatie_detail",
    ),
    # Uploaded files (activity photos, final report PDFs) only for who may see
    # their record; never served directly by the web server.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.MediaView.as_view(), name="media"),
]
