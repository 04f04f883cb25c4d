"""The physio report's timeline of the coach's decisions (states, steps started and restored, return stages,
alerts, clearances) and its pain by shoe and by terrain over the period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from statistics import mean
from typing import Any

from sqlalchemy import select

from runner_app.coach.model import Assessment
from runner_app.coach.words import Words
from runner_app.extensions import db
from runner_app.models import PainEntry, Run, Shoe

RUN_CONTEXTS = ("during_run", "after_run")
BY = {"gp": "a GP", "physio": "a physio", "other": "a clinician"}


def _why(day: Assessment, *words: str) -> tuple[str, Words] | None:
    """The day's decision that names one of `words`: its rule and sentence."""
    for decision in day.decisions:
        if any(word in decision.reason for word in words):
            return decision.rule, decision.words
    return None


def events(days: Sequence[Assessment], clearances: Sequence[Any], units: str | None) -> list[dict[str, Any]]:
    """What changed from one day to the next, oldest first, worded in the runner's units. `days` starts the
    day before the period, which only serves to compare against."""
    out: list[dict[str, Any]] = []

    def _event(day: Assessment, kind: str, rule: str, text: Words) -> dict[str, Any]:
        said = text.render(units).strip()
        return {"date": day.date.isoformat(), "kind": kind, "rule": rule, "text": said}

    for before, day in pairwise(days):
        if day.state != before.state:
            rule, text = _why(day, day.state) or (
                day.decisions[0].rule if day.decisions else "",
                day.decisions[0].words if day.decisions else Words(),
            )
            out.append(_event(day, "state", rule, Words(f"{before.state} to {day.state}. ", text)))
        was = {r.rung for r in before.rungs}
        now = {r.rung for r in day.rungs}
        for rung in day.rungs:
            if rung.rung not in was:
                text = Words(f"{rung.rung} ({rung.variable}): ", rung.words)
                out.append(_event(day, "rung_started", rung.rule, text))
        for rung in before.rungs:
            if rung.rung not in now:
                rule, why = _why(day, rung.rung, "restor") or (rung.rule, Words())
                text = Words(f"{rung.rung} ({rung.variable}) restored. ", why)
                out.append(_event(day, "rung_restored", rule, text))
        if day.return_stage != before.return_stage:
            stage = day.return_stage or "none (back to the plan)"
            rule, text = _why(day, "stage", "R0", "return") or ("", Words())
            out.append(_event(day, "return_stage", rule, Words(f"Return stage {stage}. ", text)))
        known = {alert.kind for alert in before.alerts}
        for alert in day.alerts:
            if alert.kind not in known:
                out.append(_event(day, "alert", alert.rule, alert.words))
    for clearance in clearances:
        out.append(
            {
                "date": clearance.date.isoformat(),
                "kind": "clearance",
                "rule": "",
                "text": f"Cleared by {BY.get(clearance.by, 'a clinician')}.",
            }
        )
    return sorted(out, key=lambda e: e["date"])


def _run_pains(runs: Sequence[Run], pains: Sequence[PainEntry]) -> dict[Any, list[int]]:
    """Each run's pain scores: those logged against it, or on a day with that run alone."""
    by_id = {run.id: run for run in runs}
    by_day: dict[Any, list[Run]] = defaultdict(list)
    for run in runs:
        by_day[run.date].append(run)
    scores: dict[Any, list[int]] = defaultdict(list)
    for pain in pains:
        if pain.context not in RUN_CONTEXTS:
            continue
        if pain.run_id in by_id:
            scores[pain.run_id].append(pain.score)
        elif len(by_day.get(pain.date, ())) == 1:
            scores[by_day[pain.date][0].id].append(pain.score)
    return scores


def _grouped(groups: dict[str, list[Run]], scores: dict[Any, list[int]]) -> list[dict[str, Any]]:
    table = []
    for name, runs in groups.items():
        felt = [max(scores[run.id]) for run in runs if scores.get(run.id)]
        table.append(
            {
                "name": name,
                "runs": len(runs),
                "distance_m": round(sum(run.distance_m for run in runs), 1),
                "runs_with_pain_logged": len(felt),
                "mean_run_pain": round(mean(felt), 1) if felt else None,
                "max_run_pain": max(felt, default=None),
            }
        )
    return sorted(table, key=lambda row: -row["distance_m"])


def pain_by_shoe(user_id: int, runs: Sequence[Run], pains: Sequence[PainEntry]) -> list[dict[str, Any]]:
    names = {
        str(shoe.id): shoe.name
        for shoe in db.session.scalars(select(Shoe).where(Shoe.user_id == user_id, Shoe.deleted.is_(False)))
    }
    groups: dict[str, list[Run]] = defaultdict(list)
    for run in runs:
        groups[names.get(run.shoe_id or "", "No shoe named")].append(run)
    return _grouped(groups, _run_pains(runs, pains))


def pain_by_terrain(runs: Sequence[Run], pains: Sequence[PainEntry]) -> list[dict[str, Any]]:
    groups: dict[str, list[Run]] = defaultdict(list)
    for run in runs:
        groups[run.terrain or "flat"].append(run)
    return _grouped(groups, _run_pains(runs, pains))
