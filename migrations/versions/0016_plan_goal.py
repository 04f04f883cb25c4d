"""plans.goal_duration_s: the race time the runner hopes for, shown beside the predicted one (paces stay set
from current fitness)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 20:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('goal_duration_s', sa.Integer(), nullable=True))


def downgrade():
    # Not in batch mode: on SQLite that copies `plans` into a new table, and dropping the old one would
    # cascade to every planned session. SQLite drops a column in place since 3.35.
    op.drop_column('plans', 'goal_duration_s')
