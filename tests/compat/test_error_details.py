"""client.showErrorDetails holds back what Streamlit's does from an uncaught exception."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from harness import run_rillet, run_streamlit

from rillet.runtime.exceptions import REDACTED

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


@pytest.fixture(autouse=True)
def streamlits_option_restored() -> Iterator[None]:
    """Streamlit's options are its process's: leave the next test the value this one found."""
    from streamlit import config

    before = config.get_option("client.showErrorDetails")
    yield
    config.set_option("client.showErrorDetails", before)


APP = """
import streamlit as st
st.set_option("client.showErrorDetails", {value!r})
st.write("before")

def load():
    raise ValueError("password=hunter2")

if {in_fragment}:
    st.fragment(load)()
else:
    load()
"""


def shown(at: Any) -> tuple[str, bool, int]:
    (exception,) = at.exception
    proto = exception.proto
    return proto.type, "hunter2" in proto.message, len(proto.stack_trace)


@pytest.mark.parametrize("value", ["full", "stacktrace", "type", "none", True, False])
@pytest.mark.parametrize("in_fragment", [False, True])
def test_an_uncaught_exception_shows_what_the_setting_allows(
    value: object, in_fragment: bool
) -> None:
    source = APP.format(value=value, in_fragment=in_fragment)

    ours = shown(run_rillet(source, timeout=10))

    assert ours == shown(run_streamlit(source, timeout=10))


def test_what_the_page_holds_back_goes_to_the_log_and_the_page_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="rillet.app"):
        at = run_rillet(APP.format(value="none", in_fragment=False), timeout=10)

    assert at.exception[0].proto.message == REDACTED
    assert "password=hunter2" in caplog.text
    assert 'raise ValueError("password=hunter2")' in caplog.text


def test_st_exception_always_shows_the_whole_exception() -> None:
    source = """
import streamlit as st
st.set_option("client.showErrorDetails", "none")
try:
    raise KeyError("visible")
except KeyError as error:
    st.exception(error)
"""
    assert shown(run_rillet(source, timeout=10)) == shown(run_streamlit(source, timeout=10))


def test_a_value_the_option_does_not_take_is_refused_naming_the_choices() -> None:
    at = run_rillet('import streamlit as st\nst.set_option("client.showErrorDetails", "some")', 10)

    message = at.exception[0].proto.message
    assert "client.showErrorDetails" in message
    assert "'some'" in message
    assert "'stacktrace'" in message
