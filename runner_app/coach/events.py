"""The day's accumulator: decisions and alerts raised while one day is advanced (internal, mutable)."""

from __future__ import annotations

from dataclasses import dataclass, field

from runner_app.coach.model import Alert, AlertKind, Decision, Reason, RuleId, Source


@dataclass
class DayEvents:
    decisions: list[Decision] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    ladder_cause: Reason | None = None  # a run-related D2/D3 fired today: it may start the ladder

    def decide(self, rule: RuleId, reason: str | Reason, source: Source) -> Decision:
        if isinstance(reason, Reason):
            decision = Decision(rule, reason.render(), source, reason.template, reason.params)
        else:
            decision = Decision(rule=rule, reason=reason, source=source)
        self.decisions.append(decision)
        return decision

    def alert(self, kind: AlertKind, message: str | Reason, rule: RuleId) -> None:
        if isinstance(message, Reason):
            self.alerts.append(Alert(kind, message.render(), rule, message.template, message.params))
        else:
            self.alerts.append(Alert(kind=kind, message=message, rule=rule))
