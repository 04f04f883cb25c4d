"""Routes of the PWA shell."""

from __future__ import annotations
