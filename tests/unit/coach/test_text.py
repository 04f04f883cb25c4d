"""Sentences kept as data (`Words`): worded once in the runner's units, with no text rewritten."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from runner_app.coach.model import Reason
from runner_app.coach.text import KM_PER_MILE
from runner_app.coach.words import Distance, Words, in_unit, rendered, say, worded


def test_a_sentence_names_its_distances_in_the_runners_unit() -> None:
    said = say(
        "Your long run is {new} instead of {old} this week", new=Distance(16_000), old=Distance(21_000)
    )
    assert said.render("km") == "Your long run is 16.0 km instead of 21.0 km this week"
    assert said.render("mi") == "Your long run is 9.9 mi instead of 13.0 mi this week"
    assert said.render(None) == said.render("km") == str(said)


def test_numbers_that_are_not_distances_are_never_converted() -> None:
    said = say("then 3 min at 5-10 km race pace, {ratio:.2f} {x} {d}", ratio=1.1, x="×", d=Distance(8000))
    assert said.render("mi") == "then 3 min at 5-10 km race pace, 1.10 × 5.0 mi"


def test_sentences_join_and_keep_their_distances() -> None:
    head = say("Today's run is {d}", d=Distance(8000))
    why = Words(": ", say("your longest run was {d}", d=Distance(5000)))
    joined = Words("; ").join([head, head + why]) + "."
    assert joined.render("mi") == "Today's run is 5.0 mi; Today's run is 5.0 mi: your longest run was 3.1 mi."
    assert sum(isinstance(part, Distance) for part in joined.parts) == 3


def test_a_clause_lowers_the_first_word_and_drops_the_full_stop() -> None:
    assert str(say("Your run hurt {d}.", d=Distance(1000)).clause()) == "your run hurt 1.0 km"
    assert str(Words("D2 applies.").clause()) == "D2 applies"


def test_rendered_words_every_sentence_inside_a_document() -> None:
    document = {"title": say("Easy {d}", d=Distance(8000)), "items": [Words("x"), 3], "n": None}
    assert rendered(document, "mi") == {"title": "Easy 5.0 mi", "items": ["x", 3], "n": None}


def test_a_decisions_template_words_it_as_the_sentence_did() -> None:
    reason = Reason("S1", "Run {cap}, not {reference}.", (("cap", 8000.0), ("reference", 16_093.44)))
    assert reason.render("mi") == "Run 5.0 mi, not 10.0 mi."
    assert worded("Run 8.0 km, not 16.1 km.", reason.template, reason.params) == reason.words
    assert worded("No distance here {sic}.", "") == Words("No distance here {sic}.")


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@given(
    pieces=st.lists(
        st.one_of(_TEXT, st.floats(min_value=0, max_value=500_000, allow_nan=False).map(Distance)), max_size=8
    )
)
def test_a_sentence_survives_its_template_and_back(pieces: list[str | Distance]) -> None:
    """What the API sends as `reason_template` and `reason_params` words exactly as the sentence does,
    whatever braces the text holds."""
    said = Words(*pieces)
    template, params = said.template()
    again = Words.from_template(template, params)
    assert again == said
    for units in ("km", "mi"):
        assert again.render(units) == said.render(units)


@given(metres=st.floats(min_value=0, max_value=500_000, allow_nan=False))
def test_a_distance_in_miles_is_the_distance_converted_once(metres: float) -> None:
    said = say("Today's run is {a} instead of {b}.", a=Distance(metres), b=Distance(metres * 2))
    miles = re.findall(r"(\d+\.\d) mi\b", said.render("mi"))
    assert len(miles) == 2 and " km" not in said.render("mi")
    for value, actual in zip(miles, (metres, metres * 2), strict=True):
        assert abs(float(value) - actual / 1000 / KM_PER_MILE) <= 0.05 + 1e-9


def test_a_decisions_rule_is_one_of_the_rule_ids_of_the_rules() -> None:
    from typing import get_args

    import pytest

    from runner_app.coach.model import Decision, RuleId
    from runner_app.coach.state import from_json

    assert {"D2", "G1", "W2", "CADENCE", "T7"} <= set(get_args(RuleId))

    with pytest.raises(ValueError, match="is not one of"):
        from_json(Decision, {"rule": "W9", "reason": "a typo", "source": "product"})


def test_a_distance_in_a_sentence_rounds_as_the_pages_and_the_phone_do() -> None:
    """Halves round up everywhere (JavaScript's toFixed on the phone, the pages' distance filter)."""
    assert Distance(7250).render("km") == "7.3 km" == in_unit(7250, "km")
    assert say("{d}", d=Distance(7250)).render("km") == "7.3 km"
