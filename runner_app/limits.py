"""Rate limits checked only on the routes that carry one.

Flask-Limiter's before-request hook resolves the limits of every request, a tenth of the time of a cheap API
call, though this app sets no default or application-wide limit: only a few routes (sign-in, sign-up, imports,
report links) are limited, each by its own decorator. So the hook runs for those routes and is skipped for the
others, which it would find nothing to count for. If a default, application or blueprint limit is ever
configured, every route needs the hook and it is left as Flask-Limiter installed it.
"""

from __future__ import annotations

from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_qualified_name


def check_limited_routes_only(app: Flask, limiter: Limiter) -> None:
    """Replace the limiter's before-request hook (after `limiter.init_app(app)`) by one that runs it only for
    routes with a limit of their own."""
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

    def check_request_limit() -> None:
        endpoint = request.endpoint
        if endpoint is not None and has_limit(endpoint):
            hook()

    hooks[hooks.index(hook)] = check_request_limit
