"""Join the branches written in parallel (delivery, reading, digests, theme models) into one head.

Revision ID: 0006_merge
Revises: 0003_delivery, 0004_reading, 0005_digests, 0005_theme_models
"""

revision = "0006_merge"
down_revision = ("0003_delivery", "0004_reading", "0005_digests", "0005_theme_models")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: this revision only gives later migrations a single parent."""


def downgrade() -> None:
    """Nothing to undo."""
