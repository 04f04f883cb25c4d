"""the runner's write clock

Each write of an entry advances its runner's clock (microseconds since 1970 UTC) under the runner's lock and
takes its `updated_at` from it, so a runner's stamps follow the order their writes commit.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('coach_epochs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_write_us', sa.BigInteger(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('coach_epochs', schema=None) as batch_op:
        batch_op.drop_column('last_write_us')
