"""Properties that must hold for any history a runner could log."""

from __future__ import annotations

import itertools
import json
import random
from datetime import date
from typing import get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runner_app.coach.engine import advance, assess, initial_state, state_from_json, state_to_json, timeline
from runner_app.coach.facts import F1_FLAGS
from runner_app.coach.ladder import RUNG_IDS
from runner_app.coach.model import (
    Assessment,
    Clearance,
    CrossTrainingEntry,
    DayLog,
    PainEntry,
    PainFlag,
    Reason,
    RunEntry,
)
from tests.unit.coach.builders import Entry, day, logs

FAST = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FLAGS = list(get_args(PainFlag))
LOCATIONS = ["knee_front", "knee_outer", "hip", "shin"]


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[Entry], int]:
    """Up to 6 weeks: each week has a base morning-pain level (so weeks rise and settle), with daily
    jitter; runs with post-run check-ins (mostly comfortable, sometimes painful), occasional rest pain, rare
    red flags, cross-training and clearances. Hypothesis draws the weekly levels and one seed per day; the
    seed picks that day's entries. Ids are unique, as the clients make them."""
    n_days = draw(st.integers(min_value=10, max_value=42))
    levels = draw(st.lists(st.integers(0, 4), min_size=6, max_size=6))
    seeds = draw(st.lists(st.integers(0, 2**32), min_size=n_days, max_size=n_days))
    entries: list[Entry] = []
    for n, seed in enumerate(seeds):
        rnd = random.Random(seed)
        when = day(n)
        if rnd.random() < 0.85:
            level = max(0, min(6, levels[n // 7] + rnd.choice((-1, 0, 0, 1))))
            entries.append(PainEntry(f"m{n}", when, "morning", rnd.choice(LOCATIONS), "left", level))
        if rnd.random() < 0.5:
            km = rnd.choice((3.0, 5.0, 8.0, 10.0, 12.0, 16.0, 21.0, 30.0))
            kind = rnd.choice(("easy", "easy", "long", "tempo"))
            entries.append(RunEntry(f"r{n}", when, kind, km * 1000, int(km * 360), 4, "flat", None))  # type: ignore[arg-type]
            if rnd.random() < 0.85:
                score = rnd.choices(range(8), weights=(30, 25, 20, 10, 6, 4, 3, 2))[0]
                settled = rnd.choices((True, False, None), weights=(85, 8, 7))[0]
                flags = frozenset({"sharp"}) if rnd.random() < 0.02 else frozenset()
                entries.append(
                    PainEntry(f"a{n}", when, "after_run", "knee_front", "left", score, settled, flags)
                )
        if rnd.random() < 0.05:
            entries.append(PainEntry(f"s{n}", when, "rest", "knee_front", "left", rnd.randint(0, 5)))
        if rnd.random() < 0.02:
            flags = frozenset(rnd.sample(FLAGS, rnd.randint(1, 2)))
            entries.append(PainEntry(f"f{n}", when, "rest", "knee_front", "left", 3, None, flags))
        if rnd.random() < 0.1:
            entries.append(CrossTrainingEntry(f"x{n}", when, "cycling", 1800, 3, rnd.randint(0, 4)))
        if rnd.random() < 0.03:
            entries.append(Clearance(f"c{n}", when, "physio"))
    return entries, n_days


def whole(entries: list[Entry], n_days: int) -> list[Assessment]:
    return timeline(logs(entries), day(0), day(n_days - 1))


@FAST
@given(histories())
def test_no_two_new_rungs_within_7_days(history: tuple[list[Entry], int]) -> None:
    added: list[date] = []
    before: list[str] = []
    for a in whole(*history):
        now = [r.rung for r in a.rungs]
        if len(now) > len(before):
            added.append(a.date)
        before = now
    assert all((b - a).days >= 7 for a, b in itertools.pairwise(added))


@FAST
@given(histories())
def test_rungs_are_added_in_order_and_restored_in_reverse_one_at_a_time(
    history: tuple[list[Entry], int],
) -> None:
    before: list[str] = []
    for a in whole(*history):
        now = [r.rung for r in a.rungs]
        assert now == list(RUNG_IDS[: len(now)])  # always a prefix of C1..C5
        assert now in (before, before[:-1], [*before, RUNG_IDS[len(before)]] if len(before) < 5 else before)
        before = now


@FAST
@given(histories())
def test_any_f1_flag_means_no_running_that_day(history: tuple[list[Entry], int]) -> None:
    entries, n_days = history
    flagged = {
        e.date
        for e in entries
        if isinstance(e, PainEntry) and (set(F1_FLAGS) & e.flags or {"swelling", "after_trauma"} <= e.flags)
    }
    for a in whole(entries, n_days):
        if a.date in flagged:
            assert a.state == "refer_urgent"
            assert not a.guidance.running_allowed


@FAST
@given(histories(), st.randoms(use_true_random=False))
def test_shuffling_entries_and_splitting_days_gives_the_same_timeline(
    history: tuple[list[Entry], int],
    rnd: object,
) -> None:
    entries, n_days = history
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    # a day may arrive as several DayLogs, in any order, like entries synced late from a phone
    pieces = [logs([e])[0] for e in shuffled]
    assert timeline(pieces, day(0), day(n_days - 1)) == whole(entries, n_days)


@FAST
@given(histories(), st.data())
def test_the_answer_for_a_day_ignores_everything_logged_after_it(
    history: tuple[list[Entry], int],
    data: st.DataObject,
) -> None:
    entries, n_days = history
    on = data.draw(st.integers(0, n_days - 1))
    upto = [e for e in entries if e.date <= day(on)]
    assert assess(logs(entries), day(on)) == assess(logs(upto), day(on))


@FAST
@given(histories(), st.data())
def test_continuing_from_a_cached_json_state_equals_a_fresh_fold(
    history: tuple[list[Entry], int],
    data: st.DataObject,
) -> None:
    entries, n_days = history
    by_date = {log.date: log for log in logs(entries)}
    first = min(by_date)
    start = (first - day(0)).days
    cut = data.draw(st.integers(start, n_days - 1))
    state = initial_state()
    fresh: list[Assessment] = []
    cached = None
    for n in range(start, n_days):
        state, a = advance(state, by_date.get(day(n), DayLog(day(n))))
        fresh.append(a)
        if n == cut:
            cached = json.loads(json.dumps(state_to_json(state)))
    assert cached is not None
    restored = state_from_json(cached)
    assert state_from_json(state_to_json(restored)) == restored
    state2 = restored
    tail: list[Assessment] = []
    for n in range(cut + 1, n_days):
        state2, a = advance(state2, by_date.get(day(n), DayLog(day(n))))
        tail.append(a)
    assert tail == fresh[cut + 1 - start :]
    assert state2 == state


@FAST
@given(histories(), st.randoms(use_true_random=False), st.integers(-10, 45), st.integers(0, 6))
def test_with_a_profile_the_answer_ignores_entry_order_and_the_days_before_the_profile(
    history: tuple[list[Entry], int], rnd: object, as_of: int, usual: int
) -> None:
    from datetime import timedelta

    from runner_app.coach.model import RunnerProfile

    entries, n_days = history
    profile = RunnerProfile(
        as_of=day(as_of),
        runs_per_week=4,
        weekly_distance_m=30000.0,
        longest_run_m=12000.0,
        last_run_date=day(as_of) - timedelta(days=20),
        usual_morning_pain=usual,
    )
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    pieces = [logs([e])[0] for e in shuffled]
    with_profile = timeline(logs(entries), day(0), day(n_days - 1), profile=profile)
    assert timeline(pieces, day(0), day(n_days - 1), profile=profile) == with_profile
    assert [assess(pieces, day(n), profile=profile) for n in range(0, n_days, 7)] == with_profile[::7]
    # the profile arriving later changes nothing before its date
    without = whole(entries, n_days)
    before = max(0, min(n_days, as_of))
    assert with_profile[:before] == without[:before]


RULE_CODE = __import__("re").compile(
    r"\b(F[1-4]|D[1-3]|W[1-3]|C[1-5]|P[12]|R[0-6]|S[1-3]|ST[1-4]|T[0-7]|G1)\b|CADENCE"
)


@FAST
@given(histories())
def test_no_reason_names_a_rule_id_or_says_this_morning(history: tuple[list[Entry], int]) -> None:
    entries, n_days = history
    for a in whole(entries, n_days):
        texts = [d.reason for d in (*a.decisions, *a.guidance.rules)]
        texts += [r.reason for r in a.rungs] + [al.message for al in a.alerts]
        for text in texts:
            assert not RULE_CODE.search(text), text
            assert "this morning" not in text.lower() and "(rule" not in text, text
        for said in (*a.decisions, *a.guidance.rules, *a.rungs, *a.alerts):
            if said.template:  # a reason as data words the same sentence it carries
                shown = said.reason if not hasattr(said, "message") else said.message  # type: ignore[union-attr]
                assert Reason(said.rule, said.template, said.params).render() == shown  # type: ignore[arg-type]
