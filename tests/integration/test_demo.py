"""The demo runner follows the coach: what it logged each day is what that morning's guidance allowed, and its
twelve weeks tell the ladder's story (a step when the knee flares, held, restored in reverse order)."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select

from runner_app.coach import engine
from runner_app.coach.model import Assessment, DayLog, RunnerProfile
from runner_app.extensions import db
from runner_app.models import Clearance, PainEntry, PlannedSessionRow, Run
from runner_app.services import coach, demo, profile, shoes
from tests.web.helpers import sign_in

PASSWORD = "demo password for tests"
QUALITY = ("tempo", "intervals", "hills")


@dataclass(frozen=True)
class LoggedRun:
    date: date
    kind: str
    distance_m: float
    terrain: str
    planned_kind: str
    planned_m: float


@dataclass(frozen=True)
class Story:
    end: date
    logs: dict[date, DayLog]
    mornings: dict[date, Assessment]  # what the coach said after each morning's check-in
    timeline: list[Assessment]  # what it says of each day now
    runs: list[LoggedRun]
    planned_runs: dict[date, str]
    clearances: list[date]
    today_html: str
    coach_html: str
    shoes: dict[str, float]  # each pair's distance, by name


def _mornings(
    logs: dict[date, DayLog], start: date, end: date, given: RunnerProfile | None
) -> dict[date, Assessment]:
    """The coach's word each morning: the day advanced with its morning check-in alone, then in full."""
    state, said, day = engine.initial_state(), {}, start
    while day <= end:
        log = logs.get(day, DayLog(date=day))
        morning = DayLog(date=day, pains=tuple(p for p in log.pains if p.context == "morning"))
        said[day] = engine.advance(state, morning, profile=given)[1]
        state = engine.advance(state, log, profile=given)[0]
        day += timedelta(days=1)
    return said


@pytest.fixture(scope="module")
def story(app: Flask) -> Iterator[Story]:
    """Seed once and keep what the tests read (the tables are emptied after each test)."""
    with app.app_context():
        user = demo.seed(PASSWORD)
        user_id, email = user.id, user.email
        start = coach.first_logged_day(user_id)
        end = db.session.scalar(select(func.max(PainEntry.date)).where(PainEntry.user_id == user_id))
        assert start is not None and end is not None
        logs = coach.day_logs(user_id, start, end)
        given = profile.engine_profile(user_id)
        planned = {
            row.id: row
            for row in db.session.scalars(
                select(PlannedSessionRow).where(PlannedSessionRow.user_id == user_id)
            )
        }
        runs = [
            LoggedRun(
                r.date,
                r.kind,
                r.distance_m,
                r.terrain,
                planned[_uuid(r.planned_session_id)].kind,
                planned[_uuid(r.planned_session_id)].distance_m,
            )
            for r in db.session.scalars(select(Run).where(Run.user_id == user_id).order_by(Run.date))
        ]
        clearances = list(db.session.scalars(select(Clearance.date).where(Clearance.user_id == user_id)))
        planned_runs = {r.date: r.kind for r in planned.values() if r.kind not in ("rest", "cross_training")}
        timeline = coach.timeline(user_id, start, end)
        pairs = {m.shoe.name: m.distance_m for m in shoes.mileage(user_id)}
        db.session.remove()
    client = app.test_client()
    sign_in(client, email, PASSWORD)
    yield Story(
        end,
        logs,
        _mornings(logs, start, end, given),
        timeline,
        runs,
        planned_runs,
        clearances,
        client.get("/today").get_data(as_text=True),
        client.get("/coach/").get_data(as_text=True),
        pairs,
    )


def _uuid(raw: str | None) -> uuid.UUID:
    assert raw is not None, "every demo run answers a planned session"
    return uuid.UUID(raw)


def test_every_demo_run_is_what_that_mornings_guidance_allowed(story: Story) -> None:
    for run in story.runs:
        g = story.mornings[run.date].guidance
        assert g.running_allowed and not g.swap_to_low_impact, run
        if g.easy_only:
            assert run.kind not in QUALITY, run
        if g.flat_only:
            assert run.terrain == "flat", run
        allowed = (
            run.planned_m * g.distance_factor * (g.long_run_factor if run.planned_kind == "long" else 1.0)
        )
        if g.max_distance_m is not None:
            allowed = min(allowed, g.max_distance_m)
        assert run.distance_m <= allowed + 1e-6, run


def test_the_coach_bent_the_demo_plan_and_the_runner_took_the_bends(story: Story) -> None:
    eased = [r for r in story.runs if r.planned_kind in QUALITY and r.kind == "easy"]
    shortened = [r for r in story.runs if story.mornings[r.date].guidance.distance_factor < 1.0]
    assert len(eased) >= 3, "C1 turns the weekly tempo into an easy run"
    assert len(shortened) >= 3, "D2 makes the runs 25 % shorter"
    assert all(r.distance_m <= 0.75 * r.planned_m for r in shortened)


def test_while_step_c2_is_on_a_planned_run_a_week_becomes_cross_training(story: Story) -> None:
    swapped = [day for day, log in story.logs.items() if log.cross_training]
    assert len(swapped) >= 2
    for day in swapped:
        assert day in story.planned_runs, "cross-training replaces a planned run"
        assert not story.logs[day].runs
        assert "C2" in story.mornings[day].guidance.active_rungs
    weeks = {day - timedelta(days=day.weekday()) for day in swapped}
    assert len(weeks) == len(swapped), "one swap a week"


def test_no_demo_step_outlasts_the_settled_weeks_that_should_give_it_back(story: Story) -> None:
    """W2 (v2): after a step's own 7-day window, each settled week gives one step back; so no week with
    steps in place is followed by more than one settled week still carrying the same steps."""
    weeks: dict[date, list[Assessment]] = {}
    for a in story.timeline:
        weeks.setdefault(a.date - timedelta(days=a.date.weekday()), []).append(a)
    settled_in_a_row = 0
    for monday in sorted(weeks):
        days = weeks[monday]
        scores = [
            p.score
            for d in days
            for p in story.logs.get(d.date, DayLog(d.date)).pains
            if p.context == "morning"
        ]
        mean = sum(scores) / len(scores) if scores else None
        steps = {r.rung for r in days[-1].rungs}
        if steps and mean is not None and mean <= 1.7 and all(d.state == "green" for d in days):
            settled_in_a_row += 1
            assert settled_in_a_row <= len(steps) + 1, (monday, steps, mean)
        else:
            settled_in_a_row = 0


def test_the_demo_coach_takes_one_step_at_a_time_and_restores_them_in_reverse(story: Story) -> None:
    changes = []
    before: tuple[str, ...] = ()
    for a in story.timeline:
        now = tuple(r.rung for r in a.rungs)
        if now != before:
            changes.append((a.date, before, now))
            before = now
    added = [(day, now[-1]) for day, old, now in changes if now[:-1] == old]
    removed = [(day, old[-1]) for day, old, now in changes if old[:-1] == now]
    assert len(added) + len(removed) == len(changes), "every change is one step on or off the top"
    assert [rung for _, rung in added] == ["C1", "C2"]
    assert (added[1][0] - added[0][0]).days >= 7, "no new step within the 7-day observation window"
    assert removed and removed[0][1] == "C2", "the last step on is the first off"
    assert (removed[0][0] - added[1][0]).days >= 14, "held through an improving week before coming off"


def test_the_demo_runner_sees_a_physio_when_the_coach_asks(story: Story) -> None:
    asked = next(a.date for a in story.timeline if any(x.kind in demo.CLINICIAN_ALERTS for x in a.alerts))
    assert len(story.clearances) == 1
    assert 0 < (story.clearances[0] - asked).days <= 7
    assert not story.timeline[-1].progression_frozen


def test_the_demo_ends_on_a_calm_day_at_most_one_step_from_the_plan(story: Story) -> None:
    last = story.timeline[-1]
    assert last.date == story.end
    assert last.state == "green"
    assert last.return_stage is None
    assert len(last.rungs) <= 1
    assert not [a for a in last.alerts if a.kind in ("refer_urgent", "see_clinician", "see_clinician_firm")]
    assert ("Green: train, with the coach's steps below" if last.rungs else "Green: train as planned") in (
        story.today_html.replace("&#39;", "'")
    )
    assert "alert-see_clinician" not in story.today_html
    assert "C1 C2" in story.coach_html


def test_the_demo_lifts_at_most_twice_a_week_and_never_within_48_h_of_the_last_block(story: Story) -> None:
    lifted = sorted(day for day, log in story.logs.items() if log.strength)
    assert all((later - earlier).days >= 2 for earlier, later in itertools.pairwise(lifted))
    by_week: dict[date, int] = {}
    for day in lifted:
        monday = day - timedelta(days=day.weekday())
        by_week[monday] = by_week.get(monday, 0) + 1
    assert max(by_week.values()) <= 2


def test_the_demo_runs_tempo_sessions_in_racing_flats_and_the_rest_in_its_daily_pair(story: Story) -> None:
    tempo_m = sum(r.distance_m for r in story.runs if r.kind == "tempo")
    other_m = sum(r.distance_m for r in story.runs if r.kind != "tempo")
    assert tempo_m > 0 and other_m > 0
    assert story.shoes == pytest.approx({"Racing flats": tempo_m, "Daily trainers": 150_000.0 + other_m})
