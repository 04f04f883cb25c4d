"""The single-machine deployment: one gunicorn instance (two worker processes) on an SQLite file in WAL mode.

Runs in the SQLite pass (TEST_DATABASE_URL unset).
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from tests.deploy.conftest import Stack
from tests.deploy.load import Http, new_id, run_body
from tests.deploy.scenarios import check_kill, check_storm, kill_mid_burst, put_storm
from tests.deploy.stack import REPO, AppServer, Database, app_env, flask_cli


def test_the_database_runs_in_wal_mode(sqlite_stack: Stack) -> None:
    path = sqlite_stack.db.url.removeprefix("sqlite:///")
    Http(sqlite_stack.servers[0].url).get("/healthz")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_32_clients_x_200_puts_end_with_exactly_the_expected_rows(sqlite_stack: Stack) -> None:
    runner = sqlite_stack.runner()
    result = put_storm(sqlite_stack.servers[0].url, runner)
    print(f"\n32 x 200 PUTs, 1 instance x 2 workers, SQLite WAL: {result.seconds:.1f}s")
    check_storm(result, sqlite_stack.db, runner)


def _write_runs(base_url: str, token: str, count: int, seed: int, statuses: list[int]) -> None:
    http = Http(base_url, token)
    rng = random.Random(seed)
    try:
        for _ in range(count):
            statuses.append(http.put(f"/api/v1/runs/{new_id()}", run_body(rng)).status)
    finally:
        http.close()


def test_a_backup_taken_under_write_load_restores_to_a_working_app(
    sqlite_stack: Stack, tmp_path: Path
) -> None:
    url, runner = sqlite_stack.servers[0].url, sqlite_stack.runner()
    before: list[int] = []
    _write_runs(url, runner.token, 50, 1, before)
    backup, outputs, during = tmp_path / "backup.sqlite3", [], list[int]()
    writer = threading.Thread(target=_write_runs, args=(url, runner.token, 300, 2, during), daemon=True)
    writer.start()
    outputs.append(flask_cli(sqlite_stack.env, "backup", str(backup)))
    writer.join(120)

    assert before == [201] * 50
    assert during == [201] * 300, "the app kept taking writes during the backup"
    assert "integrity ok" in outputs[0]
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete", "one self-contained file"
    in_copy = Database(f"sqlite:///{backup}").count_runs(runner.user_id)
    assert 50 <= in_copy <= 350

    # Restore: the copy becomes the database of a new instance, which serves what it holds.
    restored = AppServer("app-restored", tmp_path, app_env(f"sqlite:///{backup}"), workers=1)
    try:
        restored.start()
        listed = Http(restored.url, runner.token).get("/api/v1/runs?from=1900-01-01&limit=200")
    finally:
        restored.stop()
    assert listed.status == 200
    assert len(listed.json()["items"]) == min(in_copy, 200)


def test_backup_refuses_to_overwrite_a_file_without_being_told(sqlite_stack: Stack, tmp_path: Path) -> None:
    target = tmp_path / "exists.sqlite3"
    target.write_text("keep me")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "flask", "--app", "app", "backup", str(target)],
        cwd=REPO,
        env=sqlite_stack.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "--overwrite" in result.stderr
    assert target.read_text() == "keep me"


def test_an_instance_killed_mid_burst_loses_no_acknowledged_write_and_retries_do_not_duplicate(
    sqlite_stack: Stack,
) -> None:
    server = sqlite_stack.servers[0]
    runner = sqlite_stack.runner()
    result = kill_mid_burst(server, runner)
    assert server.healthy()
    check_kill(result, sqlite_stack.db, runner)
