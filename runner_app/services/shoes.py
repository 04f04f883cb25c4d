"""Shoe mileage: what each pair has run (the runs that name it, plus what it had run before it was added)
against the distance at which the runner said to replace it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from runner_app.extensions import db
from runner_app.models import Run, Shoe
from runner_app.services import entries


@dataclass(frozen=True)
class Mileage:
    shoe: Shoe
    distance_m: float

    @property
    def due(self) -> bool:
        """Time for a new pair: at or past the runner's own replacement distance, and still in use."""
        return not self.shoe.retired and self.distance_m >= self.shoe.retire_at_m

    @property
    def share(self) -> float:
        """How much of its life the pair has run, 0 to 1 (for a bar)."""
        return min(1.0, self.distance_m / self.shoe.retire_at_m) if self.shoe.retire_at_m else 1.0


def _key(raw: str | None) -> str | None:
    """A run's shoe_id as the shoe's id is written: any UUID spelling, or None for anything else."""
    try:
        return str(uuid.UUID(raw)) if raw else None
    except ValueError:
        return None


def mileage(user_id: int, *, include_retired: bool = True) -> list[Mileage]:
    """The runner's pairs (not deleted), newest first, each with the distance it has run."""
    stmt = select(Shoe).where(Shoe.user_id == user_id, Shoe.deleted.is_(False))
    if not include_retired:
        stmt = stmt.where(Shoe.retired.is_(False))
    pairs = list(db.session.scalars(stmt.order_by(Shoe.retired, Shoe.date.desc(), Shoe.created_at.desc())))
    if not pairs:
        return []
    sums = db.session.execute(
        select(Run.shoe_id, func.sum(Run.distance_m))
        .where(Run.user_id == user_id, Run.deleted.is_(False), Run.shoe_id.is_not(None))
        .group_by(Run.shoe_id)
    )
    run_m: dict[str, float] = {}
    for shoe_id, metres in sums:
        key = _key(shoe_id)
        if key is not None:
            run_m[key] = run_m.get(key, 0.0) + float(metres or 0.0)
    return [Mileage(shoe, shoe.start_m + run_m.get(str(shoe.id), 0.0)) for shoe in pairs]


def last_used(user_id: int) -> str | None:
    """The shoe of the runner's latest run that names one, if that pair is still in use: the run form's
    default, since most runners run most days in the same pair."""
    latest = db.session.scalar(
        select(Run.shoe_id)
        .where(Run.user_id == user_id, Run.deleted.is_(False), Run.shoe_id.is_not(None))
        .order_by(Run.date.desc(), Run.created_at.desc())
        .limit(1)
    )
    key = _key(latest)
    if key is None:
        return None
    shoe = db.session.get(Shoe, (user_id, uuid.UUID(key)))
    return key if shoe is not None and not shoe.deleted and not shoe.retired else None


def set_retired(user_id: int, shoe_id: str, retired: bool) -> entries.WriteResult:
    """Retire a pair (it leaves the run form; its runs keep naming it) or bring it back. NotFound for an id
    that is not the runner's."""
    shoe = entries.owned_entry("shoes", user_id, shoe_id)
    body = entries.entry_to_dict("shoes", shoe)
    fields = entries.entry_kind("shoes").schema.model_fields
    payload = {name: body[name] for name in fields} | {"retired": retired}
    return entries.put_entry(user_id, "shoes", shoe_id, payload, str(shoe.version))
