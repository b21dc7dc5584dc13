"""The wijk pages use the same two gebieden, brokers and coordinator as the log."""

from tests.makelaars.conftest import (  # noqa: F401
    client_for,
    collega,
    coordinator,
    fast_password_hasher,
    gebied_a,
    gebied_b,
    makelaar,
    makelaar_b,
    media_root,
    wijk_a,
    wijk_b,
)
