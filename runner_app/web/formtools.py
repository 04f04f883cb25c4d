"""Glue between WTForms and the services: errors from a service land beside the right field."""

from __future__ import annotations

from flask_wtf import FlaskForm


def attach_errors(
    form: FlaskForm, errors: dict[str, list[str]], aliases: dict[str, str] | None = None
) -> None:
    """Put each service error on its form field (first path segment, or an alias); the rest on the form, and
    so those of hidden fields too, which nobody would see beside the field."""
    aliases = aliases or {}
    for key, messages in errors.items():
        name = aliases.get(key) or aliases.get(key.split(".")[0]) or key.split(".")[0]
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors") and field.type != "HiddenField":
            field.errors = [*list(field.errors), *messages]
        else:
            form.form_errors.extend(f"{key}: {m}" for m in messages)
