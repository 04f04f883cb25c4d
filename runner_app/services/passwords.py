"""What a password must be: at least 10 characters and not one of the common ones (zxcvbn's lists of leaked
passwords, words, names and keyboard runs). Each refusal says why, in the runner's words."""

from __future__ import annotations

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1000
GUESS_FLOOR = 10**8  # zxcvbn's score 3: a common password with digits added is far below it
CHECKED_PREFIX = 100  # zxcvbn's time grows fast with length; a password this long is not a common one


def password_problems(password: str, related: tuple[str, ...] = ()) -> list[str]:
    """Why `password` is refused, or [] when it is fine. `related`: the account's own words."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return [f"must be at least {MIN_PASSWORD_LENGTH} characters"]
    if len(password) > MAX_PASSWORD_LENGTH:
        return [f"must be at most {MAX_PASSWORD_LENGTH} characters"]
    if "\x00" in password:
        return ["must not contain a NUL character"]
    from zxcvbn import zxcvbn  # on the first check, not in every worker at start: its lists are large

    verdict = zxcvbn(password[:CHECKED_PREFIX], user_inputs=[w for w in related if w])
    if verdict["guesses"] >= GUESS_FLOOR:
        return []
    warning = str(verdict.get("feedback", {}).get("warning") or "").rstrip(".")
    why = f" ({warning.lower()})" if warning else ""
    return [f"is too common or too easy to guess{why}: try a few unrelated words"]
