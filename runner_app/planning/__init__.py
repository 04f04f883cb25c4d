"""Training plans: generation, CSV import, strength scheduling and the day's tasks.

Pure Python over frozen dataclasses, like `runner_app.coach`: no Flask or SQLAlchemy imports here.
"""
