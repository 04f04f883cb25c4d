from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange, Optional

from runner_app.web.log.forms import MultiCheckboxField

WEEKDAYS = [
    (str(i), name)
    for i, name in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
]
TEMPLATE_KINDS = [
    ("rest", "Rest"),
    ("easy", "Easy"),
    ("long", "Long"),
    ("tempo", "Tempo"),
    ("intervals", "Intervals"),
    ("hills", "Hills"),
    ("cross_training", "Cross-training"),
]
SESSION_KINDS = [*TEMPLATE_KINDS[:2], ("recovery", "Recovery"), *TEMPLATE_KINDS[2:], ("race", "Race")]
RACES = [("42195", "Marathon"), ("21097.5", "Half marathon"), ("10000", "10 km"), ("5000", "5 km")]


class GenerateForm(FlaskForm):
    race_name = StringField("Race name", validators=[Optional()])
    race_date = DateField("Race date", validators=[InputRequired("Give the race date.")])
    race_distance = SelectField("Race", choices=RACES, default="42195")
    weekly = DecimalField(
        "Your weekly distance now (optional)",
        places=1,
        validators=[Optional(), NumberRange(1, 400)],
        render_kw={"inputmode": "decimal"},
    )
    days_per_week = SelectField("Runs a week", choices=[(str(n), str(n)) for n in range(3, 8)], default="5")
    long_run_day = SelectField("Long-run day", choices=WEEKDAYS, default="6")
    rest_days = MultiCheckboxField("Days you never run (optional)", choices=WEEKDAYS, validators=[Optional()])
    recent_race_distance = SelectField(
        "A recent race (optional)", choices=[("", "None"), *RACES], default="", validators=[Optional()]
    )
    recent_race_time = StringField(
        "Its time", validators=[Optional()], render_kw={"placeholder": "h:mm:ss", "inputmode": "numeric"}
    )
    recent_race_date = DateField("Its date", validators=[Optional()])
    goal_time = StringField(
        "Goal time (optional)",
        validators=[Optional()],
        render_kw={"placeholder": "h:mm:ss", "inputmode": "numeric"},
    )
    strength_days = MultiCheckboxField(
        "Pin strength days (optional; otherwise the coach picks)", choices=WEEKDAYS, validators=[Optional()]
    )
    spike_override = BooleanField("Make the plan anyway", default=False)  # older forms still post it


class BuildForm(FlaskForm):
    race_name = StringField("Race name", validators=[Optional()])
    race_date = DateField("Race date", validators=[InputRequired("Give the race date.")])
    race_distance = SelectField("Race", choices=RACES, default="42195")
    start_date = DateField("First day", validators=[InputRequired("Give the first day.")])
    day0 = SelectField("Monday", choices=TEMPLATE_KINDS, default="rest")
    day1 = SelectField("Tuesday", choices=TEMPLATE_KINDS, default="easy")
    day2 = SelectField("Wednesday", choices=TEMPLATE_KINDS, default="tempo")
    day3 = SelectField("Thursday", choices=TEMPLATE_KINDS, default="easy")
    day4 = SelectField("Friday", choices=TEMPLATE_KINDS, default="rest")
    day5 = SelectField("Saturday", choices=TEMPLATE_KINDS, default="easy")
    day6 = SelectField("Sunday", choices=TEMPLATE_KINDS, default="long")
    targets = StringField(
        "Weekly distances, week by week",
        validators=[InputRequired("Give at least one.")],
        render_kw={"placeholder": "e.g. 40 44 48 38 52", "inputmode": "decimal"},
    )
    strength_days = MultiCheckboxField(
        "Pin strength days (optional; otherwise the coach picks)", choices=WEEKDAYS, validators=[Optional()]
    )


class ImportForm(FlaskForm):
    race_name = StringField("Race name", validators=[Optional()])
    file = FileField("CSV file (date,kind,distance_km,notes)", validators=[FileRequired("Choose a file.")])


class SessionForm(FlaskForm):
    id = HiddenField()
    date = DateField("Date", validators=[InputRequired("Give the date.")])
    kind = SelectField("Kind", choices=SESSION_KINDS)
    distance = DecimalField(
        "Distance", places=2, validators=[Optional(), NumberRange(0, 250)], render_kw={"inputmode": "decimal"}
    )
    duration_min = IntegerField("Minutes (optional)", validators=[Optional(), NumberRange(1, 2880)])
    notes = TextAreaField("Notes", validators=[Optional()])
