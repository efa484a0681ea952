"""pills, segmented_control, feedback, badge, menu_button and pagination:
what the compat tests cannot see from Streamlit's side (wire forms, the URL,
persistence, hostile clients, error wording)."""

from __future__ import annotations

import pytest

from rillet.api.button_groups import SelectionSerde, split_icon
from rillet.api.feedback import ChoiceSerde
from rillet.api.menus import ChosenOptionSerde
from rillet.api.pagination import PageSerde
from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest
from tests.api.apps import HEADER, app, error, shown

# ------------------------------------------------------------ wire forms


def test_button_groups_send_selected_indexes_and_split_leading_icons() -> None:
    at = app(
        "st.pills('P', ['🔥 Hot', ':material/star: Star', 'Plain'], default='Plain')\n"
        "st.segmented_control('S', ['x', 'y'], selection_mode='multi', default=['y', 'x'],"
        " width=240)"
    )
    pills, segmented = at.button_group
    assert [(o.icon, o.label) for o in pills.proto.options] == [
        ("🔥", "Hot"),
        (":material/star:", "Star"),
        ("", "Plain"),
    ]
    assert (pills.proto.style, list(pills.proto.value), pills.proto.multi) == (
        pb.ButtonGroup.PILLS,
        [2],
        False,
    )
    assert (segmented.proto.style, list(segmented.proto.value)) == (
        pb.ButtonGroup.SEGMENTED_CONTROL,
        [1, 0],
    )
    assert (pills.proto.width, segmented.proto.width) == ("content", "240px")
    assert pills.formatted_values == ["Plain"]


def test_a_label_starting_with_a_word_keeps_it() -> None:
    assert split_icon("Hello world") == ("", "Hello world")
    assert split_icon(":material/star:") == (":material/star:", "")


def test_selection_serde_reads_what_the_client_sends() -> None:
    single, multi = SelectionSerde(["a", "b", "c"], False), SelectionSerde(["a", "b", "c"], True)
    state = pb.WidgetState()
    state.int_array_value.data.extend([2, 0])
    assert (single.deserialize(pb.WidgetState()), multi.deserialize(state)) == (None, ["c", "a"])
    out = pb.WidgetState()
    single.serialize("b", out)
    assert list(out.int_array_value.data) == [1]
    state.int_array_value.data.append(9)
    with pytest.raises(IndexError):
        multi.deserialize(state)


def test_feedback_pagination_and_menu_values_on_the_wire() -> None:
    assert ChoiceSerde(5).deserialize(pb.WidgetState(int_value=4)) == 4
    assert ChoiceSerde(5).deserialize(pb.WidgetState()) is None
    with pytest.raises(IndexError):
        ChoiceSerde(2).deserialize(pb.WidgetState(int_value=2))
    assert PageSerde(10).deserialize(pb.WidgetState(int_value=10)) == 10
    with pytest.raises(IndexError):
        PageSerde(10).deserialize(pb.WidgetState(int_value=11))
    menu = ChosenOptionSerde([1, 2], ["#1", "#2"])
    assert menu.deserialize(pb.WidgetState(string_trigger_value="#2")) == 2
    assert menu.deserialize(pb.WidgetState()) is None
    with pytest.raises(ValueError):
        menu.deserialize(pb.WidgetState(string_trigger_value="#3"))


def test_on_change_ignore_tells_the_client_not_to_rerun() -> None:
    at = app(
        "st.pills('P', ['a'], on_change='ignore')\n"
        "st.feedback(on_change='ignore')\n"
        "st.pagination(3)"
    )
    flags = [w.proto.common.no_rerun for w in [*at.button_group, *at.feedback, *at.pagination]]
    assert flags == [True, True, False]


def test_pagination_sends_its_cap_with_none_as_minus_one() -> None:
    at = app(
        "st.pagination(20)\nst.pagination(20, max_visible_pages=None)\nst.pagination(20, max_visible_pages=0)"
    )
    assert [p.proto.max_visible_pages for p in at.pagination] == [7, -1, 0]


def test_a_feedback_widget_shows_its_kind_and_choice() -> None:
    at = app("st.feedback('faces', default=3)")
    assert (at.feedback[0].proto.kind, at.feedback[0].proto.value) == (pb.Feedback.FACES, 3)
    assert at.feedback[0].kind == "faces"


# ------------------------------------------------------ hostile clients


def test_a_client_value_the_widget_lacks_is_ignored() -> None:
    at = app("p = st.pagination(5, key='p')\nf = st.feedback(key='f')\nst.write(p, f)")
    state = at._session.state
    states = pb.WidgetStates()
    states.widgets.append(pb.WidgetState(id=at.pagination[0].id, int_value=99))
    states.widgets.append(pb.WidgetState(id=at.feedback[0].id, int_value=5))
    state.apply_client_states(states)
    assert (state["p"], state["f"]) == (1, None)


# --------------------------------------------------- URL and persistence


def test_bound_widgets_start_from_the_url_and_write_their_value_back() -> None:
    at = AppTest.from_string(
        HEADER + "a = st.pills('P', ['a', 'b', 'c'], key='p', bind='query-params')\n"
        "m = st.segmented_control('M', ['a', 'b', 'c'], key='m', selection_mode='multi',"
        " bind='query-params')\n"
        "f = st.feedback('stars', key='f', bind='query-params')\n"
        "g = st.pagination(10, key='g', bind='query-params')\n"
        "st.write(repr((a, m, f, g)))"
    )
    at.query_params = {"p": "b", "m": ["a", "c"], "f": "3", "g": "7"}
    at.run()
    assert shown(at) == ["('b', ['a', 'c'], 3, 7)"]
    at.pills[0].select("c")
    at.pagination[0].select(2)
    at.run()
    assert at.query_params["p"] in ("c", ["c"])
    assert at.query_params["g"] in ("2", ["2"])


def test_a_url_value_the_widget_lacks_is_ignored() -> None:
    at = AppTest.from_string(HEADER + "st.write(st.pagination(5, key='g', bind='query-params'))")
    at.query_params = {"g": "50"}
    assert shown(at.run()) == ["`1`"]


def test_persist_state_keeps_the_value_while_the_widget_is_hidden() -> None:
    at = app(
        "show = st.checkbox('Show', value=True)\n"
        "if show:\n"
        "    st.write(st.pills('P', ['a', 'b'], key='p', persist_state='session'))\n"
    )
    at.pills[0].select("b").run()
    at.checkbox[0].uncheck().run()
    assert not at.pills
    at.checkbox[0].check().run()
    assert at.pills[0].value == "b"


# ------------------------------------------------------------ menu button


def test_a_menu_button_cannot_be_set_through_session_state() -> None:
    at = app("st.session_state.m = 'a'\nst.menu_button('M', ['a'], key='m')")
    assert "only the user can change" in at.exception[0].value


def test_a_menu_button_cannot_go_in_a_form() -> None:
    message = error(
        "with st.form('f'):\n    st.menu_button('M', ['a'])\n    st.form_submit_button()"
    )
    assert "can't be used inside `st.form()`" in message


def test_a_menu_button_in_the_sidebar_and_in_columns() -> None:
    at = app("st.sidebar.menu_button('Side', ['a'])\nst.columns(2)[1].menu_button('Col', ['b'])")
    assert [m.label for m in at.menu_button] == ["Col", "Side"]
    assert at.sidebar.menu_button[0].options == ["a"]


# ------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            "st.pills('L', ['a'], selection_mode='both')",
            ["`selection_mode`", "'both'", "'single' or 'multi'"],
        ),
        ("st.pills('L', ['a'], default='z')", ["`default`", "'z'", "Options: ['a']"]),
        ("st.pills('L', ['a', 'b'], default=['a', 'b'])", ["`default`", "selection_mode='single'"]),
        ("st.pills('L', ['a'], required='yes')", ["`required`", "'yes'", "True or False"]),
        ("st.pills('L', ['a'], wrap='x')", ["`wrap`", "'x'", "True, False or None"]),
        ("st.pills('L', ['a'], format_func=5)", ["`format_func`", "5", "a callable"]),
        ("st.segmented_control('L', ['a'], width='wide')", ["`width`", "'wide'", "'stretch'"]),
        ("st.pills('L', ['a'], on_change=5)", ["`on_change`", "5", "'ignore'"]),
        ("st.pills('L', ['a'], bind='url', key='k')", ["`bind`", "'url'", "'query-params'"]),
        ("st.feedback('hearts')", ["`options`", "'hearts'", "'thumbs', 'faces' or 'stars'"]),
        ("st.feedback('faces', default=5)", ["`default`", "5", "between 0 and 4"]),
        ("st.feedback(default='1')", ["`default`", "'1'", "an int from 0 to 1"]),
        ("st.badge('Hi', color=5)", ["`color`", "5", "'primary'"]),
        ("st.badge(5)", ["`label`", "5", "a string"]),
        ("st.badge('Hi', icon='nope')", ["`icon`", "'nope'"]),
        ("st.menu_button('M', [])", ["`options`", "[]", "at least one option"]),
        ("st.menu_button('M', [1, '1'])", ["different label", "['1']", "`format_func`"]),
        ("st.menu_button('M', ['a'], type='danger')", ["`type`", "'danger'", "'tertiary'"]),
        (
            "st.menu_button('M', ['a'], on_click='rerun')",
            ["`on_click`", "'rerun'", "a callable or None"],
        ),
        ("st.pagination(0)", ["`num_pages`", "0", "an int of at least 1"]),
        ("st.pagination(5, default=6)", ["`default`", "6", "from 1 to 5"]),
        ("st.pagination(5, default=2.0)", ["`default`", "2.0", "an int from 1 to 5"]),
        ("st.pagination(5, max_visible_pages=-2)", ["`max_visible_pages`", "-2", "or None"]),
    ],
)
def test_bad_input_names_the_argument_the_value_and_what_is_accepted(
    body: str, words: list[str]
) -> None:
    message = error(body)
    for word in words:
        assert word in message, (word, message)


def test_the_session_goes_on_after_bad_input() -> None:
    at = app(
        "st.write('before')\n"
        "mode = st.session_state.get('mode', 'both')\n"
        "st.session_state.mode = 'multi'\n"
        "st.write(repr(st.pills('L', ['a'], selection_mode=mode)))\n"
    )
    assert "`selection_mode`" in at.exception[0].value
    at.run()
    assert shown(at) == ["before", "[]"]


def test_a_badge_escapes_brackets_and_carries_help() -> None:
    at = app("st.badge('a [b]', icon='🔥', color='grey', help='tip')")
    assert (at.markdown[0].value, at.markdown[0].proto.help) == (":grey-badge[🔥 a \\[b\\]]", "tip")


def test_wrap_reaches_the_client_in_three_states() -> None:
    at = app(
        "st.pills('A', ['a'])\nst.pills('B', ['a'], wrap=True)\n"
        "st.segmented_control('C', ['a'], wrap=False)\nst.menu_button('M', ['a'], wrap=False)"
    )
    modes = [g.proto.wrap_mode for g in at.button_group]
    assert (modes, at.menu_button[0].proto.wrap_mode) == (["", "wrap", "nowrap"], "nowrap")


@pytest.mark.parametrize(
    "command", ["pills", "segmented_control", "feedback", "badge", "menu_button", "pagination"]
)
def test_the_docstring_example_runs_as_an_app(command: str) -> None:
    import doctest

    import rillet

    examples = doctest.DocTestParser().get_examples(getattr(rillet, command).__doc__ or "")
    assert examples, f"st.{command} has no example"
    at = AppTest.from_string("".join(example.source for example in examples)).run()
    assert not at.exception, at.exception[0].value
