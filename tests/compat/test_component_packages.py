"""Custom component packages behave in rillet's AppTest as in Streamlit's."""

from __future__ import annotations

import difflib
import importlib.util
import json
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from harness import Step, apply, outline, run_rillet, run_streamlit

pytest.importorskip("streamlit")
# Looked up, not imported: a component package imported here, at collection,
# would keep the real streamlit it saw for every later test in the process
# (the browser tests import it under the alias).
for _package in ("streamlit_option_menu", "st_keyup"):
    if importlib.util.find_spec(_package) is None:
        pytest.skip(f"{_package} is not installed", allow_module_level=True)
pytestmark = pytest.mark.streamlit

PACKAGES = ("streamlit_option_menu", "st_keyup")


def _fresh_packages() -> None:
    """Forget the component packages: each side's app imports them anew.

    A package binds ``streamlit`` when it is first imported; in one process
    the side that runs second would otherwise call the other's ``streamlit``.
    """
    for name in list(sys.modules):
        if name.partition(".")[0] in PACKAGES:
            del sys.modules[name]


def _pages(run: Callable[[str, float], Any], source: str, steps: Sequence[Step]) -> list[str]:
    _fresh_packages()
    at = run(textwrap.dedent(source), 10)
    pages = outline(at).render()
    for step in steps:
        apply(at, step)
        at.run()
        pages += ["-- after " + repr(step) + " --", *outline(at).render()]
    return pages


def assert_same(source: str, steps: Sequence[Step] = ()) -> None:
    theirs = _pages(run_streamlit, source, steps)
    ours = _pages(run_rillet, source, steps)
    diff = "\n".join(difflib.unified_diff(theirs, ours, "streamlit", "rillet", lineterm=""))
    assert theirs == ours, diff


def assert_same_facts(source: str, read: Callable[[Any], Any]) -> None:
    _fresh_packages()
    theirs = read(run_streamlit(textwrap.dedent(source), 10))
    _fresh_packages()
    assert read(run_rillet(textwrap.dedent(source), 10)) == theirs


OPTION_MENU = """
import streamlit as st
from streamlit_option_menu import option_menu

choice = option_menu("Main menu", ["Home", "Files", "Settings"], default_index=1, key="menu")
st.write(f"choice={choice}")
keyless = option_menu(None, ["A", "B"], orientation="horizontal")
st.write(f"keyless={keyless}")
"""


def test_option_menu_matches_streamlit() -> None:
    assert_same(OPTION_MENU, [("session_state", "menu", "Settings")])


def test_option_menu_instances_carry_streamlits_name_and_arguments() -> None:
    assert_same_facts(
        OPTION_MENU,
        lambda at: [
            (c.proto.component_name, json.loads(c.proto.json_args))
            for c in at.get("component_instance")
        ],
    )


KEYUP = """
import streamlit as st
from st_keyup import st_keyup

value = st_keyup("City", value="Oslo", key="city")
st.write(f"value={value}")
"""


def test_a_v2_component_matches_streamlit() -> None:
    assert_same(KEYUP)
    assert_same_facts(
        KEYUP, lambda at: [(c.proto.component_name, c.type) for c in at.get("bidi_component")]
    )
