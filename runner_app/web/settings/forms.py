from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional


class ProfileForm(FlaskForm):
    display_name = StringField("Name", validators=[Length(max=80)])
    units = SelectField("Units", choices=[("km", "Kilometres"), ("mi", "Miles")])


class TimezoneForm(FlaskForm):
    """The ~600 zone names, on a page of their own rather than a long select on Settings."""

    timezone = SelectField("Time zone", choices=[], validate_choice=False)


class TokenForm(FlaskForm):
    name = StringField(
        "Token name",
        validators=[DataRequired(), Length(max=80)],
        render_kw={"placeholder": "e.g. watch import script"},
    )


class RevokeForm(FlaskForm):
    token_id = HiddenField()


class ActionForm(FlaskForm):
    """A button that posts: nothing but the CSRF token."""


class ShoeForm(FlaskForm):
    id = HiddenField()  # made when the page is shown, so a second tap on Add makes one pair, not two
    name = StringField(
        "Name",
        validators=[DataRequired("Give the pair a name."), Length(max=80)],
        render_kw={"placeholder": "e.g. Blue daily trainers"},
    )
    date = DateField("First run in them", validators=[InputRequired("Give the date.")])
    start = DecimalField("Already run", places=1, validators=[Optional()], render_kw={"inputmode": "decimal"})
    retire_at = DecimalField(
        "Replace them at",
        places=0,
        validators=[InputRequired("Give a distance.")],
        render_kw={"inputmode": "decimal"},
    )
