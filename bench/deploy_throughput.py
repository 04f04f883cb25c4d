"""Benchmark: the app's two hot paths under wrk, against bare Flask routes doing the same database work.

Each figure comes from wrk (16 connections, 2 wrk threads) against gunicorn (gunicorn.conf.py, 2 sync
workers) on 127.0.0.1, the load spread over 200 runners (each request picks one of their bearer tokens):
- `PUT /api/v1/runs/<fresh UUID>` (201 each), against a bare Flask route doing the same single INSERT and
  commit through the same driver and pool (bench/deploy_echo.py with BENCH_ECHO_DB);
- cached `GET /api/v1/today` (each runner has a few weeks logged, their `today` computed once before),
  against a bare route serving the cached document with one SELECT by primary key;
- on SQLite (WAL) and on PostgreSQL; the median ratio of alternating rounds, p50/p95, and the resident
  memory of each worker after the runs.
The database server, wrk and the app share the machine's cores, as they would on a single 2-core box.

    .venv/bin/python bench/deploy_throughput.py                  # SQLite only
    pg_virtualenv -v 15 sh -c '.venv/bin/python bench/deploy_throughput.py \\
        --postgres "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"'

With --postgres it creates (and drops) a database of its own on that server. Uses `wrk` (apt-get install
wrk); without it, bench/load.py makes the same requests from Python, at a higher CPU cost. Figures are
printed with this command line and kept in bench/out/deploy_throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from tests.deploy.stack import AppServer, app_env, flask_cli  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
import load  # noqa: E402
from deploy_echo import prepare_database  # noqa: E402

LUA = REPO / "bench" / "deploy_wrk.lua"
CONNECTIONS = 16
RUNNERS = 200
HISTORY_DAYS = 21  # each runner's log before the bench: enough for a real `today`
MAKE_RUNNERS = """
import secrets, sys
from app import app
from runner_app.services import users
with app.app_context():
    for n in range(int(sys.argv[1])):
        user = users.create_user(f"bench-{n}-{sys.argv[2]}@example.com", secrets.token_urlsafe(18))
        print(users.create_token(user, "bench").secret)
"""
TODAY = date.today()  # noqa: DTZ011  (the app's runner is in UTC; a day either way changes nothing here)


def wrk(url: str, mode: str, tokens: Path, seconds: int, path: str = "/api/v1/today") -> dict[str, Any]:
    """One load run (wrk, or bench/load.py where wrk is missing); its JSON line plus req/s. Any non-expected
    answer or socket error aborts the bench."""
    day = (TODAY - timedelta(days=1)).isoformat()
    if shutil.which("wrk"):
        env = {
            **os.environ,
            "BENCH_MODE": mode,
            "BENCH_TOKENS_FILE": str(tokens),
            "BENCH_PATH": path,
            "BENCH_DATE": day,
        }
        argv = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA), url]
        out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True, timeout=seconds + 60)
        result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    else:
        secrets = [line for line in tokens.read_text().splitlines() if line]
        result = load.run(url, mode, secrets, seconds, CONNECTIONS, path=path, date=day)
    if result["bad"] or result["socket_errors"]:
        raise SystemExit(f"the load against {url} ({mode}) saw bad answers or socket errors: {result}")
    result["rps"] = result["requests"] / result["seconds"]
    return result


def compare(
    baselines: dict[str, str], url: str, mode: str, token: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Alternate runs against each baseline and the candidate (`rounds` rounds, after a warm-up of each), so
    that load from elsewhere on the machine hits all alike. Per baseline, the ratio candidate / baseline of
    each round; the round with the median ratio is kept as that baseline's figure."""
    for target in [*baselines.values(), url]:
        wrk(target, mode, token, 2)
    rounds = []
    for _ in range(args.rounds):
        runs = {name: wrk(base_url, mode, token, args.seconds) for name, base_url in baselines.items()}
        rounds.append((runs, wrk(url, mode, token, args.seconds)))
    out: dict[str, Any] = {}
    for name in baselines:
        pairs = sorted(
            ((cand["rps"] / runs[name]["rps"], runs[name], cand) for runs, cand in rounds),
            key=lambda pair: pair[0],
        )
        ratio, base, cand = pairs[len(pairs) // 2]
        out[name] = {"ratio": ratio, "base": base, "candidate": cand, "all_ratios": [p[0] for p in pairs]}
    return out


def history_ops(rng: random.Random, days: int) -> list[dict[str, Any]]:
    """A year of logging: morning check-ins, runs with an after-run check-in, strength twice a week."""
    ops: list[dict[str, Any]] = []

    def put(kind: str, body: dict[str, Any]) -> None:
        ops.append({"method": "PUT", "path": f"/{kind}/{uuid.uuid4()}", "body": body})

    for n in range(days, 0, -1):
        day = (TODAY - timedelta(days=n)).isoformat()
        pain = {"date": day, "location": "knee_front", "side": "right"}
        if rng.random() < 0.9:
            put("pain", {**pain, "context": "morning", "score": rng.choice([0, 0, 1, 1, 2])})
        if rng.random() < 0.75:
            long_run = (TODAY - timedelta(days=n)).weekday() == 6
            km = 16 if long_run else rng.choice([6, 8, 10])
            kind = "long" if long_run else rng.choice(["easy", "easy", "tempo"])
            put(
                "runs", {"date": day, "kind": kind, "distance_m": km * 1000, "duration_s": km * 330, "rpe": 4}
            )
            put(
                "pain",
                {
                    **pain,
                    "context": "after_run",
                    "score": rng.choice([0, 1, 1]),
                    "settled_within_60min": True,
                },
            )
        if (TODAY - timedelta(days=n)).weekday() in (1, 4):
            sets = [
                {"exercise": "clamshells", "reps": 15, "side": "both"},
                {"exercise": "hip_bridges", "reps": 12},
            ]
            put("strength", {"date": day, "duration_s": 1500, "rpe": 5, "pain_max": 1, "sets": sets})
    return ops


def call(url: str, token: str, method: str = "GET", body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310  (our 127.0.0.1 server)
        return json.loads(response.read())


def seed(server: AppServer, token: str, days: int, seed: int) -> int:
    ops = history_ops(random.Random(seed), days)
    for start in range(0, len(ops), 500):
        results = call(server.url + "/api/v1/sync", token, "POST", {"ops": ops[start : start + 500]})
        statuses = {r["status"] for r in results["results"]}
        assert statuses == {201}, statuses
    return len(ops)


def make_runners(env: dict[str, str], count: int) -> list[str]:
    """`count` runners and a bearer token each, made in one process (the CLI would take a second each)."""
    argv = [sys.executable, "-c", MAKE_RUNNERS, str(count), uuid.uuid4().hex[:6]]
    out = subprocess.run(argv, env=env, cwd=REPO, capture_output=True, text=True, check=True)
    return out.stdout.split()


def worker_rss_mb(server: AppServer) -> list[float]:
    """Resident memory of each gunicorn worker (the master's children), in MB."""
    master = server.process.popen.pid if server.process.popen else 0
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if int(fields.get("PPid", "0").strip()) == master:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


@contextmanager
def running(server: AppServer) -> Iterator[AppServer]:
    try:
        server.start()
        yield server
    finally:
        server.stop()


@contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    name = f"runner_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(admin_url)._replace(path="/" + name))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def bench_backend(label: str, database_url: str, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    env = app_env(database_url)
    flask_cli(env, "db", "upgrade")
    out: dict[str, Any] = {}
    today_file, tokens_file = work / f"today-{label}.json", work / f"tokens-{label}.txt"
    tokens = make_runners(env, RUNNERS)
    tokens_file.write_text("\n".join(tokens) + "\n")
    with running(AppServer(f"app-{label}", work, env, workers=2)) as app:
        out["history_entries"] = sum(seed(app, t, HISTORY_DAYS, n) for n, t in enumerate(tokens))
        started = time.perf_counter()
        for token in tokens:  # each runner's `today`, computed and cached once
            document = call(app.url + "/api/v1/today", token)
        out["first_today_s"] = (time.perf_counter() - started) / len(tokens)
        today_file.write_text(json.dumps(document))
        echo_app = ("--pythonpath", str(REPO / "bench"), "deploy_echo:app")
        prepare_database(raw_url(database_url), today_file.read_text())
        sql_env = {
            **app_env("sqlite://"),
            "BENCH_TODAY_JSON": str(today_file),
            "BENCH_ECHO_DB": raw_url(database_url),
        }
        with running(AppServer(f"echo-sql-{label}", work, sql_env, workers=2, app=echo_app)) as echo_sql:
            baselines = {"sql": echo_sql.url}
            out["put"] = compare(baselines, app.url, "put", tokens_file, args)
            out["today"] = compare(baselines, app.url, "get", tokens_file, args)
            out["rss_mb"] = {"app": worker_rss_mb(app), "bare": worker_rss_mb(echo_sql)}
    return out


def raw_url(database_url: str) -> str:
    """The URL a database driver takes (the app's settings also accept SQLAlchemy's `+psycopg` form)."""
    return database_url.replace("postgresql+psycopg://", "postgresql://")


def _row(name: str, res: dict[str, Any]) -> str:
    return f"{name:38}{res['rps']:9.0f}{res['p50_ms']:9.1f}{res['p95_ms']:9.1f}"


def report(command: str, results: dict[str, Any], load: tuple[float, float]) -> None:
    print(f"$ {command}")
    pairs = len(next(iter(results.values()))["put"]["sql"]["all_ratios"])
    print(
        f"{os.cpu_count()} cores; load average {load[0]:.2f} before, {load[1]:.2f} after; "
        f"{'wrk -t2' if shutil.which('wrk') else 'bench/load.py'} -c{CONNECTIONS} over {RUNNERS} runners; "
        "gunicorn 2 sync workers; "
        f"the median of {pairs} alternating rounds"
    )
    print(f"{'':38}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}")
    names = {"sql": "bare Flask, the same one statement"}
    for label, res in results.items():
        for what, key in (("PUT /api/v1/runs/{id}", "put"), ("GET /api/v1/today (cached)", "today")):
            print(what)
            for name, pair in res[key].items():
                print(_row(f"  {names[name]}", pair["base"]))
            print(_row(f"  the app, {label}, 2 workers", res[key]["sql"]["candidate"]))
            for name, pair in res[key].items():
                rounds = ", ".join(f"{r:.2f}" for r in pair["all_ratios"])
                print(f"    ratio to {names[name]}: {pair['ratio']:.2f} (rounds: {rounds})")
        first = res["first_today_s"]
        print(
            f"  ({label}: {RUNNERS} runners, {res['history_entries']} entries; a first `today` {first:.2f}s)"
        )
        rss = res["rss_mb"]
        print(f"  RSS per worker, MB: the app {rss['app']}, bare Flask {rss['bare']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL server to create a bench database on")
    parser.add_argument("--seconds", type=int, default=5, help="length of each measured wrk run")
    parser.add_argument("--rounds", type=int, default=5, help="alternating pairs per figure (median kept)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    command = shlex.join([".venv/bin/python", *sys.argv])
    if args.postgres:
        command = command.replace(args.postgres, "$PG_URL")
    load_before = os.getloadavg()[0]
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="runner-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_sqlite:
            results["sqlite"] = bench_backend("sqlite", f"sqlite:///{work / 'bench.sqlite3'}", work, args)
        if args.postgres:
            with postgres_database(args.postgres) as url:
                results["postgresql"] = bench_backend("postgresql", url, work, args)
    load_after = os.getloadavg()[0]
    report(command, results, (load_before, load_after))
    out_dir = REPO / "bench" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "deploy_throughput.json").write_text(
        json.dumps({"command": command, "load": [load_before, load_after], "results": results}, indent=2)
    )


if __name__ == "__main__":
    main()
