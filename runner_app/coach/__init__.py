"""The coach: a pure rules engine over frozen dataclasses (coach-rules.md), standard library only.

Modules: `engine` (assess, timeline, advance, initial_state, state_to_json, state_from_json), `spikes`
(S1-S3), `strength` (ST1-ST4 helpers), `settings` (every threshold), `model` (the shared vocabulary); the
rest are the engine's parts (facts, flags, verdicts, returns, ladder, cadence, metrics, guidance, alerts,
history: the profile as history and G1).

Readings of the rules
=====================
Where coach-rules.md is ambiguous or silent, these are the readings chosen (a careful, physio-minded coach;
"missing data never progresses load"). Each is a product decision to confirm.

Time and data
1. Days, not hours. "N h" counts the trigger day as the first day: red for 72 h after a trigger on d covers
   d, d+1, d+2, and running may resume on d+3. Every period ends at the start of a day.
2. A run on day d is judged at once when its own pain decides (>= 6: D3 red on d; 3-5, or "not settled
   within 60 min": D2 amber on d); otherwise when day d+1 is advanced, from d+1's morning check-in. The
   next morning can still raise a D2 to D3. A run without a post-run check-in, or without the next morning's
   check-in, is unjudged: it never meets D1, never counts toward a return stage, and breaks the D2 streak.
3. D1 needs an explicit "settled within 60 min" answer unless the run pain was 0.
4. Several runs on one day are one session: the worst pain counts, and any "not settled" counts.
5. A day's pain is its worst entry across locations (the morning score is the worst morning entry). W3's
   "4 morning entries" are 4 days with a morning check-in.
6. Baseline (v2) = median worst-morning score over the 7 days before today whose state was green (amber,
   red and refer_urgent days left out), when there are at least 3 of them; with fewer, the profile's usual
   morning pain (only from the profile's date on, and only while it stands in for history, reading 33);
   with neither, no baseline: the absolute thresholds apply (`Metrics.has_baseline` says which).
7. Morning verdicts (v2): a morning >= 5 is D3 on any day. With a baseline, a rise of >= 2 is D2 and
   anything below +2 is D1 (+1 is noise, and so is +1.5 against a baseline of x.5); with no baseline, 3-4
   is D2 and <= 2 is D1. A morning the day after a run is judged with that run (run-related); a morning
   with no run the day before is judged on its own (reading 9).
8. "Last 14 days" / "last 7 days" windows include today.

Daily states
9. D2: the state is amber for 48 h (trigger day and the next). A run-related D2 (the run's own pain, or
   the morning after it) also keeps the runs easy, 25 % shorter and flat until 2 runs in a row meet D1,
   which may be after the amber days, and starts the ladder (C1, rule D2) when no rung is active and the
   7-day window allows; a run-related D3 starts it too. A D2 from a morning alone changes that day and the
   next only (no lasting run changes, no rung): the week's trend is W1's to judge.
10. D3 "R2 if off <= 7 days": off = days without a run from the last run to the day the red ends. A new D3
    trigger during the red (e.g. another morning >= 5) restarts the 72 h.
11. "Cross-training only where its pain is <= 2" applies in every red (guidance.cross_training_pain_max);
    under F1 ("no running, no impact") no cross-training is offered at all.
12. Overlapping reds: the runner restarts at the lowest stage any of them owes, never above the stage they
    were at. While red, `return_stage` still shows the stage before the red; the new one shows when it ends.
13. F1: "swelling with after_trauma" means both flags on the same entry. The day of an F1 flag is always
    refer_urgent with no running, even if a clearance is dated that day; a clearance takes effect the next
    day. After an F1 clearance the runner restarts at R0 (the rules say so for F2 only; F1 is at least as
    serious).
14. F2: besides the two flags, a `night`-context entry scoring >= 3 is night pain; "rest pain >= 3 on 2 days
    within 7" means two distinct days in today and the 6 days before. A clearance dated on or after the
    latest trigger ends it the next day.
15. F3, one swelling: amber that day, and the next session is swapped (guidance swap_to_low_impact, running
    not allowed) until a run or cross-training is logged on a later day. Swelling on 2 days within 7, or
    again while the swelling red is on: red + physio alert. "3 days in a row without swelling" are 3 days
    that each have a pain check-in without swelling: a day with no check-in does not count.
16. F4: `sharp` on a during_run or after_run entry (sharp pain at other times is not F4). For "one stage
    below the current", the plan as written counts as R6, so a sharp pain in normal training restarts at R5.
    "That attempt" is the first later day with a run; sharp again raises a physio alert (kept until a
    clearance) and F4 applies again, one more stage down.
17. The state during a return stage is symptom-driven (green when nothing fires); the stage is separate.

The ladder
18. W1's mean clause needs >= 4 mornings in both weeks; its run-pain clause needs run pain logged in both.
    With < 4 mornings this week the whole week holds (W3), run-pain clause included.
19. "Within 7 days" of the last rung = fewer than 7 days after it was added. Weekly rules judge the ISO
    week at the end of its Sunday and act from the Monday: the engine runs them when it advances that
    Monday, so a rung added (or given back) by a weekly review starts on the Monday, and Sunday's own answer
    is the week as it stood on Saturday night plus Sunday's daily rules.
20. W2 (v2): a settled week has >= 4 mornings, a mean morning pain <= 2 (or <= the baseline when the first
    rung came, if that was higher), every day green (no D2/D3 day, no flag) and every run's pain <= 2. The
    first settled week that begins after the newest rung's 7-day window gives that rung back from the next
    Monday; each further settled week gives back the next one. A week that is not settled holds; a W1 rise
    adds a rung. So a settled runner has every rung back within (rungs + 1) weeks. `review_on` is the
    Sunday whose review may first give the rung back.
21. P2 freezes progression: no rung restored and no return stage advanced. Rungs can still be added (less
    load is not progression) and the cadence cue still steps. A Clearance (the API's clinician visit) dated
    on or after the alert unfreezes from that day and restarts the P1/P2 clocks and the rung count.
22. P1/P2 "pain >= 3 still present" = any pain entry >= 3 in the last 7 days. P1 "not improving" = the 7-day
    mean morning pain is not below its value on the day of the first rung (no data: not improving). P2's
    "two rungs without improvement" counts rungs added since the ladder started, the last improving week or
    the last clearance. P1 and P2 alerts stay until a clearance; P1 also ends when the ladder empties.
23. C1 sets `easy_only` (as model.py's comment says) plus `easy_pace_slower_pct` (10, 20); C2 sets
    `low_impact_swaps_per_week` = 1: the planner picks which session. Each rung's `review_on` is the
    first Sunday review after its 7-day window (or after the W2 hold, for the rung next to come off).

Return to running
24. R0 sessions are cross-training entries: pain_max <= 2 (missing pain_max does not count) and a next
    morning <= baseline meet D1; pain >= 3 or a rising morning fails R0 (two failures keep R0).
25. R1-R3 give the prescribed session, RPE caps 3/4/5, flat and easy; the day after a run is a non-running
    day, and a run on the day after a run does not count. R4: easy, flat, no quality session. R5: strides,
    then one quality session a week, still flat. R6: hills (uphill first, downhill last, in the note). Two
    D1 sessions at R6 return the runner to the plan as written.
26. A failed session's rest day is the next day; the stage's D1 count restarts. "Two in a row" means no D1
    session between them. Sessions run during a red neither count toward nor fail a stage.
27. Strides (T3) need the last 7 days, today included, known and green, stage >= R5 or none, no D2 change
    and no C1 (C1 lowers intensity; our addition).

Spikes
28. Ratios are strict (> 1.10, > 1.30, > 2.0). With no run in 60 days there is no verdict (the return
    table applies). A logged run gets a warning only (nothing left to cap). For planned runs, recent pain
    caps any run at 1.10 x the reference (guidance.max_distance_m) and a refused (> 2.0 x) run is offered
    1.10 x. S3 compares the week so far with the biggest of the 4 weeks before it (v2 says last week's;
    ours, so that a week back at the usual volume after a cut-back week, a C2 swap or a few days off is
    not called a spike), warns once per week (the first crossing), and gives no verdict after 4 empty
    weeks.

Cadence cue
29. Cadence cue (v2): triggered by a day with knee_front pain > 0, or a logged cadence <= 170 spm; it lasts
    14 days from its latest trigger (`RunGuidance.cadence_cue_until`) and then ends unless triggered again.
    +5 %, then +7.5 % and +10 % after each further 14 days in which every pain score stayed <= 2; a pain
    > 2 sends it back to +5 %. With C5 the larger cue applies, never above +10 %; easy runs only.

Strength
30. ST1: "the last 4 weeks before the race" are the 4 weeks before race week; after the race, 2 again; the
    planner says whether a week is a base week. ST2 (v2, the seeds' own words) is scheduled by
    runner_app/planning/daily/strength.py: never on a hard day or the day before one; a full block on a rest
    or easy day clear of hard neighbours, a light block (bodyweight, hips and core, no jumps) on a rest or
    easy day right after a hard session; >= 48 h apart; a missed session moves only to a later day of the same
    week that meets these rules, else it is dropped with a note. (v1's "hard day as a last resort" is gone: it
    contradicted the sources.)
    ST3: +2 reps (+5 s, +5 steps) per step to the top of the range, then load +5 %
    (rounded to 0.5 kg, at least +0.5 kg) from the bottom; bodyweight exercises get 2 kg after 3 x top;
    timed and stepped exercises stop at the top; "settled" needs an after_strength answer unless pain was 0.
    ST4: in amber/red, jump/plyometric-tagged exercises and any whose last pain was > 5 are dropped; no
    strength under refer_urgent.

Engine
31. Entries are used in id order (content breaks ties between duplicated ids) and filed under their own
    date, whatever DayLog carried them. Folds start at the first logged day; days before it are answered
    from nothing known. An entry backfilled before the first logged day means rebuilding cached states.
32. Display metrics: load = RPE x minutes of runs, cross-training and strength (RPE 5 when missing);
    ACWR EWMA with lambda = 2 / (N + 1); fitness/fatigue as 42/7-day exponential averages. Never gates.

Profile and gaps (v2)
33. The profile stands in for history on day d when d >= its date and the runs logged since the start of
    its 4 weeks do not yet reach 4 weeks back from d (no logged run in [as_of - 28, d - 28], within the
    engine's 60-day memory). Standing in, its longest run (else weekly distance / runs a week) counts as a
    run on the day before its date for S1/S2 (the larger reference wins), and its weekly distance is spread
    evenly over the 28 days before its date for S3 (the larger of logged and profile per week). It never
    appears as a logged run, in metrics or anywhere else.
34. G1: days since the last run count from the latest logged run or the profile's last-run date (a profile
    that reports running but gives no date counts as a run the day before it was given). At the start of a
    day with no red, a gap of 15-28 days sets R4, 29-60 R3, > 60 R2, only ever lowering the current stage;
    the stage then advances like any return stage. No runs and no profile: no stage.
35. T7 (`Assessment.needs_profile`): no profile as of that day and fewer than 3 runs in the 28 days up to
    and including it.
36. Reasons as data: a decision, rung, alert or amber/red period that quotes a distance carries its
    `template` (with `{name}` where each distance goes) and `params` (metres by name) beside the km
    sentence in `reason`; `model.Reason.render(units)` words it at the edge (services/today: the API's
    `reason_template` and `reason_params`). Sentences without distances have no template. The planner's
    own sentences (tasks, bends, plan warnings, session titles) are `words.Words` in the same way: text
    with its distances as numbers, worded once in the runner's units where the API and pages serialise
    it. No sentence is ever rewritten from km text.
"""
