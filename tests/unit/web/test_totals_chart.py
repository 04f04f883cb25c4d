"""History's totals chart: the tallest bar is the longest period, an empty period draws no bar."""

from __future__ import annotations

from datetime import date

from runner_app.services.run_totals import Total, period_start
from runner_app.web.history.chart import BASE, TOP, bar_chart


def test_the_longest_period_reaches_the_top_and_an_empty_one_stays_flat() -> None:
    rows = [Total(date(2026, 11, 2), 20000, 7200, 2), Total(date(2026, 11, 9), 0, 0, 0)]
    chart = bar_chart(rows, ["2 Nov", "9 Nov"], "km")
    assert chart.bars[0].y == TOP and chart.bars[0].height == BASE - TOP
    assert chart.bars[1].height == 0
    assert chart.bars[0].value == "20.0 km"


def test_periods_start_on_a_monday_the_first_of_the_month_and_the_first_of_january() -> None:
    day = date(2026, 12, 5)
    assert period_start(day, "week") == date(2026, 11, 30)
    assert period_start(day, "month") == date(2026, 12, 1)
    assert period_start(day, "year") == date(2026, 1, 1)
