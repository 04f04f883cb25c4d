"""Files as watches export them, made for tests: GPX track points, TCX laps, a FIT activity's session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

START = datetime(2026, 11, 29, 8, 30, tzinfo=UTC)
METRES_PER_DEGREE = 111_195.0  # along a meridian, on a 6,371 km sphere


def gpx_file(
    km: float = 9.0,
    pace_s_per_km: float = 330,
    every_s: int = 10,
    start: datetime = START,
    track_type: str | None = "running",
    stop_s: int = 0,
) -> bytes:
    """A straight run north along the Greenwich meridian at an even pace, a point every `every_s` seconds;
    with `stop_s`, half-way the runner stands still that long and the watch keeps recording."""
    seconds = round(km * pace_s_per_km)
    half = seconds // 2
    points = []
    for t in range(0, seconds + stop_s + 1, every_s):
        moved = t if t <= half else max(half, t - stop_s)
        lat = 51.0 + (moved / seconds) * km * 1000 / METRES_PER_DEGREE
        stamp = (start + timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%SZ")
        points.append(f'<trkpt lat="{lat:.7f}" lon="0.0"><ele>20</ele><time>{stamp}</time></trkpt>')
    kind = f"<type>{track_type}</type>" if track_type else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Morning run</name>{kind}<trkseg>{''.join(points)}</trkseg></trk></gpx>"
    ).encode()


def tcx_file(laps: list[tuple[float, float]], sport: str = "Running", start: datetime = START) -> bytes:
    """Laps of (seconds, metres)."""
    body, at = [], start
    for seconds, metres in laps:
        body.append(
            f'<Lap StartTime="{at:%Y-%m-%dT%H:%M:%SZ}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
            f"<DistanceMeters>{metres}</DistanceMeters><Intensity>Active</Intensity></Lap>"
        )
        at += timedelta(seconds=seconds)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{start:%Y-%m-%dT%H:%M:%SZ}</Id>{"".join(body)}'
        "</Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def fit_file(seconds: float, metres: float, sport: Sport = Sport.RUNNING, start: datetime = START) -> bytes:
    """An activity whose session holds the totals, as a watch writes it at the end of a run."""
    ms = int(start.timestamp() * 1000)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.time_created = ms
    file_id.serial_number = 0x12345678
    builder.add(file_id)
    session = SessionMessage()
    session.start_time = ms
    session.timestamp = ms + int(seconds * 1000)
    session.total_timer_time = seconds
    session.total_elapsed_time = seconds
    session.total_distance = metres
    session.sport = sport
    builder.add(session)
    return bytes(builder.build().to_bytes())
