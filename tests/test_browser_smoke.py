"""The browser fixtures work: chromium loads the login page from the live server."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def test_login_page_loads_in_browser_without_external_requests(page, live_server):
    external: list[str] = []
    failed: list[str] = []

    def record_request(request):
        url = urlsplit(request.url)
        if url.scheme not in {"data", "blob", "about"} and url.hostname not in LOCAL_HOSTS:
            external.append(request.url)

    def record_response(response):
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("request", record_request)
    page.on("response", record_response)

    response = page.goto(live_server.url + "/accounts/login/")
    page.wait_for_load_state("networkidle")

    assert response is not None
    assert response.status == 200
    assert not failed, f"page resources failed to load: {failed}"
    # Everything (CSS, JS, fonts) comes from our own server, never from a CDN.
    assert not external, f"requests to other hosts: {external}"
