"""Bad input: every form of the project, posted with random and hostile values.

The form views are found in the URL configuration, so a new form cannot escape
the fuzz: ``test_every_form_view_can_be_filled`` fails until it is known here
which objects its URL needs. For every form view, each role that may use it
(and one that may not) posts what the page offers with up to four fields made
hostile (huge, negative, NaN and infinite numbers, 10k-character and null-byte
strings, injections, impossible dates, forged ids of the other gebied, lists
where one value is expected). Never a 500; a refusal writes nothing; a success
writes only rows that pass ``full_clean`` and the plausibility checks below.
Every example runs in a savepoint that is rolled back, so they are independent.
"""

from __future__ import annotations

import copy
import datetime
import os
from decimal import Decimal

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.generic.edit import FormMixin
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PIL import Image

from makelaars.models import Activiteit, ActiviteitFoto
from tests.factories import png_bytes
from tests.fuzzing import (
    ANONYMOUS,
    ROLES,
    baseline,
    forms_of,
    role_has_perms,
    run_fuzz,
    url_patterns,
)
from wijken.models import Wijk

# Other examples on every run (tests/fuzzing.py: the seed is printed, FUZZ_SEED replays
# it); FUZZ_EXAMPLES=200 for a deeper run by hand.
ALLOWED_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
DENIED_EXAMPLES = 3
EARLIEST_DATE = datetime.date(2000, 1, 1)
MAX_PLAUSIBLE_NUMBER = 1_000_000

# The objects a form view's URL points at, by URL name (from the small world).
URL_KWARGS = {
    "makelaars:activiteit_update": lambda w: {"pk": w.activiteit.pk},
    "makelaars:activiteit_delete": lambda w: {"pk": w.activiteit.pk},
    "makelaars:activiteit_duplicate": lambda w: {"pk": w.activiteit.pk},
    "initiatieven:initiatief_update": lambda w: {"pk": w.initiatief.pk},
    "initiatieven:veranderverhaal_update": lambda w: {"pk": w.initiatief.pk},
    "initiatieven:status_change": lambda w: {"pk": w.initiatief.pk},
    "initiatieven:financiering_create": lambda w: {"pk": w.initiatief.pk},
    "initiatieven:financiering_update": lambda w: {
        "pk": w.initiatief.pk,
        "fid": w.financiering.pk,
    },
    "initiatieven:telling_create": lambda w: {"pk": w.initiatief.pk},
    "buurtservice:klus_update": lambda w: {"pk": w.klus.pk},
    "buurtservice:klus_plan": lambda w: {"pk": w.klus.pk},
    "buurtservice:klus_complete": lambda w: {"pk": w.klus_ingepland.pk},
    "buurtservice:klus_cancel": lambda w: {"pk": w.klus.pk},
    "buurtservice:uitvoerder_update": lambda w: {"pk": w.uitvoerder.pk},
    "buurtservice:capaciteit_update": lambda w: {"pk": w.capaciteit.pk},
    "rapportage:jaarrapportage_update": lambda w: {"pk": w.rapport.pk},
    "rapportage:sectie_create": lambda w: {"pk": w.rapport.pk},
    "rapportage:sectie_update": lambda w: {"pk": w.sectie.pk},
    "rapportage:sectie_delete": lambda w: {"pk": w.sectie.pk},
    "wijken:medewerker_update": lambda w: {"pk": w.users["makelaar"].medewerker.pk},
    "wijken:gebied_update": lambda w: {"pk": w.gebied_a.pk},
    "wijken:wijk_update": lambda w: {"pk": w.wijk_a.pk},
    "wijken:thema_update": lambda w: {"pk": w.themas[0].pk},
    "wijken:organisatie_update": lambda w: {"pk": w.partners[0].pk},
    "wijken:organisatie_merge": lambda w: {"pk": w.partners[0].pk},
    "signalen:signaal_update": lambda w: {"pk": w.signaal.pk},
    "signalen:signaal_delete": lambda w: {"pk": w.signaal.pk},
    "signalen:vraagstuk_update": lambda w: {"pk": w.vraagstuk.pk},
    "signalen:vraagstuk_status": lambda w: {"pk": w.vraagstuk.pk},
    "signalen:contact_update": lambda w: {"pk": w.contact.pk},
    "metingen:vragenlijst_create": lambda w: {"pk": w.initiatief.pk},
    "metingen:vragenlijst_update": lambda w: {"pk": w.vragenlijst.pk},
    "metingen:duiding": lambda w: {"pk": w.vragenlijst.pk},
    "metingen_public:invullen": lambda w: {"token": w.vragenlijst.token},
    "rapportage:jaarrapportage_reopen": lambda w: {"pk": w.rapport_definitief.pk},
    "rapportage:planonderdeel_create": lambda w: {"pk": w.rapport.pk},
    "rapportage:planonderdeel_update": lambda w: {"pk": w.planonderdeel.pk},
    "rapportage:indicator_create": lambda w: {"pk": w.planonderdeel.pk},
    "rapportage:indicator_update": lambda w: {"pk": w.indicator.pk},
    "initiatieven:initiatief_delete": lambda w: {"pk": w.initiatief.pk},
    "initiatieven:status_delete": lambda w: {"pk": w.initiatief.pk, "sid": w.status_stap.pk},
    "initiatieven:financiering_delete": lambda w: {
        "pk": w.initiatief.pk,
        "fid": w.financiering.pk,
    },
    "initiatieven:telling_update": lambda w: {"pk": w.initiatief.pk, "tid": w.telling.pk},
    "initiatieven:telling_delete": lambda w: {"pk": w.initiatief.pk, "tid": w.telling.pk},
    "buurtservice:klus_correct": lambda w: {"pk": w.klus_uitgevoerd.pk},
    "buurtservice:klus_reopen": lambda w: {"pk": w.klus_uitgevoerd.pk},
    "buurtservice:klus_delete": lambda w: {"pk": w.klus.pk},
    "buurtservice:uitvoerder_delete": lambda w: {"pk": w.uitvoerder_los.pk},
    "signalen:vraagstuk_delete": lambda w: {"pk": w.vraagstuk.pk},
    "signalen:contact_delete": lambda w: {"pk": w.contact.pk},
    "metingen:vragenlijst_delete": lambda w: {"pk": w.vragenlijst.pk},
    "metingen:antwoordcodes": lambda w: {"pk": w.vragenlijst.pk},
    "password_reset_confirm": lambda w: {
        "uidb64": urlsafe_base64_encode(force_bytes(w.users["makelaar"].pk)),
        "token": default_token_generator.make_token(w.users["makelaar"]),
    },
}

# Records a role may only edit when it made them itself: that role's own record.
URL_KWARGS_BY_ROLE = {
    ("signalen:signaal_update", "buurtservice"): lambda w: {"pk": w.signaal_bs.pk},
    ("signalen:signaal_delete", "buurtservice"): lambda w: {"pk": w.signaal_bs.pk},
}


def _with_app(world) -> None:
    """The broker has set up two-step login, so the code page shows its form."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=world.users["makelaar"], name="app", confirmed=True)


# What a form view needs beyond the small world before its form shows.
PREPARE = {"twofactor_verify": _with_app}


def form_views() -> list[tuple[str, type, bool]]:
    """(URL name, view class, needs URL arguments) of every form view of the project."""
    found = {}
    for name, pattern in url_patterns():
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or name.startswith("admin:"):
            continue
        if getattr(view_class, "form_class", None) is not None or issubclass(view_class, FormMixin):
            found.setdefault(name, (name, view_class, bool(pattern.pattern.converters)))
    return sorted(found.values(), key=lambda item: item[0])


def _roles_for(view_class) -> list[tuple[str, bool]]:
    """(role, allowed by its permissions) to fuzz a view with: every role that
    holds its permission and the first one that does not (or nobody logged in)."""
    permission = getattr(view_class, "permission_required", None)
    if not permission:
        # Account pages: a logged-in user and nobody; the page itself decides.
        return [("makelaar", None), (ANONYMOUS, None)]
    allowed = [(role, True) for role in ROLES if role_has_perms(role, permission)]
    denied = [role for role in ROLES if not role_has_perms(role, permission)]
    return allowed + [(denied[0] if denied else ANONYMOUS, False)]


CASES = [
    pytest.param(name, view_class, role, allowed, id=f"{name}-{role}")
    for name, view_class, needs_kwargs in form_views()
    if not needs_kwargs or name in URL_KWARGS
    for role, allowed in _roles_for(view_class)
]


def test_every_form_view_can_be_filled():
    views = form_views()
    assert len(views) >= 20, [name for name, *_ in views]
    missing = [name for name, _cls, needs in views if needs and name not in URL_KWARGS]
    assert not missing, f"the fuzz does not know which object these forms edit: {missing}"
    for name, view_class, _needs in views:
        if getattr(view_class, "permission_required", None):
            assert issubclass(view_class, LoginRequiredMixin), name


# --- what a successful post may write -------------------------------------------


def _two_years_ahead(obj) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=2 * 366)


# Dates that may lie further ahead: a report's version date, up to the year after its year.
LATEST_DATES = {
    "rapportage.Jaarrapportage.versiedatum": lambda obj: datetime.date(obj.jaar + 1, 12, 31),
}


def _plausible(obj, user, role: str) -> list[str]:
    """What is wrong with a stored row: its own validation plus the checks a
    report relies on (dates from 2000 up to two years ahead, numbers 0..10^6,
    no null bytes, only rows the user may see, a broker's wijk in their gebied)."""
    problems = []
    model = obj._meta.model
    if not model._meta.auto_created:
        try:
            obj.full_clean()
        except ValidationError as error:
            problems.append(f"full_clean: {error.message_dict}")
    for field in model._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if value is None or field.primary_key:
            continue
        label = f"{model.__name__}.{field.name}={value!r}"[:200]
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            latest = LATEST_DATES.get(f"{model._meta.label}.{field.name}", _two_years_ahead)(obj)
            if not EARLIEST_DATE <= value <= latest:
                problems.append(f"implausible date {label}")
        elif isinstance(field, models.ForeignKey):
            target_model = field.related_model
            manager = target_model._default_manager
            if target_model is Wijk and role == "makelaar":
                if not Wijk.objects.of_user(user).filter(pk=value).exists():
                    problems.append(f"wijk outside the broker's gebied: {label}")
            elif (
                user is not None
                and hasattr(manager, "visible_to")
                and field.name not in ("aangemaakt_door", "door")
            ):
                if not manager.visible_to(user).filter(pk=value).exists():
                    problems.append(f"points at something the user cannot see: {label}")
        elif field.name.endswith("jaar"):
            if not EARLIEST_DATE.year <= value <= 2100:
                problems.append(f"implausible year {label}")
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            if not 0 <= value <= MAX_PLAUSIBLE_NUMBER:
                problems.append(f"implausible number {label}")
        elif isinstance(value, str) and "\x00" in value:
            problems.append(f"null byte in {label}")
        if isinstance(field, models.ImageField) and value:
            try:
                with field.storage.open(value.name) as handle:
                    Image.open(handle).verify()
            except Exception as error:  # noqa: BLE001 - any failure means: not an image
                problems.append(f"stored file is not an image: {label} ({error})")
    return problems


# Forms anyone may post without logging in, and the only rows they may write.
PUBLIC_WRITES = {
    "metingen_public:invullen": {
        "metingen.Inzending",
        "metingen.Antwoord",
        "metingen.Verzoekteller",
        "metingen.Dagzout",  # the rate limit's salt of the day
    },
}


# Rows that count attempts for a limit: written whether or not the post is accepted
# (checking photos costs the same work either way; the questionnaire's rate limit
# counts every post from an address).
ATTEMPT_COUNTERS = {"makelaars.FotoDagTelling", "metingen.Verzoekteller", "metingen.Dagzout"}

# Forms whose accepted post answers 200 with its result instead of a redirect: the
# answer codes are shown once, on the page that made them, and stored only hashed.
SHOWN_ON_SUCCESS = {"metingen:antwoordcodes"}


def check_written(keys, user, role: str, name: str = "") -> None:
    # The audit trail's copies are checked through their originals.
    keys = [key for key in keys if not apps.get_model(key[0]).__name__.startswith("Historical")]
    if name in PUBLIC_WRITES:
        stray = {label for label, _pk in keys} - PUBLIC_WRITES[name]
        assert not stray, f"the public form {name} wrote {stray}"
    else:
        assert user is not None or not keys, f"nobody logged in, yet {keys} were written"
    problems = []
    for label, pk in keys:
        model = apps.get_model(label)
        obj = model._default_manager.get(pk=pk)
        problems += _plausible(obj, user, role)
    assert not problems, problems


# --- hostile uploads ----------------------------------------------------------------


def hostile_uploads():
    png = png_bytes()
    return st.sampled_from(
        [
            ("foto.jpg", b"Dit is helemaal geen foto.", "image/jpeg"),
            (
                "x.png",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                "image/png",
            ),
            ("x.gif", b"<html><script>alert(1)</script></html>", "image/gif"),
            ("half.png", png[:20], "image/png"),
            ("leeg.jpg", b"", "image/jpeg"),
            ("x.txt", png, "text/plain"),
            ("echt.png", png, "image/png"),
            ("../../evil.png", png, "image/png"),
        ]
    ).map(lambda item: SimpleUploadedFile(*item))


# --- the fuzz ---------------------------------------------------------------------------


def _form_page(client, url: str):
    """The page with the form (following a password reset's redirect to its form)."""
    response = client.get(url)
    login_url = resolve_url(django_settings.LOGIN_URL)
    if response.status_code == 302 and not response.url.startswith(login_url):
        response = client.get(url, follow=True)
    return response


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(world_of_module, db):
    """Built once for this module: every post below is rolled back."""
    return world_of_module


@pytest.mark.parametrize(("name", "view_class", "role", "allowed"), CASES)
def test_hostile_posts_never_500_nor_garbage(
    name, view_class, role, allowed, world, clients, fuzz, media, request
):
    kwargs_of = URL_KWARGS_BY_ROLE.get((name, role), URL_KWARGS.get(name))
    url = reverse(name, kwargs=kwargs_of(world) if kwargs_of else None)
    if name in PREPARE:
        PREPARE[name](world)
    client = clients[role]
    user = world.users.get(role)
    page = _form_page(client, url)
    assert page.status_code != 500, fuzz.response_info(page)
    if allowed:
        assert page.status_code == 200, f"{role} may use {name} but GET gave {page.status_code}"
    login_url = resolve_url(django_settings.LOGIN_URL)
    sent_to_login = page.request["PATH_INFO"] == login_url and url != login_url
    if page.status_code == 200 and not sent_to_login:
        path = page.request["PATH_INFO"]
        may_post = allowed is not False
    else:
        # Refused: post what an allowed user's page offers.
        may_post = False
        assert page.status_code in (302, 403, 404), page.status_code
        other = next(r for r, ok in _roles_for(view_class) if ok is not False and r != role)
        page = _form_page(clients[other], url)
        assert page.status_code == 200, f"{other} cannot open {name}: {page.status_code}"
        path = url
    fields = fuzz.forms_of(page.content.decode(), path)
    fields = {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"}
    assert fields or name.endswith("_delete"), f"no form fields found on {path}"
    base = fuzz.baseline(fields, world.today)
    file_fields = [k for k, v in fields.items() if v.kind == "file"]
    examples = ALLOWED_EXAMPLES if may_post else DENIED_EXAMPLES

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        # No shrinking: it would replay a failing post hundreds of times.
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def post_hostile(data):
        payload = data.draw(fuzz.fuzzed_post(base, world.forged_ids), label="post")
        for file_field in file_fields:
            if data.draw(st.booleans(), label=f"upload {file_field}"):
                payload[file_field] = data.draw(hostile_uploads(), label=file_field)
        cookies = copy.deepcopy(client.cookies)
        try:
            with transaction.atomic():
                response = client.post(path, payload)
                assert response.status_code != 500, fuzz.response_info(response)
                after = fuzz.snapshot()
                keys = fuzz.written(before, after)
                status = response.status_code
                if not may_post:
                    assert status in (302, 403, 404, 405), status
                    assert not keys, f"{role} may not use {name}, yet wrote {keys}"
                elif status == 302 or (status == 200 and name in SHOWN_ON_SUCCESS and keys):
                    check_written(keys, user, role, name)
                else:
                    expected = (200, 400, 405, 409) if allowed else (200, 400, 403, 405, 409, 429)
                    assert status in expected, status
                    keys = [key for key in keys if key[0] not in ATTEMPT_COUNTERS]
                    assert not keys, f"a refused post ({status}) wrote {keys}"
                    if status == 200:
                        assert b"<form" in response.content, "a refused post shows its form again"
                transaction.set_rollback(True)
        finally:
            client.cookies = cookies

    # Every example starts from this state: each post is rolled back.
    before = fuzz.snapshot()
    run_fuzz(post_hostile, request.node.nodeid)


# --- uploads are checked by their content, not their name -----------------------------------


def _activity_post(client, world) -> dict:
    url = reverse("makelaars:activiteit_create")
    page = client.get(url)
    fields = forms_of(page.content.decode(), url)
    data = baseline(fields, world.today)
    data.pop("csrfmiddlewaretoken", None)
    data["titel"] = ["Fuzz buurtbarbecue"]
    return data


@pytest.mark.parametrize(
    ("filename", "content", "content_type"),
    [
        ("foto.jpg", b"Dit is tekst, geen foto.", "image/jpeg"),
        (
            "plaatje.png",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
            "image/png",
        ),
        ("foto.gif", b"<html><body><script>alert(1)</script></body></html>", "image/gif"),
        ("foto.webp", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "image/webp"),
    ],
)
def test_upload_that_is_no_image_is_refused_in_dutch(
    filename, content, content_type, world, clients, media
):
    client = clients["makelaar"]
    data = _activity_post(client, world)
    activities = Activiteit.objects.count()
    data["fotos"] = SimpleUploadedFile(filename, content, content_type=content_type)

    response = client.post(reverse("makelaars:activiteit_create"), data)

    assert response.status_code == 200
    assert f"Het bestand {filename} is geen afbeelding" in response.content.decode()
    assert Activiteit.objects.count() == activities
    assert not ActiviteitFoto.objects.exists()


def test_real_picture_with_a_wrong_name_is_never_a_500(world, clients, media):
    client = clients["makelaar"]
    data = _activity_post(client, world)
    data["fotos"] = SimpleUploadedFile("x.txt", png_bytes(), content_type="text/plain")

    response = client.post(reverse("makelaars:activiteit_create"), data)

    assert response.status_code in (200, 302)
    for foto in ActiviteitFoto.objects.all():
        with foto.bestand.open("rb") as handle:
            Image.open(handle).verify()
    if response.status_code == 200:
        assert "geen afbeelding" in response.content.decode()


def test_a_real_picture_is_accepted(world, clients, media):
    """The other side: the upload check does not refuse real photos."""
    client = clients["makelaar"]
    data = _activity_post(client, world)
    data["fotos"] = SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png")

    response = client.post(reverse("makelaars:activiteit_create"), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    foto = ActiviteitFoto.objects.get()
    assert foto.activiteit.titel == "Fuzz buurtbarbecue"


# --- what the fuzz found, replayed every time ------------------------------------------------

FOUND = [
    # (URL name, role, hostile fields); each was a 500 or stored garbage once.
    ("makelaars:activiteit_create", "makelaar", {"medewerkers": [str(2**63)]}),
    ("initiatieven:initiatief_create", "makelaar", {"themas": [str(2**63)]}),
    ("buurtservice:capaciteit_create", "buurtservice", {"startdatum": "1900-01-01"}),
    ("buurtservice:uitvoerder_create", "buurtservice", {"startdatum": "0100-04-04"}),
    ("buurtservice:klus_create", "buurtservice", {"aanvraagdatum": "1733-10-14"}),
    ("buurtservice:klus_plan", "buurtservice", {"datum": "9999-12-31"}),
    ("initiatieven:telling_create", "makelaar", {"vrijwilligers": "5349204505429045"}),
    ("initiatieven:financiering_create", "makelaar", {"bedrag": "5000000"}),
    ("rapportage:jaarrapportage_create", "coordinator", {"versiedatum": "0001-01-01"}),
    ("rapportage:jaarrapportage_update", "coordinator", {"versiedatum": "9999-12-31"}),
    ("rapportage:jaarrapportage_update", "coordinator", {"basisjaar": "1"}),
]


@pytest.mark.parametrize(("name", "role", "hostile"), FOUND, ids=[item[0] for item in FOUND])
def test_found_bad_input_is_refused(name, role, hostile, world, clients, fuzz, media):
    """The plausible post is accepted; with the value the fuzz found it is refused."""
    kwargs_of = URL_KWARGS_BY_ROLE.get((name, role), URL_KWARGS.get(name))
    url = reverse(name, kwargs=kwargs_of(world) if kwargs_of else None)
    client = clients[role]
    fields = fuzz.forms_of(client.get(url).content.decode(), url)
    data = fuzz.baseline(fields, world.today)
    if name == "buurtservice:klus_plan":
        data["uitvoerders"] = [str(world.uitvoerder.pk)]
    if name == "initiatieven:financiering_create":
        data["besluit_op"] = [""]
    if name == "buurtservice:capaciteit_create":
        data.update(startdatum=[world.today.isoformat()], einddatum=[""], uren_per_week=["24"])

    with transaction.atomic():
        before = fuzz.snapshot()
        refused = client.post(url, {**data, **hostile})
        assert refused.status_code == 200, fuzz.response_info(refused)
        assert fuzz.written(before, fuzz.snapshot()) == []
        transaction.set_rollback(True)

    accepted = client.post(url, data)
    assert accepted.status_code == 302, accepted.content.decode()[:3000]


def test_posting_to_the_buurtservice_overview_is_refused(clients, world):
    response = clients["coordinator"].post(reverse("buurtservice:overzicht"), {"periode": "2023"})
    assert response.status_code == 405


def test_logged_in_user_can_use_their_own_password_reset_link(world, clients):
    """Was a 500 (KeyError '_password_reset_token'): the audit trail read the user
    only after the new password was saved, which flushed the session."""
    user = world.users["makelaar"]
    client = clients["makelaar"]
    url = reverse("password_reset_confirm", kwargs=URL_KWARGS["password_reset_confirm"](world))
    form_path = client.get(url, follow=True).request["PATH_INFO"]

    response = client.post(
        form_path,
        {"new_password1": "Nieuw-wachtwoord-4711", "new_password2": "Nieuw-wachtwoord-4711"},
    )

    assert response.status_code == 302, getattr(response, "exc_info", None)
    user.refresh_from_db()
    assert user.check_password("Nieuw-wachtwoord-4711")
