"""Screenshots compared with committed reference images, within a tolerance.

The client ships its own fonts and Chromium rasterises in software here, so
the same page draws the same pixels run after run on one Chromium build; a
newer build may move anti-aliased edges by a level or two. A pixel counts
as different when one of its channels is off by more than
``CHANNEL_TOLERANCE``; the images match when at most ``PIXEL_TOLERANCE`` of
the pixels differ and the sizes are equal. Layout changes (a column wider,
a row missing, another colour) move far more pixels than that.

``RILLET_UPDATE_SCREENSHOTS=1`` writes the references instead of comparing
(for a deliberate change of look: then look at the new images before
committing them). Every comparison also saves the screenshot, and on a
mismatch an image of the differing pixels, under
``build/test-artifacts/screenshots/`` (``RILLET_TEST_ARTIFACTS`` moves it).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

REFERENCES = Path(__file__).resolve().parent / "reference"
ARTIFACTS = Path(os.environ.get("RILLET_TEST_ARTIFACTS", "build/test-artifacts")) / "screenshots"
CHANNEL_TOLERANCE = 48
PIXEL_TOLERANCE = 0.01


def assert_looks_like(png: bytes, name: str) -> None:
    """Compare a PNG with ``reference/<name>.png`` (or write it when updating)."""
    from PIL import Image, ImageChops

    reference = REFERENCES / f"{name}.png"
    shot = ARTIFACTS / f"{name}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    shot.write_bytes(png)
    if os.environ.get("RILLET_UPDATE_SCREENSHOTS") == "1":
        reference.parent.mkdir(parents=True, exist_ok=True)
        reference.write_bytes(png)
        return
    assert reference.exists(), (
        f"no reference image {reference}: run with RILLET_UPDATE_SCREENSHOTS=1 to write it"
    )
    actual = Image.open(io.BytesIO(png)).convert("RGB")
    expected = Image.open(reference).convert("RGB")
    assert actual.size == expected.size, (
        f"{name}: the screenshot is {actual.size[0]}x{actual.size[1]} px, the reference"
        f" {expected.size[0]}x{expected.size[1]} (see {shot})"
    )
    difference = ImageChops.difference(actual, expected)
    # The largest channel difference of each pixel, then which pixels exceed the tolerance.
    channels = difference.split()
    largest = ImageChops.lighter(ImageChops.lighter(channels[0], channels[1]), channels[2])
    over = largest.point(lambda level: 255 if level > CHANNEL_TOLERANCE else 0)
    differing = over.histogram()[255]
    share = differing / (actual.size[0] * actual.size[1])
    if share > PIXEL_TOLERANCE:
        over.save(ARTIFACTS / f"{name}.diff.png")
    assert share <= PIXEL_TOLERANCE, (
        f"{name}: {share:.2%} of the pixels differ from {reference.name} by more than"
        f" {CHANNEL_TOLERANCE} levels (at most {PIXEL_TOLERANCE:.0%} may);"
        f" see {shot} and {name}.diff.png beside it"
    )
