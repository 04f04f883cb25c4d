"""shoes: pairs a run names by shoe_id, with the distance at which to replace them

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 14:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

import runner_app.models.types


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'shoes',
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('start_m', sa.Float(), nullable=False),
        sa.Column('retire_at_m', sa.Float(), nullable=False),
        sa.Column('retired', sa.Boolean(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('schema_version', sa.Integer(), nullable=False),
        sa.Column('created_at', runner_app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', runner_app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_shoes_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'id', name=op.f('pk_shoes')),
    )
    with op.batch_alter_table('shoes', schema=None) as batch_op:
        batch_op.create_index('ix_shoes_user_date', ['user_id', 'date'], unique=False)
        batch_op.create_index('ix_shoes_user_updated', ['user_id', 'updated_at'], unique=False)


def downgrade():
    with op.batch_alter_table('shoes', schema=None) as batch_op:
        batch_op.drop_index('ix_shoes_user_updated')
        batch_op.drop_index('ix_shoes_user_date')
    op.drop_table('shoes')
