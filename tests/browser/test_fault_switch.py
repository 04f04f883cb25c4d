"""The PWA's server side without a browser: the fault switch exists only in apps made for testing, the
service worker is served fresh with its scope header, and its cache version follows the static files."""

from __future__ import annotations

from pathlib import Path

from runner_app import create_app
from runner_app.pwa.shell import scan


def test_the_fault_switch_does_not_exist_outside_testing(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    app = create_app({"SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": database})
    assert "pwa_faults" not in app.extensions
    assert app.test_client().get("/__test__/faults").status_code == 404


def test_the_service_worker_is_served_fresh_for_the_whole_site(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite3'}"})
    response = app.test_client().get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"
    text = response.get_data(as_text=True)
    version = app.extensions["pwa_shell"].version
    assert f'const VERSION = "{version}";' in text
    assert '"/static/js/outbox.js"' in text and '"/offline"' in text
    manifest = app.test_client().get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    assert manifest.get_json()["start_url"] == "/today"


def test_the_cache_version_changes_with_any_static_file(tmp_path: Path) -> None:
    static, templates = tmp_path / "static", tmp_path / "templates"
    (static / "js").mkdir(parents=True)
    (templates / "pwa").mkdir(parents=True)
    (static / "js" / "app.js").write_text("one")
    (templates / "pwa" / "sw.js").write_text("worker")
    first = scan(static, "/static", templates)
    assert first == scan(static, "/static", templates)
    (static / "js" / "app.js").write_text("two")
    second = scan(static, "/static", templates)
    (templates / "pwa" / "sw.js").write_text("worker 2")
    third = scan(static, "/static", templates)
    assert len({first.version, second.version, third.version}) == 3
    assert second.static_urls == ("/static/js/app.js",)
