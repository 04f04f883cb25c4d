"""The coach page's chart of weekly distance against pain: geometry checked against the figures it draws."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from runner_app.coach.text import KM_PER_MILE
from runner_app.services.coach_weeks import WeekRow
from runner_app.web.coach.chart import BOTTOM, LEFT, RIGHT, TOP, nice_ceiling, volume_pain_chart

FIRST_MONDAY = date(2026, 10, 12)
PLOT = BOTTOM - TOP


def week(index: int, km: float, morning: float | None = None, run: int | None = None) -> WeekRow:
    start = FIRST_MONDAY + timedelta(weeks=index)
    return WeekRow(start, (), morning, run, (), "green", km * 1000)


weeks_strategy = st.lists(
    st.tuples(
        st.floats(0, 250),
        st.one_of(st.none(), st.floats(0, 10).map(lambda v: round(v, 1))),
        st.one_of(st.none(), st.integers(0, 10)),
    ),
    min_size=1,
    max_size=12,
).map(lambda specs: [week(i, *spec) for i, spec in enumerate(specs)])


def test_a_worked_example_reads_as_the_table_does() -> None:
    rows = [week(0, 51.1, 0.0, 0), week(1, 30.0, None, None), week(2, 45.5, 1.7, 2), week(3, 27.0, 0.2, 1)]
    chart = volume_pain_chart(list(reversed(rows)))  # the page's rows come newest first
    assert [b.label for b in chart.bars] == ["12", "19", "26", "2"], "oldest on the left"
    assert [b.month for b in chart.bars] == ["Oct", "", "", "Nov"], "a month is named where it starts"
    assert [t.label for t in chart.distance_ticks] == ["0", "30", "60"]  # 51.1 km -> an axis to 60
    assert chart.bars[0].height == round(PLOT * 51.1 / 60, 1)
    assert chart.bars[1].title == "Week of 19 Oct: 30.0 km"
    assert chart.bars[2].title == "Week of 26 Oct: 45.5 km, morning pain 1.7, worst pain on a run 2"
    assert [[d.value for d in line] for line in chart.morning] == [[0.0], [1.7, 0.2]], "no check-ins: a gap"
    assert [d.value for d in chart.run_pain] == [0, 2, 1]
    assert chart.summary == (
        "Weekly distance and pain from the week of 12 Oct to that of 2 Nov: distance from 51.1 to 27.0 km; "
        "mean morning pain from 0.0 to 0.2."
    )


def test_a_runner_in_miles_reads_the_axis_in_miles() -> None:
    chart = volume_pain_chart([week(0, 40 * KM_PER_MILE), week(1, 20 * KM_PER_MILE)], "mi")
    assert chart.unit == "mi"
    assert [t.label for t in chart.distance_ticks] == ["0", "20", "40"]
    assert chart.bars[0].height == PLOT and chart.bars[1].height == PLOT / 2


def test_the_axis_top_is_a_round_figure_at_or_above_the_tallest_week() -> None:
    assert [nice_ceiling(v) for v in (0, 4.2, 5.1, 53, 60, 61, 99, 130, 201)] == [
        5,
        5,
        6,
        60,
        60,
        80,
        100,
        150,
        300,
    ]


@given(weeks_strategy, st.randoms())
def test_every_mark_stays_in_the_plot_and_follows_its_figure(rows: list[WeekRow], rnd: random.Random) -> None:
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    chart = volume_pain_chart(shuffled)
    assert chart == volume_pain_chart(rows), "the order the rows come in does not matter"
    top = float(chart.distance_ticks[-1].label)
    tallest = max(row.distance_m for row in rows) / 1000
    assert tallest <= top and (top == 5 or tallest >= top / 1.5), "the tallest bar fills most of the height"
    xs = [b.x for b in chart.bars]
    assert xs == sorted(xs) and xs[0] >= LEFT and xs[-1] + chart.bars[-1].width <= RIGHT
    for bar, row in zip(chart.bars, rows, strict=True):
        assert TOP - 0.1 <= bar.y <= BOTTOM and abs(bar.y + bar.height - BOTTOM) <= 0.1
        assert abs(bar.height - PLOT * row.distance_m / 1000 / top) <= 0.06
    mornings = [row.mean_morning_pain for row in rows if row.mean_morning_pain is not None]
    drawn = [d for line in chart.morning for d in line]
    assert [d.value for d in drawn] == mornings
    assert all(abs(d.y - (BOTTOM - PLOT * d.value / 10)) <= 0.06 for d in drawn + list(chart.run_pain))
    checked = [row.mean_morning_pain is not None for row in rows]
    stretches = sum(1 for i, on in enumerate(checked) if on and (i == 0 or not checked[i - 1]))
    assert len(chart.morning) == stretches, "a line per stretch of weeks with check-ins"
