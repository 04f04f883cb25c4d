"""A goal race time beside the predicted one. Paces come from current fitness, never from the goal (Daniels:
train at the fitness you have; a goal beyond it makes every session too hard). A goal more than 5 % faster
than the prediction gets a plain warning saying so."""

from __future__ import annotations

MARGIN = 0.05  # a goal within 5 % of the prediction is a fair target for the weeks of training ahead
SOURCE = "Daniels' Running Formula: train at current fitness, not at a goal"


def clock(seconds: float) -> str:
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def goal_note(goal_s: int | None, predicted_s: float | None) -> str | None:
    """The warning for a goal more than 5 % faster than the fitness predicts; None otherwise (no goal, no
    prediction, or a goal the fitness supports)."""
    if not goal_s or not predicted_s or goal_s >= predicted_s * (1 - MARGIN):
        return None
    faster = (predicted_s - goal_s) / predicted_s * 100
    return (
        f"Your goal of {clock(goal_s)} is {faster:.0f} % faster than your current fitness predicts "
        f"({clock(predicted_s)}). Your paces are set from your current fitness, not the goal: training at "
        "goal pace now makes every session too hard. Log a race as you get fitter and the paces follow."
    )
