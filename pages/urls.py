from django.conf import settings
from django.urls import path

from . import views, wijk_views

app_name = "pages"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("wijken/", wijk_views.WijkListView.as_view(), name="wijk_list"),
    path("wijken/gebied/<int:pk>/", wijk_views.GebiedDetailView.as_view(), name="gebied_detail"),
    path("wijken/<int:pk>/", wijk_views.WijkDetailView.as_view(), name="wijk_detail"),
    # Uploaded files (activity photos, final report PDFs) only for who may see
    # their record; never served directly by the web server.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.MediaView.as_view(), name="media"),
]
