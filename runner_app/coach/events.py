"""The day's accumulator: decisions and alerts raised while one day is advanced (internal, mutable)."""

from __future__ import annotations

from dataclasses import dataclass, field

from runner_app.coach.model import Alert, AlertKind, Decision, RuleId, Source


@dataclass
class DayEvents:
    decisions: list[Decision] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    ladder_cause: str | None = None  # a run-related D2/D3 fired today: it may start the ladder

    def decide(self, rule: RuleId, reason: str, source: Source) -> Decision:
        decision = Decision(rule=rule, reason=reason, source=source)
        self.decisions.append(decision)
        return decision

    def alert(self, kind: AlertKind, message: str, rule: str) -> None:
        self.alerts.append(Alert(kind=kind, message=message, rule=rule))
