"""Command-line tools: `flask --app app user create|token|reset-password EMAIL`,
`flask --app app seed-demo`, `flask --app app push send-reminders`."""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from runner_app.links import public_url
from runner_app.services import accounts, demo, plans, today, users
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid

user_cli = AppGroup("user", help="Manage runner accounts.")


@user_cli.command("create")
@click.argument("email")
@click.option("--name", default="", help="Display name.")
def create_user(email: str, name: str) -> None:
    """Create a runner. The password is read from stdin when piped, else prompted for."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        user = users.create_user(email, password, name)
    except Invalid as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {user.email} (id {user.id}).")


@user_cli.command("token")
@click.argument("email")
@click.option("--name", default="cli", help="A name to recognise the token by.")
def create_token(email: str, name: str) -> None:
    """Print a new personal API token for EMAIL (shown once)."""
    try:
        user = users.user_by_email(email)
    except (NotFound, Invalid):
        raise click.ClickException(f"No account for {email}.") from None
    click.echo(users.create_token(user, name).secret)


@user_cli.command("reset-password")
@click.argument("email")
def reset_password(email: str) -> None:
    """Print a one-time link (24 hours) where EMAIL sets a new password: a self-hosted app has no mail."""
    try:
        user = users.user_by_email(email)
    except (NotFound, Invalid):
        raise click.ClickException(f"No account for {email}.") from None
    secret = accounts.make_reset_secret(user)
    click.echo(f"Send this link to {user.email}; it works once, for 24 hours:")
    click.echo(public_url("auth.reset_password", secret=secret))


@click.command("seed-demo")
@with_appcontext
@click.option("--if-missing", is_flag=True, help="Do nothing if the demo runner exists (print its login).")
def seed_demo(if_missing: bool) -> None:
    """Create a demo runner with 12 weeks of believable history, and print its login."""
    login_file = Path(current_app.instance_path) / "demo_login.txt"
    existing = demo.demo_user()
    if existing is not None and if_missing:
        if login_file.exists():
            click.echo(login_file.read_text().strip())
        return
    password = secrets.token_urlsafe(9)
    user = demo.seed(password)
    text = f"Demo runner: {user.email} / password: {password}"
    login_file.parent.mkdir(parents=True, exist_ok=True)
    login_file.write_text(text + "\n")
    login_file.chmod(0o600)
    click.echo(text)


plan_cli = AppGroup("plan", help="Training plans.")


@plan_cli.command("generate")
@click.argument("email")
@click.option("--race-date", required=True, help="YYYY-MM-DD")
@click.option("--weekly-km", required=True, type=float, help="Current weekly volume in km.")
@click.option("--days", "days_per_week", default=5, show_default=True, type=int, help="Run days a week.")
@click.option("--long-run-day", default=6, show_default=True, type=int, help="0 Monday .. 6 Sunday.")
@click.option("--race-name", default="", help="e.g. Valencia Marathon")
@click.option("--race-km", default=42.195, show_default=True, type=float)
def generate_plan(
    email: str,
    race_date: str,
    weekly_km: float,
    days_per_week: int,
    long_run_day: int,
    race_name: str,
    race_km: float,
) -> None:
    """Generate EMAIL's plan from current volume to the race, and print it week by week."""
    try:
        user = users.user_by_email(email)
    except (NotFound, Invalid):
        raise click.ClickException(f"No account for {email}.") from None
    payload = {
        "race_date": race_date,
        "weekly_m": weekly_km * 1000,
        "days_per_week": days_per_week,
        "long_run_day": long_run_day,
        "race_name": race_name or None,
        "race_distance_m": race_km * 1000,
    }
    try:
        plan, warnings = plans.generate(user.id, payload, today.local_today(user.timezone or "UTC"))
    except Invalid as exc:
        raise click.ClickException(str(exc)) from None
    for line in plans.describe(plan):
        click.echo(line)
    for warning in warnings:
        click.echo(f"! {warning['reason']}")


push_cli = AppGroup("push", help="Web Push reminders.")


@push_cli.command("send-reminders")
def send_reminders() -> None:
    """Send today's reminder to every runner who switched it on (run it from cron each morning)."""
    from runner_app.services import push

    sent = push.send_all()
    click.echo(
        f"Delivered {sent.delivered}, dropped {sent.dropped} gone subscriptions, {sent.failed} failed."
    )


def register_cli(app: Flask) -> None:
    app.cli.add_command(user_cli)
    app.cli.add_command(plan_cli)
    app.cli.add_command(seed_demo)
    app.cli.add_command(push_cli)
