"""`flask --app app backup PATH`: a consistent copy of the SQLite database while the app keeps serving.

It uses SQLite's online backup API, which copies a snapshot page by page beside live readers and writers (a
plain `cp` of a WAL database can catch it half-written). PostgreSQL has its own tool: pg_dump.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import click
from flask.cli import with_appcontext

from runner_app.extensions import db

PAGES_PER_STEP = 1024  # copy in steps, so a writer is never held up for the whole copy


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy the database at `source` to `target` (written beside it, then renamed into place); its size."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst, pages=PAGES_PER_STEP)
            # One self-contained file: no -wal beside the copy.
            dst.execute("PRAGMA journal_mode=DELETE")
            verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise click.ClickException(f"The copy failed its integrity check ({verdict}); nothing was written.")
    os.replace(partial, target)
    return target.stat().st_size


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace PATH if it exists.")
@with_appcontext
def backup_command(path: Path, overwrite: bool) -> None:
    """Back up the SQLite database to PATH with SQLite's online backup API (safe while the app runs)."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        raise click.ClickException(
            f"This app runs on {url.get_backend_name()}, and `backup` copies SQLite databases only. "
            "Back up PostgreSQL with pg_dump, e.g. "
            '`pg_dump --format=custom --file=runner.dump "$DATABASE_URL"` (see docs/deploy.md).'
        )
    if not url.database or url.database == ":memory:":
        raise click.ClickException("The database is in memory: there is no file to back up.")
    source = Path(url.database)
    if not source.exists():
        raise click.ClickException(f"No database at {source}: run `flask --app app db upgrade` first.")
    target = path.resolve()
    if target == source.resolve():
        raise click.ClickException("PATH is the live database itself: choose another file.")
    if target.exists() and not overwrite:
        raise click.ClickException(f"{target} exists: pass --overwrite to replace it.")
    if not target.parent.is_dir():
        raise click.ClickException(f"The folder {target.parent} does not exist.")
    size = backup_sqlite(source, target)
    click.echo(f"Backed up {source} to {target} ({size} bytes, integrity ok).")
