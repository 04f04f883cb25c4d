"""Headers on every response and the CSRF rule: every unsafe request carries a token, except bearer calls."""

from __future__ import annotations

from contextlib import suppress

from flask import Flask, Request, Response, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask.typing import ResponseReturnValue
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from runner_app.extensions import csrf
from runner_app.services.schemas import NUL_MESSAGE, nul_fields

SYNC_PATH = "/api/v1/sync"  # checked op by op
SECRET_PAGES = ("/reset/", "/report/")  # opened by a secret link, with no sign-in

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


# On every response unless the route set its own value: built once, added in one step.
SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
SECURITY_HEADER_NAMES = frozenset(name.lower() for name, _ in SECURITY_HEADERS)


def is_bearer_request() -> bool:
    return request.headers.get("Authorization", "").lower().startswith("bearer ")


def _is_bearer_api_call(req: Request) -> bool:
    return req.path.startswith("/api/") and req.headers.get("Authorization", "")[:7].lower() == "bearer "


class _NoSession(SecureCookieSession):
    """The session of a bearer-token API call: empty, and never sent back."""


class CookieSessionsForBrowsers(SecureCookieSessionInterface):
    """The signed cookie session, except for API calls made with a bearer token: the token says who calls,
    so no cookie is read or verified, and none is set (nor `Vary: Cookie`)."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if _is_bearer_api_call(request):
            return _NoSession()
        return super().open_session(app, request)

    def save_session(self, app: Flask, session: SecureCookieSession, response: Response) -> None:  # type: ignore[override]
        if isinstance(session, _NoSession):
            return
        super().save_session(app, session, response)


def _private() -> bool:
    """A response for a signed-in runner (page or API) or carrying a secret: never stored by a cache. Static
    files and the service worker's shell keep their own caching."""
    if request.endpoint in {"static", None} or request.path.startswith("/static/"):
        return False
    return bool(current_user.is_authenticated) or request.path.startswith(SECRET_PAGES)


def _has_body() -> bool:
    length = request.content_length
    return bool(length) or (length is None and "chunked" in request.headers.get("Transfer-Encoding", ""))


# How a NUL can reach a request: raw, percent-encoded (a query string or form) or as a JSON escape. Hex digits
# may be upper case (%00 has none to vary); a body in UTF-16 or UTF-32 holds raw zero bytes, and is walked.
_NUL_SPELLINGS = (b"\x00", b"%00", b"\\u0000")


def _may_hold_nul(raw: bytes) -> bool:
    return any(spelling in raw for spelling in _NUL_SPELLINGS)


def _nul_fields() -> list[str]:
    """The fields of the request holding a NUL. Most API requests cannot hold one, which their raw bytes
    show with no parsing: only the others, and forms (the CSRF check has parsed them), are walked field by
    field."""
    body = _has_body()
    form = request.mimetype in {"application/x-www-form-urlencoded", "multipart/form-data"}  # parsed already
    if not (form or _may_hold_nul(request.query_string) or (body and _may_hold_nul(request.get_data()))):
        return []
    sent = request.args.to_dict(flat=False) if request.args else {}
    if body and form:
        sent.update(request.form.to_dict(flat=False))
    fields = [name.rpartition(".")[0] for name in nul_fields(sent)] if sent else []  # "name.0": a first value
    if body and request.is_json and request.path != SYNC_PATH:
        with suppress(RecursionError):  # the route answers it as broken JSON
            fields += nul_fields(request.get_json(silent=True))
    return fields


def register_security_hooks(app: Flask) -> None:
    app.session_interface = CookieSessionsForBrowsers()
    hops = app.config["PROXY_FIX_HOPS"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]

    @app.before_request
    def _check_csrf() -> None:
        if request.method in {"GET", "HEAD", "OPTIONS"} or is_bearer_request():
            return
        if request.path.startswith("/api/") and not current_user.is_authenticated:
            return  # nothing to forge without a session: the route answers 401
        csrf.protect()

    @app.before_request
    def _refuse_nul() -> ResponseReturnValue | None:
        """A NUL character anywhere in what a request sends is refused before any route reads it: PostgreSQL
        cannot store it in text, and SQLite would keep what an export could not carry back. The sync batch
        checks each op on its own (api/sync.py), so one bad op does not refuse the others."""
        fields = _nul_fields()
        if not fields:
            return None
        if request.path.startswith("/api/"):
            from runner_app.api.errors import validation_problem

            return validation_problem({name: [NUL_MESSAGE] for name in fields})
        from runner_app.web.errors import render_error_page

        names = ", ".join(sorted(fields))
        return render_error_page(422, f"These fields hold a NUL character, which cannot be kept: {names}.")

    @app.after_request
    def _headers(response: Response) -> Response:
        headers = response.headers
        given = {name.lower() for name in headers.keys()}  # noqa: SIM118  (Headers iterates as pairs)
        if given.isdisjoint(SECURITY_HEADER_NAMES):
            headers.extend(SECURITY_HEADERS)
        else:
            headers.extend([(n, v) for n, v in SECURITY_HEADERS if n.lower() not in given])
        if "cache-control" not in given and _private():
            headers["Cache-Control"] = "no-store"  # kept by no shared or back cache
        if request.is_secure and "strict-transport-security" not in given:
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response
