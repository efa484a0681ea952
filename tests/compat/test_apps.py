"""A corpus of ordinary Streamlit apps shows the same on Streamlit and rillet.

Each app in ``apps/`` is a small program a Streamlit user might write. Its
case below lists the interactions applied to both sides (see harness.py for
the step format) and any known, justified difference.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from harness import OWN_ERROR_WORDS, Known, Step, assert_same

import rillet

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

APPS = Path(__file__).parent / "apps"


@dataclass
class Case:
    steps: list[Step | list[Step]] = field(default_factory=list)
    known: list[Known] = field(default_factory=list)


CASES: dict[str, Case] = {
    "counter": Case(
        [("button", 1, "click"), ("button", 1, "click"), ("run",)] + [("button", 0, "click")] * 3
    ),
    "todo": Case(
        [
            [("text_input", "new_item", "input", "milk"), ("button", 0, "click")],
            [("text_input", "new_item", "input", "eggs"), ("button", 0, "click")],
            ("checkbox", "todo-0", "check"),
            [("text_input", "new_item", "input", "  "), ("button", 0, "click")],
        ]
    ),
    "unit_converter": Case(
        [
            ("number_input", 0, "set_value", 2.5),
            ("selectbox", 1, "select", "mile"),
            ("number_input", 0, "increment"),
            ("selectbox", 0, "select", "mile"),
        ]
    ),
    "signup_form": Case(
        [
            ("button", 0, "click"),
            [("text_input", 0, "input", "Ada"), ("text_input", 1, "input", "ada@example.com")],
            ("button", 0, "click"),
            [("checkbox", 0, "check"), ("radio", 0, "set_value", "Pro"), ("button", 0, "click")],
            ("run",),
        ]
    ),
    "quiz": Case(
        [
            ("button", 0, "click"),
            [("radio", "q1", "set_value", "4"), ("radio", "q2", "set_value", "Rome")],
            [("radio", "q3", "set_value", "Jupiter"), ("button", 0, "click")],
            ("radio", "q2", "set_value", "Paris"),
            ("button", 0, "click"),
        ]
    ),
    "tip_calculator": Case(
        [
            ("slider", 0, "set_value", 20),
            ("slider", 1, "set_value", 4),
            ("number_input", 0, "set_value", 100.0),
        ]
    ),
    "text_stats": Case(
        [
            ("checkbox", 0, "check"),
            ("text_area", 0, "input", "one two two"),
            ("text_area", 0, "input", ""),
        ]
    ),
    "sidebar_filter": Case(
        [
            ("toggle", 0, "set_value", True),
            ("selectbox", 0, "select", "price"),
            ("multiselect", 0, "select", "green"),
            ("multiselect", 0, "unselect", "red"),
        ]
    ),
    "layout_columns": Case([("button", 1, "click"), ("checkbox", 0, "check")]),
    "layout_tabs": Case([("checkbox", 0, "check"), ("button", 0, "click")]),
    "layout_expander": Case([("radio", 0, "set_value", "two")]),
    "alerts": Case([("checkbox", 0, "check"), ("checkbox", 0, "uncheck")]),
    "magic": Case([("checkbox", 0, "check")]),
    "metrics": Case(),
    "json_code_latex": Case(),
    "headers": Case(),
    "markdown_styles": Case(),
    "callbacks": Case(
        [
            ("button", 0, "click"),
            ("checkbox", "watched", "check"),
            ("selectbox", "size", "select", "L"),
            ("run",),
            [("checkbox", "watched", "uncheck"), ("selectbox", "size", "select", "M")],
        ]
    ),
    "keyed_preset": Case(
        [
            ("checkbox", "agree", "uncheck"),
            ("session_state", "flavor", "lemon"),
            ("multiselect", "tags", "select", "c"),
            ("radio", "size", "set_value", "S"),
        ]
    ),
    "stop_app": Case(
        [("checkbox", 0, "check"), ("button", 0, "click"), ("checkbox", 0, "uncheck")]
    ),
    "rerun_app": Case([("button", 0, "click"), ("run",), ("button", 0, "click")]),
    "exception_app": Case(
        [
            ("radio", 0, "set_value", "value"),
            ("radio", 0, "set_value", "key"),
            ("radio", 0, "set_value", "none"),
            ("checkbox", 0, "check"),
        ]
    ),
    "duplicate_widget": Case([("button", 0, "click")], known=[OWN_ERROR_WORDS]),
    "empty_placeholder": Case([("button", 0, "click"), ("run",)]),
    "multiselect_default": Case(
        [
            ("multiselect", 0, "unselect", "cheese"),
            ("multiselect", 1, "select", 3),
            ("multiselect", 0, "set_value", []),
        ]
    ),
    "toggle_checkbox": Case(
        [
            ("toggle", 0, "set_value", True),
            ("checkbox", 0, "uncheck"),
            ("toggle", 1, "set_value", False),
        ]
    ),
    "dates_times": Case(
        [
            ("date_input", 0, "set_value", datetime.date(2024, 12, 25)),
            ("time_input", 0, "set_value", datetime.time(6, 45)),
            ("date_input", 1, "set_value", (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))),
            ("time_input", 0, "increment"),
        ]
    ),
    "progress_spinner": Case([("run",)]),
    "slider_variants": Case(
        [
            ("slider", 0, "set_value", 99),
            ("slider", 1, "set_value", 0.5),
            ("slider", 2, "set_range", 5, 45),
            ("slider", 3, "set_value", datetime.date(2024, 2, 29)),
            ("select_slider", 0, "set_value", "XL"),
            ("select_slider", 1, "set_range", "XS", "M"),
        ]
    ),
    "text_inputs": Case(
        [
            ("text_input", 0, "input", "Ada"),
            ("text_input", 1, "input", "hunter2"),
            ("text_input", "code", "input", "ab"),
            ("text_area", 0, "input", "a b c d"),
        ]
    ),
    "number_inputs": Case(
        [
            ("number_input", 0, "increment"),
            ("number_input", 0, "set_value", 10),
            ("number_input", 0, "increment"),
            ("number_input", 1, "decrement"),
            ("number_input", 2, "set_value", 4.0),
        ]
    ),
    # Every submit sets every field: Streamlit's AppTest never clears a
    # clear_on_submit form (its browser client does), rillet clears it
    # after the submit run, so what the widgets show afterwards differs.
    "form_clear": Case(
        [
            [("text_input", 0, "input", "hi"), ("checkbox", 0, "check"), ("button", 0, "click")],
            [
                ("text_input", 0, "input", "there"),
                ("checkbox", 0, "uncheck"),
                ("button", 0, "click"),
            ],
            [("text_input", 0, "input", ""), ("checkbox", 0, "uncheck"), ("button", 0, "click")],
        ],
        [
            Known("text_input", ("value",), "rillet clears a clear_on_submit form after submit"),
            Known("checkbox", ("value",), "rillet clears a clear_on_submit form after submit"),
        ],
    ),
    "choice_formatting": Case(
        [
            ("radio", 0, "set_value", 3),
            ("selectbox", 0, "select", "b"),
            ("selectbox", 1, "select", 30),
            ("selectbox", 0, "set_value", None),
        ]
    ),
    "file_uploader_app": Case([("run",)]),
}


def _commands(source: str) -> set[str]:
    return set(re.findall(r"\bst\.(\w+)\b", source)) - {"session_state"}


def test_every_app_has_a_case() -> None:
    assert sorted(p.stem for p in APPS.glob("*.py")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_app_shows_the_same_as_streamlit(name: str) -> None:
    source = (APPS / f"{name}.py").read_text(encoding="utf-8")
    missing = sorted(c for c in _commands(source) if not hasattr(rillet, c))
    assert missing == [], f"rillet lacks st.{', st.'.join(missing)}"
    case = CASES[name]
    assert_same(source, case.steps, known=case.known)
