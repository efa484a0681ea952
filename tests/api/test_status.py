from __future__ import annotations

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest
from tests.api.apps import app


def test_progress_accepts_percent_ints_and_fraction_floats() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.progress(30, text="thirty")
        st.progress(0.75)
        """
    ).run()
    assert [(p.value, p.text) for p in at.progress] == [(30, "thirty"), (75, "")]


def test_progress_updates_in_place_through_its_handle() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        bar = st.progress(0, text="start")
        for step in (10, 50, 100):
            bar.progress(step, text=f"at {step}")
        st.write("after")
        """
    ).run()
    assert [(p.value, p.text) for p in at.progress] == [(100, "at 100")]
    assert [type(e).__name__ for e in at.main] == ["Progress", "Markdown"]


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("101", "an int from 0 to 100"),
        ("-1", "an int from 0 to 100"),
        ("1.5", "a float from 0.0 to 1.0"),
        ("True", "an int from 0 to 100 or a float"),
        ("'half'", "an int from 0 to 100 or a float"),
    ],
)
def test_progress_out_of_range_is_a_clear_error(value: str, accepted: str) -> None:
    at = AppTest.from_string(f"import rillet as st\nst.progress({value})").run()
    message = at.exception[0].message
    assert "st.progress: `value`" in message and accepted in message


def test_spinner_shows_while_the_block_runs_and_leaves_nothing_behind() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.spinner("Thinking...", show_time=True):
            st.write("inside")
        st.write("after")
        """
    )
    at.run()
    assert len(at.spinner) == 0
    assert at.markdown.values == ["inside", "after"]
    spinner_deltas = [
        m.delta
        for m in _sent(at)
        if m.delta.WhichOneof("type") == "transient"
        and m.delta.transient.WhichOneof("type") == "spinner"
    ]
    assert [d.transient.spinner.text for d in spinner_deltas] == ["Thinking..."]
    assert [type(e).__name__ for e in at.main] == ["Markdown", "Markdown"]
    assert spinner_deltas[0].transient.spinner.show_time


def test_spinner_is_cleared_when_its_block_raises() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.spinner():
            raise ValueError("boom")
        """
    ).run()
    assert len(at.spinner) == 0
    assert at.exception[0].message == "boom"


def test_spinner_in_a_column_writes_into_that_column() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        left, right = st.columns(2)
        with right.spinner("wait"):
            st.session_state.paths = "ok"
        """
    )
    at.run()
    transient = next(m.delta for m in _sent(at) if m.delta.WhichOneof("type") == "transient")
    assert list(transient.path) == [0, 0, 1, 0]  # main, the row, the right column, first


def test_toast_goes_to_the_event_root_and_updates_in_place() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        note = st.toast("Saving...", icon="💾")
        note.toast("Saved!", icon="✅")
        st.toast("Second")
        """
    ).run()
    assert [(t.value, t.icon) for t in at.toast] == [("Saved!", "✅"), ("Second", "")]
    assert len(at.main) == 0


def test_toasts_of_a_run_are_gone_after_the_next_run() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        if st.button("Go"):
            st.toast("Went")
        """
    ).run()
    at.button[0].click().run()
    assert at.toast.values == ["Went"]
    at.run()
    assert at.toast.values == []


@pytest.mark.parametrize(
    ("call", "argument"), [("st.toast('')", "body"), ("st.toast('x', icon=3)", "icon")]
)
def test_bad_toast_input_is_explained(call: str, argument: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert f"st.toast: `{argument}`" in at.exception[0].message


def test_balloons_and_snow_are_elements_of_the_page() -> None:
    at = AppTest.from_string("import rillet as st\nst.balloons()\nst.snow()").run()
    # Each under its own name, as Streamlit's AppTest finds them.
    assert [b.proto.kind for b in at.get("balloons")] == ["balloons"]
    assert [s.proto.kind for s in at.get("snow")] == ["snow"]


def _sent(at: AppTest) -> list[pb.ForwardMsg]:
    """Every message the last run sent (recorded by wrapping the outbox)."""
    return list(at._test_sent)


@pytest.fixture(autouse=True)
def _record_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    original = AppTest._receive

    def receive(self: AppTest, msgs: list[pb.ForwardMsg]) -> None:
        if not hasattr(self, "_test_sent"):
            self._test_sent = []  # type: ignore[attr-defined]
        self._test_sent.extend(msgs)  # type: ignore[attr-defined]
        original(self, msgs)

    monkeypatch.setattr(AppTest, "_receive", receive)


def test_a_status_box_completes_and_collapses_when_its_block_ends() -> None:
    at = app("with st.status('Loading', expanded=True) as box:\n    st.write('inside')")
    box = at.status[0]
    assert (box.label, box.state, box.proto.expander.expanded) == ("Loading", "complete", False)
    assert [m.value for m in box.markdown] == ["inside"]  # the update kept its children


def test_a_status_box_left_by_an_exception_shows_the_error() -> None:
    at = app("with st.status('Loading'):\n    raise KeyError('gone')")
    assert at.status[0].state == "error"
    assert at.exception[0].value == "'gone'"


def test_update_changes_label_and_state_and_a_set_state_stays() -> None:
    at = app(
        "with st.status('Loading') as box:\n"
        "    box.update(label='Half way', state='error')\n"
        "late = st.status('Late')\n"
        "late.update(expanded=True)"
    )
    first, late = at.status
    assert (first.label, first.state) == ("Half way", "error")  # not overwritten on exit
    assert (late.state, late.proto.expander.expanded) == ("running", True)


def test_a_bad_status_state_names_the_argument() -> None:
    message = app("st.status('x', state='done')").exception[0].value
    assert (
        "`state`" in message
        and "'done'" in message
        and "'running', 'complete' or 'error'" in message
    )
