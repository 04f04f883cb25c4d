"""Routes of the PWA shell: the service worker, the manifest, the offline page and the session probe."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, render_template, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from runner_app.pwa import bp
from runner_app.pwa.shell import current_shell, init_shell
from runner_app.web.log.catalogue import exercise_measures

THEME = "#0b6e4f"
BACKGROUND = "#f7f7f5"


@bp.record_once
def _scan_shell(state: Any) -> None:
    init_shell(state.app)


@bp.app_template_global("pwa_exercise_measures")
def _exercise_measures() -> dict[str, str]:
    """What each exercise counts (reps, seconds or steps), for the strength form's offline payloads."""
    return exercise_measures()


@bp.get("/sw.js")
def service_worker() -> Response:
    shell = current_shell()
    body = render_template("pwa/sw.js", version=shell.version, precache=shell.precache)
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


def manifest_document() -> dict[str, Any]:
    def icon(name: str, size: int, purpose: str) -> dict[str, str]:
        return {
            "src": url_for("static", filename=f"icons/{name}"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": purpose,
        }

    return {
        "id": "/",
        "name": "Runner: training log",
        "short_name": "Runner",
        "description": "Log runs, pain and strength work, with or without signal; get today's training.",
        "lang": "en",
        "start_url": "/today",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": [
            icon("icon-192.png", 192, "any"),
            icon("icon-512.png", 512, "any"),
            icon("icon-512-maskable.png", 512, "maskable"),
        ],
        "shortcuts": [
            {"name": "Log a run", "url": "/log/run"},
            {"name": "Pain check-in", "url": "/log/pain"},
        ],
    }


@bp.get("/manifest.webmanifest")
def manifest() -> Response:
    response = jsonify(manifest_document())
    response.mimetype = "application/manifest+json"
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/offline")
def offline() -> str:
    """The page shown for a page that is not on the phone yet; the same for everyone (no user data)."""
    return render_template("pwa/offline.html")


@bp.get("/pwa/session")
def session_probe() -> tuple[Response, int] | Response:
    """Who the session belongs to and a fresh CSRF token: the outbox checks both before it sends anything."""
    if not current_user.is_authenticated:
        response = jsonify({"signed_in": False})
        status = 401
    else:
        response = jsonify({"signed_in": True, "user_id": current_user.id, "csrf_token": generate_csrf()})
        status = 200
    response.headers["Cache-Control"] = "no-store"
    return response, status
