"""coach cache engine version

Each cached coach day names the code that computed it; rows from before this revision have '' and are
computed again on their next read.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 06:07:13.736958

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('coach_days', schema=None) as batch_op:
        batch_op.add_column(sa.Column('engine_version', sa.String(length=16), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('coach_days', schema=None) as batch_op:
        batch_op.drop_column('engine_version')
