"""HTML error pages."""

from __future__ import annotations

from flask import render_template


def render_error_page(status: int, message: str) -> tuple[str, int]:
    return render_template("error.html", status=status, message=message), status
