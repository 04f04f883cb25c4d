"""The app shell the service worker precaches, and the version that names its cache.

The version is a hash of every static file and of the service worker's own templates, computed once when the
app starts: each deploy that changes any of them makes a new cache, and the old one is deleted only after the
new one is complete (see templates/pwa/sw.js).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

EXTENSION_KEY = "pwa_shell"
PRECACHED_DIRS = ("css/", "js/", "icons/")
PAGES = ("/offline", "/manifest.webmanifest")


@dataclass
class Shell:
    version: str
    static_urls: tuple[str, ...]

    @property
    def precache(self) -> list[str]:
        return [*PAGES, *self.static_urls]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def scan(static_folder: Path, static_url_path: str, template_folder: Path) -> Shell:
    """Hash the static files (and the PWA templates) and list the ones the shell needs offline."""
    digest = hashlib.sha256()
    urls: list[str] = []
    for root, is_static in ((static_folder, True), (template_folder / "pwa", False)):
        for path in _files(root) if root.is_dir() else []:
            relative = path.relative_to(root).as_posix()
            digest.update(f"{int(is_static)}:{relative}\0".encode())
            digest.update(path.read_bytes())
            if is_static and relative.startswith(PRECACHED_DIRS):
                urls.append(f"{static_url_path}/{relative}")
    return Shell(digest.hexdigest()[:16], tuple(urls))


def init_shell(app: Flask) -> None:
    if app.static_folder is None or app.template_folder is None:
        raise RuntimeError("the PWA shell needs the app's static and template folders")
    app.extensions[EXTENSION_KEY] = scan(
        Path(app.static_folder), app.static_url_path or "/static", Path(app.root_path, app.template_folder)
    )


def current_shell() -> Shell:
    shell: Shell = current_app.extensions[EXTENSION_KEY]
    return shell
