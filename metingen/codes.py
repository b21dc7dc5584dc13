"""One-time answer codes: what they look like, and how one is kept (as a hash).

A code is printed on a slip that a broker hands to one resident; the public
questionnaire takes an answer only with an unused code (``services``).
"""

from __future__ import annotations

import hashlib
import secrets

# No 0/O, 1/I/L: a resident types the code from paper without doubt.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# 31**8 is about 8.5e11: guessing one of a few hundred codes through the rate
# limit would take longer than any questionnaire runs.
LENGTH = 8
MAX_AT_ONCE = 200


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(code: str) -> str:
    """A typed code as it was printed: capitals, without spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def key(code: str) -> str:
    """What is stored of a code: its SHA-256, so the database holds no usable code."""
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def display(code: str) -> str:
    """``K7QM3XPD`` as ``K7QM 3XPD``: easier to read off a slip and type."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"
