"""Reasons for the coach's changes to a session, in plain words with the runner's numbers; the rule that
asked for it travels beside the sentence (`Change.rule`), never inside it.

"Your long run is 16.0 km instead of 21.0 km this week: your average morning knee pain rose from 1.8 to 3.1."
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from runner_app.coach.model import Decision, Rung, RunGuidance

_VARIABLE = {
    "intensity": "intensity",
    "frequency": "frequency of runs",
    "long_run": "long-run volume",
    "terrain": "terrain",
    "cadence": "cadence",
}


# A rule id cited inside a sentence ("(rule D2)", "(rule W1, step C3: long-run volume)", "(rules T2, C1)").
_CITATION = re.compile(r"\s*\((?:rules?|step|steps) [^()]*\)")


def plain(text: str) -> str:
    """A sentence without rule ids cited in it: the ids belong in the `rule` field."""
    return _CITATION.sub("", text)


class Change(NamedTuple):
    rule: str
    reason: str  # the whole sentence: what changes and why, in plain words
    head: str = ""  # what changes: "Your 9.0 km tempo session becomes an easy run"
    why: str = ""  # the cause in the runner's numbers: ": yesterday's run hurt 4/10"


@dataclass(frozen=True)
class Source:
    rule: str
    cite: str
    why: str


def clause(sentence: str) -> str:
    text = plain(sentence).strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def find_source(
    guidance: RunGuidance, rungs: Sequence[Rung], rung_id: str | None, prefixes: tuple[str, ...] = ()
) -> Source:
    """Which rule asked for a change: the active rung, else the first decision whose rule matches."""
    for rung in rungs:
        if rung.rung == rung_id:
            cite = f"rule {rung.rule}, step {rung.rung}: {_VARIABLE[rung.variable]}"
            return Source(rung.rung, cite, rung.reason)
    for decision in guidance.rules:
        if prefixes and decision.rule.startswith(prefixes):
            return from_decision(decision)
    fallback = rung_id or (prefixes[0] if prefixes else "coach")
    return Source(fallback, f"rule {fallback}", "")


def from_decision(decision: Decision) -> Source:
    return Source(decision.rule, f"rule {decision.rule}", decision.reason)


def sentence(head: str, source: Source) -> Change:
    why = f": {clause(source.why)}" if source.why else ""
    return Change(source.rule, f"{plain(head)}{why}.", plain(head), why)


def explain(changes: Sequence[Change]) -> str:
    """The changes to one session in a paragraph, each cause said once: "Your tempo session becomes an easy
    run; run it 10-20 % slower: your average morning knee pain rose from 1.8 to 3.1." """
    by_cause: dict[str, list[str]] = {}
    for change in changes:
        by_cause.setdefault(change.why, []).append(change.head)
    return " ".join(
        "; ".join([heads[0], *(clause(head) for head in heads[1:])]) + why + "."
        for why, heads in by_cause.items()
    )
