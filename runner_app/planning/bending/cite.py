"""Reasons for the coach's changes to a session, in plain words with the runner's numbers; the rule that
asked for it travels beside the sentence (`Change.rule`), never inside it.

"Your long run is 16.0 km instead of 21.0 km this week: your average morning knee pain rose from 1.8 to 3.1."
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from runner_app.coach.model import Decision, Rung, RunGuidance
from runner_app.coach.words import Words, as_words, worded


class Change(NamedTuple):
    rule: str
    reason: Words  # the whole sentence: what changes and why, in plain words
    head: Words = Words()  # what changes: "Your 9.0 km tempo session becomes an easy run"
    why: Words = Words()  # the cause in the runner's numbers: ": yesterday's run hurt 4/10"


@dataclass(frozen=True)
class Source:
    rule: str  # the rule or rung that asked for the change
    why: Words  # its reason, as the coach gave it


def clause(sentence: Words | str) -> Words:
    return as_words(sentence).clause()


def find_source(
    guidance: RunGuidance, rungs: Sequence[Rung], rung_id: str | None, prefixes: tuple[str, ...] = ()
) -> Source:
    """Which rule asked for a change: the active rung, else the first decision whose rule matches."""
    for rung in rungs:
        if rung.rung == rung_id:
            return Source(rung.rung, worded(rung.reason, rung.template, rung.params))
    for decision in guidance.rules:
        if prefixes and decision.rule.startswith(prefixes):
            return from_decision(decision)
    fallback = rung_id or (prefixes[0] if prefixes else "coach")
    return Source(fallback, Words())


def from_decision(decision: Decision) -> Source:
    return Source(decision.rule, worded(decision.reason, decision.template, decision.params))


def sentence(head: Words | str, source: Source) -> Change:
    why = Words(": ", clause(source.why)) if source.why else Words()
    said = as_words(head)
    return Change(source.rule, Words(said, why, "."), said, why)


def explain(changes: Sequence[Change]) -> Words:
    """The changes to one session in a paragraph, each cause said once: "Your tempo session becomes an easy
    run; run it 10-20 % slower: your average morning knee pain rose from 1.8 to 3.1." """
    by_cause: dict[Words, list[Words]] = {}
    for change in changes:
        by_cause.setdefault(change.why, []).append(change.head)
    return Words(" ").join(
        Words(Words("; ").join([heads[0], *(clause(head) for head in heads[1:])]), why, ".")
        for why, heads in by_cause.items()
    )
