"""The incremental API: advance one day at a time, cache the state as JSON, and keep it bounded."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from runner_app.coach.engine import advance, assess, initial_state, state_from_json, state_to_json, timeline
from runner_app.coach.model import DayLog
from tests.unit.coach.builders import (
    after_run,
    day,
    easy_run,
    logs,
    morning,
    mornings,
    pain,
    run,
)


def fold(entries: list[object], days: int) -> object:
    by_date = {log.date: log for log in logs(entries)}
    state = initial_state()
    for n in range(days):
        state, _ = advance(state, by_date.get(day(n), DayLog(day(n))))
    return state


def busy_history(days: int) -> list[object]:
    entries: list[object] = []
    for n in range(days):
        entries.append(morning(n, (n // 7) % 4))
        if n % 2 == 0:
            entries += easy_run(n, 5.0 + n % 9, run_pain=n % 4)
    return entries


def test_a_rich_state_round_trips_exactly_through_json() -> None:
    entries = [
        *busy_history(40),
        run(38),
        after_run(38, 3),
        pain(39, 2, flags={"swelling"}),
        *easy_run(39, 5.0, 1),
    ]
    state = fold(entries, 40)
    data = json.loads(json.dumps(state_to_json(state)))
    assert state_from_json(data) == state
    assert state.ladder.rungs and state.pending  # the example exercises the nested parts


def test_the_json_holds_only_plain_json_types() -> None:
    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain(state_to_json(fold(busy_history(30), 30)))


def test_the_state_stays_bounded_however_long_the_history() -> None:
    short = fold(busy_history(100), 100)
    long = fold(busy_history(400), 400)
    assert len(long.days) == len(short.days) == 61  # type: ignore[attr-defined]
    size = len(json.dumps(state_to_json(long)))  # type: ignore[arg-type]
    assert size < 1.3 * len(json.dumps(state_to_json(short)))  # type: ignore[arg-type]


def test_advance_refuses_a_day_that_is_not_the_next_one() -> None:
    state, _ = advance(initial_state(), DayLog(day(0)))
    with pytest.raises(ValueError, match="expects"):
        advance(state, DayLog(day(2)))


def test_an_unknown_state_version_is_refused() -> None:
    with pytest.raises(ValueError, match="version"):
        state_from_json({"version": 99, "state": {}})


def test_assess_equals_the_last_day_of_the_fold_and_of_the_timeline() -> None:
    entries = busy_history(21)
    by_date = {log.date: log for log in logs(entries)}
    state = initial_state()
    last = None
    for n in range(21):
        state, last = advance(state, by_date.get(day(n), DayLog(day(n))))
    assert assess(logs(entries), day(20)) == last == timeline(logs(entries), day(0), day(20))[-1]


def test_days_before_the_first_entry_are_answered_from_nothing_known() -> None:
    days = timeline(logs(mornings(5, [1, 1])), day(0), day(6))
    assert [a.state for a in days] == ["green"] * 7
    assert days[0].date == day(0) and days[-1].date == day(0) + timedelta(days=6)


def test_entries_filed_under_the_wrong_daylog_count_on_their_own_date() -> None:
    entry = morning(3, 5)
    wrong = DayLog(day(1), pains=(entry,))
    assert assess([wrong], day(3)).state == "red"
    assert assess([wrong], day(2)).state == "green"
