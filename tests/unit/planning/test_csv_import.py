"""CSV plan import: a good file becomes sessions; a bad one reports every bad line and imports nothing."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from runner_app.planning.plans.csv_import import MAX_ROWS, CsvError, parse_plan_csv

GOOD = """date,kind,distance_km,notes
2027-04-13,easy,8,
2027-04-11,long,21.5,Sunday long run
2027-04-15,tempo,10,"3 x 2 km, tempo"
2027-04-12,rest,,
2027-04-14,cross_training,0,Bike 45 min
2027-04-18,race,42.195,Spring Marathon
2027-04-05,easy,10,
2027-04-04,long,30,
2027-03-29,intervals,12,
2027-03-28,long,32,
"""


def test_a_good_file_becomes_sessions_in_date_order_with_weeks_and_phases() -> None:
    result = parse_plan_csv(GOOD.encode(), plan_id="plan-1")
    assert result.ok and result.errors == ()
    sessions = result.sessions
    assert [s.date for s in sessions] == sorted(s.date for s in sessions)
    assert len(sessions) == 10
    assert [(s.kind, s.distance_m) for s in sessions[-2:]] == [("tempo", 10_000), ("race", 42_195)]
    by_date = {s.date: s for s in sessions}
    assert by_date[date(2027, 4, 11)].distance_m == 21_500
    assert by_date[date(2027, 4, 11)].notes == "Sunday long run"
    assert by_date[date(2027, 4, 15)].notes == "3 x 2 km, tempo"
    assert by_date[date(2027, 4, 12)].kind == "rest" and by_date[date(2027, 4, 12)].distance_m == 0
    assert by_date[date(2027, 4, 18)].phase == "race"
    phases = {s.week_index: s.phase for s in sessions}  # ISO weeks from the first session's, Monday first
    assert phases == {0: "base", 1: "peak", 2: "taper", 3: "race"}  # week 1 (42 km) is the biggest
    assert by_date[date(2027, 4, 18)].week_index == by_date[date(2027, 4, 12)].week_index == 3


def test_importing_the_same_file_twice_gives_the_same_session_ids() -> None:
    first = parse_plan_csv(GOOD, plan_id="plan-1").sessions
    assert [s.id for s in first] == [s.id for s in parse_plan_csv(GOOD, plan_id="plan-1").sessions]
    assert len({s.id for s in first}) == len(first)


def test_a_bad_file_reports_every_bad_line_and_imports_nothing() -> None:
    bad = (
        "date,kind,distance_km,notes\n"
        "2027-04-01,easy,8,fine\n"  # line 2: good, but not imported either
        "2027-13-01,easy,8,\n"  # 3: no month 13
        "2027-04-03,jog,8,\n"  # 4: unknown kind
        "2027-04-04,easy,-3,\n"  # 5: negative
        "2027-04-05,long,101,\n"  # 6: above 100 km
        "1899-12-31,easy,5,\n"  # 7: before 1900
        "2027-04-07,rest,5,\n"  # 8: a rest day with a distance
        "2027-04-01,easy,6,\n"  # 9: a second session on line 2's date
        "2027-04-10,easy\n"  # 10: too few fields
        "2027-04-11,easy,5,notes,extra\n"  # 11: too many fields
        "2027-04-12,easy,five,\n"  # 12: not a number
        "04/13/2027,easy,5,\n"  # 13: not ISO
        "2027-04-14,tempo,0,\n"  # 14: a run of 0 km
        "2027-04-15,EASY,nan,\n"  # 15: NaN is not a distance (the kind's case does not matter)
    )
    result = parse_plan_csv(bad.encode(), plan_id="plan-1")
    assert result.sessions == ()
    assert not result.ok
    assert [(e.line, e.field) for e in result.errors] == [
        (3, "date"),
        (4, "kind"),
        (5, "distance_km"),
        (6, "distance_km"),
        (7, "date"),
        (8, "distance_km"),
        (9, "date"),
        (10, "distance_km"),
        (11, "file"),
        (12, "distance_km"),
        (13, "date"),
        (14, "distance_km"),
        (15, "distance_km"),
    ]
    assert CsvError(9, "date", "2027-04-01 already has a session (line 2)") in result.errors
    assert all(isinstance(e, tuple) and len(e) == 3 for e in result.errors)  # (line_no, field, message)


def test_a_file_without_the_header_is_refused_on_line_1() -> None:
    result = parse_plan_csv(b"2027-04-01,easy,8,\n", plan_id="p")
    assert result.sessions == ()
    assert result.errors[0].line == 1
    assert "header" in result.errors[0].message


def test_an_empty_file_and_a_header_only_file_are_refused() -> None:
    assert parse_plan_csv(b"", plan_id="p").errors[0].line == 1
    assert (
        parse_plan_csv(b"date,kind,distance_km,notes\n", plan_id="p")
        .errors[0]
        .message.startswith("no sessions")
    )


def test_a_utf8_bom_and_crlf_line_ends_and_any_column_order_are_accepted() -> None:
    text = "\ufeffnotes,Distance_km,KIND,date\r\nCafé run,5,easy,2027-04-01\r\n"
    result = parse_plan_csv(text.encode(), plan_id="p")
    assert result.ok
    assert (result.sessions[0].notes, result.sessions[0].distance_m) == ("Café run", 5_000)


def test_bad_encodings_are_reported_not_crashed() -> None:
    latin1 = "date,kind,distance_km,notes\n2027-04-01,easy,5,Café\n".encode("latin-1")
    result = parse_plan_csv(latin1, plan_id="p")
    assert result.sessions == ()
    assert (result.errors[0].line, result.errors[0].field) == (2, "file")
    assert "UTF-8" in result.errors[0].message
    nul = parse_plan_csv(b"date,kind,distance_km\n2027-04-01,easy,5\x00\n", plan_id="p")
    assert (nul.errors[0].line, nul.errors[0].field) == (2, "file")


def test_more_than_2000_rows_are_refused() -> None:
    rows = "".join(f"{date.fromordinal(738000 + i).isoformat()},easy,5,\n" for i in range(MAX_ROWS + 1))
    result = parse_plan_csv("date,kind,distance_km,notes\n" + rows, plan_id="p")
    assert result.sessions == ()
    assert result.errors[-1] == CsvError(MAX_ROWS + 2, "file", "more than 2000 rows; split the plan")
    exactly = "".join(f"{date.fromordinal(738000 + i).isoformat()},easy,5,\n" for i in range(MAX_ROWS))
    assert len(parse_plan_csv("date,kind,distance_km,notes\n" + exactly, plan_id="p").sessions) == MAX_ROWS


def test_notes_longer_than_2000_characters_are_refused() -> None:
    result = parse_plan_csv(f"date,kind,distance_km,notes\n2027-04-01,easy,5,{'x' * 2001}\n", plan_id="p")
    assert result.errors == (CsvError(2, "notes", "notes are 2001 characters; the limit is 2000"),)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: "date,kind,distance_km,notes\n" + t))
def test_any_input_gives_either_sessions_or_errors_and_never_raises(data: bytes | str) -> None:
    result = parse_plan_csv(data, plan_id="p")
    assert bool(result.sessions) != bool(result.errors)
    assert all(e.line >= 1 for e in result.errors)
