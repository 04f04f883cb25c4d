"""A test-only switch that makes chosen requests fail. Registered only when the app is created for testing."""

from __future__ import annotations

from flask import Flask


def register_faults(app: Flask) -> None:
    """Install the fault switch (tests only)."""
