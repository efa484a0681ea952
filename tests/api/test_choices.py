"""Choice widgets: what the compat tests cannot see from Streamlit's side."""

from __future__ import annotations

from tests.api.apps import app, shown

TAGS = (
    "picked = st.multiselect('Tags', ['urgent', 'later'], ['urgent'], key='tags',\n"
    "                        accept_new_options=True, format_func=str.upper)\n"
    "st.write(repr(picked))"
)


def test_a_multiselect_accepting_new_options_sends_labels_and_keeps_typed_text() -> None:
    at = app(TAGS)
    proto = at.multiselect[0].proto
    assert (proto.accept_new_options, list(proto.value_labels)) == (True, ["URGENT"])

    at.multiselect[0].set_value(["later", "my own"]).run()
    assert shown(at) == ["['later', 'my own']"]
    assert list(at.multiselect[0].proto.value_labels) == ["LATER", "my own"]


def test_typed_text_set_through_session_state_stays() -> None:
    at = app("st.session_state.tags = ['urgent', 'typed']\n" + TAGS)
    assert shown(at) == ["['urgent', 'typed']"]


def test_max_selections_holds_for_typed_options_too() -> None:
    at = app(TAGS.replace("format_func=str.upper", "max_selections=2"))
    at.multiselect[0].set_value(["urgent", "a", "b"]).run()
    assert "`max_selections` is 2" in at.exception[0].value


def test_a_widgets_key_reaches_the_client_for_its_css_class() -> None:
    at = app("st.checkbox('Keyed', key='agree')\nst.checkbox('Plain')")
    assert [c.proto.common.key for c in at.checkbox] == ["agree", ""]


def test_only_a_choice_made_without_a_default_offers_to_be_cleared() -> None:
    # As in Streamlit 1.67: the clear button shows for index/value None, unless required.
    at = app(
        "st.selectbox('Chosen', ['a', 'b'])\n"
        "st.selectbox('Open', ['a', 'b'], index=None)\n"
        "st.selectbox('Needed', ['a', 'b'], index=None, required=True)\n"
        "st.time_input('At', dt.time(9, 0))\n"
        "st.time_input('Open time', value=None)\n"
        "st.datetime_input('When', dt.datetime(2026, 1, 1, 9, 0))\n"
        "st.datetime_input('Open moment', value=None)\n"
    )

    assert [s.proto.clearable for s in at.selectbox] == [False, True, False]
    assert [t.proto.clearable for t in at.time_input] == [False, True]
    assert [d.proto.clearable for d in at.datetime_input] == [False, True]
