"""runner_profiles: where a runner says they are (runs a week, weekly distance, longest run, a race)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 16:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

import runner_app.models.types


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'runner_profiles',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('runs_per_week', sa.Integer(), nullable=False),
        sa.Column('weekly_distance_m', sa.Float(), nullable=False),
        sa.Column('longest_run_m', sa.Float(), nullable=True),
        sa.Column('last_run_date', sa.Date(), nullable=True),
        sa.Column('usual_morning_pain', sa.Integer(), nullable=True),
        sa.Column('race_distance_m', sa.Float(), nullable=True),
        sa.Column('race_duration_s', sa.Integer(), nullable=True),
        sa.Column('race_date', sa.Date(), nullable=True),
        sa.Column('as_of', sa.Date(), nullable=False),
        sa.Column('created_at', runner_app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', runner_app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'], name=op.f('fk_runner_profiles_user_id_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('user_id', name=op.f('pk_runner_profiles')),
    )


def downgrade():
    op.drop_table('runner_profiles')
