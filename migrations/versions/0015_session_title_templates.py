"""planned_sessions.title holds a template: its distances are worded in the runner's units when shown

"Easy 8.0 km" becomes "Easy {distance}", "Long run 32.0 km with 11.0 km at marathon pace" becomes
"Long run {distance} with {marathon} at marathon pace" (planning.model.title_words). Today's stored answers
are dropped: they are now kept worded in the runner's units, and are made again on the next read.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 19:30:00.000000

"""
import re

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_KM = r"\d+\.\d km"
_FORMS = (
    (re.compile(rf"^(Easy|Easy with strides|Long run) {_KM}$"), r"\1 {distance}"),
    (re.compile(rf"^Long run {_KM} with {_KM} at marathon pace$"), "Long run {distance} with {marathon} at marathon pace"),
    (re.compile(rf"^Marathon pace {_KM}$"), "Marathon pace {marathon}"),
)

sessions = sa.table(
    'planned_sessions',
    sa.column('id', sa.Uuid()),
    sa.column('title', sa.String(120)),
    sa.column('distance_m', sa.Float()),
    sa.column('structure', sa.JSON()),
)


def _template(title):
    for pattern, template in _FORMS:
        if pattern.match(title):
            return pattern.sub(template, title)
    return title.replace("{", "{{").replace("}", "}}")


def _worded(title, distance_m, structure):
    marathon = sum(
        float(step.get("distance_m", 0)) * int(step.get("repeat", 1))
        for step in structure or []
        if step.get("pace") == "marathon"
    )
    text = title.replace("{distance}", f"{distance_m / 1000:.1f} km")
    text = text.replace("{marathon}", f"{marathon / 1000:.1f} km")
    return text.replace("{{", "{").replace("}}", "}")


def _rewrite(change):
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(sessions.c.id, sessions.c.title, sessions.c.distance_m, sessions.c.structure)
        .where(sessions.c.title != "")
    ).all()
    for row in rows:
        title = change(row.title, row.distance_m, row.structure)
        if title != row.title:
            bind.execute(sessions.update().where(sessions.c.id == row.id).values(title=title))
    op.execute("UPDATE coach_days SET today = NULL")


def upgrade():
    _rewrite(lambda title, _distance, _structure: _template(title))


def downgrade():
    _rewrite(_worded)
