"""Links a runner copies out of the app (calendar feed, report, password reset): built from the configured
`PUBLIC_URL`, so a forged Host header cannot put another site's address in front of a secret."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app

DEV_ORIGIN = "http://localhost:5000"


def public_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of `endpoint` under PUBLIC_URL (the dev server's address when it is not set). Works
    without a request too, for the command line."""
    base = urlsplit(current_app.config.get("PUBLIC_URL") or DEV_ORIGIN)
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    return adapter.build(endpoint, values, force_external=True)
