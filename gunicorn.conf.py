"""gunicorn settings for one app server (`gunicorn app:app` from the repo root reads this file).

Environment:
  BIND                 address(es) to listen on, comma-separated      default 127.0.0.1:8000
  WEB_CONCURRENCY      worker processes                               default 2 x cores + 1, at most 8
  GUNICORN_THREADS     threads per worker (1 = sync worker)           default 1
  GUNICORN_TIMEOUT     seconds a request may run before its worker is restarted    default 30
  GUNICORN_LOG_LEVEL   gunicorn's own log level                       default info
  GUNICORN_CONTROL_SOCKET  path of gunicorn's control socket        default none (off)
  GUNICORN_MAX_REQUESTS  requests before a worker is recycled (0 = never)  default 20000

Sync workers behind a buffering proxy (nginx) are the simple, robust choice for this app: requests are short
and database-bound, and the proxy absorbs slow clients. The request log is the app's own JSON lines
(runner_app/ops/request_log.py), so gunicorn's access log is off.
"""

import multiprocessing
import os

MAX_DEFAULT_WORKERS = 8  # each worker is a process with its own database connection and ~60 MB


def _default_workers() -> int:
    return min(2 * multiprocessing.cpu_count() + 1, MAX_DEFAULT_WORKERS)


bind = [part.strip() for part in os.environ.get("BIND", "127.0.0.1:8000").split(",") if part.strip()]
workers = int(os.environ.get("WEB_CONCURRENCY") or _default_workers())
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# A worker silent for `timeout` seconds is killed and replaced; on SIGTERM, workers get `graceful_timeout`
# seconds to finish their requests. Keep-alive matters only between the proxy and gthread workers.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then so a slow leak cannot grow without bound (jitter keeps them from all
# restarting at once). Not often: a worker takes about a second to import the app, during which the others
# carry its share. At 2,000 requests a busy 2-worker server recycled a worker every few seconds, and the
# restarts showed as a 95th-percentile latency of 0.7 s instead of 36 ms (bench/deploy_throughput.py).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10

# Each worker imports the app itself: no database connection or thread is shared across a fork, and a
# `kill -HUP` reload picks up new code.
preload_app = False

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
capture_output = False

# Recent gunicorn (27 here) opens a control socket at one path per user: several instances on one host
# would fight over it. Off unless a path is given.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

# The heartbeat file lives in memory, not on a disk that may stall (containers mount /tmp on overlayfs).
SHM = "/dev/shm"  # noqa: S108  (a heartbeat file, not data)
if os.path.isdir(SHM):
    worker_tmp_dir = SHM
