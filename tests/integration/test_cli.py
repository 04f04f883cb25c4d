"""The command line: create a runner, print a token, seed the demo runner."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select

from runner_app.extensions import db
from runner_app.models import PainEntry, Run, StrengthSession, User


def test_user_create_reads_the_password_from_stdin(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["user", "create", "cli@example.com"], input="a long password\n"
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(User.email)) == "cli@example.com"


def test_user_create_refuses_a_short_password(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["user", "create", "cli@example.com"], input="short\n")
    assert result.exit_code != 0
    assert "password" in result.output


def test_user_token_prints_a_working_token(app: Flask) -> None:
    runner = app.test_cli_runner()
    runner.invoke(args=["user", "create", "cli@example.com"], input="a long password\n")
    secret = runner.invoke(args=["user", "token", "cli@example.com"]).output.strip()
    response = app.test_client().get("/api/v1/runs", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200


def test_seed_demo_makes_twelve_weeks_with_a_knee_niggle_that_rises_and_settles(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "demo@example.com" in result.output
    with app.app_context():
        runs = db.session.scalar(select(func.count()).select_from(Run))
        strength = db.session.scalar(select(func.count()).select_from(StrengthSession))
        mornings = list(
            db.session.scalars(
                select(PainEntry).where(PainEntry.context == "morning").order_by(PainEntry.date)
            )
        )
    assert len({p.date - timedelta(days=p.date.weekday()) for p in mornings}) == 12  # ISO weeks
    assert runs is not None and runs >= 3 * 11  # at least three a week, the current week aside
    assert strength is not None and strength >= 11
    scores = [p.score for p in mornings]
    third = len(scores) // 3
    early, middle, late = scores[:third], scores[third : 2 * third], scores[2 * third :]
    assert sum(middle) / len(middle) > sum(early) / len(early)
    assert max(late[-14:]) < max(middle)
