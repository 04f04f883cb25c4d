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
from runner_app.coach.words import Words, as_words, worded

_VARIABLE = {
    "intensity": "intensity",
    "frequency": "frequency of runs",
    "long_run": "long-run volume",
    "terrain": "terrain",
    "cadence": "cadence",
}


# A rule id cited inside a sentence ("(rule D2)", "(rule W1, step C3: long-run volume)", "(rules T2, C1)").
_CITATION = re.compile(r"\s*\((?:rules?|step|steps) [^()]*\)")


def plain(text: Words | str) -> Words:
    """A sentence without rule ids cited in it: the ids belong in the `rule` field."""
    return as_words(text).map_text(lambda part: _CITATION.sub("", part))


class Change(NamedTuple):
    rule: str
    reason: Words  # the whole sentence: what changes and why, in plain words
    head: Words = Words()  # what changes: "Your 9.0 km tempo session becomes an easy run"
    why: Words = Words()  # the cause in the runner's numbers: ": yesterday's run hurt 4/10"


@dataclass(frozen=True)
class Source:
    rule: str
    cite: str
    why: Words


def clause(sentence: Words | str) -> Words:
    return plain(sentence).clause()


def find_source(
    guidance: RunGuidance, rungs: Sequence[Rung], rung_id: str | None, prefixes: tuple[str, ...] = ()
) -> Source:
    """Which rule asked for a change: the active rung, else the first decision whose rule matches."""
    for rung in rungs:
        if rung.rung == rung_id:
            cite = f"rule {rung.rule}, step {rung.rung}: {_VARIABLE[rung.variable]}"
            return Source(rung.rung, cite, worded(rung.reason, rung.template, rung.params))
    for decision in guidance.rules:
        if prefixes and decision.rule.startswith(prefixes):
            return from_decision(decision)
    fallback = rung_id or (prefixes[0] if prefixes else "coach")
    return Source(fallback, f"rule {fallback}", Words())


def from_decision(decision: Decision) -> Source:
    return Source(
        decision.rule, f"rule {decision.rule}", worded(decision.reason, decision.template, decision.params)
    )


def sentence(head: Words | str, source: Source) -> Change:
    why = Words(": ", clause(source.why)) if source.why else Words()
    return Change(source.rule, Words(plain(head), why, "."), plain(head), why)


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
