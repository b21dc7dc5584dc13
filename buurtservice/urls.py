from django.urls import path  # noqa: F401

app_name = "buurtservice"

urlpatterns: list = []
