"""st.fragment and st.dialog: parts of the page that rerun on their own."""

from __future__ import annotations

from typing import Any

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.context import EVENT
from rillet.runtime.interrupts import RerunData
from rillet.testing import AppTest
from rillet.testing.elements import Block

COUNTERS = """
import rillet as st
st.session_state.full = st.session_state.get("full", 0) + 1
st.text(f"full {st.session_state.full}")

@st.fragment
def part():
    st.session_state.part = st.session_state.get("part", 0) + 1
    st.button("again")
    st.text(f"part {st.session_state.part}")

part()
st.text("end")
"""


def _fragment_blocks(at: AppTest) -> list[Block]:
    return [b for b in at._root_block()._walk() if isinstance(b, Block) and b.proto.fragment_id]


def _rerun_fragment(at: AppTest, fragment_id: str, *clicked: Any) -> AppTest:
    """What the browser does when a widget inside a fragment changes."""
    state = at._session.state
    states = state.current_states()
    for button in clicked:
        states.widgets.append(state.widget_state(button.id, True))
    at._session.request_rerun(RerunData(widget_states=states, fragment_id=fragment_id))
    assert at._session.runner.wait_idle(3)
    at._absorb()
    return at


def _messages(at: AppTest) -> list[pb.ForwardMsg]:
    sent: list[pb.ForwardMsg] = []
    at._session.outbox.attach(sent.extend, lambda fn: fn())
    return sent


def test_fragment_runs_inline_on_a_full_run() -> None:
    at = AppTest.from_string(COUNTERS).run()
    assert at.text.values == ["full 1", "part 1", "end"]
    [block] = _fragment_blocks(at)
    assert block.text[0].value == "part 1"
    assert block.proto.WhichOneof("type") == "vertical"


def test_apptest_click_inside_a_fragment_reruns_the_whole_script_like_streamlit() -> None:
    # Streamlit's AppTest always runs the full script; so does rillet's.
    at = AppTest.from_string(COUNTERS).run()
    at.button[0].click().run()
    assert at.text.values == ["full 2", "part 2", "end"]


def test_fragment_rerun_runs_only_the_fragment_and_keeps_the_rest() -> None:
    at = AppTest.from_string(COUNTERS).run()
    [block] = _fragment_blocks(at)
    _rerun_fragment(at, block.proto.fragment_id, at.button[0])
    assert at.text.values == ["full 1", "part 2", "end"]
    assert at.session_state.full == 1


def test_fragment_children_and_widgets_carry_the_fragment_id() -> None:
    at = AppTest.from_string(COUNTERS).run()
    sent = _messages(at)
    at.run()
    fragment_id = _fragment_blocks(at)[0].proto.fragment_id
    deltas = [m.delta for m in sent if m.WhichOneof("type") == "delta"]
    own_block = next(d for d in deltas if d.add_block.fragment_id == fragment_id)
    assert own_block.fragment_id == ""  # the block belongs to its parent
    button = next(d for d in deltas if d.new_element.WhichOneof("type") == "button")
    assert button.fragment_id == fragment_id
    assert at._session.state.widget(at.button[0].id).fragment_id == fragment_id


def test_fragment_rerun_finishes_with_a_fragment_clear_stale() -> None:
    at = AppTest.from_string(COUNTERS).run()
    fragment_id = _fragment_blocks(at)[0].proto.fragment_id
    sent = _messages(at)
    _rerun_fragment(at, fragment_id)
    kinds = {m.WhichOneof("type"): m for m in sent}
    assert kinds["script_started"].script_started.fragment_id == fragment_id
    assert kinds["clear_stale"].clear_stale.fragment_id == fragment_id
    assert "page_info" not in kinds


def test_fragment_id_is_stable_across_full_runs() -> None:
    at = AppTest.from_string(COUNTERS).run()
    first = _fragment_blocks(at)[0].proto.fragment_id
    at.run()
    assert _fragment_blocks(at)[0].proto.fragment_id == first


def test_fragment_arguments_are_kept_for_fragment_reruns() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        @st.fragment()
        def greet(name, *, punctuation):
            st.text(f"hi {name}{punctuation}")
        greet("ann", punctuation="!")
        greet("bob", punctuation="?")
        """
    ).run()
    blocks = _fragment_blocks(at)
    assert len({b.proto.fragment_id for b in blocks}) == 2
    _rerun_fragment(at, blocks[1].proto.fragment_id)
    assert at.text.values == ["hi ann!", "hi bob?"]


def test_stale_widgets_are_cleaned_only_within_the_rerun_fragment() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.checkbox("outside", key="outside")
        @st.fragment
        def part():
            if not st.session_state.get("hide"):
                st.checkbox("inside", key="inside")
        part()
        """
    ).run()
    at.checkbox[0].check()
    at.checkbox[1].check().run()
    at.session_state["hide"] = True
    _rerun_fragment(at, _fragment_blocks(at)[0].proto.fragment_id)
    assert [c.label for c in at.checkbox] == ["outside"]
    assert "inside" not in at.session_state
    assert at.session_state["outside"] is True


def test_a_fragment_rerun_cleans_stale_widgets_of_the_fragments_it_ran_inside_it() -> None:
    # As in Streamlit: a widget belongs to its innermost fragment, and a run
    # forgets the unrendered widgets of every fragment that ran in it.
    at = AppTest.from_string(
        """
        import rillet as st
        @st.fragment
        def inner():
            if not st.session_state.get("hide"):
                st.checkbox("deep", key="deep")
            st.checkbox("kept", key="kept")
        @st.fragment
        def outer():
            inner()
        outer()
        """
    ).run()
    at.checkbox[0].check()
    at.checkbox[1].check().run()
    at.session_state["hide"] = True
    outer = next(b for b in _fragment_blocks(at) if b.proto.fragment_id)
    _rerun_fragment(at, outer.proto.fragment_id)
    assert [c.label for c in at.checkbox] == ["kept"]
    assert "deep" not in at.session_state
    assert at.session_state["kept"] is True


def test_rerun_scope_fragment_reruns_only_the_fragment() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.session_state.full = st.session_state.get("full", 0) + 1
        @st.fragment
        def part():
            n = st.session_state.part = st.session_state.get("part", 0) + 1
            if st.button("twice") and n % 2 == 0:
                st.rerun(scope="fragment")
            st.text(f"part {n}")
        part()
        """
    ).run()
    _rerun_fragment(at, _fragment_blocks(at)[0].proto.fragment_id, at.button[0])
    assert at.text.values == ["part 3"]
    assert at.session_state.full == 1


def test_rerun_scope_fragment_during_a_full_run_is_an_error() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        @st.fragment
        def part():
            st.rerun(scope="fragment")
        part()
        """
    ).run()
    assert "while that fragment reruns" in at.exception[0].value


def test_rerun_scope_fragment_outside_a_fragment_is_an_error() -> None:
    at = AppTest.from_string('import rillet as st\nst.rerun(scope="fragment")').run()
    assert 'scope="fragment"' in at.exception[0].value


def test_run_every_accepts_seconds_timedelta_and_strings() -> None:
    at = AppTest.from_string(
        """
        import datetime
        import rillet as st
        for every in (2, 0.5, datetime.timedelta(minutes=1), "2s"):
            st.fragment(run_every=every)(lambda: st.text("tick"))()
        st.fragment(lambda: st.text("still"))()
        """
    ).run()
    assert [b.proto.run_every for b in _fragment_blocks(at)] == [2.0, 0.5, 60.0, 2.0, 0.0]


def test_bad_run_every_names_the_argument() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        @st.fragment(run_every="soon")
        def part():
            pass
        """
    ).run()
    assert "`run_every` must be" in at.exception[0].value
    assert "'soon'" in at.exception[0].value


def test_fragment_with_key_keeps_its_id_when_moved_and_rejects_duplicates() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        if st.session_state.get("shift"):
            st.text("pushed down")
        st.fragment(key="k")(lambda: st.text("keyed"))()
        """
    ).run()
    first = _fragment_blocks(at)[0].proto.fragment_id
    at.session_state["shift"] = True
    at.run()
    assert _fragment_blocks(at)[0].proto.fragment_id == first
    at = AppTest.from_string(
        """
        import rillet as st
        show = st.fragment(key="k")(lambda: st.text("x"))
        show()
        show()
        """
    ).run()
    assert "several fragments with `key='k'`" in at.exception[0].value


def test_fragment_outside_a_run_is_a_plain_function() -> None:
    import rillet as st

    @st.fragment
    def add(a: int, b: int) -> int:
        return a + b

    assert add(1, 2) == 3


def test_fragment_removed_by_a_full_run_is_forgotten() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        if not st.session_state.get("gone"):
            st.fragment(lambda: st.text("here"))()
        """
    ).run()
    fragment_id = _fragment_blocks(at)[0].proto.fragment_id
    at.session_state["gone"] = True
    at.run()
    assert at._session.fragments.get(fragment_id) is None
    # A late request for it falls back to a full run.
    _rerun_fragment(at, fragment_id)
    assert not at.text


# -------------------------------------------------------------------- dialogs

DIALOG_APP = """
import rillet as st

@st.dialog("Rename", width="large")
def rename(item):
    st.session_state.opened = st.session_state.get("opened", 0) + 1
    st.text(f"renaming {item}")
    if st.button("Save"):
        st.session_state.saved = item
        st.rerun()

if st.button("Open"):
    rename("report.csv")
st.text(f"saved {st.session_state.get('saved')}")
"""


def _dialogs(at: AppTest) -> list[Block]:
    return [b for b in _fragment_blocks(at) if b.proto.WhichOneof("type") == "dialog"]


def test_dialog_opens_in_the_event_root_as_a_fragment() -> None:
    at = AppTest.from_string(DIALOG_APP).run()
    assert not _dialogs(at)
    at.button[0].click().run()
    [dialog] = _dialogs(at)
    proto = dialog.proto
    assert (proto.dialog.title, proto.dialog.width, proto.dialog.dismissible) == (
        "Rename",
        "large",
        True,
    )
    assert proto.dialog.is_open and proto.dialog.id == proto.fragment_id
    assert dialog.text[0].value == "renaming report.csv"
    assert [d.title for d in at.get("dialog")] == ["Rename"]
    assert not at.main.get("dialog") and len(Block(at._roots[EVENT], at)) == 1


def test_dialog_widgets_rerun_only_the_dialog_and_rerun_closes_it() -> None:
    at = AppTest.from_string(DIALOG_APP).run()
    at.button[0].click().run()
    dialog = _dialogs(at)[0]
    save = dialog.button[0]
    _rerun_fragment(at, dialog.proto.fragment_id, save)
    # st.rerun() inside the dialog ran the whole script, which closed it.
    assert not _dialogs(at)
    assert at.text.values == ["saved report.csv"]
    assert at.session_state.opened == 2


def test_only_one_dialog_per_run() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        @st.dialog("A")
        def a():
            st.text("a")
        a()
        a()
        """
    ).run()
    assert "Only one dialog" in at.exception[0].value


def test_dialog_arguments_are_checked() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        @st.dialog
        def a():
            pass
        """
    ).run()
    assert "`title` must be a non-empty string" in at.exception[0].value
    at = AppTest.from_string('import rillet as st\nst.dialog("T", width="huge")').run()
    assert "`width` must be 'small', 'medium' or 'large'" in at.exception[0].value
