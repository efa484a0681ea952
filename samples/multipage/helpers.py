"""Data helpers shared by the pages (a local module: it travels with the app)."""

import csv
from pathlib import Path

# The data lives in static/, which `rillet pack` ships with the app.
DATA_FILE = Path(__file__).resolve().parent / "static" / "cities.csv"
CITIES = ("Tokyo", "Delhi", "Shanghai", "São Paulo", "Mexico City", "Cairo")


def load_cities() -> list[dict[str, object]]:
    """The rows of static/cities.csv, populations as ints."""
    with open(DATA_FILE, encoding="utf-8", newline="") as handle:
        return [
            {"name": row["name"], "country": row["country"], "population": int(row["population"])}
            for row in csv.DictReader(handle)
        ]
