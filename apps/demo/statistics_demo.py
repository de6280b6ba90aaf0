"""The demo's statistics: the snapshots of every edition, so the national view shows figures at once (the nightly
job and the "recompute now" button keep them fresh afterwards)."""

from apps.statistics.services import refresh_figures


def seed() -> str:
    return f"Statystyki: przeliczono edycji {refresh_figures()}"
