"""Times as runners write them: "45" (minutes), "45:30" (min:s), "1:05:30" (h:mm:ss)."""

from __future__ import annotations

import re

_PARTS = re.compile(r"\d{1,3}(:\d{1,2}){0,2}")
MESSAGE = "write the time as minutes (45), min:ss (45:30) or h:mm:ss (1:05:30)"


def parse_duration(text: str) -> int:
    """Seconds in `text`; ValueError with a message a runner can act on when it is not a time."""
    raw = text.strip().replace(".", ":")
    if not _PARTS.fullmatch(raw):
        raise ValueError(MESSAGE)
    parts = [int(p) for p in raw.split(":")]
    if len(parts) == 1:
        return parts[0] * 60
    if len(parts) == 2:
        minutes, seconds = parts
        if seconds >= 60:
            raise ValueError("seconds must be under 60")
        return minutes * 60 + seconds
    hours, minutes, seconds = parts
    if minutes >= 60 or seconds >= 60:
        raise ValueError("minutes and seconds must be under 60")
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: int | float | None) -> str:
    """h:mm:ss, or m:ss under an hour; "" for nothing."""
    if seconds is None:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
