"""Making a plan (plan-rules.md): paces, shape, sessions, built and imported plans."""
