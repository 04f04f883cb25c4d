"""A small closed-loop HTTP load generator, for machines without wrk: the same requests and the same JSON line
as bench/deploy_wrk.lua (requests, seconds, socket errors, bad answers, p50/p95/p99 in ms).

Each of `connections` clients (threads spread over two processes, as wrk -t2) sends one request at a time and
the next when the answer is in. It costs more CPU than wrk, on the same cores as the server: compare ratios of
runs made with the same generator, not its absolute figures with wrk's.

    .venv/bin/python bench/load.py URL --mode put|get --tokens FILE --seconds 5 --connections 16
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import random
import threading
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

BODY = (
    '{"date":"%s","kind":"easy","distance_m":8000,"duration_s":2880,"rpe":3,'
    '"terrain":"flat","notes":"steady along the river"}'
)


def _client(
    host: str, port: int, args: dict[str, Any], tokens: list[str], until: float, out: list[Any]
) -> None:
    rng = random.Random()
    latencies: list[float] = []
    bad = errors = 0
    expect = 201 if args["mode"] == "put" else 200
    body = (BODY % args["date"]).encode()
    while time.perf_counter() < until:
        headers = {"Authorization": "Bearer " + rng.choice(tokens), "Content-Type": "application/json"}
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=10)
            if args["mode"] == "put":
                conn.request("PUT", f"/api/v1/runs/{uuid.uuid4()}", body=body, headers=headers)
            else:
                conn.request("GET", args["path"], headers=headers)
            response = conn.getresponse()
            response.read()
            conn.close()
        except OSError:
            errors += 1
            continue
        latencies.append(time.perf_counter() - started)
        bad += response.status != expect
    out.append((latencies, bad, errors))


def _process(
    url: str, args: dict[str, Any], tokens: list[str], threads: int, until: float, queue: Any
) -> None:
    parts = urlsplit(url)
    out: list[Any] = []
    workers = [
        threading.Thread(target=_client, args=(parts.hostname, parts.port, args, tokens, until, out))
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(out)


def run(
    url: str, mode: str, tokens: list[str], seconds: float, connections: int, **extra: str
) -> dict[str, Any]:
    args = {"mode": mode, "path": extra.get("path", "/api/v1/today"), "date": extra.get("date", "2026-11-21")}
    started = time.perf_counter()
    until = started + seconds
    queue: Any = multiprocessing.get_context("fork").Queue()
    per = [connections // 2 + connections % 2, connections // 2]
    procs = [
        multiprocessing.get_context("fork").Process(
            target=_process, args=(url, args, tokens, n, until, queue)
        )
        for n in per
        if n
    ]
    for proc in procs:
        proc.start()
    results = [item for _ in procs for item in queue.get()]
    for proc in procs:
        proc.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(lat for lats, _, _ in results for lat in lats)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else 0.0

    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "socket_errors": sum(e for _, _, e in results),
        "bad": sum(b for _, b, _ in results),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("url")
    parser.add_argument("--mode", choices=["put", "get"], default="get")
    parser.add_argument("--tokens", required=True, help="a file of bearer tokens, one a line")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    with open(args.tokens) as handle:
        tokens = [line.strip() for line in handle if line.strip()]
    print(json.dumps(run(args.url, args.mode, tokens, args.seconds, args.connections)))


if __name__ == "__main__":
    main()
