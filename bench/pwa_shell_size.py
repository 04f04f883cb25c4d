"""Benchmark: the app shell's gzip transfer (target <= 60 KB).

The shell is what a phone fetches to have the app offline: the service worker, everything it precaches (CSS,
JS modules, icons, the offline page, the manifest) and the Today page a signed-in runner opens. Each text
file is gzipped at level 6 (a common server default), PNGs count as they are, and the sizes are added up.

    .venv/bin/python bench/pwa_shell_size.py
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade

from runner_app import create_app
from runner_app.pwa.shell import current_shell
from runner_app.services import users

TARGET_BYTES = 60 * 1024
PASSWORD = "correct horse battery staple"  # noqa: S105 (a throwaway bench account)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_COST": 8,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        upgrade()
        users.create_user("shell@example.com", PASSWORD)
        precache = current_shell().precache
    client = app.test_client()
    login = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login) or re.search(
        r'name="csrf_token" value="([^"]+)"', login
    )
    assert token, "no CSRF token on the sign-in page"
    signed_in = client.post(
        "/login", data={"email": "shell@example.com", "password": PASSWORD, "csrf_token": token.group(1)}
    )
    assert signed_in.status_code == 302, signed_in.status_code

    rows = []
    for url in ["/sw.js", "/today", *precache]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        raw = response.get_data()
        # PNGs are compressed already: servers send them as they are.
        packed = len(raw) if url.endswith(".png") else len(gzip.compress(raw, compresslevel=6))
        rows.append((url, len(raw), packed))

    width = max(len(url) for url, _, _ in rows)
    print(f"{'file':<{width}}  {'raw B':>8}  {'gzip B':>8}")
    for url, raw, packed in rows:
        print(f"{url:<{width}}  {raw:>8}  {packed:>8}")
    total_raw = sum(raw for _, raw, _ in rows)
    total = sum(packed for _, _, packed in rows)
    code = sum(packed for url, _, packed in rows if not url.endswith(".png"))
    print(f"{'total':<{width}}  {total_raw:>8}  {total:>8}")
    print(
        f"\napp shell gzip transfer: {total / 1024:.1f} KB (target <= {TARGET_BYTES // 1024} KB: "
        f"{'met' if total <= TARGET_BYTES else 'NOT met'}); "
        f"of which HTML/CSS/JS/JSON/SVG {code / 1024:.1f} KB, "
        f"PNG icons {(total - code) / 1024:.1f} KB"
    )


if __name__ == "__main__":
    main()
