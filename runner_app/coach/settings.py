"""Every threshold of the coach, in one frozen dataclass, with its rule id from coach-rules.md beside it.

Numbers the spec marks *(product)* are our own choices; the others come from the literature the spec cites.
Change a number here, never in the rule code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CoachSettings:
    # ---------------------------------------------------------------- daily state
    baseline_window_days: int = 7  # baseline morning pain: median of the last 7 non-amber/red days ...
    baseline_min_mornings: int = 3  # ... when there are at least 3 of them (else the profile, else none)
    f2_rest_pain_min: int = 3  # F2: rest pain >= 3 ...
    f2_rest_pain_days: int = 2  # F2: ... on 2 days ...
    f2_window_days: int = 7  # F2: ... within 7 days
    f3_swelling_days: int = 2  # F3: swelling on >= 2 days ... (product)
    f3_window_days: int = 7  # F3: ... within 7 days (product)
    f3_clear_days: int = 3  # F3: red ends after 3 swelling-free days in a row (product)
    f4_red_days: int = 2  # F4: sharp pain -> red for 48 h (product)
    d1_run_pain_max: int = 2  # D1: run pain <= 2 (literature)
    d2_run_pain_min: int = 3  # D2: run pain 3-5 (literature: <= 5/10 acceptable)
    d1_morning_noise: int = 1  # D1: a morning <= baseline + 1 is noise (NPRS MCID about 2)
    d1_morning_abs_max: int = 2  # D1: with no baseline, a morning <= 2
    d2_morning_rise_min: int = 2  # D2: a morning >= baseline + 2 ...
    d2_morning_abs_min: int = 3  # D2: ... or 3-4 with no baseline
    d2_amber_days: int = 2  # D2: amber for 48 h (product)
    d2_distance_factor: float = 0.75  # D2: next run 25 % shorter (product)
    d2_clear_runs: int = 2  # D2: ends after 2 runs in a row that meet D1
    d3_run_pain_min: int = 6  # D3: run pain >= 6 (literature: > 5/10 high risk)
    d3_morning_abs_min: int = 5  # D3: morning pain >= 5
    d3_red_days: int = 3  # D3: red for 72 h (product)
    d3_short_break_days: int = 7  # D3: return at R2 when off <= 7 days, else R1 (product)
    cross_training_pain_max: int = 2  # D3: cross-training only where its pain is <= 2

    # ---------------------------------------------------------------- the ladder
    w1_mean_rise: float = 1.0  # W1: weekly mean morning pain >= last week's + 1.0
    w1_max_run_pain_rise: int = 2  # W1: weekly max run pain >= last week's + 2
    w3_min_morning_entries: int = 4  # W3: the weekly mean needs >= 4 morning entries
    rung_window_days: int = 7  # C1-C5: no new rung within 7 days of the previous one (product)
    w2_mean_max: float = 2.0  # W2: a settled week has a mean morning pain <= 2 (or <= the first baseline) ...
    w2_stable_run_pain_max: int = 2  # W2: ... and every run's pain <= 2
    c1_easy_pace_slower_pct: tuple[int, int] = (10, 20)  # C1: easy pace 10-20 % slower
    c3_long_run_factor: float = 0.75  # C3: long run 25 % shorter (product; literature 20-30 %)
    c5_cadence_pct: float = 5.0  # C5: +5 % cadence cue on easy runs
    p1_pain_min: int = 3  # P1: pain >= 3 ...
    p1_days: int = 7  # P1: ... 7 days after the first rung (product, "about a week")
    p2_days: int = 14  # P2: 14 days after the first rung (product, "two weeks")
    p2_rungs_without_improvement: int = 2  # P2: two rungs added without improvement
    p_window_days: int = 7  # P1/P2: "still present" = pain >= 3 in the last 7 days; P1 trend = 7-day mean

    # ---------------------------------------------------------------- profile, G1, T7
    profile_weeks: int = 4  # profile: stands in as the 4 weeks before its date, until 4 weeks are logged
    g1_r4_after_days: int = 14  # G1: 15-28 days since the last run -> R4 (product)
    g1_r3_after_days: int = 28  # G1: 29-60 days -> R3 (product)
    g1_r2_after_days: int = 60  # G1: more than 60 days -> R2 (product)
    t7_window_days: int = 28  # T7: ask for the profile while fewer than 3 runs in the last 28 days ...
    t7_min_runs: int = 3  # T7: ... and no profile

    # ---------------------------------------------------------------- return to run
    return_sessions_to_advance: int = 2  # R0-R6: advance after 2 sessions that meet D1
    return_failures_to_drop: int = 2  # R0-R6: two failures in a row drop one stage
    r0_sessions_to_advance: int = 2  # R0: two walk/cross-training days pain <= 2 (our reading)
    return_max_rpe: tuple[int, int, int, int] = (3, 3, 4, 5)  # R0 (brisk walk), R1 <= 3, R2 <= 4, R3 <= 5
    t3_green_days: int = 7  # T3: strides when the last 7 days were green (and stage >= R5)

    # ---------------------------------------------------------------- spikes
    s1_ratio: float = 1.10  # S1: > 1.10 x the longest run of the last 30 days
    s2_ratio: float = 1.30  # S2: > 1.30 x strong warning
    s2_refuse_ratio: float = 2.0  # S2: > 2.0 x the plan refuses unless overridden
    spike_reference_days: int = 30  # S1/S2: reference = longest run of the last 30 days
    spike_fallback_days: int = 60  # S1/S2: else half the longest run of the last 60 days
    spike_fallback_factor: float = 0.5  # S1/S2: ... half
    spike_pain_min: int = 3  # S1/S3: any pain >= 3 ...
    spike_pain_days: int = 14  # S1/S3: ... in the last 14 days
    s3_ratio: float = 1.30  # S3: week > 1.30 x the biggest of the 4 weeks before it
    s3_weeks: int = 4  # S3: ... of these weeks (last week alone would warn after every lighter week)
    s3_pain_ratio: float = 1.20  # S3: 1.20 x with pain >= 3 in the last 14 days

    # ---------------------------------------------------------------- display-only metrics
    acwr_acute_days: int = 7  # metrics: EWMA acute 7 days
    acwr_chronic_days: int = 28  # metrics: EWMA chronic 28 days
    fitness_days: int = 42  # metrics: fitness 42-day
    fatigue_days: int = 7  # metrics: fatigue 7-day
    default_rpe: int = 5  # metrics: RPE assumed for a session logged without one (product)

    # ---------------------------------------------------------------- strength (ST1-ST4)
    st1_sessions_per_week: int = 2  # ST1: 2 a week (literature 2-3)
    st1_sessions_per_week_on_request: int = 3  # ST1: 3 if the runner asks, in base weeks
    st1_taper_weeks: int = 4  # ST1: 1 a week in the last 4 weeks before the race (product)
    st1_taper_sessions: int = 1  # ST1: ... 1 a week
    st2_min_gap_days: int = 2  # ST2: >= 48 h between strength sessions
    st2_same_day_gap_hours: int = 6  # ST2: same day as an easy run: lift >= 6 h after it
    st3_sessions_in_a_row: int = 2  # ST3: 2 sessions in a row with all sets done ...
    st3_pain_max: int = 5  # ST3: ... exercise pain <= 5
    st3_bodyweight_reps_top: int = 30  # ST3: bodyweight until 3 x 20-30
    st3_load_step_pct: float = 5.0  # ST3: load +2-10 % (product: 5 %)
    st3_rep_step: int = 2  # ST3: reps go up 2 at a time toward the top of the range (product)
    st3_time_step_s: int = 5  # ST3: timed holds go up 5 s at a time (product)
    st3_steps_step: int = 5  # ST3: band-walk steps go up 5 at a time (product)
    st3_first_load_kg: float = 2.0  # ST3: first load after bodyweight 3 x top of range (product)
    st4_pain_max: int = 5  # ST4: in amber/red strength stays with pain <= 5

    # ---------------------------------------------------------------- cadence cue
    cadence_cue_pct: float = 5.0  # cadence cue: +5 % on easy runs
    cadence_cue_days: int = 14  # cadence cue: lasts 2 weeks from its trigger, then ends unless re-triggered
    cadence_low_spm: int = 170  # cadence cue: or cadence <= 170 spm
    cadence_cue_step_pct: float = 7.5  # cadence cue: +7.5-10 % only if pain stays <= 2
    cadence_cue_step_pain_max: int = 2  # cadence cue: ... pain stays <= 2
    cadence_cue_max_pct: float = 10.0  # cadence cue: never above +10 %

    # ---------------------------------------------------------------- engine memory
    # Daily summaries the engine state keeps (bounded size): today and the 60 days before it, the widest
    # window a rule looks back over (S1/S2's fallback reference, [d-60, d-1]).
    history_days: int = 61


DEFAULT_SETTINGS = CoachSettings()
