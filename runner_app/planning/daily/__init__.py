"""The day's tasks (T0-T7) and the strength days and blocks (ST1-ST4)."""
