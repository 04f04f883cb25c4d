"""A run from a watch's file: GPX, TCX or FIT, told apart by what is in the file, not by its name.

XML is read with defusedxml first, so a file with a DTD or entities (the XML bombs) is refused before any
parser expands it. Only the totals a run needs are taken: when it started, how far, how long.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

# A sport the file names is taken at its word only when it is clearly not running; anything else (running,
# "generic", a number some apps write) is read as the run the runner says it is.
OTHER_SPORTS = ("cycl", "bik", "ride", "swim", "walk", "hik", "rowing", "ski", "paddl", "kayak", "elliptical")
_TCX = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
PARSE_SECONDS = 3.0  # a watch's file of a long run reads in well under a second; a worker is not held longer


class UnreadableFile(ValueError):
    """Not a run this app can read. The message completes "This file ...", in the runner's words."""


@dataclass(frozen=True)
class Activity:
    format: str  # "gpx", "tcx" or "fit"
    start: datetime  # aware
    distance_m: float
    duration_s: int


class _TooSlow(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the reading after `seconds` (a timer signal: only in a process's main thread, as in
    gunicorn's sync workers; elsewhere the file size cap alone bounds the time)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(_signum: int, _frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_activity(data: bytes) -> Activity:
    try:
        with _time_limit(PARSE_SECONDS):
            return _read(data)
    except _TooSlow:
        raise UnreadableFile("takes too long to read; a watch's file of one run never does") from None


def _read(data: bytes) -> Activity:
    if len(data) >= 12 and data[8:12] == b".FIT":
        return _fit(data)
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException:
        raise UnreadableFile("has a DTD or XML entities, which a watch's file never needs") from None
    except (ElementTree.ParseError, LookupError):  # LookupError: an encoding no codec knows ("ATF-8")
        raise UnreadableFile("is not a GPX, TCX or FIT file") from None
    name = root.tag.rsplit("}", 1)[-1]
    if name == "gpx":
        return _gpx(data)
    if name == "TrainingCenterDatabase":
        return _tcx(root)
    raise UnreadableFile("is not a GPX, TCX or FIT file")


def _checked(
    fmt: str, sport: str | None, start: datetime | None, distance: float, duration: float
) -> Activity:
    if sport and any(word in sport.lower() for word in OTHER_SPORTS):
        raise UnreadableFile(f"is a {sport.lower()} activity, not a run: log it as cross-training")
    if not (math.isfinite(distance) and math.isfinite(duration)):
        raise UnreadableFile("has a time or distance that is not a number")
    if start is None or duration <= 0:
        raise UnreadableFile("has no times, so it cannot say when or how long you ran")
    if distance <= 0:
        raise UnreadableFile("has no distance")
    try:
        start = start.astimezone(UTC) if start.tzinfo else start.replace(tzinfo=UTC)
    except OverflowError:  # e.g. 9999-12-31T23:00-01:00 is past the last day Python can hold in UTC
        raise UnreadableFile("has a start time that is not a real date") from None
    return Activity(fmt, start, distance, round(duration))


# The GPX and FIT readers are imported with the first file of their kind, not by every worker at start
# (the FIT SDK's profile tables are large), for an upload now and then.
def _gpx(data: bytes) -> Activity:
    import gpxpy
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, gpxpy.gpx.GPXException):
        raise UnreadableFile("is a GPX file that cannot be read") from None
    kinds = {track.type for track in gpx.tracks if track.type}
    bounds = gpx.get_time_bounds()
    moving = gpx.get_moving_data()
    duration = moving.moving_time if moving and moving.moving_time else gpx.get_duration() or 0
    sport = next(iter(kinds)) if len(kinds) == 1 else None
    return _checked("gpx", sport, bounds.start_time, gpx.length_2d(), duration)


def _tcx(root: Any) -> Activity:
    activity = root.find(f"{_TCX}Activities/{_TCX}Activity")
    if activity is None:
        raise UnreadableFile("is a TCX file with no activity in it")
    laps = activity.findall(f"{_TCX}Lap")
    try:
        duration = sum(float(lap.findtext(f"{_TCX}TotalTimeSeconds") or 0) for lap in laps)
        distance = sum(float(lap.findtext(f"{_TCX}DistanceMeters") or 0) for lap in laps)
        stamp = activity.findtext(f"{_TCX}Id") or (laps[0].get("StartTime") if laps else None)
        start = datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else None
    except ValueError:
        raise UnreadableFile("is a TCX file with a time or distance that is not a number") from None
    return _checked("tcx", activity.get("Sport"), start, distance, duration)


def _fit(data: bytes) -> Activity:
    from garmin_fit_sdk import Decoder, Stream

    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    if not decoder.check_integrity():
        raise UnreadableFile("is a FIT file that is damaged or cut short")
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    sessions = messages.get("session_mesgs") or []
    if errors or not sessions:
        raise UnreadableFile("is a FIT file with no activity in it")
    session = sessions[0]
    duration = session.get("total_timer_time") or session.get("total_elapsed_time") or 0
    sport, start = session.get("sport"), session.get("start_time")
    return _checked(
        "fit",
        sport if isinstance(sport, str) else None,
        start if isinstance(start, datetime) else None,
        float(session.get("total_distance") or 0),
        float(duration),
    )
