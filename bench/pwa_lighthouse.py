"""Benchmark: Lighthouse (mobile) scores of Today and the run form, signed in (targets 100 each).

Needs npm (it runs `npx --yes lighthouse@12`) and Chromium at /usr/bin/chromium; prints the four category
scores per page and the audits that cost points. Not a test.

    .venv/bin/python bench/pwa_lighthouse.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade
from werkzeug.serving import WSGIRequestHandler, make_server

from runner_app import create_app
from runner_app.services import users

PASSWORD = "correct horse battery staple"  # noqa: S105 (a throwaway bench account)
PAGES = ("/today", "/log/run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class Quiet(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


def session_cookie(app: Any) -> str:
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token, "no CSRF token on the sign-in page"
    response = client.post(
        "/login", data={"email": "lighthouse@example.com", "password": PASSWORD, "csrf_token": token.group(1)}
    )
    assert response.status_code == 302, response.status_code
    cookie = client.get_cookie("session")
    assert cookie is not None
    return f"session={cookie.value}"


def main() -> None:
    if not shutil.which("npx") or not Path("/usr/bin/chromium").exists():
        print("skipped: needs npx and /usr/bin/chromium")
        return
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'lh.sqlite3'}",
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_COST": 8,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        upgrade()
        users.create_user("lighthouse@example.com", PASSWORD)
    cookie = session_cookie(app)
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for path in PAGES:
            out = folder / f"{path.strip('/').replace('/', '-')}.json"
            subprocess.run(
                [
                    "npx",
                    "--yes",
                    "lighthouse@12",
                    f"http://127.0.0.1:{server.server_port}{path}",
                    "--quiet",
                    "--output=json",
                    f"--output-path={out}",
                    "--form-factor=mobile",
                    f"--only-categories={','.join(CATEGORIES)}",
                    f"--extra-headers={json.dumps({'Cookie': cookie})}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic "
                    "--disable-background-networking --disable-component-update --disable-sync",
                ],
                check=True,
                env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                timeout=300,
            )
            report = json.loads(out.read_text())
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            print(f"{path}: " + ", ".join(f"{c} {s}" for c, s in scores.items()))
            for audit in report["audits"].values():
                score = audit.get("score")
                if score is not None and score < 1 and audit.get("scoreDisplayMode") in {"binary", "numeric"}:
                    print(f"    {audit['id']}: {score} {audit.get('displayValue', '')}")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
