"""Rate limits checked only on the routes that carry one.

Flask-Limiter's before-request hook resolves the limits of every request, a tenth of the time of a cheap API
call, though this app sets no default or application-wide limit: only a few routes (sign-in, sign-up, imports,
report links) are limited, each by its own decorator. So the hook runs for those routes and is skipped for the
others, which it would find nothing to count for. If a default, application or blueprint limit is ever
configured, every route needs the hook and it is left as Flask-Limiter installed it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_qualified_name


def check_limited_routes_only(app: Flask, limiter: Limiter) -> None:
    """Wrap the limiter's hooks (after `limiter.init_app(app)`: before a request, the rate-limit headers
    after it, its per-request state at teardown) so that they run only on routes with a limit of their own."""
    manager = limiter.limit_manager
    if manager.default_limits or manager.application_limits or manager._blueprint_limits:
        return
    if limiter._meta_limits or limiter._in_memory_fallback:
        return
    hook = limiter._check_request_limit
    hooks = app.before_request_funcs.get(None, [])
    if hook not in hooks:
        return
    limited: dict[str, bool] = {}

    def has_limit(endpoint: str) -> bool:
        if endpoint not in limited:
            view = app.view_functions.get(endpoint)
            limited[endpoint] = view is not None and get_qualified_name(view) in limiter._marked_for_limiting
        return limited[endpoint] or manager.has_hints(endpoint)

    def limited_route() -> bool:
        endpoint = request.endpoint
        return endpoint is not None and has_limit(endpoint)

    def check_request_limit() -> None:
        if limited_route():
            hook()

    hooks[hooks.index(hook)] = check_request_limit
    after = app.after_request_funcs.get(None, [])
    for index, function in enumerate(after):
        if isinstance(function, partial) and function.args == (limiter,):  # the rate-limit headers
            after[index] = _only_if(limited_route, function)
    teardowns = app.teardown_request_funcs.get(None, [])
    for index, function in enumerate(teardowns):
        if getattr(function, "__self__", None) is limiter:
            teardowns[index] = _only_if(limited_route, function)


def _only_if(condition: Any, hook: Any) -> Any:
    def guarded(value: Any) -> Any:
        return hook(value) if condition() else value

    return guarded
