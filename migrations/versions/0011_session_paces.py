"""planned sessions say what to do (title, structure, target pace); plans keep the runner's paces and VDOT

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 17:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('planned_sessions') as batch:
        batch.add_column(sa.Column('title', sa.String(length=120), nullable=False, server_default=''))
        batch.add_column(sa.Column('structure', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('pace_min_s_per_km', sa.Float(), nullable=True))
        batch.add_column(sa.Column('pace_max_s_per_km', sa.Float(), nullable=True))
    with op.batch_alter_table('plans') as batch:
        batch.add_column(sa.Column('paces', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('vdot', sa.Float(), nullable=True))
        batch.add_column(sa.Column('predicted_race_s', sa.Float(), nullable=True))
        batch.add_column(sa.Column('fitness_note', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('plans') as batch:
        batch.drop_column('fitness_note')
        batch.drop_column('predicted_race_s')
        batch.drop_column('vdot')
        batch.drop_column('paces')
    with op.batch_alter_table('planned_sessions') as batch:
        batch.drop_column('pace_max_s_per_km')
        batch.drop_column('pace_min_s_per_km')
        batch.drop_column('structure')
        batch.drop_column('title')
