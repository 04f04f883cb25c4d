"""Filling the logging forms the way a runner does, and noting the ids the page gave each entry."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import js_wait


def _saved(page: Any) -> None:
    js_wait(
        page,
        "(document.querySelector('form.entry-form .save-status')?.textContent || '')"
        ".startsWith('Saved on this phone')",
        what="'Saved on this phone'",
    )


def _tap_scale(page: Any, name: str, value: int) -> None:
    page.locator(f"input[name={name}][value='{value}']").locator("xpath=..").click()


def log_run(
    page: Any,
    distance: str,
    minutes: int,
    *,
    rpe: int | None = 3,
    pain: int | None = None,
    notes: str = "",
    kind: str | None = None,
    go: bool = True,
) -> dict[str, str]:
    """Log a run; returns the ids the page minted for the run (and its pain entry)."""
    if go:
        page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    if kind:
        page.select_option("select[name=kind]", kind)
    page.fill("input[name=distance]", distance)
    page.fill("input[name=duration]", str(minutes))
    if rpe is not None:
        _tap_scale(page, "rpe", rpe)
    if pain is not None:
        _tap_scale(page, "pain_score", pain)
        if pain and not page.input_value("select[name=pain_location]"):  # nothing is preselected
            page.select_option("select[name=pain_location]", "knee_front")
    if notes:
        page.locator("details summary").first.click()
        page.fill("textarea[name=notes]", notes)
    ids = {"run": page.input_value("input[name=id]"), "pain": page.input_value("input[name=pain_id]")}
    page.click("form.entry-form button[type=submit]")
    _saved(page)
    return ids


def log_pain(
    page: Any,
    score: int,
    *,
    context: str = "morning",
    location: str = "knee_front",
    flags: tuple[str, ...] = (),
) -> str:
    page.goto("/log/pain")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    page.select_option("select[name=context]", context)
    page.select_option("select[name=location]", location)
    _tap_scale(page, "score", score)
    for flag in flags:
        page.check(f"input[name=flags][value={flag}]")
    entry_id: str = page.input_value("input[name=id]")
    page.click("form.entry-form button[type=submit]")
    _saved(page)
    return entry_id


def log_strength(page: Any, rows: list[tuple[str, int, int, str]], minutes: int) -> str:
    """rows: (exercise slug, sets, amount, load_kg or ''), in place of what the page prescribed."""
    page.goto("/log/strength")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    page.eval_on_selector_all(  # a strength day opens with today's block filled in: start from empty rows
        ".set-row select, .set-row input",
        "(all) => all.forEach((el) => { if (el.name.endsWith('-side')) return; el.value = ''; })",
    )
    for index, (exercise, sets, amount, load) in enumerate(rows):
        page.select_option(f"select[name=rows-{index}-exercise]", exercise)
        page.fill(f"input[name=rows-{index}-sets]", str(sets))
        page.fill(f"input[name=rows-{index}-amount]", str(amount))
        if load:
            page.fill(f"input[name=rows-{index}-load_kg]", load)
    page.fill("input[name=duration]", str(minutes))
    entry_id: str = page.input_value("input[name=id]")
    page.click("form.entry-form button[type=submit]")
    _saved(page)
    return entry_id


def log_cross(page: Any, kind: str, minutes: int) -> str:
    page.goto("/log/cross-training")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    page.select_option("select[name=kind]", kind)
    page.fill("input[name=duration]", str(minutes))
    entry_id: str = page.input_value("input[name=id]")
    page.click("form.entry-form button[type=submit]")
    _saved(page)
    return entry_id
