from __future__ import annotations

import pytest

from rillet.testing import AppTest

from .apps import HEADER, app, error, shown, streamlit_app


def test_without_arguments_it_is_a_float_input_at_zero() -> None:
    at = app("v = st.number_input('n')\nst.write(repr(v))")
    assert shown(at) == ["0.0"]
    n = at.number_input[0]
    assert (n.min, n.max, n.step, n.format) == (None, None, 0.01, "%0.2f")
    assert (n.proto.is_int, n.proto.has_value) == (False, True)


def test_int_arguments_make_an_int_input_starting_at_min_value() -> None:
    at = app("v = st.number_input('n', 1, 10)\nst.write(repr(v))")
    assert shown(at) == ["1"]
    n = at.number_input[0]
    assert (n.min, n.max, n.step, n.format) == (1, 10, 1, "%d")
    assert n.proto.is_int
    assert isinstance(n.step, int)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("st.number_input('n', max_value=10)", "0"),
        ("st.number_input('n', max_value=10.0)", "0.0"),
        ("st.number_input('n', value=1.5)", "1.5"),
        ("st.number_input('n', step=5)", "0"),
        ("st.number_input('n', min_value=-3.5)", "-3.5"),
        ("st.number_input('n', value=None)", "None"),
        ("st.number_input('n', value=None, min_value=3)", "None"),
    ],
)
def test_value_and_type_follow_the_arguments(call: str, expected: str) -> None:
    assert shown(app(f"st.write(repr({call}))")) == [expected]


def test_a_none_value_is_empty_until_the_user_enters_a_number() -> None:
    at = app("v = st.number_input('n', value=None, placeholder='how many?')\nst.write(repr(v))")
    n = at.number_input[0]
    assert (n.proto.has_value, n.placeholder) == (False, "how many?")
    n.increment().run()
    assert shown(at) == ["None"]
    at.number_input[0].set_value(2.5).run()
    assert shown(at) == ["2.5"]


def test_format_is_carried_to_the_element() -> None:
    at = app("st.number_input('n', value=5.0, format='%0.3f')")
    assert at.number_input[0].format == "%0.3f"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (
            "st.number_input('n', 1, 10.0)",
            ["must all be ints or all be floats", "min_value=1 (int)", "max_value=10.0 (float)"],
        ),
        ("st.number_input('n', 1, 10, 5.0)", ["value=5.0 (float)", "min_value=1 (int)"]),
        ("st.number_input('n', 1, 10, 5, 0.5)", ["step=0.5 (float)"]),
        ("st.number_input('n', 0, 10, 20)", ["`value` 20", "greater than `max_value` 10"]),
        ("st.number_input('n', 0, 10, -1)", ["`value` -1", "less than `min_value` 0"]),
        ("st.number_input('n', max_value=-10)", ["`value` 0", "`max_value` -10"]),
        ("st.number_input('n', 10, 0)", ["`min_value` (10)", "`max_value` (0)"]),
        ("st.number_input('n', value='5')", ["`value`", "an int, a float or None", "'5' (str)"]),
        ("st.number_input('n', value=True)", ["`value`", "True (bool)"]),
        ("st.number_input('n', value=float('nan'))", ["`value`", "not NaN"]),
        ("st.number_input('n', value=2**60)", ["`value`", "1152921504606846976"]),
        ("st.number_input('n', value=5.0, format='abc')", ["`format`", "'abc'", "printf-style"]),
        ("st.number_input('n', value=5.0, format='%f %f')", ["`format`", "one number"]),
        ("st.number_input('n', value=5.0, format='%.1f%%')", ["`format`", "nothing else"]),
        ("st.number_input('n', value=5, format='%d items')", ["`format`", "'%d items'"]),
        ("st.number_input('n', format=3)", ["`format`", "3 (int)"]),
    ],
)
def test_bad_number_input_arguments_are_errors(call: str, words: list[str]) -> None:
    message = error(call)
    assert message.startswith("st.number_input")
    for word in words:
        assert word in message


@pytest.mark.parametrize("fmt", ["%d", "%i", "%u", "%5d", " %+d", "%x", "%s"], ids=repr)
def test_int_formats_are_accepted_for_ints(fmt: str) -> None:
    at = app(f"st.number_input('n', value=3, format={fmt!r})")
    assert at.number_input[0].format == fmt


@pytest.mark.parametrize("fmt", ["%f", "%.2f", "%0.3f", "%e", "%g", "%s"], ids=repr)
def test_float_formats_are_accepted_for_floats(fmt: str) -> None:
    at = app(f"st.number_input('n', value=3.0, format={fmt!r})")
    assert at.number_input[0].format == fmt


def test_increment_and_decrement_move_by_step_within_the_bounds() -> None:
    at = app("v = st.number_input('n', 0, 10, 8, step=3)\nst.write(repr(v))")
    at.number_input[0].increment().run()
    assert shown(at) == ["10"]
    at.number_input[0].increment().run()
    assert shown(at) == ["10"]
    at.number_input[0].decrement().run()
    assert shown(at) == ["7"]
    for _ in range(3):
        at.number_input[0].decrement().run()
    assert shown(at) == ["0"]


def test_float_steps_keep_floats() -> None:
    at = app("v = st.number_input('n', value=2.5, step=0.25)\nst.write(repr(v))")
    at.number_input[0].decrement().run()
    assert shown(at) == ["2.25"]
    at.number_input[0].set_value(4).run()
    assert shown(at) == ["4.0"]


def test_an_int_input_refuses_a_fractional_client_value() -> None:
    at = app("v = st.number_input('n', 0, 10, 4)\nst.write(repr(v))")
    at.number_input[0].set_value(2.5).run()
    assert shown(at) == ["4"]


def test_session_state_set_before_creation_sets_the_value() -> None:
    at = AppTest.from_string(
        HEADER + "if 'qty' not in st.session_state:\n"
        "    st.session_state.qty = 7\n"
        "v = st.number_input('Qty', 0, 10, key='qty')\n"
        "st.write(repr(v))"
    ).run()
    assert shown(at) == ["7"]
    n = at.number_input(key="qty")
    assert n.proto.common.set_value
    assert n.proto.value == 7
    n.increment().run()
    assert shown(at) == ["8"]


def test_on_change_runs_with_args_and_kwargs() -> None:
    at = app(
        "def changed(name, *, times):\n"
        "    st.session_state.log = f'{name} {st.session_state.n * times}'\n"
        "st.number_input('n', 0, 10, key='n', on_change=changed, args=('n',), kwargs={'times': 3})\n"
        "st.write(st.session_state.get('log', 'none'))"
    )
    assert shown(at) == ["none"]
    at.number_input[0].set_value(4).run()
    assert shown(at) == ["n 12"]


def test_inside_a_form_the_number_waits_for_submit() -> None:
    at = app(
        "with st.form('f'):\n"
        "    v = st.number_input('n', 0, 10, 1)\n"
        "    st.form_submit_button('Save')\n"
        "st.write(repr(v))"
    )
    at.number_input[0].set_value(9).run()
    assert shown(at) == ["1"]
    at.number_input[0].set_value(9)
    at.button[0].click().run()
    assert shown(at) == ["9"]


def test_changing_the_bounds_makes_a_new_widget() -> None:
    at = app(
        "big = st.toggle('big')\n"
        "v = st.number_input('n', 0, 1000 if big else 10, 2)\n"
        "st.write(repr(v))"
    )
    at.number_input[0].set_value(6).run()
    assert shown(at) == ["6"]
    at.toggle[0].set_value(True).run()
    assert shown(at) == ["2"]


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "call",
    [
        "st.number_input('n')",
        "st.number_input('n', 1, 10)",
        "st.number_input('n', 1.5)",
        "st.number_input('n', max_value=10)",
        "st.number_input('n', max_value=10.0)",
        "st.number_input('n', value=None)",
        "st.number_input('n', value=None, min_value=3)",
        "st.number_input('n', value=5, step=2)",
        "st.number_input('n', value=5.0, format='%0.3f')",
    ],
)
def test_returns_the_same_value_and_type_as_streamlit(call: str) -> None:
    theirs = streamlit_app(f"st.write(repr({call}))").run()
    assert [m.value for m in theirs.markdown] == shown(app(f"st.write(repr({call}))"))


@pytest.mark.streamlit
def test_stepping_matches_streamlit() -> None:
    body = (
        "a = st.number_input('a', 0, 10, 9)\n"
        "b = st.number_input('b', value=1.5, step=0.25)\n"
        "c = st.number_input('c', min_value=2, value=4)\n"
        "st.write(repr((a, b, c)))"
    )
    results = []
    for at in (streamlit_app(body), AppTest.from_string(HEADER + body)):
        at.run()
        at.number_input[0].increment()
        at.number_input[1].decrement()
        at.number_input[2].set_value(6)
        at.run()
        at.number_input[0].increment()
        at.run()
        results.append([m.value for m in at.markdown])
    assert results[0] == results[1]


def test_a_step_of_zero_or_below_is_taken_as_streamlit_takes_it() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.number_input('a', step=0)\nst.number_input('b', value=5, step=-1)"
    ).run()
    assert not at.exception
    at.number_input[1].increment().run()
    assert at.number_input[1].value == 4
