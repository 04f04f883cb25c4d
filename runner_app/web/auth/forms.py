from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from runner_app.services.passwords import MIN_PASSWORD_LENGTH


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1000)])
    remember = BooleanField("Keep me signed in on this phone", default=True)


class SignupForm(FlaskForm):
    display_name = StringField("Your name (optional)", validators=[Length(max=80)])
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=1000)]
    )
    confirm = PasswordField(
        "Password again", validators=[DataRequired(), EqualTo("password", "Passwords differ")]
    )
    timezone = HiddenField()  # the phone's, filled in by static/js/app.js; UTC when absent or unknown


class NewPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(max=1000)])
    confirm = PasswordField("New password again", validators=[DataRequired(), Length(max=1000)])


class PasswordChangeForm(NewPasswordForm):
    current = PasswordField("Current password", validators=[DataRequired(), Length(max=1000)])
