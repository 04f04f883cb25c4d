"""The server's VAPID key pair (RFC 8292): made on first use and kept in the instance folder, never in the
repository. Browsers bind a push subscription to the public key, so the file must outlive deploys."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from py_vapid import Vapid

KEY_FILE = "vapid_private.pem"


def key_path() -> Path:
    return Path(current_app.instance_path) / KEY_FILE


def vapid() -> Vapid:
    """The key pair, created (readable by this user only) the first time it is asked for. py_vapid (with
    `cryptography`) is loaded here, on first use, not by every worker at start."""
    from py_vapid import Vapid  # Vapid02: the "vapid t=…, k=…" scheme of RFC 8292

    path = key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = Vapid()
        key.generate_keys()
        pem = key.private_pem()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker made it first: use theirs
            pass
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(pem)
    return Vapid.from_file(str(path))


def application_server_key() -> str:
    """The public key as the page passes it to `pushManager.subscribe`: an uncompressed P-256 point,
    base64url without padding."""
    from cryptography.hazmat.primitives import serialization

    point = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode()
