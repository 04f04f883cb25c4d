"""Red flags and lasting periods: F1-F4, and the episodes (red for 72 h, amber for 48 h...) they open.

An episode is open on day d when it has no timer (`until` is None: it ends on a condition) or d < until.
"N hours" counts the trigger day as the first day: red for 72 h after a trigger on d covers d, d+1, d+2.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.events import DayEvents
from runner_app.coach.facts import DayFacts, flag_words
from runner_app.coach.model import Reason, RuleId, State
from runner_app.coach.returns import STAGE_NAMES, end_red, one_below, owe_exit
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import DaySummary, Episode, EpisodeKey, FlagState, ReturnState, between, evolve
from runner_app.coach.text import day, pain

RED_KEYS: frozenset[str] = frozenset({"F1", "F2", "F3_red", "F4", "D3"})
AMBER_KEYS: frozenset[str] = frozenset({"D2", "F3_amber"})
_RANK: dict[State, int] = {"green": 0, "amber": 1, "red": 2, "refer_urgent": 3}


def is_open(ep: Episode, d: date) -> bool:
    return ep.until is None or d < ep.until


def open_keys(episodes: Sequence[Episode], d: date) -> set[str]:
    return {ep.key for ep in episodes if is_open(ep, d)}


def get(episodes: Sequence[Episode], key: str) -> Episode | None:
    return next((ep for ep in episodes if ep.key == key), None)


def upsert(
    episodes: tuple[Episode, ...],
    key: EpisodeKey,
    rule: RuleId,
    d: date,
    until: date | None,
    reason: str | Reason,
) -> tuple[Episode, ...]:
    """Open or extend an episode; a timer is only ever pushed later."""
    old = get(episodes, key)
    if old is not None and old.until is not None and until is not None:
        until = max(old.until, until)
    since = old.since if old else d
    if isinstance(reason, Reason):
        new = Episode(key, rule, since, d, until, reason.render(), reason.template, reason.params)
    else:
        new = Episode(key=key, rule=rule, since=since, last=d, until=until, reason=reason)
    rest = tuple(ep for ep in episodes if ep.key != key)
    return tuple(sorted((*rest, new), key=lambda ep: ep.key))


def day_state(episodes: Sequence[Episode], d: date) -> State:
    """The worst state of the episodes open on d."""
    state: State = "green"
    for ep in episodes:
        if not is_open(ep, d):
            continue
        kind: State = "refer_urgent" if ep.key == "F1" else "red" if ep.key in RED_KEYS else "amber"
        if _RANK[kind] > _RANK[state]:
            state = kind
    return state


def start_of_day(
    flags: FlagState,
    ret: ReturnState,
    history: Sequence[DaySummary],
    d: date,
    last_run: date | None,
    settings: CoachSettings,
    out: DayEvents,
) -> tuple[FlagState, ReturnState]:
    """Close what ended overnight: expired timers, F3 after 3 swelling-free days, then the red itself."""
    episodes = tuple(ep for ep in flags.episodes if is_open(ep, d))
    f3 = get(episodes, "F3_red")
    if f3 is not None:
        recent = between(history, d - timedelta(days=settings.f3_clear_days), d)
        clean = [s for s in recent if s.date > f3.last and s.logged_pain and not s.swelling]
        if len(clean) >= settings.f3_clear_days:
            out.decide(
                "F3",
                f"No swelling reported on the {settings.f3_clear_days} days since {day(f3.last)}: the "
                "pause for swelling has ended.",
                "product",
            )
            episodes = tuple(ep for ep in episodes if ep.key != "F3_red")
    was_red = ret.red_exit is not None or ret.red_d3
    if was_red and not open_keys(episodes, d) & RED_KEYS:
        ret = end_red(ret, d, last_run, settings, out)
    return evolve(flags, episodes=episodes), ret


def apply_flags(
    flags: FlagState,
    ret: ReturnState,
    facts: DayFacts,
    history: Sequence[DaySummary],
    settings: CoachSettings,
    out: DayEvents,
) -> tuple[FlagState, ReturnState]:
    """F1, F2 and F3 from today's pain entries."""
    d = facts.date
    episodes = flags.episodes
    if facts.f1_flags:
        reason = (
            f"You reported {flag_words(list(facts.f1_flags))} on {day(d)}: no running and "
            "no impact; "
            "seek same-day care. This ends when you record a clinician's clearance."
        )
        episodes = upsert(episodes, "F1", "F1", d, None, reason)
        ret = owe_exit(ret, 0)
        out.decide("F1", reason, "literature")
    f2_why: list[str] = [flag_words([flag]) for flag in facts.f2_flags]
    if facts.night_context_pain is not None and facts.night_context_pain >= settings.f2_rest_pain_min:
        f2_why.append(f"night pain of {pain(facts.night_context_pain)}")
    window = between(history, d - timedelta(days=settings.f2_window_days - 1), d)
    rest_days = [s for s in window if s.rest_pain is not None and s.rest_pain >= settings.f2_rest_pain_min]
    rest_today = facts.rest_pain is not None and facts.rest_pain >= settings.f2_rest_pain_min
    if rest_today and len(rest_days) + 1 >= settings.f2_rest_pain_days:
        earlier = rest_days[-1]
        f2_why.append(
            f"pain at rest of {pain(facts.rest_pain or 0)} today and {pain(earlier.rest_pain or 0)} on "
            f"{day(earlier.date)}"
        )
    if f2_why:
        reason = (
            f"You reported {' and '.join(f2_why)} on {day(d)}: red, no running; see a GP or physio "
            "within days. This ends when you record a clearance, then you restart with brisk walking and "
            "cross-training."
        )
        episodes = upsert(episodes, "F2", "F2", d, None, reason)
        ret = owe_exit(ret, 0)
        out.decide("F2", reason, "literature")
    swap_pending, swap_since = flags.swap_pending, flags.swap_since
    session_today = bool(facts.runs or facts.cross_training)
    if swap_pending is not None and swap_since is not None and swap_since < d and session_today:
        swap_pending, swap_since = None, None
    if facts.swelling:
        earlier_swelling = [s for s in window if s.swelling]
        if earlier_swelling or get(episodes, "F3_red") is not None:
            first = (
                f"on {day(earlier_swelling[-1].date)} and again on {day(d)}, 2 days within "
                f"{settings.f3_window_days}"
                if earlier_swelling
                else f"again on {day(d)} while the swelling red was on"
            )
            reason = (
                f"You reported swelling {first}: red, no running; see a physio. This ends after "
                f"{settings.f3_clear_days} days in a row without swelling, then you restart with walk-run "
                "sessions."
            )
            episodes = upsert(episodes, "F3_red", "F3", d, None, reason)
            ret = owe_exit(ret, 1)
            out.decide("F3", reason, "product")
        else:
            reason = (
                f"You reported swelling on {day(d)}: your next run is swapped for low-impact "
                "cross-training of the same duration."
            )
            episodes = upsert(episodes, "F3_amber", "F3", d, d + timedelta(days=1), reason)
            swap_pending, swap_since = reason, d
            out.decide("F3", reason, "literature")
    return evolve(flags, episodes=episodes, swap_pending=swap_pending, swap_since=swap_since), ret


def apply_sharp(
    flags: FlagState, ret: ReturnState, facts: DayFacts, settings: CoachSettings, out: DayEvents
) -> tuple[FlagState, ReturnState, str | None]:
    """F4: sharp pain with a run -> red 48 h, next run one stage below; sharp again on that attempt ->
    physio alert (its reason is returned)."""
    d = facts.date
    if not facts.runs:
        return flags, ret, None
    attempt = flags.f4_attempt
    if not facts.sharp_after_run:
        return evolve(flags, f4_attempt=False) if attempt else flags, ret, None
    below = one_below(ret.stage)
    reason = (
        f"You reported sharp pain with your run on {day(d)}: no running for "
        f"{settings.f4_red_days * 24} h, then you come back one step gentler, with {STAGE_NAMES[below]}."
    )
    episodes = upsert(flags.episodes, "F4", "F4", d, d + timedelta(days=settings.f4_red_days), reason)
    ret = owe_exit(ret, below)
    out.decide("F4", reason, "product")
    alert_reason = None
    if attempt:
        alert_reason = (
            f"Sharp pain came back on {day(d)}, on the first run after the last sharp pain: see a "
            "physio before running on."
        )
        out.decide("F4", alert_reason, "product")
    return evolve(flags, episodes=episodes, f4_attempt=True), ret, alert_reason


def end_of_day_clearance(flags: FlagState, d: date, out: DayEvents) -> FlagState:
    """A clearance dated d ends F1 and F2 episodes triggered on or before d, from d + 1."""
    ended = [ep for ep in flags.episodes if ep.key in ("F1", "F2") and ep.last <= d]
    for ep in ended:
        out.decide(
            ep.rule,
            f"You recorded a clinician's clearance on {day(d)}: the pause for the warning sign you "
            f"reported on {day(ep.since)} ends tomorrow.",
            "literature",
        )
    kept = tuple(ep for ep in flags.episodes if ep not in ended)
    return evolve(flags, episodes=kept, last_clearance=d)
