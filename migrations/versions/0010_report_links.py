"""secret links to the physio report

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 17:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import runner_app.models.types


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'report_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('prefix', sa.String(length=12), nullable=False),
        sa.Column('from_date', sa.Date(), nullable=False),
        sa.Column('to_date', sa.Date(), nullable=False),
        sa.Column('expires_on', sa.Date(), nullable=False),
        sa.Column('created_at', runner_app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', runner_app.models.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'], name=op.f('fk_report_links_user_id_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_links')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_report_links_token_hash')),
    )
    with op.batch_alter_table('report_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_links_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('report_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_links_user_id'))
    op.drop_table('report_links')
