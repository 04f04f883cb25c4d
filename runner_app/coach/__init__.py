"""The coach: a pure rules engine over frozen dataclasses (see engine.py for the rules and their readings)."""
