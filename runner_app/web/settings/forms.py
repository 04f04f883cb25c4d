from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length


class ProfileForm(FlaskForm):
    display_name = StringField("Name", validators=[Length(max=80)])
    units = SelectField("Units", choices=[("km", "Kilometres"), ("mi", "Miles")])
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
