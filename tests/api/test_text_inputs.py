from __future__ import annotations

import pytest

from rillet.testing import AppTest

from .apps import HEADER, app, error, shown, streamlit_app

# -------------------------------------------------------------- text_input


def test_text_input_starts_empty_and_returns_what_is_typed() -> None:
    at = app("v = st.text_input('Name')\nst.write(repr(v))")
    assert shown(at) == ["''"]
    proto = at.text_input[0].proto
    assert (proto.value, proto.has_value, proto.type) == ("", True, "default")
    at.text_input[0].input("Ada").run()
    assert shown(at) == ["'Ada'"]
    assert at.text_input[0].value == "Ada"


def test_a_none_value_returns_none_until_the_user_types() -> None:
    at = app("v = st.text_input('Name', None)\nst.write(repr(v))")
    assert shown(at) == ["None"]
    assert at.text_input[0].proto.has_value is False
    at.text_input[0].input("x").run()
    assert shown(at) == ["'x'"]
    at.text_input[0].set_value(None).run()
    assert shown(at) == ["None"]


def test_a_non_string_value_is_shown_as_its_str() -> None:
    at = app("v = st.text_input('n', 42)\nst.write(repr(v))")
    assert shown(at) == ["'42'"]


def test_password_placeholder_and_autocomplete_reach_the_element() -> None:
    at = app(
        "st.text_input('p', type='password', placeholder='secret', max_chars=8)\n"
        "st.text_input('q', autocomplete='email')"
    )
    p, q = at.text_input
    assert (p.proto.type, p.placeholder, p.max_chars) == ("password", "secret", 8)
    # A password box asks the browser not to fill in a saved password.
    assert p.autocomplete == "new-password"
    assert (q.autocomplete, q.max_chars) == ("email", 0)


@pytest.mark.parametrize("command", ["text_input", "text_area"])
def test_a_default_longer_than_max_chars_is_cut_to_fit(command: str) -> None:
    at = app(f"v = st.{command}('t', 'abcdef', max_chars=3)\nst.write(repr(v))")

    assert shown(at) == ["'abc'"]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.text_input('t', max_chars=-1)", ["`max_chars`", "at least 0", "got -1"]),
        ("st.text_input('t', max_chars='5')", ["`max_chars`", "'5' (str)"]),
        (
            "st.text_input('t', type='secret')",
            ["`type`", "'default', 'password', 'email'", "'secret'"],
        ),
        ("st.text_input('t', label_visibility='gone')", ["`label_visibility`", "'gone'"]),
    ],
)
def test_bad_text_input_arguments_are_errors(call: str, words: list[str]) -> None:
    message = error(call)
    for word in words:
        assert word in message


def test_any_label_and_help_show_as_text_as_in_streamlit() -> None:
    at = app("st.text_input(5, help=3.5)\nst.checkbox(None)")
    assert list(at.exception) == []
    assert (at.text_input[0].label, at.text_input[0].help) == ("5", "3.5")
    assert at.checkbox[0].label == ""


# --------------------------------------------------------------- text_area


def test_text_area_carries_height_and_returns_text() -> None:
    at = app("v = st.text_area('Bio', 'hi', height=120)\nst.write(repr(v))")
    assert shown(at) == ["'hi'"]
    assert at.text_area[0].height == 120
    at.text_area[0].input("one\ntwo").run()
    assert shown(at) == ["'one\\ntwo'"]


@pytest.mark.parametrize(
    ("height", "mode", "pixels"),
    [("content", "content", 0), ("stretch", "stretch", 0), (150, "", 150)],
)
def test_text_area_height_modes_reach_the_client(height: object, mode: str, pixels: int) -> None:
    proto = app(f"st.text_area('Notes', height={height!r})").text_area[0].proto
    assert (proto.height_mode, proto.height) == (mode, pixels)


def test_text_area_without_height_leaves_the_size_to_the_client() -> None:
    at = app("st.text_area('Bio', placeholder='About you', max_chars=10)")
    area = at.text_area[0]
    assert (area.height, area.placeholder, area.max_chars) == (None, "About you", 10)


def test_a_text_area_height_below_68_or_by_name_is_drawn_at_a_size_the_client_has() -> None:
    at = app(
        "st.text_area('a', height=10)\n"
        "st.text_area('b', height='content')\n"
        "st.text_area('c', height='stretch')"
    )
    assert [area.height for area in at.text_area] == [68, None, None]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.text_area('t', height=0)", ["`height`", "a positive int", "got 0"]),
        ("st.text_area('t', height=True)", ["`height`", "True (bool)"]),
        ("st.text_area('t', height='tall')", ["`height`", "'tall' (str)"]),
    ],
)
def test_bad_text_area_arguments_are_errors(call: str, words: list[str]) -> None:
    message = error(call)
    assert message.startswith("st.text_area")
    for word in words:
        assert word in message


def test_text_area_none_value_and_session_state() -> None:
    at = AppTest.from_string(
        HEADER + "if 'bio' not in st.session_state:\n"
        "    st.session_state.bio = 'preset'\n"
        "v = st.text_area('Bio', None, key='bio')\n"
        "st.write(repr(v))"
    ).run()
    assert shown(at) == ["'preset'"]
    assert at.text_area(key="bio").proto.common.set_value


# ------------------------------------------------------------ color_picker


def test_color_picker_defaults_to_black_and_returns_the_picked_hex() -> None:
    at = app("v = st.color_picker('c')\nst.write(repr(v))")
    assert shown(at) == ["'#000000'"]
    assert at.color_picker[0].proto.value == "#000000"
    at.color_picker[0].pick("#FF4B4B").run()
    assert shown(at) == ["'#FF4B4B'"]


def test_short_hex_colours_are_kept_as_given() -> None:
    at = app("v = st.color_picker('c', '#0fa')\nst.write(repr(v))")
    assert shown(at) == ["'#0fa'"]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("'red'", ["'red'", "hex colour", "'#00FFAA'"]),
        ("'#GGGGGG'", ["'#GGGGGG'"]),
        ("'#ff00aa80'", ["'#ff00aa80'"]),
        ("5", ["5 (int)"]),
    ],
)
def test_a_colour_that_is_not_hex_is_an_error(value: str, words: list[str]) -> None:
    message = error(f"st.color_picker('c', {value})")
    assert message.startswith("st.color_picker: `value`")
    for word in words:
        assert word in message


# -------------------------------------------------------- shared behaviour


def test_session_state_set_before_creation_sets_each_value() -> None:
    at = AppTest.from_string(
        HEADER + "if 'ready' not in st.session_state:\n"
        "    st.session_state.update(ready=1, name='Ada', color='#123456')\n"
        "n = st.text_input('Name', key='name')\n"
        "c = st.color_picker('Color', key='color')\n"
        "st.write(repr((n, c)))"
    ).run()
    assert shown(at) == ["('Ada', '#123456')"]
    at.text_input(key="name").input("Bo").run()
    assert shown(at) == ["('Bo', '#123456')"]
    assert at.session_state.name == "Bo"


def test_callbacks_get_their_args_and_kwargs() -> None:
    at = app(
        "def changed(which, *, extra):\n"
        "    st.session_state.log = st.session_state.get('log', []) + [(which, extra)]\n"
        "st.text_input('t', key='t', on_change=changed, args=('text',), kwargs={'extra': 1})\n"
        "st.text_area('a', key='a', on_change=changed, args=('area',), kwargs={'extra': 2})\n"
        "st.color_picker('c', key='c', on_change=changed, args=('color',), kwargs={'extra': 3})\n"
        "st.write(repr(st.session_state.get('log')))"
    )
    assert shown(at) == ["None"]
    at.text_input[0].input("x")
    at.color_picker[0].pick("#fff")
    at.run()
    assert shown(at) == ["[('text', 1), ('color', 3)]"]
    at.text_area[0].input("y").run()
    assert shown(at) == ["[('text', 1), ('color', 3), ('area', 2)]"]


def test_form_values_are_applied_only_on_submit() -> None:
    at = app(
        "with st.form('f'):\n"
        "    t = st.text_input('t')\n"
        "    a = st.text_area('a')\n"
        "    c = st.color_picker('c')\n"
        "    st.form_submit_button('Send')\n"
        "st.write(repr((t, a, c)))"
    )
    at.text_input[0].input("hi")
    at.text_area[0].input("there")
    at.color_picker[0].pick("#abc")
    at.run()
    assert shown(at) == ["('', '', '#000000')"]
    at.text_input[0].input("hi")
    at.text_area[0].input("there")
    at.color_picker[0].pick("#abc")
    at.button[0].click().run()
    assert shown(at) == ["('hi', 'there', '#abc')"]


def test_changing_max_chars_makes_a_new_text_input() -> None:
    at = app(
        "short = st.checkbox('short')\n"
        "v = st.text_input('t', max_chars=5 if short else 50)\n"
        "st.write(repr(v))"
    )
    at.text_input[0].input("typed").run()
    assert shown(at) == ["'typed'"]
    at.checkbox[0].check().run()
    assert shown(at) == ["''"]


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "call",
    [
        "st.text_input('t')",
        "st.text_input('t', None)",
        "st.text_input('t', 5)",
        "st.text_input('t', 'abc', type='password', autocomplete='off', placeholder='p')",
        "st.text_area('t')",
        "st.text_area('t', None, height=100)",
        "st.color_picker('c')",
        "st.color_picker('c', '#fff')",
    ],
)
def test_returns_the_same_value_as_streamlit(call: str) -> None:
    theirs = streamlit_app(f"st.write(repr({call}))").run()
    assert [m.value for m in theirs.markdown] == shown(app(f"st.write(repr({call}))"))


@pytest.mark.streamlit
def test_typing_matches_streamlit() -> None:
    body = (
        "t = st.text_input('t', None)\n"
        "a = st.text_area('a')\n"
        "c = st.color_picker('c')\n"
        "st.write(repr((t, a, c)))"
    )
    results = []
    for at in (streamlit_app(body), AppTest.from_string(HEADER + body)):
        at.run()
        at.text_input[0].input("typed")
        at.text_area[0].input("lines\nof text")
        at.color_picker[0].pick("#00FFAA")
        at.run()
        results.append([m.value for m in at.markdown])
    assert results[0] == results[1]


# -- Streamlit 1.67's text_input options -------------------------------------------


@pytest.mark.parametrize(
    ("kind", "icon", "placeholder", "autocomplete", "checks"),
    [
        ("email", ":material/mail:", "you@example.com", "email", True),
        ("url", ":material/link:", "https://example.com", "url", True),
        ("phone", ":material/call:", "+1 234 567 8900", "tel", False),
        ("search", ":material/search:", "Search", "off", False),
        ("password", "", "", "new-password", False),
    ],
)
def test_a_specialised_type_brings_its_defaults(
    kind: str, icon: str, placeholder: str, autocomplete: str, checks: bool
) -> None:
    proto = app(f"st.text_input('T', type={kind!r})").text_input[0].proto
    assert (proto.type, proto.icon, proto.placeholder, proto.autocomplete) == (
        kind,
        icon,
        placeholder,
        autocomplete,
    )
    assert bool(proto.validate_regex) is checks


def test_explicit_options_replace_the_types_defaults_and_empty_turns_them_off() -> None:
    proto = (
        app("st.text_input('T', type='email', icon='', placeholder='Work mail', validate='')")
        .text_input[0]
        .proto
    )
    assert (proto.icon, proto.placeholder, proto.validate_regex) == ("", "Work mail", "")


def test_validate_required_and_live_reach_the_client() -> None:
    proto = (
        app(
            "st.text_input('Code', validate=(r'^\\d{3}$', 'Three digits.'), required=True,"
            " live='0.5s')"
        )
        .text_input[0]
        .proto
    )
    assert (proto.validate_regex, proto.validate_message) == (r"^\d{3}$", "Three digits.")
    assert (proto.required, proto.live, proto.live_ms) == (True, True, 500)
    assert app("st.text_input('T', live=True)").text_input[0].proto.live_ms == 250
    assert app("st.text_area('T', required=True)").text_area[0].proto.required


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("st.text_input('T', type='tel')", ["type", "'tel'", "'phone'"]),
        ("st.text_input('T', validate=42)", ["validate", "42", "(regex, message)"]),
        ("st.text_input('T', live=300)", ["live", "300", "'250ms'"]),
        ("st.text_input('T', live='2m')", ["live", "'2m'", "one minute"]),
    ],
)
def test_bad_text_input_options_name_the_argument(body: str, words: list[str]) -> None:
    message = error(body)
    for word in words:
        assert word in message


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "body",
    [
        "st.text_input('T', type='tel')",
        "st.text_input('T', live=300)",
        "st.text_input('T', live='0ms', validate=('^a', 'm'), required=True, icon='🔥')",
        "st.text_input('T', type='search')",
    ],
)
def test_text_input_options_are_accepted_and_refused_as_in_streamlit(body: str) -> None:
    assert bool(app(body).exception) == bool(streamlit_app(body).run().exception)


def test_input_widgets_take_a_width_in_pixels_or_stretch() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.text_input("a", width=200)
        st.text_area("b", width="stretch")
        st.number_input("c", width=120)
        st.selectbox("d", ["x"], width=150)
        st.multiselect("e", ["x"], width=90)
        st.date_input("f", width=160)
        st.time_input("g", width=140)
        st.slider("i", width=220)
        st.select_slider("j", ["a", "b"], width=110)
        st.radio("k", ["a"])
        st.color_picker("l", width=130)
        st.file_uploader("m", width=300)
        st.checkbox("n", width=210)
        st.toggle("o")
        st.camera_input("p", width=240)
        st.text_input("h", width="content")
        """
    ).run()
    widgets = [*at.text_input[:1], *at.text_area, *at.number_input, *at.selectbox]
    widgets += [*at.multiselect, *at.date_input, *at.time_input, *at.slider, *at.select_slider]
    widgets += [*at.radio, *at.color_picker, *at.file_uploader, *at.checkbox, *at.toggle]
    widgets += [*at.camera_input]
    widths = ["200px", "", "120px", "150px", "90px", "160px", "140px", "220px", "110px"]
    # a radio, checkbox or toggle is as wide as its content by default
    widths += ["content", "130px", "300px", "210px", "content", "240px"]
    assert [w._node.element.width for w in widgets] == widths
    assert "`width`" in at.exception[0].value
