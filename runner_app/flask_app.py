"""The app's Flask class: Flask, minus a check it repeats a dozen times a request."""

from __future__ import annotations

from collections.abc import Callable
from inspect import CO_COROUTINE
from typing import Any

from flask import Flask


class RunnerFlask(Flask):
    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Flask asks this of every hook and view on every request, through `inspect.iscoroutinefunction`
        (about 3 % of a cached `today`). A plain function or method says it directly in its code flags; only
        the others (partials, callables, marked functions) take Flask's own path."""
        code = getattr(func, "__code__", None)
        marked = hasattr(func, "_is_coroutine_marker")  # inspect.markcoroutinefunction (Python 3.12)
        if code is not None and not code.co_flags & CO_COROUTINE and not marked:
            return func
        return super().ensure_sync(func)
