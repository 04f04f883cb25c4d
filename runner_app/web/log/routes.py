"""Pages that log and edit a run, a pain check-in, a strength session or cross-training."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug import Response

from runner_app.extensions import db, limiter
from runner_app.models import PainEntry
from runner_app.services import entries, plans, run_import, shoes, today
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid
from runner_app.web.durations import format_duration, parse_duration
from runner_app.web.filters import distance, duration, user_today
from runner_app.web.formtools import attach_errors
from runner_app.web.log import convert
from runner_app.web.log.catalogue import exercise_choices, exercise_measures
from runner_app.web.log.forms import (
    FLAG_ADVICE,
    RUN_KINDS,
    CrossTrainingForm,
    ImportRunForm,
    NoPainForm,
    PainForm,
    RunForm,
    StrengthForm,
)

bp = Blueprint("log", __name__, url_prefix="/log")

RUN_ALIASES = {"distance_m": "distance", "duration_s": "duration"}
PAIN_ALIASES = {
    "score": "pain_score",
    "location": "pain_location",
    "side": "pain_side",
    "settled_within_60min": "pain_settled",
}


@dataclass(frozen=True)
class Page:
    kind: str
    form: type[Any]
    template: str
    title: str
    payload: Callable[[Any], dict[str, Any]]
    fill: Callable[[Any, Any], None]
    aliases: dict[str, str]


def _units() -> str:
    return str(current_user.units or "km")


def _usual_spot(location: Any, side: Any) -> None:
    """A new pain form starts where the runner's last pain entry was (else at the form's own default): the
    coach acts on location (front-of-knee pain starts the cadence cue), so a default must be theirs."""
    last = entries.last_pain_spot(current_user.id)
    if last is not None:
        location.data, side.data = last


PAGES = {
    "pain": Page(
        "pain", PainForm, "log/pain.html", "Pain check-in", convert.pain_payload, convert.fill_pain, {}
    ),
    "strength": Page(
        "strength",
        StrengthForm,
        "log/strength.html",
        "Strength session",
        lambda f: convert.strength_payload(f, exercise_measures()),
        convert.fill_strength,
        {"duration_s": "duration", "sets": "rows"},
    ),
    "cross-training": Page(
        "cross-training",
        CrossTrainingForm,
        "log/cross_training.html",
        "Cross-training",
        convert.cross_payload,
        convert.fill_cross,
        {"duration_s": "duration"},
    ),
}


def _prepare(form: Any) -> None:
    if isinstance(form, StrengthForm):
        for row in form.rows:
            row.form.exercise.choices = [("", "— pick an exercise —"), *exercise_choices()]


def _linked_pain(run_id: Any) -> PainEntry | None:
    stmt = select(PainEntry).where(
        PainEntry.user_id == current_user.id,
        PainEntry.run_id == run_id,
        PainEntry.context == "during_run",
        PainEntry.deleted.is_(False),
    )
    return db.session.scalars(stmt.order_by(PainEntry.created_at)).first()


def _shoe_choices(chosen: str | None) -> list[tuple[str, str]]:
    """The pairs in use, with what they have run; a retired pair only on a run that already names it."""
    pairs = [m for m in shoes.mileage(current_user.id) if not m.shoe.retired or str(m.shoe.id) == chosen]
    choices = [("", "Not given")] + [
        (str(m.shoe.id), f"{m.shoe.name} ({distance(m.distance_m, _units(), 1)})") for m in pairs
    ]
    if chosen and chosen not in {value for value, _ in choices}:
        choices.append((chosen, chosen))  # a shoe named by another app: kept as it was written
    return choices


def _saved(kind: str, status: int) -> Response:
    label = entries.entry_kind(kind).label
    flash(f"{label.capitalize()} saved." if status == 201 else f"{label.capitalize()} updated.", "success")
    return redirect(url_for("history.index"))


def _conflict(form: Any) -> None:
    form.form_errors.append(
        "This entry was changed somewhere else (another tab or your phone). "
        "Reload it to see the latest version."
    )


@bp.route("/run", methods=["GET", "POST"], defaults={"entry_id": None})
@bp.route("/run/<entry_id>", methods=["GET", "POST"])
@login_required
def run(entry_id: str | None) -> str | Response | tuple[str, int]:
    form = RunForm()
    if request.method == "GET":
        if entry_id:
            entry = _owned_or_404("runs", entry_id)
            convert.fill_run(form, entry, _units(), _linked_pain(entry.id))
        else:
            form.date.data = user_today()
            _usual_spot(form.pain_location, form.pain_side)
            form.kind.data = request.args.get("kind", "easy")
            form.planned_session_id.data = request.args.get("planned_session_id", "")
            if "kind" not in request.args:
                _todays_session(form)
            _prefill_from_args(form)
            form.shoe_id.data = shoes.last_used(current_user.id) or ""
    form.shoe_id.choices = _shoe_choices(form.shoe_id.data)
    if entry_id:
        _owned_or_404("runs", entry_id)
        form.id.data = entry_id
    convert.new_id(form)
    if not form.pain_id.data:
        form.pain_id.data = str(uuid.uuid4())
    if form.validate_on_submit():
        writes: list[tuple[str, str, Any, str | None]] = [
            ("runs", form.id.data, convert.run_payload(form, _units()), form.version.data or None)
        ]
        pain = convert.run_pain_payload(form)
        if pain is not None:
            writes.append(("pain", form.pain_id.data, pain, form.pain_version.data or None))
        try:
            results = entries.put_together(current_user.id, writes)
        except Invalid as exc:
            attach_errors(form, {k[2:]: v for k, v in exc.errors.items() if k.startswith("0.")}, RUN_ALIASES)
            attach_errors(form, {k[2:]: v for k, v in exc.errors.items() if k.startswith("1.")}, PAIN_ALIASES)
        else:
            if any(r.status == 412 for r in results):
                _conflict(form)
            elif request.form.get("then") == "post_run_checkin":  # "Done as planned" on Today
                flash("Run saved as planned. How does it feel now?", "success")
                return redirect(url_for("log.entry", kind="pain", context="after_run"))
            else:
                return _saved("runs", results[0].status)
    page = render_template("log/run.html", form=form, editing=bool(entry_id), units=_units(), title="Run")
    return (page, 422) if request.method == "POST" else page


def _todays_prescription(form: StrengthForm) -> bool:
    """A new strength log opens with today's prescribed block filled in: every exercise, its sets, reps (or
    seconds, or steps) and load, and the block's time; the runner corrects what they did differently."""
    view = today.today_view(current_user.id, user_today())
    task = next((t for t in view.tasks if t.key == "strength"), None)
    raw = task.prescribed.get("exercises") if task else None
    exercises: list[dict[str, Any]] = raw if isinstance(raw, list) else []
    while len(form.rows) < len(exercises):
        form.rows.append_entry()
    _prepare(form)  # the rows just added need their exercise choices
    for row, one in zip(form.rows, exercises, strict=False):
        r = row.form
        r.exercise.data, r.sets.data, r.side.data = one["exercise"], one.get("sets"), "both"
        r.amount.data = one.get("reps") or one.get("seconds") or one.get("steps")
        r.load_kg.data = None if one.get("load_kg") is None else Decimal(str(one["load_kg"]))
    minutes = task.prescribed.get("minutes") if task else None
    if isinstance(minutes, list | tuple) and len(minutes) == 2:
        form.duration.data = format_duration(round((minutes[0] + minutes[1]) / 2) * 60)
    return task is not None


def _todays_session(form: RunForm) -> None:
    """A new run starts as today's planned session, if there is one to run."""
    day = user_today()
    planned = next((s for s in plans.sessions_between(current_user.id, day, day) if s.distance_m), None)
    if planned is not None and planned.kind in {value for value, _ in RUN_KINDS}:
        form.kind.data, form.planned_session_id.data = planned.kind, str(planned.id)


def _prefill_from_args(form: RunForm) -> None:
    """Distance and time from Today's "Log differently" link; anything unreadable is left blank."""
    try:
        if request.args.get("distance"):
            form.distance.data = Decimal(request.args["distance"]).quantize(Decimal("0.01"))
        if request.args.get("duration"):
            form.duration.data = format_duration(parse_duration(request.args["duration"]))
    except (ArithmeticError, ValueError):
        form.distance.data = form.duration.data = None


@bp.route("/import", methods=["GET", "POST"])
@limiter.limit(run_import.RATE_LIMIT, methods=["POST"])
@login_required
def import_run() -> str | Response:
    """Runs from a watch's files. One file opens its run, to add how it felt; several go to History. A file
    that is refused is named beside the field; the others are imported all the same."""
    form = ImportRunForm()
    if form.validate_on_submit():
        uploads = [upload for upload in form.file.data if upload]
        imported: list[Any] = []
        refused: list[str] = []
        for upload in uploads:
            named = f"{upload.filename}: " if len(uploads) > 1 else ""
            try:
                result = run_import.import_run(
                    current_user.id,
                    upload.read(),
                    kind=form.kind.data,
                    terrain=form.terrain.data,
                    timezone=current_user.timezone or "UTC",
                )
            except Invalid as exc:
                refused += [f"{named}{message}" for messages in exc.errors.values() for message in messages]
                continue
            if result.status == 412:
                refused.append(f"{named}You imported this file before and have edited that run since.")
            else:
                imported.append(result)
        one = len(imported) == 1 and not refused
        for result in imported:
            run = result.entry
            what = f"{distance(run.distance_m)} in {duration(run.duration_s)} on {run.date:%a %-d %b}"
            if result.status == 201:
                flash(f"Run imported: {what}.{' Add how it felt.' if one else ''}", "success")
            else:
                flash(f"You imported this file before: {what}.", "info")
        if refused:
            form.file.errors = refused
        elif one:
            return redirect(url_for("log.run", entry_id=str(imported[0].entry.id)))
        else:
            return redirect(url_for("history.index"))
    return render_template("log/import.html", form=form)


@bp.route(
    "/<any(pain, strength, 'cross-training'):kind>", methods=["GET", "POST"], defaults={"entry_id": None}
)
@bp.route("/<any(pain, strength, 'cross-training'):kind>/<entry_id>", methods=["GET", "POST"])
@login_required
def entry(kind: str, entry_id: str | None) -> str | Response | tuple[str, int]:
    page = PAGES[kind]
    form = page.form()
    _prepare(form)
    prescribed_today = False
    if request.method == "GET":
        if entry_id:
            page.fill(form, _owned_or_404(kind, entry_id))
        else:
            form.date.data = user_today()
            if kind == "pain" and request.args.get("context"):
                form.context.data = request.args["context"]
            if kind == "strength":
                prescribed_today = _todays_prescription(form)
    if entry_id:
        _owned_or_404(kind, entry_id)
        form.id.data = entry_id
    convert.new_id(form)
    if form.validate_on_submit():
        try:
            result = entries.put_entry(
                current_user.id, kind, form.id.data, page.payload(form), form.version.data or None
            )
        except Invalid as exc:
            attach_errors(form, exc.errors, page.aliases)
        else:
            if result.status == 412:
                _conflict(form)
            else:
                return _saved(kind, result.status)
    extra: dict[str, Any] = {"prescribed_today": prescribed_today}
    if kind == "pain":
        no_pain = NoPainForm(context="after_run" if form.context.data == "after_run" else "morning")
        extra.update(no_pain=no_pain, sites=entries.tracked_pain_sites(current_user.id))
    html = render_template(
        page.template,
        form=form,
        editing=bool(entry_id),
        title=page.title,
        kind=kind,
        flag_advice=FLAG_ADVICE,
        **extra,
    )
    return (html, 422) if request.method == "POST" else html


@bp.post("/pain/none")
@login_required
def no_pain() -> Response:
    """ "No pain" in one tap: a score of 0 (this morning, or after the run) for each place the runner already
    tracks (none for a place never named), and the check-in ticked."""
    form = NoPainForm()
    if not form.validate_on_submit():
        abort(400)
    day, context = form.date.data, form.context.data
    for location, side in entries.tracked_pain_sites(current_user.id):
        body = {"date": day.isoformat(), "context": context, "location": location, "side": side, "score": 0}
        entries.put_entry(current_user.id, "pain", str(uuid.uuid4()), body, None)
    today.set_task_done(current_user.id, day, "checkin" if context == "morning" else "post_run_checkin", True)
    flash("No pain: noted.", "success")
    return redirect(url_for("today.index"))


def _owned_or_404(kind: str, entry_id: str) -> Any:
    try:
        return entries.owned_entry(kind, current_user.id, entry_id)
    except NotFound:
        abort(404)
