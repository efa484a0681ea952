"""Every sample app runs cleanly: no exception element, something shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from rillet.testing import AppTest

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*/app.py"))


@pytest.mark.parametrize("script", SAMPLES, ids=[p.parent.name for p in SAMPLES])
def test_sample_runs_without_an_error(script: Path) -> None:
    at = AppTest.from_file(script, default_timeout=10).run()

    unexpected = [e for e in at.exception if "an example exception" not in e.value]
    assert unexpected == []
    assert len(at.main) > 0


def test_hello_counts_clicks() -> None:
    at = AppTest.from_file(
        Path(__file__).parent.parent / "samples/hello/app.py", default_timeout=10
    ).run()

    at.button[0].click().run()
    at.button[0].click().run()

    assert "Clicks: `2`" in at.markdown.values
