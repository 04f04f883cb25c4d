"""World records on the road and track, to refuse a race time nobody has ever run (api.md: 422)."""

from __future__ import annotations

# (distance in metres, the fastest time ever run in seconds), men's and women's best overall.
WORLD_RECORDS: tuple[tuple[float, float], ...] = (
    (800.0, 100.91),
    (1500.0, 206.0),
    (1609.344, 223.13),
    (3000.0, 440.67),
    (5000.0, 755.36),
    (10000.0, 1571.0),
    (15000.0, 2504.0),
    (21097.5, 3402.0),
    (42195.0, 7235.0),
    (100000.0, 21935.0),
)
RIEGEL_EXPONENT = 1.06


def fastest_possible_s(distance_m: float) -> float:
    """The world record for this distance, or the nearest record scaled by Riegel's formula between them."""
    nearest: tuple[float, float] = min(WORLD_RECORDS, key=lambda r: abs(r[0] - distance_m))
    nearest_m, nearest_s = nearest
    if nearest_m == distance_m:
        return nearest_s
    # Riegel from the nearest record: conservative (it gives a time at or under what a record holder runs).
    scaled: float = nearest_s * (distance_m / nearest_m) ** RIEGEL_EXPONENT
    return min(scaled, nearest_s * (distance_m / nearest_m))


def faster_than_world_record(distance_m: float, duration_s: float) -> bool:
    return duration_s < fastest_possible_s(distance_m)
