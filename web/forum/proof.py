"""The forum's optional proof of work: ALTCHA v1 challenges, solved in the visitor's browser
by our own script (static/forum-proof.js), verified here; no third-party service.

A challenge is signed with the secret key and expires after ``LIFETIME``: a solved one
could be replayed until then, which the per-client and per-address limits bound. Off unless
``RELAIS_FORUM_PROOF_OF_WORK`` (the largest number to try) is set.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from federation.settings import Settings

FIELD = "altcha"
LIFETIME = timedelta(minutes=20)


def enabled(settings: Settings) -> bool:
    """Whether the forum's forms ask for a proof of work."""
    return settings.forum_proof_of_work > 0


def challenge(settings: Settings) -> dict:
    """A fresh signed challenge, as the browser script reads it."""
    import altcha  # only where the proof of work is on: 11 MB in every web process else
    made = altcha.create_challenge_v1(
        hmac_key=settings.secret_key, max_number=settings.forum_proof_of_work,
        expires=datetime.now(timezone.utc) + LIFETIME)
    return made.to_dict()


def verified(settings: Settings, payload: str) -> bool:
    """Whether a form carries a solved, unexpired challenge of ours."""
    if not payload or len(payload) > 2000:
        return False
    import altcha
    try:
        ok, _error = altcha.verify_solution_v1(payload, settings.secret_key, True)
    except Exception:  # a payload that is not even base64 JSON
        return False
    return bool(ok)
