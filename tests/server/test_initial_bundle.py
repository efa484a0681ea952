"""What the page downloads before any lazy chunk: under budget, and no Arrow decoder in it (issue 10)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "server" / "rillet_server" / "static"
# The initial JS stays under this, gzipped (README, "the product bar").
BUDGET = 150 * 1024
# Texts only the Arrow decoder (flechette) and the grid's Arrow reader (src/table/arrow.ts) hold.
ARROW_MARKERS = ("BigInt exceeds integer number representation", "ARROW:extension:name")


def initial_scripts() -> list[Path]:
    """The scripts index.html loads and every script they import statically (not ``import()``)."""
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    queue = [STATIC / m for m in re.findall(r'(?:src|href)="\./static/([^"]+\.js)"', html)]
    seen: list[Path] = []
    while queue:
        script = queue.pop()
        if script in seen:
            continue
        seen.append(script)
        text = script.read_text(encoding="utf-8")
        for name in re.findall(r'(?:\bfrom|\bimport)\s*"\./([^"]+\.js)"', text):
            queue.append(script.parent / name)
    return seen


@pytest.fixture(scope="module")
def scripts() -> list[Path]:
    if not (STATIC / "index.html").exists():
        pytest.skip("the client is not built (cd bundled_frontend && npm run build)")
    found = initial_scripts()
    assert found, "index.html loads no script"
    return found


def test_the_initial_js_is_under_its_gzip_budget(scripts: list[Path]) -> None:
    total = sum(len(gzip.compress(script.read_bytes(), 9)) for script in scripts)
    assert total <= BUDGET, f"initial JS is {total / 1024:.1f} KB gzipped, over {BUDGET // 1024} KB"


def test_the_arrow_decoder_is_only_in_a_lazy_chunk(scripts: list[Path]) -> None:
    for marker in ARROW_MARKERS:
        initial = [s.name for s in scripts if marker in s.read_text(encoding="utf-8")]
        assert initial == [], f"{marker!r} (the Arrow reader) is in the initial JS: {initial}"
        lazy = [
            s.name
            for s in (STATIC / "assets").glob("*.js")
            if s not in scripts and marker in s.read_text(encoding="utf-8")
        ]
        assert lazy, (
            f"{marker!r} is in no chunk: the check looks for text the decoder no longer has"
        )
