"""What a session says (sessions.py) and how it reads once the coach bends it (bend.py)."""

from __future__ import annotations

from datetime import date

from runner_app.coach.words import rendered
from runner_app.planning.bending.bend import AdjustedSession
from runner_app.planning.model import PlannedSession, title_words
from runner_app.planning.plans.paces import pace_text, paces_for
from runner_app.planning.plans.sessions import describe

PACES = paces_for(40.0)


def threshold_session() -> PlannedSession:
    detail = describe("threshold", 10_000, PACES, 0.5)
    return PlannedSession(
        "s1",
        date(2027, 1, 12),
        "tempo",
        10_000,
        detail.duration_s,
        detail.title,
        3,
        "build",
        title=detail.title,
        structure=detail.structure,
        target_pace=detail.target_pace,
        easy_pace=PACES.easy,
    )


def bent(original: PlannedSession, kind: str, distance_m: float) -> AdjustedSession:
    return AdjustedSession(original, kind, distance_m, None, "any", None, None, None, ())


def test_a_threshold_session_has_warm_up_work_recoveries_and_cool_down_at_named_paces() -> None:
    detail = describe("threshold", 10_000, PACES, 0.0)
    assert detail.title == "Threshold 2 × 8 min"
    kinds = [step["kind"] for step in detail.structure]
    assert kinds == ["warmup", "run", "recovery", "cooldown"]
    assert detail.structure[1] == {"kind": "run", "pace": "threshold", "repeat": 2, "duration_s": 480}
    assert detail.target_pace == PACES.threshold
    assert 50 * 60 <= detail.duration_s <= 65 * 60


def test_an_easy_run_is_one_step_at_the_easy_range_and_strides_are_a_step() -> None:
    easy = describe("easy", 8000, PACES)
    assert (
        easy.title == "Easy {distance}"
        and str(title_words(easy.title, 8000, easy.structure)) == "Easy 8.0 km"
    )
    assert len(easy.structure) == 1 and easy.target_pace == PACES.easy
    strides = describe("strides", 8000, PACES)
    assert strides.structure[-1]["kind"] == "strides" and strides.structure[-1]["repeat"] == 6


def test_without_fitness_a_session_goes_by_effort_with_no_pace() -> None:
    assert describe("threshold", 10_000, None).target_pace is None


def test_a_session_as_planned_keeps_its_title_structure_and_pace_for_today() -> None:
    session = threshold_session()
    prescribed = bent(session, "tempo", 10_000).prescribed_dict()
    assert prescribed["title"] == session.title_words and prescribed["structure"] == list(session.structure)
    assert prescribed["target_pace"] == PACES.threshold.as_dict()
    assert bent(session, "tempo", 10_000).planned_dict()["title"] == session.title_words


def test_a_quality_session_the_coach_makes_easy_shows_the_easy_range() -> None:
    prescribed = bent(threshold_session(), "easy", 8000).prescribed_dict()
    assert str(prescribed["title"]) == "Easy 8.0 km"
    assert rendered(prescribed, "mi")["title"] == "Easy 5.0 mi"
    assert prescribed["target_pace"] == PACES.easy.as_dict()
    assert prescribed["structure"] == [{"kind": "run", "pace": "easy", "repeat": 1, "distance_m": 8000}]


def test_paces_read_in_the_runners_units() -> None:
    assert pace_text(PACES.easy) == "5:56–6:38 /km"
    assert pace_text(PACES.easy, "mi") == "9:33–10:41 /mi"
