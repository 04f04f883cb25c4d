"""Reading a run's totals from a watch's GPX, TCX or FIT file, and refusing what is not a run."""

from __future__ import annotations

import pytest
from fit_tool.profile.profile_type import Sport
from hypothesis import given
from hypothesis import strategies as st

from runner_app.services.watch_files import UnreadableFile, read_activity
from tests.watch_files import START, fit_file, gpx_file, tcx_file


def test_a_gpx_track_gives_its_start_length_and_moving_time() -> None:
    activity = read_activity(gpx_file(km=9.0, pace_s_per_km=330))
    assert (activity.format, activity.start, activity.duration_s) == ("gpx", START, 2970)
    assert activity.distance_m == pytest.approx(9000, rel=0.005)


def test_a_gpx_track_with_a_stop_counts_the_moving_time_only() -> None:
    activity = read_activity(gpx_file(km=6.0, pace_s_per_km=300, stop_s=300))
    assert activity.duration_s == pytest.approx(1800, abs=20), "30 min running and 5 standing: 30 min moving"
    assert activity.distance_m == pytest.approx(6000, rel=0.005)


@pytest.mark.parametrize("said", ["running", "Running", "generic", "9", "Other"])
def test_a_file_that_names_running_or_no_clear_sport_is_read_as_a_run(said: str) -> None:
    assert read_activity(gpx_file(km=1.0, track_type=said)).format == "gpx"


def test_tcx_laps_add_up() -> None:
    activity = read_activity(tcx_file([(1500, 5000.0), (1510.6, 5020.0)]))
    assert (activity.format, activity.start, activity.distance_m, activity.duration_s) == (
        "tcx",
        START,
        10020.0,
        3011,
    )


def test_a_fit_session_gives_its_totals() -> None:
    activity = read_activity(fit_file(2950.4, 10020.0))
    assert (activity.format, activity.start, activity.distance_m, activity.duration_s) == (
        "fit",
        START,
        10020.0,
        2950,
    )


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (tcx_file([(3600, 30_000.0)], sport="Biking"), "is a biking activity, not a run"),
        (fit_file(3600, 30_000.0, sport=Sport.CYCLING), "is a cycling activity, not a run"),
        (gpx_file(track_type="cycling"), "is a cycling activity, not a run"),
        (gpx_file(track_type="Hiking"), "is a hiking activity, not a run"),
        (tcx_file([(0, 0.0)]), "has no times"),
        (tcx_file([(1800, 0.0)]), "has no distance"),
        (tcx_file([(1800, 5000.0)]).replace(b">1800<", b">nan<"), "not a number"),
        (tcx_file([(1800, 5000.0)]).replace(b">1800<", b">1e400<"), "not a number"),
        (fit_file(2950.4, 10020.0)[:-10], "is a FIT file that is damaged or cut short"),
        (b"date,distance\n2026-11-29,10\n", "is not a GPX, TCX or FIT file"),
        (b"<kml><Document/></kml>", "is not a GPX, TCX or FIT file"),
        (b"\x89PNG\r\n\x1a\n", "is not a GPX, TCX or FIT file"),
        (
            b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b"<gpx>&b;</gpx>",
            "has a DTD or XML entities",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]><gpx>&x;</gpx>',
            "has a DTD or XML entities",
        ),
    ],
)
def test_what_is_not_a_readable_run_is_refused_with_the_reason(data: bytes, said: str) -> None:
    with pytest.raises(UnreadableFile, match=said):
        read_activity(data)


@given(st.binary(max_size=400))
def test_any_bytes_either_read_as_a_run_or_are_refused_plainly(data: bytes) -> None:
    try:
        activity = read_activity(data)
    except UnreadableFile:
        return
    assert activity.distance_m > 0 and activity.duration_s > 0


VALID = [gpx_file(km=1.0), tcx_file([(300, 1000.0)]), fit_file(300, 1000.0)]


@given(st.sampled_from(VALID), st.data())
def test_a_damaged_file_is_refused_plainly_never_with_a_crash(original: bytes, data: st.DataObject) -> None:
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(damaged)))
    try:
        activity = read_activity(bytes(damaged[:cut]))
    except UnreadableFile:
        return
    assert activity.distance_m > 0 and activity.duration_s > 0


def test_an_xml_file_in_an_encoding_nobody_knows_is_refused_plainly() -> None:
    with pytest.raises(UnreadableFile, match="is not a GPX, TCX or FIT file"):
        read_activity(b'<?xml version="1.0" encoding="ATF-8"?><gpx></gpx>')
