"""The physio report as a PDF (fpdf2, pure Python): the chart of weekly distance against pain drawn with the
library's own lines and rectangles, then the week table, pain by location, the coach's decisions and pain by
shoe and terrain. A4 portrait; the built-in Helvetica, so only Latin-1 text (others are spelt out)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from runner_app.coach.text import metres_per_unit
from runner_app.services.report import profile_line

if TYPE_CHECKING:
    from fpdf import FPDF

_SPELT = {
    "\u2013": "-",
    "\u2014": "-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u00d7": "x",
    "\u2026": "...",
    "\u2192": "->",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2212": "-",
}
ACCENT = (11, 110, 79)
DANGER = (164, 22, 26)
WARN = (138, 90, 0)
GREY = (110, 110, 110)
LOCATION_COLOURS = ((31, 95, 191), (122, 61, 184), (184, 98, 10), (43, 138, 138))
EVENT_LABELS = {
    "state": "State",
    "rung_started": "Step started",
    "rung_restored": "Step restored",
    "return_stage": "Return to running",
    "alert": "Alert",
    "clearance": "Clearance",
}


def latin(text: str) -> str:
    for char, spelt in _SPELT.items():
        text = text.replace(char, spelt)
    return text.encode("latin-1", "replace").decode("latin-1")


def _num(value: float | None, fmt: str = "{:.1f}") -> str:
    return "-" if value is None else fmt.format(value)


def _day(iso: str) -> str:
    return f"{date.fromisoformat(iso):%-d %b %Y}"


def _duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}" if seconds else "-"


@cache
def _report_class() -> type[FPDF]:
    """The PDF class with the report's footer. fpdf2 (with Pillow) is imported on the first PDF, not by every
    worker at start: it is most of a worker's memory beyond the app's own."""
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=7)
            self.set_text_color(*GREY)
            self.cell(0, 5, "Training guidance, not medical advice.", align="L")
            self.cell(0, 5, f"Page {self.page_no()}/{{nb}}", align="R")
            self.set_text_color(0, 0, 0)

    return Report


def render(document: dict[str, Any], units: str | None, made_on: date) -> bytes:
    """The report `document` (services.report.build) as PDF bytes, distances in `units`."""
    unit = "mi" if units == "mi" else "km"
    per = metres_per_unit(unit)
    pdf = _report_class()(format="A4")
    pdf.set_title("Training and pain report")
    pdf.set_creator("Runner")
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, "Training and pain report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    weeks = document["weeks"]
    pdf.cell(
        0,
        6,
        latin(
            f"{_day(document['from'])} to {_day(document['to'])} - {len(weeks)} weeks"
            f" - made {made_on:%-d %b %Y}"
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    if document.get("profile"):
        pdf.multi_cell(0, 5, latin(profile_line(document["profile"], units)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4, latin(document["disclaimer"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _chart(pdf, weeks, per, unit)
    _week_table(pdf, weeks, per, unit)
    _pain_table(pdf, weeks)
    _events(pdf, document["events"], unit)
    for title, rows in (("Shoe", document["pain_by_shoe"]), ("Terrain", document["pain_by_terrain"])):
        _by_table(pdf, title, rows, per, unit)
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.get_y() > pdf.h - 40:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8)


def _chart(pdf: FPDF, weeks: list[dict[str, Any]], per: float, unit: str) -> None:
    """Bars of weekly distance (left axis), mean morning pain as a line and worst run pain as dots (0-10,
    right axis): the coach page's chart."""
    left, top, width, height = pdf.l_margin + 10, pdf.get_y() + 4, pdf.epw - 20, 55
    bottom = top + height
    amounts = [w["distance_m"] / per for w in weeks]
    ceiling = max(5.0, max(amounts, default=0.0))
    ceiling = float(-(-ceiling // 5) * 5)
    pdf.set_font("Helvetica", size=7)
    pdf.set_draw_color(200, 200, 200)
    for fraction in (0.0, 0.5, 1.0):
        y = bottom - height * fraction
        pdf.line(left, y, left + width, y)
        pdf.text(left - 9, y + 1, f"{ceiling * fraction:g}")
        pdf.text(left + width + 2, y + 1, f"{10 * fraction:g}")
    pdf.text(left - 9, top - 3, unit)
    pdf.text(left + width + 1, top - 3, "pain")
    slot = width / max(1, len(weeks))
    every = max(1, -(-len(weeks) // 12))
    pdf.set_fill_color(170, 210, 195)
    morning: list[tuple[float, float] | None] = []
    for index, (week, amount) in enumerate(zip(weeks, amounts, strict=True)):
        centre = left + slot * (index + 0.5)
        bar = height * amount / ceiling
        if bar > 0:
            pdf.rect(centre - slot * 0.3, bottom - bar, slot * 0.6, bar, style="F")
        if index % every == 0:
            pdf.text(centre - 3, bottom + 4, f"{date.fromisoformat(week['week_start']):%-d %b}")
        pain = week["mean_morning_pain"]
        morning.append(None if pain is None else (centre, bottom - height * pain / 10))
    pdf.set_draw_color(*DANGER)
    pdf.set_fill_color(*DANGER)
    pdf.set_line_width(0.5)
    for a, b in pairwise(morning):
        if a and b:
            pdf.line(a[0], a[1], b[0], b[1])
    radius = 0.9 if len(weeks) <= 26 else 0.5
    for point in morning:
        if point:
            pdf.circle(point[0], point[1], radius, style="F")
    _location_lines(pdf, weeks, left, slot, bottom, height)
    pdf.set_draw_color(*WARN)
    for index, week in enumerate(weeks):
        if week["max_run_pain"] is not None:
            pdf.circle(
                left + slot * (index + 0.5), bottom - height * week["max_run_pain"] / 10, radius, style="D"
            )
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_y(bottom + 10)
    pdf.set_font("Helvetica", size=7)
    pdf.set_text_color(*GREY)
    pdf.cell(
        0,
        4,
        f"Bars: distance ({unit}, left). Red line: mean morning pain. Open dots: worst pain on a run "
        "(0-10, right).",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)


def _location_lines(
    pdf: FPDF, weeks: list[dict[str, Any]], left: float, slot: float, bottom: float, height: float
) -> None:
    """With more than one painful location, a thin line of mean morning pain for each (the 4 most logged)."""
    series: dict[str, dict[int, float]] = {}
    for index, week in enumerate(weeks):
        for row in week["pain"]:
            if row["morning_mean"] is not None:
                name = f"{row['location'].replace('_', ' ')}, {row['side']}"
                series.setdefault(name, {})[index] = row["morning_mean"]
    if len(series) < 2:
        return
    pdf.set_line_width(0.3)
    kept = sorted(series.items(), key=lambda item: -len(item[1]))[: len(LOCATION_COLOURS)]
    for number, ((name, values), colour) in enumerate(zip(kept, LOCATION_COLOURS, strict=False)):
        pdf.set_draw_color(*colour)
        for index in values:
            if index + 1 in values:
                x0, x1 = left + slot * (index + 0.5), left + slot * (index + 1.5)
                pdf.line(
                    x0, bottom - height * values[index] / 10, x1, bottom - height * values[index + 1] / 10
                )
        pdf.set_text_color(*colour)
        pdf.text(left + 2 + 45 * number, bottom + 8.5, latin(f"- {name}"))
    pdf.set_text_color(0, 0, 0)
    pdf.set_line_width(0.5)


LINE_MM = 3.4  # 7 pt text


def _wrapped(pdf: FPDF, text: str, width: float) -> list[str]:
    """`text` in lines no wider than `width` (a word longer than that keeps its own line)."""
    lines: list[str] = []
    current = ""
    for word in latin(text).split(" "):
        attempt = f"{current} {word}" if current else word
        if current and pdf.get_string_width(attempt) > width:
            lines.append(current)
            current = word
        else:
            current = attempt
    return [*lines, current]


def _row(pdf: FPDF, values: Sequence[str], widths: Sequence[float], header: Sequence[str] = ()) -> None:
    """One row of a table; when it does not fit on the page, a new page that starts with `header`."""
    bold = not header
    pdf.set_font("Helvetica", "B" if bold else "", 7)
    cells = [_wrapped(pdf, value, width - 1.5) for value, width in zip(values, widths, strict=True)]
    height = LINE_MM * max(len(lines) for lines in cells) + 1.4
    if header and pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
        _row(pdf, header, widths)
        pdf.set_font("Helvetica", size=7)
    top = pdf.get_y()
    if bold:
        pdf.set_fill_color(235, 240, 238)
        pdf.rect(pdf.l_margin, top, sum(widths), height, style="F")
    x = pdf.l_margin
    for lines, width in zip(cells, widths, strict=True):
        for number, line in enumerate(lines):
            pdf.text(x + 0.75, top + LINE_MM * (number + 1), line)
        x += width
    pdf.set_draw_color(200, 200, 200)
    pdf.line(pdf.l_margin, top + height, pdf.l_margin + sum(widths), top + height)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_y(top + height)


def _table(
    pdf: FPDF, header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[int, ...]
) -> None:
    """A plain table drawn line by line (fpdf2's own table() costs about 1 ms a cell), its header repeated
    on each page it runs onto."""
    scale = pdf.epw / sum(widths)
    mm = [width * scale for width in widths]
    if pdf.get_y() + 4 * LINE_MM > pdf.page_break_trigger:
        pdf.add_page()
    _row(pdf, header, mm)
    for values in rows:
        _row(pdf, values, mm, header)


def _week_table(pdf: FPDF, weeks: list[dict[str, Any]], per: float, unit: str) -> None:
    _heading(pdf, "Week by week")
    header = (
        "Week of",
        f"Distance {unit}",
        "Runs",
        f"Long {unit}",
        "Hard",
        "On feet h:mm",
        "Cross min",
        "Strength done/set",
        "Morning pain",
        "Run pain max",
        "Days G/A/R",
        "Steps",
    )
    rows = []
    for w in weeks:
        states = w["states"]
        strength = f"{w['strength']['done']}/{w['strength']['prescribed']}"
        if w["strength"]["progressed"]:
            strength += " (+" + ", ".join(s.replace("_", " ") for s in w["strength"]["progressed"]) + ")"
        steps = " ".join(w["rungs"] + w["return_stages"]) or "-"
        if w["flags"]:
            steps += "; flags: " + ", ".join(f.replace("_", " ") for f in w["flags"])
        rows.append(
            (
                _day(w["week_start"]),
                f"{w['distance_m'] / per:.1f}",
                str(w["runs"]),
                f"{w['long_run_m'] / per:.1f}" if w["long_run_m"] else "-",
                str(w["hard_sessions"]),
                _duration(w["time_on_feet_s"]),
                str(w["cross_training_min"]),
                strength,
                _num(w["mean_morning_pain"]),
                _num(w["max_run_pain"], "{}"),
                f"{states['green']}/{states['amber']}/{states['red'] + states['refer_urgent']}",
                steps,
            )
        )
    _table(pdf, header, rows, (17, 13, 8, 11, 8, 12, 11, 22, 12, 11, 13, 30))


def _pain_table(pdf: FPDF, weeks: list[dict[str, Any]]) -> None:
    rows = [
        (
            _day(w["week_start"]),
            f"{p['location'].replace('_', ' ')}, {p['side']}",
            _num(p["morning_mean"]),
            _num(p["morning_max"], "{}"),
            _num(p["run_max"], "{}"),
        )
        for w in weeks
        for p in w["pain"]
    ]
    _heading(pdf, "Pain by location")
    if not rows:
        pdf.cell(0, 5, "No pain logged in these weeks.", new_x="LMARGIN", new_y="NEXT")
        return
    _table(pdf, ("Week of", "Where", "Morning mean", "Morning max", "Run max"), rows, (25, 45, 20, 20, 20))


def _events(pdf: FPDF, events: list[dict[str, Any]], unit: str) -> None:
    _heading(pdf, "The coach's decisions")
    if not events:
        pdf.cell(0, 5, "No changes: the coach kept the plan as it was.", new_x="LMARGIN", new_y="NEXT")
        return
    for event in events:
        rule = f" ({event['rule']})" if event["rule"] else ""
        label = EVENT_LABELS.get(event["kind"], event["kind"])
        text = f"{_day(event['date'])}  {label}{rule}: {event['text']}"
        lines = _wrapped(pdf, text, pdf.epw)
        if pdf.get_y() + LINE_MM * len(lines) > pdf.page_break_trigger:
            pdf.add_page()
            pdf.set_font("Helvetica", size=8)
        for line in lines:
            pdf.text(pdf.l_margin, pdf.get_y() + LINE_MM, line)
            pdf.set_y(pdf.get_y() + LINE_MM)
        pdf.set_y(pdf.get_y() + 0.8)


def _by_table(pdf: FPDF, title: str, rows: list[dict[str, Any]], per: float, unit: str) -> None:
    if not rows:
        return
    _heading(pdf, f"Pain by {title.lower()}")
    body = [
        (
            r["name"].replace("_", " "),
            str(r["runs"]),
            f"{r['distance_m'] / per:.1f}",
            _num(r["mean_run_pain"]),
            _num(r["max_run_pain"], "{}"),
        )
        for r in rows
    ]
    _table(
        pdf, (title, "Runs", f"Distance {unit}", "Mean run pain", "Max run pain"), body, (50, 15, 25, 25, 25)
    )
