"""The one-screen "where are you now" form: runs a week and weekly distance, the rest optional."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, IntegerField, RadioField, SelectField, StringField
from wtforms.validators import InputRequired, NumberRange, Optional

RACE_DISTANCES = [
    ("", "No recent race"),
    ("5000", "5 km"),
    ("10000", "10 km"),
    ("21097.5", "Half marathon"),
    ("42195", "Marathon"),
]
PAIN_CHOICES = [("", "Not sure")] + [(str(n), str(n)) for n in range(11)]


class ProfileForm(FlaskForm):
    units = RadioField("Units", choices=[("km", "km"), ("mi", "miles")], default="km")
    runs_per_week = IntegerField(
        "Runs a week, lately",
        validators=[InputRequired("Say how many runs a week, 0 if none."), NumberRange(0, 14)],
        render_kw={"inputmode": "numeric", "class": "big"},
    )
    weekly = DecimalField(
        "Weekly distance, average of the last 4 weeks",
        places=1,
        validators=[InputRequired("Give your weekly distance, 0 if none."), NumberRange(0, 400)],
        render_kw={"inputmode": "decimal", "class": "big"},
    )
    longest = DecimalField(
        "Longest run in the last 30 days",
        places=1,
        validators=[Optional(), NumberRange(0, 200)],
        render_kw={"inputmode": "decimal", "class": "big"},
    )
    last_run_date = DateField("Date of your last run", validators=[Optional()])
    usual_morning_pain = SelectField(
        "Usual morning pain (0 none – 10 worst)", choices=PAIN_CHOICES, default=""
    )
    race_distance = SelectField("A recent race (last 6 months)", choices=RACE_DISTANCES, default="")
    race_time = StringField(
        "Its time", validators=[Optional()], render_kw={"placeholder": "h:mm:ss", "inputmode": "numeric"}
    )
    race_date = DateField("Its date", validators=[Optional()])
