"""Errors the services raise; the web and API layers turn them into pages or problem+json."""

from __future__ import annotations


class NotFound(LookupError):
    """No such record for this user (missing, or someone else's: the two are indistinguishable)."""
