"""Training plans: making them, bending them for the coach, and the day's tasks.

Pure Python over frozen dataclasses, like `runner_app.coach`: no Flask or SQLAlchemy imports here.

Three subjects, one sub-package each; `model.py` (the plan's vocabulary) and `settings.py` (the planner's
numbers) serve all three.

- `plans/`    making a plan (plan-rules.md): fitness and paces, the shape of the weeks, each session's
  title, structure and pace, a plan built from a template, a CSV import.
- `bending/`  bending planned sessions by the coach's guidance: what was planned beside what is now asked.
- `daily/`    the day's tasks (coach-rules.md T0-T7) and the strength days and blocks (ST1-ST4).

Where each rule's code is (rule: module)
=======================================
plan-rules "Fitness" (VDOT, E/M/T/I/R paces, predicted time) ........ plans/paces.py
plan-rules "Shape" (start, build, cut-back, long-run peak, taper) ... plans/shape.py, plans/generate.py
plan-rules "Days", "Quality" (never two hard days in a row) ......... plans/days.py, plans/weekly.py
plan-rules "Every session says what to do" ........................... plans/sessions.py
plan-rules "The coach still rules" (S1-S3 on the generated plan) .... plans/fit.py
plan-rules "Too little time or base" (warning, alternatives) ........ plans/generate.py
plan inputs no plan can meet (each refusal names its field) .......... plans/inputs.py
a plan built from a template; a CSV import ........................... plans/build.py, plans/csv_import.py
api.md "Runner profile" (a race faster than the world record) ........ plans/records.py
C1-C5, D2, R0-R6, F3 on a planned session ............................ bending/bend.py, bending/adjust.py
C1 (the week's hardest session), C2 (which run is swapped) ........... bending/week.py
S1, S2 on today's planned run ........................................ bending/planned_spikes.py
"How decisions are worded" (a change's reason in the runner's numbers)  bending/cite.py
what of today's guidance holds for the days ahead (plan page) ........ bending/outlook.py
T0-T7, their order and reasons ....................................... daily/tasks.py, daily/today.py
ST1 (how many), ST2 (which days; full or light block) ................ daily/strength.py
ST3 progression, ST4 in amber/red, the light block's exercises ....... daily/progression.py
warm-up, strides, exercises, gait cues, swaps (product.md content) ... daily/exercises.py
"""
