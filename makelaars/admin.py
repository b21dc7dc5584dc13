from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.images import sanitise_image
from core.versioned_admin import VersionedAdminMixin

from .models import Activiteit, ActiviteitFoto, ActiviteitLink


class LinkInline(admin.TabularInline):
    model = ActiviteitLink
    extra = 0


class FotoForm(forms.ModelForm):
    """A photo added in the admin is checked and re-encoded like one added in the app."""

    # A plain file field: core.images checks the picture (Django's ImageField would
    # open it with all of Pillow's formats first).
    bestand = forms.FileField(label=ActiviteitFoto._meta.get_field("bestand").verbose_name)

    class Meta:
        model = ActiviteitFoto
        fields = ["bestand", "bijschrift"]

    def clean_bestand(self):
        upload = self.cleaned_data.get("bestand")
        if upload is not None and upload is not self.initial.get("bestand"):
            return sanitise_image(upload)
        return upload


class FotoInline(admin.TabularInline):
    model = ActiviteitFoto
    form = FotoForm
    extra = 0


@admin.register(Activiteit)
class ActiviteitAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["datum", "titel", "wijk", "soort", "rol", "bewoners_bereikt", "is_voorbeeld"]
    list_filter = ["soort", "rol", "is_voorbeeld", "wijk__gebied", "wijk", "themas"]
    search_fields = ["titel", "beschrijving", "opbrengst"]
    date_hierarchy = "datum"
    list_select_related = ["wijk"]
    autocomplete_fields = ["wijk", "initiatief", "partners", "medewerkers"]
    filter_horizontal = ["themas"]
    inlines = [LinkInline, FotoInline]
