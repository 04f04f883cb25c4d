"""The four kinds of logged entry (plus clinician clearances and the runner's shoes): their model, schema and
URL name."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from runner_app.models import Clearance, CrossTraining, PainEntry, Run, Shoe, StrengthSession
from runner_app.services import schemas


@dataclass(frozen=True)
class EntryKind:
    name: str  # the URL segment: /api/v1/<name>/<id>
    model: type[Run | PainEntry | StrengthSession | CrossTraining | Clearance | Shoe]
    schema: type[BaseModel]
    label: str
    coached: bool = True  # the coach reads it: a write drops the coach's answers from its date on


KINDS: dict[str, EntryKind] = {
    k.name: k
    for k in (
        EntryKind("runs", Run, schemas.RunIn, "run"),
        EntryKind("pain", PainEntry, schemas.PainIn, "pain check-in"),
        EntryKind("strength", StrengthSession, schemas.StrengthIn, "strength session"),
        EntryKind("cross-training", CrossTraining, schemas.CrossTrainingIn, "cross-training"),
        EntryKind("clearances", Clearance, schemas.ClearanceIn, "clearance"),
        EntryKind("shoes", Shoe, schemas.ShoeIn, "pair of shoes", coached=False),
    )
}
LOGGED_KINDS = ("runs", "pain", "strength", "cross-training")
# The route converter for /api/v1/<kind>/...: every kind, by its URL name.
KIND_CONVERTER = "<any(" + ", ".join(f"'{name}'" for name in KINDS) + "):kind>"
