"""The coach's sentences in the runner's units: every distance km() wrote, and nothing else."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runner_app.coach.text import KM_PER_MILE, in_units, km


@pytest.mark.parametrize(
    ("text", "in_miles"),
    [
        ("Your long run is 16.0 km instead of 21.0 km", "Your long run is 9.9 mi instead of 13.0 mi"),
        ("the last 30 days (8.0 km) (rule S2)", "the last 30 days (5.0 mi) (rule S2)"),
        ("This week's 43.7 km is 1.39 × 31.4 km.", "This week's 27.2 mi is 1.39 × 19.5 mi."),
        ("Easy run · 0.5 km", "Easy run · 0.3 mi"),
        ("a race of 42.2 km", "a race of 26.2 mi"),
        # Not distances km() wrote: left as they are.
        ("then 3 min at 5-10 km race pace", "then 3 min at 5-10 km race pace"),
        ("pain of 2.5 above your baseline; 25 %", "pain of 2.5 above your baseline; 25 %"),
        ("1.10 × kmh", "1.10 × kmh"),
    ],
)
def test_each_distance_the_coach_wrote_is_given_in_miles(text: str, in_miles: str) -> None:
    assert in_units(text, "mi") == in_miles
    assert in_units(text, "km") == text
    assert in_units(text, None) == text


@given(metres=st.floats(min_value=0, max_value=500_000, allow_nan=False))
def test_a_distance_in_miles_is_the_distance_in_km_converted(metres: float) -> None:
    sentence = f"Today's run is {km(metres)} instead of {km(metres * 2)}."
    said = re.findall(r"(\d+\.\d) mi\b", in_units(sentence, "mi"))
    assert len(said) == 2 and " km" not in in_units(sentence, "mi")
    for value, actual in zip(said, (metres, metres * 2), strict=True):
        # km() rounds to 0.1 km, then miles to 0.1 mi: off by at most the two roundings.
        assert abs(float(value) - actual / 1000 / KM_PER_MILE) <= 0.05 / KM_PER_MILE + 0.05 + 1e-9


def test_a_decisions_rule_is_one_of_the_rule_ids_of_the_rules() -> None:
    from typing import get_args

    from runner_app.coach.model import Decision, RuleId
    from runner_app.coach.state import from_json

    assert {"D2", "G1", "W2", "CADENCE", "T7"} <= set(get_args(RuleId))
    import pytest

    with pytest.raises(ValueError, match="is not one of"):
        from_json(Decision, {"rule": "W9", "reason": "a typo", "source": "product"})
