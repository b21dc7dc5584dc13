from django.urls import path

from . import views

app_name = "wijken"

urlpatterns = [
    path("", views.WijkListView.as_view(), name="wijk_list"),
    path("gebied/<int:pk>/", views.GebiedDetailView.as_view(), name="gebied_detail"),
    path("<int:pk>/", views.WijkDetailView.as_view(), name="wijk_detail"),
]
