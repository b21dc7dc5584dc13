from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import CachedOptionsMixin
from core.visibility import sees_all_gebieden
from core.widgets import DateInput
from wijken.models import Wijk

from .choices import Herkomst, KlusSoort, KlusStatus, UitvoerderSoort, Verwijzer
from .models import Klus, Uitvoerder, sees_requester_data


def wijken_for(request):
    """The wijken whose jobs the user can see (all for Buurtservice and coordinators)."""
    if request is None:
        return Wijk.objects.none()
    user = request.user
    if sees_all_gebieden(user) or sees_requester_data(user):
        return Wijk.objects.visible_to(user)
    return Wijk.objects.of_user(user)


class WachtlijstFilter(CachedOptionsMixin, django_filters.FilterSet):
    wijk = django_filters.ModelChoiceFilter(
        label=_("District"), queryset=wijken_for, empty_label=_("All districts")
    )
    # The wijken come from the data cache (see core.filters).
    cached_options = {"wijk": ("wijken",)}
    soort = django_filters.ChoiceFilter(
        label=_("Kind"), choices=KlusSoort.choices, empty_label=_("All kinds")
    )

    class Meta:
        model = Klus
        fields = ["wijk", "soort"]


class KlusFilter(WachtlijstFilter):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=KlusStatus.choices, empty_label=_("All statuses")
    )
    verwijzer = django_filters.ChoiceFilter(
        label=_("Referred by"), choices=Verwijzer.choices, empty_label=_("All referrers")
    )
    van = django_filters.DateFilter(
        label=_("Requested from"),
        field_name="aanvraagdatum",
        lookup_expr="gte",
        widget=DateInput,
    )
    tot = django_filters.DateFilter(
        label=_("Requested up to and including"),
        field_name="aanvraagdatum",
        lookup_expr="lte",
        widget=DateInput,
    )

    class Meta:
        model = Klus
        fields = ["status", "wijk", "soort", "verwijzer", "van", "tot"]


class UitvoerderFilter(django_filters.FilterSet):
    soort = django_filters.ChoiceFilter(
        label=_("Kind"), choices=UitvoerderSoort.choices, empty_label=_("All kinds")
    )
    herkomst = django_filters.ChoiceFilter(
        label=_("Origin"), choices=Herkomst.choices, empty_label=_("All origins")
    )
    actief = django_filters.ChoiceFilter(
        label=_("Active"),
        choices=[("ja", _("Active now")), ("nee", _("Left"))],
        empty_label=_("Everyone"),
        method="filter_actief",
    )

    class Meta:
        model = Uitvoerder
        fields = ["soort", "herkomst", "actief"]

    def filter_actief(self, queryset, name, value):
        today = timezone.localdate()
        if value == "ja":
            return queryset.active_on(today)
        if value == "nee":
            return queryset.filter(Q(einddatum__lt=today))
        return queryset
