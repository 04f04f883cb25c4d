"""The production topology as subprocesses on 127.0.0.1: gunicorn app servers, nginx, Redis, a database.

Every process runs in its own process group with its output in a log file, is waited for with a deadline,
and is stopped (SIGTERM, then SIGKILL) by the fixture that started it.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis

REPO = Path(__file__).resolve().parents[2]
SECRET_KEY = "deploy-tests-" + "k" * 40  # shared by every instance: a session cookie works on all of them
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
CLI_TIMEOUT_S = 60.0


def binary(name: str) -> str:
    """The path of a Debian binary; skipped locally when missing, a failure in CI."""
    found = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()), None
    )
    if found:
        return found
    message = f"{name} is missing (apt-get install {'nginx-light' if name == 'nginx' else name})"
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": the deploy tests must run in CI")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_until(check: Callable[[], bool], what: str, timeout_s: float, proc: Process | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and not proc.running():
            pytest.fail(f"{proc.name} exited while waiting for {what}:\n{proc.log_tail()}")
        if check():
            return
        time.sleep(0.1)
    pytest.fail(
        f"timed out after {timeout_s:.0f}s waiting for {what}" + (f"\n{proc.log_tail()}" if proc else "")
    )


@dataclass
class Process:
    """A subprocess in its own process group, its output appended to `log_path`."""

    name: str
    argv: list[str]
    log_path: Path
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    cwd: Path = REPO
    popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.popen = subprocess.Popen(  # noqa: S603  (our own argv, no shell)
                self.argv,
                cwd=self.cwd,
                env=dict(self.env),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal_group(self, sig: signal.Signals) -> None:
        if self.popen is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)

    def kill(self) -> None:
        """SIGKILL the whole group (master and workers), as a crash or the OOM killer would."""
        self.signal_group(signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait(timeout=STOP_TIMEOUT_S)

    def stop(self) -> None:
        if self.popen is None:
            return
        if self.popen.poll() is None:
            self.signal_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=STOP_TIMEOUT_S)
        self.signal_group(signal.SIGKILL)  # workers that outlived their master, if any
        if self.popen.poll() is None:
            self.popen.wait(timeout=STOP_TIMEOUT_S)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def app_env(database_url: str, redis_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "GUNICORN_", "WEB_"))}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY=SECRET_KEY,
        ARGON2_TIME_COST="1",
        ARGON2_MEMORY_COST="1024",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def flask_cli(env: Mapping[str, str], *args: str, stdin: str | None = None) -> str:
    """Run `flask --app app ARGS` as an operator would; its stdout."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "flask", "--app", "app", *args],
        cwd=REPO,
        env=dict(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"flask {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


@dataclass
class Runner:
    email: str
    token: str
    user_id: int


def create_runner(env: Mapping[str, str], password: str = "correct horse battery") -> Runner:  # noqa: S107
    """A runner and a bearer token, made with the documented commands."""
    email = f"runner-{uuid.uuid4().hex[:10]}@example.com"
    created = flask_cli(env, "user", "create", email, stdin=password + "\n")
    user_id = int(created.rsplit("(id ", 1)[1].split(")", 1)[0])
    token = flask_cli(env, "user", "token", email).strip()
    return Runner(email, token, user_id)


class AppServer:
    """`gunicorn -c gunicorn.conf.py app:app` on its own loopback port."""

    def __init__(
        self,
        name: str,
        workdir: Path,
        env: Mapping[str, str],
        workers: int = 2,
        app: tuple[str, ...] = ("app:app",),
    ) -> None:
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**env, "BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": str(workers)}
        argv = [sys.executable, "-m", "gunicorn", "-c", str(REPO / "gunicorn.conf.py"), *app]
        self.process = Process(name, argv, workdir / f"{name}.log", env)

    def start(self) -> None:
        self.process.start()
        wait_until(self.healthy, f"{self.name} /healthz", START_TIMEOUT_S, self.process)

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:  # noqa: S310
                return bool(response.status == 200)
        except (OSError, urllib.error.URLError):
            return False

    def kill(self) -> None:
        self.process.kill()

    def stop(self) -> None:
        self.process.stop()


class Nginx:
    """nginx on a loopback port, round-robin over the given app servers; `X-Upstream` names the one used."""

    def __init__(self, workdir: Path, upstreams: list[AppServer]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        prefix = workdir / "nginx"
        prefix.mkdir(exist_ok=True)
        servers = "\n".join(f"    server 127.0.0.1:{s.port} max_fails=0;" for s in upstreams)
        temp = "\n".join(
            f"  {kind}_temp_path {prefix}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        conf = prefix / "nginx.conf"
        conf.write_text(f"""
daemon off;
master_process on;
worker_processes 1;
user {pwd.getpwuid(os.geteuid()).pw_name};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
{temp}
  upstream app {{
{servers}
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{self.port};
    client_max_body_size 16m;
    location / {{
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host;
      proxy_set_header X-Request-ID $request_id;
      proxy_next_upstream off;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
""")
        self.process = Process(
            "nginx", [binary("nginx"), "-p", str(prefix), "-c", str(conf)], prefix / "stdout.log"
        )

    def start(self) -> None:
        self.process.start()
        wait_until(lambda: port_open(self.port), "nginx", START_TIMEOUT_S, self.process)

    def stop(self) -> None:
        self.process.stop()


class Redis:
    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        argv = [
            binary("redis-server"),
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
            "--protected-mode",
            "yes",
        ]
        self.process = Process("redis", argv, workdir / "redis.log")

    def start(self) -> None:
        self.process.start()
        wait_until(lambda: port_open(self.port), "redis-server", START_TIMEOUT_S, self.process)

    def flush(self) -> None:
        client = redis.Redis.from_url(self.url)
        try:
            client.flushdb()
        finally:
            client.close()

    def stop(self) -> None:
        self.process.stop()


class Database:
    """Read-only looks at the rows, straight from the database (not through the app under test)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        if self.url.startswith("sqlite:///"):
            conn = sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30)
            try:
                return list(conn.execute(sql, params).fetchall())
            finally:
                conn.close()
        with psycopg.connect(self.url, connect_timeout=5) as pg:
            return list(pg.execute(sql.replace("?", "%s"), params).fetchall())

    def runs(self, user_id: int) -> dict[uuid.UUID, tuple[int, float]]:
        """The runner's runs: id -> (version, distance_m)."""
        rows = self._rows("SELECT id, version, distance_m FROM runs WHERE user_id = ?", (user_id,))
        return {uuid.UUID(str(r[0])): (int(r[1]), float(r[2])) for r in rows}

    def count_runs(self, user_id: int) -> int:
        return int(self._rows("SELECT count(*) FROM runs WHERE user_id = ?", (user_id,))[0][0])

    def cached_today_answers(self, user_id: int) -> int:
        """How many whole `today` answers the coach's shared cache holds for the runner."""
        sql = "SELECT count(*) FROM coach_days WHERE user_id = ? AND today IS NOT NULL"
        return int(self._rows(sql, (user_id,))[0][0])
