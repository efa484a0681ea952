"""Session state: the rules a Streamlit user relies on."""

from __future__ import annotations

import logging
import re

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import DuplicateWidgetID, RilletAPIException
from rillet.runtime.session_state import SessionState, WidgetSpec
from rillet.testing import AppTest


class _Bool:
    def deserialize(self, state: pb.WidgetState) -> bool:
        return bool(state.bool_value)

    def serialize(self, value: bool, state: pb.WidgetState) -> None:
        state.bool_value = value


def _spec(wid: str, key: str | None = None, **kw: object) -> WidgetSpec[bool]:
    return WidgetSpec(id=wid, kind="checkbox", user_key=key, default=False, serde=_Bool(), **kw)  # type: ignore[arg-type]


def _states(**values: bool) -> pb.WidgetStates:
    return pb.WidgetStates(widgets=[pb.WidgetState(id=k, bool_value=v) for k, v in values.items()])


# ------------------------------------------------------------------ the mapping


def test_internal_widget_ids_are_hidden_from_iteration() -> None:
    state = SessionState()
    state.begin_run()
    state.register(_spec("$$ID-unkeyed"))
    state.register(_spec("$$ID-keyed-k", key="k"))
    state["user"] = 1

    assert sorted(state) == ["k", "user"]
    assert state.to_dict() == {"k": False, "user": 1}
    assert len(state) == 2


def test_a_missing_key_error_says_how_to_initialise_it() -> None:
    with pytest.raises(KeyError, match=re.escape('st.session_state["count"] = ')):
        SessionState()["count"]


def test_values_from_the_client_for_unknown_ids_are_ignored() -> None:
    state = SessionState()
    state.begin_run()
    state.register(_spec("$$ID-a", key="a"))
    state.end_run(completed=True)

    changed = state.apply_client_states(_states(**{"$$ID-a": True, "$$ID-evil": True}))

    assert [s.id for s in changed] == ["$$ID-a"]
    assert state.to_dict() == {"a": True}


def test_changed_widgets_come_back_in_the_order_they_were_rendered() -> None:
    state = SessionState()
    state.begin_run()
    for wid in ("$$ID-1", "$$ID-2", "$$ID-3"):
        state.register(_spec(wid, on_change=print))
    state.end_run(completed=True)

    changed = state.apply_client_states(_states(**{"$$ID-3": True, "$$ID-1": True}))

    assert [s.id for s in state.callbacks_for(changed)] == ["$$ID-1", "$$ID-3"]


def test_registering_one_widget_twice_in_a_run_is_a_duplicate() -> None:
    state = SessionState()
    state.begin_run()
    state.register(_spec("$$ID-a"))

    with pytest.raises(DuplicateWidgetID, match="same label and parameters"):
        state.register(_spec("$$ID-a"))


# ------------------------------------------------------------------ in an app


def test_widget_values_persist_across_reruns() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.checkbox("a")
st.radio("r", ["x", "y"])
st.button("rerun")
"""
    ).run()
    at.checkbox[0].check()
    at.radio[0].set_value("y").run()

    at.button[0].click().run()
    at.run()

    assert at.checkbox[0].value is True
    assert at.radio[0].value == "y"


def test_a_widget_left_out_of_a_full_run_is_forgotten() -> None:
    at = AppTest.from_string(
        """
import rillet as st
if st.checkbox("show"):
    st.radio("r", ["x", "y"], key="r")
st.markdown(str(st.session_state.get("r", "gone")))
"""
    ).run()
    at.checkbox[0].check().run()
    at.radio[0].set_value("y").run()

    # The run that leaves the widget out still sees its value; the next does not.
    at.checkbox[0].uncheck().run()
    assert at.markdown.values == ["y"]
    at.run()
    assert at.markdown.values == ["gone"]
    at.checkbox[0].check().run()
    assert at.radio[0].value == "x"


def test_a_value_set_before_the_widget_is_its_value() -> None:
    at = AppTest.from_string(
        """
import rillet as st
if "agree" not in st.session_state:
    st.session_state.agree = True
st.markdown(str(st.checkbox("Agree", key="agree")))
"""
    ).run()

    assert at.markdown.values == ["True"]
    at.checkbox[0].uncheck().run()
    assert at.markdown.values == ["False"]


def test_a_value_set_before_a_widget_with_its_own_default_wins_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.session_state.flag = False
st.checkbox("Flag", value=True, key="flag")
"""
    )
    with caplog.at_level(logging.WARNING, logger="rillet.runtime.widgets"):
        at.run()

    assert at.checkbox[0].value is False
    assert "also had its value set through st.session_state" in caplog.text


def test_setting_a_widget_value_after_it_was_created_is_an_error() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.checkbox("C", key="c")
st.session_state.c = True
"""
    ).run()

    (error,) = at.exception
    assert "cannot be changed after the checkbox with key 'c' was created" in error.value


def test_between_runs_a_keyed_widget_value_can_be_set() -> None:
    at = AppTest.from_string(
        'import rillet as st\nst.markdown(str(st.checkbox("C", key="c")))\n'
    ).run()

    at.session_state["c"] = True
    at.run()

    assert at.markdown.values == ["True"]


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_button_value_cannot_be_set(when: str) -> None:
    set_it = "st.session_state.go = True"
    lines = ["import rillet as st", 'st.button("Go", key="go")']
    lines.insert(1 if when == "before" else 2, set_it)
    at = AppTest.from_string("\n".join(lines) + "\n").run()
    if when == "after":  # the button exists from the first run on
        at.run()

    (error,) = at.exception
    assert "whose value only the user can change" in error.value


def test_a_test_cannot_set_a_button_value_either() -> None:
    at = AppTest.from_string('import rillet as st\nst.button("Go", key="go")\n').run()

    with pytest.raises(RilletAPIException, match="only the user can change"):
        at.session_state["go"] = True


def test_a_button_is_true_for_exactly_one_run() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.markdown(str(st.button("Go", key="go")) + " " + str(st.session_state.go))
"""
    ).run()

    at.button[0].click().run()
    assert at.markdown.values == ["True True"]
    at.run()
    assert at.markdown.values == ["False False"]


def test_callbacks_run_before_the_script_in_widget_order_with_their_arguments() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.session_state.setdefault("log", [])
def note(name, *, suffix=""):
    st.session_state.log.append(name + suffix)
st.markdown("seen at the top: " + ",".join(st.session_state.log))
st.checkbox("first", on_change=note, args=("first",))
st.checkbox("second", on_change=note, args=("second",), kwargs={"suffix": "!"})
st.button("third", on_click=note, kwargs={"name": "third"})
"""
    ).run()

    at.checkbox[1].check()
    at.button[0].click()
    at.checkbox[0].check().run()

    assert at.markdown.values == ["seen at the top: first,second!,third"]


def test_a_callback_for_an_unchanged_widget_does_not_run() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.session_state.setdefault("calls", 0)
def bump():
    st.session_state.calls += 1
st.checkbox("c", on_change=bump)
st.button("other")
st.markdown(str(st.session_state.calls))
"""
    ).run()

    at.checkbox[0].check().run()
    at.button[0].click().run()

    assert at.markdown.values == ["1"]


def test_a_keyed_widget_keeps_its_value_when_its_options_change() -> None:
    at = AppTest.from_string(
        """
import rillet as st
extra = st.checkbox("more options")
options = ["a", "b", "c"] + (["d"] if extra else [])
st.markdown(st.selectbox("Pick", options, key="pick"))
"""
    ).run()
    at.selectbox[0].select("c").run()

    at.checkbox[0].check().run()

    assert at.selectbox[0].value == "c"
    assert at.markdown.values == ["c"]


def test_a_keyed_widget_whose_value_is_no_longer_an_option_goes_back_to_its_default() -> None:
    at = AppTest.from_string(
        """
import rillet as st
small = st.checkbox("fewer options")
options = ["a", "b"] if small else ["a", "b", "c"]
st.multiselect("Pick", options, key="many")
st.radio("One", options, key="one")
"""
    ).run()
    at.multiselect[0].set_value(["b", "c"])
    at.radio[0].set_value("c").run()

    at.checkbox[0].check().run()

    assert at.multiselect[0].value == ["b"]
    assert at.radio[0].value == "a"


def test_two_widgets_with_one_key_are_an_error_even_of_different_kinds() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.checkbox("first", key="same")
st.radio("second", ["a"], key="same")
"""
    ).run()

    (error,) = at.exception
    assert error.proto.type.endswith("DuplicateWidgetID")
    assert "key='same'" in error.value


def test_clear_forgets_every_value() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.session_state.setdefault("n", 0)
st.session_state.n += 1
if st.button("clear"):
    st.session_state.clear()
st.markdown(str(st.session_state.get("n", "cleared")))
"""
    ).run()
    at.run()
    assert at.markdown.values == ["2"]

    at.button[0].click().run()

    assert at.markdown.values == ["cleared"]
