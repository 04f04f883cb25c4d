"""Today's run card: what "Done as planned" logs for a planned run."""

from __future__ import annotations

from runner_app.web.today.run_card import pace_range, planned_duration_s, run_card, structure_lines


def test_done_as_planned_takes_the_middle_of_the_target_pace_range() -> None:
    prescribed = {"session_id": "s1", "kind": "tempo", "distance_m": 10000, "target_pace": [300, 320]}
    assert planned_duration_s(prescribed) == 3100


def test_without_a_pace_the_planned_time_is_logged_and_without_either_an_easy_pace() -> None:
    assert planned_duration_s({"distance_m": 8000, "duration_s": 2700}) == 2700
    assert planned_duration_s({"distance_m": 10000}) == 3900


def test_a_pace_range_is_read_from_a_pair_a_dict_or_a_number() -> None:
    assert pace_range({"fast_s_per_km": 290, "slow_s_per_km": 310}) == (290, 310)
    assert pace_range(330) == (330, 330)
    assert pace_range(None) is None


def test_the_card_fields_are_in_the_runners_units() -> None:
    card = run_card({"session_id": "s1", "kind": "long", "distance_m": 16093.44}, "mi", "2026-12-05")
    assert card is not None
    assert card.fields["distance"] == "10.00"
    assert card.fields["planned_session_id"] == "s1"


def test_no_card_without_a_planned_session_or_a_distance() -> None:
    assert run_card({"kind": "easy", "distance_m": 5000}, "km", "2026-12-05") is None
    assert run_card({"session_id": "s1", "kind": "rest", "distance_m": 0}, "km", "2026-12-05") is None


def test_a_structure_reads_as_lines() -> None:
    parts = ["2 km easy", {"text": "5 × 1 km at 10 km pace"}]
    assert structure_lines(parts) == ("2 km easy", "5 × 1 km at 10 km pace")
    assert structure_lines("6 × 60 m strides") == ("6 × 60 m strides",)


def test_a_sessions_steps_read_as_a_runner_says_them() -> None:
    steps = [
        {"kind": "warmup", "distance_m": 2000, "pace": "easy", "repeat": 1},
        {"kind": "run", "duration_s": 600, "pace": "threshold", "repeat": 3},
        {"kind": "recovery", "duration_s": 120, "pace": "easy", "repeat": 2},
        {"kind": "cooldown", "distance_m": 1500, "pace": "easy", "repeat": 1},
    ]
    assert structure_lines(steps) == (
        "Warm-up 2.0 km easy",
        "3 × 10 min at threshold pace",
        "Recovery 2 × 2 min easy",
        "Cool-down 1.5 km easy",
    )
    assert structure_lines(steps[:1], "mi") == ("Warm-up 1.2 mi easy",)
    assert structure_lines([{"kind": "run", "distance_m": 8000, "pace": "easy", "repeat": 1}]) == ()
    strides = {"kind": "strides", "duration_s": 20, "pace": "repetition", "repeat": 6}
    assert structure_lines([strides]) == ("6 × 0:20 strides, quick and relaxed",)
