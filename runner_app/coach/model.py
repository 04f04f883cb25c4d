"""The coach's vocabulary: frozen dataclasses in, frozen dataclasses out.

Inputs mirror what a runner logs; outputs are what the coach decides for one date. Pure standard library:
this package never imports Flask or SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from runner_app.coach.words import Words, worded

State = Literal["green", "amber", "red", "refer_urgent"]
Source = Literal["literature", "product"]
RunKind = Literal["easy", "recovery", "long", "tempo", "intervals", "hills", "race"]
Terrain = Literal["flat", "rolling", "hilly", "downhill"]
PainContext = Literal["morning", "during_run", "after_run", "after_strength", "rest", "night"]
PainLocation = Literal[
    "knee_front", "knee_outer", "knee_inner", "knee_back", "hip", "shin", "achilles", "calf", "foot", "other"
]
PainFlag = Literal[
    "swelling",
    "sharp",
    "locking",
    "giving_way",
    "cannot_weight_bear",
    "hot_red_fever",
    "night_pain",
    "bone_tenderness",
    "after_trauma",
]
Side = Literal["left", "right", "both"]
ReturnStage = Literal["R0", "R1", "R2", "R3", "R4", "R5", "R6"]
RungId = Literal["C1", "C2", "C3", "C4", "C5"]
AlertKind = Literal["refer_urgent", "see_clinician", "see_clinician_firm", "spike_run", "spike_week"]

# Every rule id of coach-rules.md (and the task ids the planner adds): a typo in a rule id fails mypy.
RuleId = Literal[
    "F1",
    "F2",
    "F3",
    "F4",
    "D1",
    "D2",
    "D3",
    "G1",
    "W1",
    "W2",
    "W3",
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "P1",
    "P2",
    "R0",
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
    "R6",
    "S1",
    "S2",
    "S3",
    "ST1",
    "ST2",
    "ST3",
    "ST4",
    "CADENCE",
    "T0",
    "T1",
    "T2",
    "T3",
    "T4",
    "T5",
    "T6",
    "T7",
]

HARD_RUN_KINDS: frozenset[str] = frozenset({"long", "tempo", "intervals", "hills", "race"})


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class RunEntry:
    id: str
    date: date
    kind: RunKind
    distance_m: float
    duration_s: int
    rpe: int | None = None
    terrain: Terrain = "flat"
    cadence_spm: int | None = None


@dataclass(frozen=True)
class PainEntry:
    id: str
    date: date
    context: PainContext
    location: str
    side: str
    score: int
    settled_within_60min: bool | None = None
    flags: frozenset[str] = frozenset()
    run_id: str | None = None


@dataclass(frozen=True)
class StrengthSet:
    exercise: str
    reps: int | None = None
    seconds: int | None = None
    steps: int | None = None
    load_kg: float | None = None
    side: str = "both"


@dataclass(frozen=True)
class StrengthEntry:
    id: str
    date: date
    duration_s: int
    rpe: int | None = None
    pain_max: int | None = None
    sets: tuple[StrengthSet, ...] = ()


@dataclass(frozen=True)
class CrossTrainingEntry:
    id: str
    date: date
    kind: str
    duration_s: int
    rpe: int | None = None
    pain_max: int | None = None


@dataclass(frozen=True)
class Clearance:
    id: str
    date: date
    by: Literal["gp", "physio", "other"] = "other"


@dataclass(frozen=True)
class RecentRace:
    distance_m: float
    duration_s: int
    date: date


@dataclass(frozen=True)
class RunnerProfile:
    """Where the runner said they were on `as_of` (coach-rules.md, "Runner profile").

    Until 4 weeks of runs are logged it stands in for history in the references the rules compute (S1-S3,
    G1, plan generation), for the days from `as_of` on; it is never shown as logged runs.
    """

    as_of: date
    runs_per_week: int
    weekly_distance_m: float
    longest_run_m: float | None = None
    last_run_date: date | None = None
    usual_morning_pain: int | None = None
    recent_race: RecentRace | None = None


@dataclass(frozen=True)
class DayLog:
    """Everything logged on one calendar day (the unit the engine advances by)."""

    date: date
    runs: tuple[RunEntry, ...] = ()
    pains: tuple[PainEntry, ...] = ()
    strength: tuple[StrengthEntry, ...] = ()
    cross_training: tuple[CrossTrainingEntry, ...] = ()
    clearances: tuple[Clearance, ...] = ()


# ---------------------------------------------------------------- outputs


Params = tuple[tuple[str, float], ...]  # distances in metres, by the name the template gives them


@dataclass(frozen=True)
class Reason:
    """A decision's reason as data: its rule, a sentence template with `{name}` where a distance goes, and
    those distances in metres. It is worded once, at the edge, in the runner's units (`render`)."""

    rule: RuleId
    template: str
    params: Params = ()

    @property
    def words(self) -> Words:
        return Words.from_template(self.template, self.params)

    def render(self, units: str | None = "km") -> str:
        return self.words.render(units)


@dataclass(frozen=True)
class Decision:
    """One rule that fired: its id, a sentence quoting the runner's numbers (in km), and its source kind.
    A decision made from a `Reason` keeps its template and distances, so the edge can word it in miles."""

    rule: RuleId
    reason: str
    source: Source
    template: str = ""
    params: Params = ()

    @classmethod
    def of(cls, rule: RuleId, reason: Words, source: Source) -> Decision:
        """A decision whose reason keeps its distances as data."""
        return cls(rule, reason.render(), source, *reason.template())

    @property
    def words(self) -> Words:
        return worded(self.reason, self.template, self.params)


@dataclass(frozen=True)
class Rung:
    rung: RungId
    variable: Literal["intensity", "frequency", "long_run", "terrain", "cadence"]
    since: date
    review_on: date
    rule: RuleId
    reason: str
    template: str = ""  # the reason as data (Reason), when it quotes a distance
    params: Params = ()

    @property
    def words(self) -> Words:
        return worded(self.reason, self.template, self.params)


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    message: str
    rule: RuleId
    template: str = ""  # as Decision: the message's template and distances, when it quotes distances
    params: Params = ()

    @classmethod
    def of(cls, kind: AlertKind, message: Words, rule: RuleId) -> Alert:
        """An alert whose message keeps its distances as data."""
        return cls(kind, message.render(), rule, *message.template())

    @property
    def words(self) -> Words:
        return worded(self.message, self.template, self.params)


@dataclass(frozen=True)
class RunGuidance:
    """How today's run (if any) must be bent. The planning package applies it to a planned session."""

    running_allowed: bool = True
    swap_to_low_impact: bool = False  # T5: replace the run by cross-training of the same duration
    easy_only: bool = False  # C1 / D2: hardest session becomes easy, no intervals
    distance_factor: float = 1.0  # D2 0.75; C3 0.75 on the long run only (long_run_factor)
    long_run_factor: float = 1.0
    flat_only: bool = False  # C4, D2, R1-R3
    cadence_cue_pct: float = 0.0  # C5 / cadence cue
    strides_allowed: bool = False  # T3 gate: last 7 days green and stage >= R5 (or no return stage)
    max_distance_m: float | None = None  # S1 cap
    return_session: str | None = None  # R0-R3 prescribed content, e.g. "6 x (run 3 min / walk 2 min), flat"
    max_rpe: int | None = None
    rules: tuple[Decision, ...] = ()
    # Added by the coach engine (all optional, defaults mean "no change"):
    cross_training_allowed: bool = True  # False under F1 (no impact at all)
    cross_training_pain_max: int | None = None  # D3 & other reds: cross-train only where its pain stays <= 2
    easy_pace_slower_pct: tuple[int, int] | None = None  # C1: easy pace 10-20 % slower
    low_impact_swaps_per_week: int = 0  # C2: one run a week becomes low-impact of the same duration
    max_quality_sessions_per_week: int | None = None  # R0-R4: 0; R5: 1 (strides first); None: as planned
    return_stage_note: str | None = None  # R4-R6: what the stage allows (the plan still applies)
    active_rungs: tuple[RungId, ...] = ()  # the ladder steps behind these flags
    cadence_cue_until: date | None = None  # the cadence cue's last day + 1 (None: none, or C5's)
    cadence_cue_easy_runs_only: bool = True  # cadence cues are practised on easy runs, never on intervals
    # S1/S2 on today's planned run: the longest run of the last 30 days (or half that of 60; see spikes.py)
    spike_reference_m: float | None = None
    spike_reference_is_fallback: bool = False


@dataclass(frozen=True)
class Metrics:
    """Display-only numbers: shown, never used as gates."""

    baseline_morning_pain: float = 0.0  # 0.0 when there is no baseline (see has_baseline)
    has_baseline: bool = False  # >= 3 settled mornings in 7 days, or the profile's usual pain
    week_mean_morning_pain: float | None = None
    last_week_mean_morning_pain: float | None = None
    week_distance_m: float = 0.0
    last_week_distance_m: float = 0.0
    longest_run_30d_m: float | None = None
    session_load_7d: float = 0.0  # sum of RPE x minutes
    acwr: float | None = None  # EWMA 7/28
    monotony: float | None = None
    strain: float | None = None
    fitness: float = 0.0  # 42-day
    fatigue: float = 0.0  # 7-day
    form: float = 0.0
    week_morning_entries: int = 0  # W3: the weekly mean needs >= 4
    acute_load: float = 0.0  # EWMA 7 of daily session load
    chronic_load: float = 0.0  # EWMA 28 of daily session load


@dataclass(frozen=True)
class Assessment:
    """What the coach says for one date, given everything logged up to and including it."""

    date: date
    state: State
    return_stage: ReturnStage | None
    rungs: tuple[Rung, ...] = ()
    alerts: tuple[Alert, ...] = ()
    decisions: tuple[Decision, ...] = ()
    guidance: RunGuidance = field(default_factory=RunGuidance)
    metrics: Metrics = field(default_factory=Metrics)
    progression_frozen: bool = False  # P2
    needs_profile: bool = False  # T7: no profile and fewer than 3 runs in the last 28 days
