"""Logging forms. They only parse what was typed; the entry schemas in services validate it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileRequired, MultipleFileField
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from runner_app.web.durations import parse_duration

SCALE = [(str(n), str(n)) for n in range(11)]
RUN_KINDS = [(k, k.capitalize()) for k in ("easy", "recovery", "long", "tempo", "intervals", "hills", "race")]
TERRAINS = [("flat", "Flat"), ("rolling", "Rolling"), ("hilly", "Hilly"), ("downhill", "Downhill")]
CONTEXTS = [
    ("morning", "Morning"),
    ("during_run", "During a run"),
    ("after_run", "After a run"),
    ("after_strength", "After strength"),
    ("rest", "At rest"),
    ("night", "At night"),
]
LOCATIONS = [
    ("knee_front", "Front of knee"),
    ("knee_outer", "Outside of knee"),
    ("knee_inner", "Inside of knee"),
    ("knee_back", "Back of knee"),
    ("hip", "Hip"),
    ("shin", "Shin"),
    ("achilles", "Achilles"),
    ("calf", "Calf"),
    ("foot", "Foot"),
    ("other", "Somewhere else"),
]
SIDES = [("left", "Left"), ("right", "Right"), ("both", "Both")]
FLAGS = [
    ("swelling", "Swelling"),
    ("sharp", "Sharp pain"),
    ("locking", "Knee locks or catches"),
    ("giving_way", "Knee gives way"),
    ("cannot_weight_bear", "Can't bear weight"),
    ("hot_red_fever", "Hot or red, with a fever"),
    ("night_pain", "Pain wakes me at night"),
    ("bone_tenderness", "A tender spot on the bone"),
    ("after_trauma", "Started after a twist or fall"),
]
_SAME_DAY = "seek same-day care (GP, urgent care or A&E); no running or impact until a clinician clears you"
_WITHIN_DAYS = "No running; see a GP or physio within days (rule F2)."
# Shown under a flag the moment it is ticked (CSS only, so also with no signal and no script): what the coach
# will do with it, from coach-rules.md F1-F4.
FLAG_ADVICE = {
    "swelling": "Your next run becomes low-impact training (rule F3).",
    "sharp": "No running for 48 hours, then a step back; don't push through sharp pain (rule F4).",
    "locking": f"Stop: {_SAME_DAY} (rule F1).",
    "giving_way": f"Stop: {_SAME_DAY} (rule F1).",
    "cannot_weight_bear": f"Stop: {_SAME_DAY} (rule F1).",
    "hot_red_fever": f"Stop: {_SAME_DAY} (rule F1).",
    "night_pain": _WITHIN_DAYS,
    "bone_tenderness": _WITHIN_DAYS,
    "after_trauma": f"With swelling: {_SAME_DAY} (rule F1).",
}
CROSS_KINDS = [
    ("cycling", "Cycling"),
    ("swimming", "Swimming"),
    ("walking", "Brisk walking"),
    ("elliptical", "Elliptical"),
    ("other", "Other"),
]
YES_NO = [("", "Not sure"), ("yes", "Yes"), ("no", "No")]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EntryForm(FlaskForm):
    id = HiddenField()
    version = HiddenField()
    date = DateField("Date", validators=[InputRequired("Give the date.")])
    notes = TextAreaField("Notes", validators=[Optional()])


class DurationMixin:
    """One time field, as runners write it: "45", "45:30" or "1:05:30". A page from an older app (still on a
    phone) posts minutes and seconds instead: both are read."""

    duration = StringField(
        "Time (h:mm:ss)",
        render_kw={"inputmode": "decimal", "placeholder": "h:mm:ss", "autocomplete": "off"},
    )
    duration_min = IntegerField("Minutes", validators=[Optional(), NumberRange(0, 2880)])
    duration_sec = IntegerField("Seconds", validators=[Optional(), NumberRange(0, 59)])

    def validate_duration(self, field: StringField) -> None:
        text = (field.data or "").strip()
        if not text and self.duration_min.data is None:
            raise ValidationError("Give the time.")
        if text:
            try:
                parse_duration(text)
            except ValueError as exc:
                raise ValidationError(f"Not a time: {exc}.") from exc


class RunForm(DurationMixin, EntryForm):
    kind = SelectField("Kind", choices=RUN_KINDS, default="easy")
    distance = DecimalField(
        "Distance",
        places=2,
        validators=[InputRequired("Give the distance.")],
        render_kw={"inputmode": "decimal", "step": "0.01"},
    )
    rpe = RadioField("Effort (RPE 0–10)", choices=SCALE, validators=[Optional()])
    terrain = SelectField("Terrain", choices=TERRAINS, default="flat")
    shoe_id = SelectField("Shoes", choices=[("", "Not given")], default="", validate_choice=False)
    cadence_spm = IntegerField(
        "Cadence (steps/min)", validators=[Optional()], render_kw={"inputmode": "numeric"}
    )
    planned_session_id = HiddenField()
    pain_id = HiddenField()
    pain_version = HiddenField()
    pain_score = RadioField("Pain during the run (0 none – 10 worst)", choices=SCALE, validators=[Optional()])
    # Nothing preselected (product.md): the place is asked for only when a pain score above 0 is given.
    pain_location = SelectField("Where", choices=[("", "Where did it hurt?"), *LOCATIONS], default="")
    pain_side = SelectField("Side", choices=SIDES, default="both")
    pain_settled = RadioField("Back to normal within an hour?", choices=YES_NO, default="")

    def validate_pain_location(self, field: SelectField) -> None:
        if not field.data and (self.pain_score.data or "0") not in {"", "0"}:
            raise ValidationError(PAIN_WHERE)


PAIN_WHERE = "Say where it hurt, or leave the pain score empty."


class PainForm(EntryForm):
    context = SelectField("When", choices=CONTEXTS, default="morning")
    # Nothing preselected: a pain entry is only ever for a place the runner named.
    location = SelectField("Where", choices=[("", "Where does it hurt?"), *LOCATIONS], default="")
    side = SelectField("Side", choices=SIDES, default="both")
    score = RadioField("Pain (0 none – 10 worst)", choices=SCALE, validators=[InputRequired("Tap a score.")])
    settled_within_60min = RadioField("Settled within an hour?", choices=YES_NO, default="")
    flags = MultiCheckboxField("Anything else? (tick any that apply)", choices=FLAGS)

    def validate_location(self, field: SelectField) -> None:
        if not field.data:
            raise ValidationError("Say where it hurts, or tap “No pain” above.")


class NoPainForm(FlaskForm):
    date = DateField("Date", validators=[InputRequired()])
    context = SelectField(
        "When", choices=[("morning", "Morning"), ("after_run", "After a run")], default="morning"
    )


class SetRowForm(FlaskForm):
    class Meta:
        csrf = False

    exercise = SelectField("Exercise", choices=[], validate_choice=False)
    sets = IntegerField(
        "Sets", validators=[Optional(), NumberRange(1, 20)], render_kw={"inputmode": "numeric"}
    )
    amount = IntegerField(
        "Reps / s / steps", validators=[Optional(), NumberRange(1, 1000)], render_kw={"inputmode": "numeric"}
    )
    load_kg = DecimalField(
        "Load kg",
        places=1,
        validators=[Optional(), NumberRange(0, 500)],
        render_kw={"inputmode": "decimal", "step": "0.5"},
    )
    side = SelectField("Side", choices=SIDES, default="both")


class StrengthForm(DurationMixin, EntryForm):
    rpe = RadioField("Effort (RPE 0–10)", choices=SCALE, validators=[Optional()])
    pain_max = RadioField("Worst pain during it (0–10)", choices=SCALE, validators=[Optional()])
    rows = FieldList(FormField(SetRowForm), min_entries=6, max_entries=30)


class CrossTrainingForm(DurationMixin, EntryForm):
    kind = SelectField("Kind", choices=CROSS_KINDS, default="cycling")
    rpe = RadioField("Effort (RPE 0–10)", choices=SCALE, validators=[Optional()])
    pain_max = RadioField("Worst pain during it (0–10)", choices=SCALE, validators=[Optional()])


class DeleteForm(FlaskForm):
    confirm = BooleanField("Yes, delete it", validators=[InputRequired("Tick to confirm.")])


class ImportRunForm(FlaskForm):
    file = MultipleFileField(
        "The files from your watch",
        validators=[FileRequired("Choose a GPX, TCX or FIT file.")],
        render_kw={"multiple": True},
    )
    kind = SelectField("Kind", choices=RUN_KINDS, default="easy")
    terrain = SelectField("Terrain", choices=TERRAINS, default="flat")
