"""Small app runners shared by the command tests."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from rillet.testing import AppTest

HEADER = "import datetime as dt\nimport rillet as st\n"


def app(body: str) -> AppTest:
    """Run ``body`` (with ``st`` and ``dt`` imported) once."""
    return AppTest.from_string(HEADER + body).run()


def shown(at: AppTest) -> list[str]:
    """The markdown the app wrote, failing on any exception element."""
    assert not at.exception, at.exception[0].value
    return [m.value for m in at.markdown]


def error(body: str) -> str:
    """The one error message ``body`` shows."""
    at = app(body)
    assert len(at.exception) == 1, "expected the command to fail"
    return str(at.exception[0].value)


def streamlit_app(body: str) -> Any:
    """The same app for Streamlit's own AppTest (not yet run)."""
    pytest.importorskip("streamlit")
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    return StreamlitAppTest.from_string(
        HEADER.replace("rillet", "streamlit") + body, default_timeout=10
    )
