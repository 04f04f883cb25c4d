"""planned session spike override

A planned session the runner chose to run as planned although the spike rule S2 refuses it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 07:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('planned_sessions', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('spike_override', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('planned_sessions', schema=None) as batch_op:
        batch_op.drop_column('spike_override')
