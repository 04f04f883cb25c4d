"""The plan as an iCalendar feed, for the runner's calendar app, at a secret URL.

Calendar apps subscribe to a URL and send no headers, so the URL is the credential: a random secret of which
only a SHA-256 is stored, one per runner, replaced when the runner makes a new link, gone when they stop it.
The feed lists the sessions as planned (and as the runner edited them), except this week and next, where a
session the coach bends is shown as the plan page shows it: bent, with the reason and the original.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy import delete, select

from runner_app.coach.words import Distance
from runner_app.extensions import db
from runner_app.models import CalendarFeed, Plan, PlannedSessionRow, User
from runner_app.models.types import utcnow
from runner_app.planning.daily.tasks import RUN_TITLES
from runner_app.planning.model import title_words
from runner_app.planning.plans.paces import PaceRange, pace_text
from runner_app.services import plan_view, plans
from runner_app.services.users import secret_digest

SECRET_PREFIX = "cal_"  # noqa: S105  (a marker that says what a leaked secret is, not a secret)
PAST_DAYS = 28  # the last four weeks stay in the calendar, planned beside what was done
BENT_WEEKS = 2  # this week and next: further ahead, the coach's steps will have moved on
ON_THE_DAY = "What the coach asks on the day is on Today."


@dataclass(frozen=True)
class NewFeed:
    feed: CalendarFeed
    secret: str  # shown once


def feed_of(user_id: int) -> CalendarFeed | None:
    feed: CalendarFeed | None = db.session.get(CalendarFeed, user_id)
    return feed


def make_feed(user_id: int) -> NewFeed:
    """A new secret link; the old one, if any, stops working."""
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user_id))
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    digest = secret_digest(secret)
    feed = CalendarFeed(user_id=user_id, token_hash=digest, prefix=secret[:12], created_at=utcnow())
    db.session.add(feed)
    db.session.commit()
    return NewFeed(feed, secret)


def stop_feed(user_id: int) -> None:
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user_id))
    db.session.commit()


def owner_of(secret: str) -> User | None:
    stmt = (
        select(User)
        .join(CalendarFeed, CalendarFeed.user_id == User.id)
        .where(CalendarFeed.token_hash == secret_digest(secret))
    )
    user: User | None = db.session.scalar(stmt)
    return user


def _summary(kind: str, distance_m: float | None, duration_s: int | None, plan: Plan, units: str) -> str:
    title = RUN_TITLES.get(kind, kind.replace("_", "-").capitalize())  # "Cross-training"
    if kind == "race" and plan.race_name:
        title = f"Race: {plan.race_name}"
    if distance_m:
        return f"{title} {Distance(distance_m).render(units)}"
    return f"{title} {duration_s // 60} min" if duration_s else title


def _titled(row: PlannedSessionRow, plan: Plan, units: str) -> str:
    """ "Threshold 3 × 10 min @ 5:02-5:08/km" for a session that says what to do; "" for one that does not."""
    if not row.title:
        return ""
    if row.kind == "race" and plan.race_name:
        title = f"Race: {plan.race_name}"
    else:
        title = title_words(row.title, row.distance_m, row.structure or []).render(units)
    pace = plans.pace_of(row)
    return title if pace is None else f"{title} @ {pace_text(pace, units)}"


def plan_ics(user: User, today: date, now: datetime | None = None) -> bytes:
    """The runner's sessions from four weeks ago to the race, one all-day event each. With no plan, an empty
    calendar, so a subscription made early keeps working once a plan is made."""
    calendar = Calendar()
    calendar.add("prodid", "-//Runner//Training plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Training plan")
    plan: Plan | None = db.session.scalar(select(Plan).where(Plan.user_id == user.id))
    if plan is None:
        return bytes(calendar.to_ical())
    if plan.race_name:
        calendar["x-wr-calname"] = f"Training plan: {plan.race_name}"
    stamp = now or utcnow()  # the feed is made on each request: the coach's bends change from day to day
    bent = {
        day.date: day.adjusted
        for week in plan_view.weeks(user.id, today, today, BENT_WEEKS)
        for day in week.days
        if day.adjusted is not None
    }
    rows = db.session.scalars(
        select(PlannedSessionRow)
        .where(PlannedSessionRow.user_id == user.id)
        .where(PlannedSessionRow.date >= today - timedelta(days=PAST_DAYS), PlannedSessionRow.kind != "rest")
        .order_by(PlannedSessionRow.date)
    )
    for row in rows:
        event = Event()
        event.add("uid", f"{row.id}@runner")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.date)
        event.add("dtend", row.date + timedelta(days=1))
        planned = _titled(row, plan, user.units) or _summary(
            row.kind, row.distance_m, row.duration_s, plan, user.units
        )
        notes = row.notes.strip()
        said = [notes] if notes else []
        adjusted = bent.get(row.date)
        if adjusted is None:
            event.add("summary", planned)
        else:
            summary = _summary(adjusted.kind, adjusted.distance_m, adjusted.duration_s, plan, user.units)
            easy = (plan.paces or {}).get("easy")
            if easy and adjusted.kind in ("easy", "recovery", "long"):  # made easy: the E range
                range_ = PaceRange(easy["min_s_per_km"], easy["max_s_per_km"])
                summary += f" @ {pace_text(range_, user.units)}"
            event.add("summary", summary)
            said = [adjusted.reason.render(user.units), f"As planned: {planned}.", *said]
        event.add("description", "\n\n".join([*said, ON_THE_DAY]))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
