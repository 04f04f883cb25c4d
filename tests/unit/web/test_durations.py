"""Times as runners type them: minutes, min:ss or h:mm:ss."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runner_app.web.durations import format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45", 2700),
        ("45:30", 2730),
        ("1:05:30", 3930),
        (" 0:50:00 ", 3000),
        ("50.00", 3000),
        ("3:49:10", 13750),
        ("120", 7200),
    ],
)
def test_every_accepted_form_reads_as_its_seconds(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["1:75:00", "45:60", "", "abc", "1:2:3:4", "-5", "1h05"])
def test_a_time_that_is_not_a_time_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        parse_duration(text)


@given(st.integers(min_value=1, max_value=48 * 3600))
def test_a_formatted_time_reads_back_as_the_same_seconds(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds
