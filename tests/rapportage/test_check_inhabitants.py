"""The check page warns about wijken without a number of inhabitants."""

from __future__ import annotations

from django.urls import reverse

from wijken.models import Wijk


def check_section(client, rapportage) -> str:
    html = client.get(reverse("rapportage:jaarrapportage_check", args=[rapportage.pk]))
    return html.content.decode().split('id="controle-inwoners"')[1].split("</section>")[0]


def test_check_page_lists_wijken_without_inhabitants_with_a_link_for_the_beheerder(
    client, coordinator, beheerder, year_data, wijk_a, wijk_b
):
    Wijk.objects.exclude(pk=wijk_a.pk).update(inwoners=4250)
    Wijk.objects.filter(pk=wijk_a.pk).update(inwoners=None)
    rapportage = year_data["rapportage"]

    client.force_login(beheerder)
    section = check_section(client, rapportage)
    assert "Wijken zonder aantal inwoners" in section
    assert f"{wijk_a.naam} ({wijk_a.gebied.naam})" in section
    assert reverse("wijken:wijk_update", args=[wijk_a.pk]) in section
    assert wijk_b.naam not in section

    # The coordinator sees the warning too, without a link to a page they may not open.
    client.force_login(coordinator)
    section = check_section(client, rapportage)
    assert f"{wijk_a.naam} ({wijk_a.gebied.naam})" in section
    assert reverse("wijken:wijk_update", args=[wijk_a.pk]) not in section


def test_no_warning_once_every_wijk_has_inhabitants(client, beheerder, year_data):
    Wijk.objects.update(inwoners=1200)
    client.force_login(beheerder)
    section = check_section(client, year_data["rapportage"])
    assert '<span class="badge text-bg-success">0</span>' in section
