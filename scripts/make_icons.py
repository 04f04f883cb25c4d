#!/usr/bin/env python3
"""Draw the app's icons with the standard library only (a zlib + struct PNG writer).

The design: the app's green, a white running track (a stadium outline) and a white dot, the runner, on it.
Run `python scripts/make_icons.py` after changing the design; the PNGs and favicon.svg are committed.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

GREEN = (11, 110, 79)
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
SAMPLES = 4  # 4 x 4 samples per pixel: smooth edges without any imaging library


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGBA PNG from raw rows."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def rounded_square(x: float, y: float, radius: float) -> bool:
    """Inside the unit square with corners rounded by `radius` (all in 0..1 units)."""
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def stadium_distance(x: float, y: float, half_length: float, radius: float) -> float:
    """Distance from (x, y) to the centre line of a stadium centred on (0.5, 0.5), lying flat."""
    dx = max(abs(x - 0.5) - half_length, 0.0)
    return math.hypot(dx, y - 0.5) - radius


def shape(x: float, y: float, scale: float, corner: float | None) -> tuple[int, int, int, int]:
    """The colour at (x, y): background (maybe rounded), the track ring and the runner's dot."""
    if corner is not None and not rounded_square(x, y, corner):
        return (0, 0, 0, 0)
    # The glyph is drawn in a box of `scale` around the centre (maskable icons keep it in the safe zone).
    gx, gy = 0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale
    ring = abs(stadium_distance(gx, gy, 0.17, 0.23)) <= 0.045
    runner = math.hypot(gx - 0.67, gy - 0.27) <= 0.085
    return (*WHITE, 255) if ring or runner else (*GREEN, 255)


def draw(size: int, scale: float, corner: float | None) -> bytes:
    rows = []
    step = 1.0 / (size * SAMPLES)
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    r, g, b, a = shape(
                        (px * SAMPLES + sx + 0.5) * step, (py * SAMPLES + sy + 0.5) * step, scale, corner
                    )
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3]
            if alpha == 0:
                row += b"\x00\x00\x00\x00"
            else:
                row += bytes((acc[0] // alpha, acc[1] // alpha, acc[2] // alpha, alpha // SAMPLES**2))
        rows.append(bytes(row))
    return png(size, size, rows)


FAVICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="#0b6e4f"/>
<rect x="6.4" y="17.3" width="51.2" height="29.4" rx="14.7" fill="none" stroke="#fff" stroke-width="5.8"/>
<circle cx="42.9" cy="17.3" r="5.4" fill="#fff"/>
</svg>
"""

ICONS = {
    # name: (size, glyph scale, corner radius or None for a full-bleed square)
    "icon-192.png": (192, 1.0, 0.19),
    "icon-512.png": (512, 1.0, 0.19),
    "icon-512-maskable.png": (512, 0.72, None),  # the glyph stays inside the central 80 % safe circle
    "apple-touch-icon.png": (180, 0.85, None),  # iOS rounds the corners itself
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (size, scale, corner) in ICONS.items():
        (OUT / name).write_bytes(draw(size, scale, corner))
        print(f"wrote {OUT / name}")
    (OUT / "favicon.svg").write_text(FAVICON)
    print(f"wrote {OUT / 'favicon.svg'}")


if __name__ == "__main__":
    main()
