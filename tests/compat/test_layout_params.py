"""Layout, status, image and upload commands take their parameters as in Streamlit.

Each test is a small app run on both sides with the harness. The outline
does not show every parameter (column weights, captions, a progress text),
so :func:`assert_same_facts` also compares what both AppTests expose for
them. Where rillet words an error itself, only the error's place is
compared (``OWN_WORDS``).
"""

from __future__ import annotations

import io
import textwrap

import pytest
from harness import (
    OWN_ERROR_WORDS,
    Known,
    Step,
    assert_fails_alike,
    assert_same,
    assert_same_facts,
    run_rillet,
)

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

OWN_WORDS = [OWN_ERROR_WORDS]
FILE_IDS = Known(
    "file_uploader",
    ("value",),
    "an UploadedFile's repr holds a random file id (and, in Streamlit, its upload URLs); "
    "the apps print what they read from the files instead",
)

# A 1x1 PNG, decoded inside the apps.
PNG = (
    "import base64\n"
    "PNG = base64.b64decode("
    "'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='"
    ")\n"
)


# ------------------------------------------------------------------- columns

COLUMNS = """
import streamlit as st
a, b, c = st.columns(3)
a.write("one")
c.write("three")
wide, narrow = st.columns([3, 1], gap="large", vertical_alignment="center", border=True)
wide.metric("Wide", 3)
narrow.caption("narrow")
x, y, z = st.columns((0.5, 0.25, 0.25), gap=None)
y.button("middle")
tiny, huge = st.columns(2, gap="xxsmall")
first, second = st.columns(2, gap="xxlarge")
p1, p2 = st.columns(2, gap=24)
for col in st.columns(2, gap="medium", vertical_alignment="bottom"):
    col.write("looped")
"""


def test_columns_take_a_count_or_weights_with_gap_alignment_and_border() -> None:
    assert_same(COLUMNS, [("button", 0, "click")])
    assert_same_facts(COLUMNS, lambda at: [(round(c.weight, 4), c.gap) for c in at.columns])


def test_columns_nest_inside_columns_and_in_the_sidebar() -> None:
    source = """
    import streamlit as st
    outer, side = st.columns([2, 1])
    with outer:
        st.write("outer")
        left, right = st.columns(2)
        right.toggle("inner toggle")
        with left:
            deep, deeper = st.columns(2)
            deeper.write("two levels down")
    with st.sidebar:
        s1, s2 = st.columns(2)
        s2.write("sidebar column")
    side.write("late into the first row")
    """
    assert_same(source, [("toggle", 0, "set_value", True)])
    assert_same_facts(source, lambda at: [round(c.weight, 4) for c in at.columns])


@pytest.mark.parametrize(
    "call",
    [
        "st.columns(0)",
        "st.columns(-2)",
        "st.columns([])",
        "st.columns([1, 0])",
        "st.columns([1, -1])",
        "st.columns('3')",
        "st.columns(2, gap='huge')",
        "st.columns(2, gap=-4)",
        "st.columns(2, vertical_alignment='middle')",
    ],
)
def test_a_bad_column_spec_shows_an_error_where_it_is_called(call: str) -> None:
    assert_fails_alike(call)


# ------------------------------------------------- ordering and `with` blocks


def test_writing_into_a_container_made_earlier_keeps_its_place() -> None:
    assert_same(
        """
        import streamlit as st
        top = st.container()
        a, b = st.columns(2)
        st.write("main 1")
        b.write("b, written late")
        top.write("top, written late")
        with a:
            st.write("a, in a with block")
            b.write("b, from inside a's with block")
        exp = st.expander("Details")
        st.write("main 2")
        exp.write("expander, written late")
        with st.sidebar:
            st.write("side 1")
            box = st.container()
        st.sidebar.write("side 2")
        st.write("main 3")
        box.write("sidebar box, written late")
        top.button("late button")
        """,
        [("button", 0, "click")],
    )


def test_with_blocks_mix_with_method_calls() -> None:
    assert_same(
        """
        import streamlit as st
        st.sidebar.title("Filters")
        with st.sidebar:
            pick = st.selectbox("Pick", ["a", "b"])
            with st.expander("More", expanded=True):
                st.write("deep in the sidebar")
                c1, c2 = st.columns(2)
                c2.checkbox("c2 box")
            t1, t2 = st.tabs(["T1", "T2"])
        st.sidebar.progress(40)
        st.sidebar.columns(2)[1].write("sidebar column")
        with st.sidebar.container(border=True):
            st.write("boxed")
        t1.write("t1, after the with block")
        with t2:
            st.write("t2")
        st.write("picked", pick)
        """,
        [("selectbox", 0, "select", "b"), ("checkbox", 0, "check")],
    )


# ---------------------------------------------------------------- container


def test_container_border_height_and_key() -> None:
    assert_same(
        """
        import streamlit as st
        with st.container(border=True):
            st.write("bordered")
        with st.container(height=150):
            for i in range(3):
                st.write(i)
        with st.container(height="content", border=False, key="plain"):
            st.write("content height")
        with st.container(height="stretch", key=7):
            st.write("int key")
        st.container()
        st.container(border=True, key="")
        outer = st.container(key="outer")
        st.write("after")
        with outer:
            st.container(key="inner").write("nested, written late")
        """
    )


@pytest.mark.parametrize(
    "calls",
    [
        "st.container(key='k').write('a')\nst.container(key='k').write('b')",
        "st.container(key='k').write('a')\nst.button('B', key='k')",
        "st.text_input('T', key='k')\nst.container(key='k').write('a')",
        "st.container(key=3).write('a')\nst.slider('S', key='3')",
    ],
)
def test_a_container_key_is_unique_among_containers_and_widgets(calls: str) -> None:
    assert_fails_alike(calls)


def test_a_container_key_may_repeat_a_form_key_and_survives_reruns() -> None:
    assert_same(
        """
        import streamlit as st
        st.container(key="k").write("container")
        with st.form("k"):
            st.form_submit_button("Send")
        st.button("Again")
        """,
        [("button", 1, "click"), ("button", 0, "click")],
    )


def test_a_horizontal_container_lays_its_elements_out_in_a_row() -> None:
    assert_same(
        """
        import streamlit as st
        with st.container(horizontal=True):
            st.button("Back")
            st.button("Next")
        row = st.container(
            horizontal=True, gap="large", vertical_alignment="center", border=True, key="row"
        )
        st.write("between")
        row.write("written late")
        with st.container(horizontal=True, horizontal_alignment="right", gap=None):
            a, b = st.columns(2)
            b.write("a column in a row")
            st.metric("Beside", 1)
        with st.container(vertical_alignment="distribute", horizontal_alignment="center"):
            st.write("vertical, aligned")
        """,
        [("button", 1, "click")],
    )


@pytest.mark.parametrize(
    "argument",
    [
        "height=0",
        "height=-5",
        "height='100px'",
        "height=1.5",
        "gap='huge'",
        "vertical_alignment='middle'",
        "horizontal_alignment='start'",
    ],
)
def test_a_bad_container_argument_shows_an_error(argument: str) -> None:
    assert_fails_alike(f"st.container({argument})")


# ------------------------------------------------ expander, tabs and popover

EXPANDERS = """
import streamlit as st
with st.expander("Closed"):
    name = st.text_input("Name", "x")
with st.expander("Open", expanded=True, icon=":material/info:"):
    st.write("visible")
later = st.expander("**Bold** label", icon="🔍")
st.expander("Empty")
st.write("name:", name)
later.radio("R", ["a", "b"], key="r")
"""


def test_expanders_take_expanded_and_icon() -> None:
    steps: list[Step | list[Step]] = [
        ("text_input", 0, "input", "y"),
        ("radio", "r", "set_value", "b"),
    ]
    assert_same(EXPANDERS, steps)
    assert_same_facts(EXPANDERS, lambda at: [(e.label, e.icon) for e in at.expander], steps)


def test_tabs_hold_widgets_and_late_writes() -> None:
    source = """
    import streamlit as st
    tabs = st.tabs(["One", "Two", "Two", ":material/star: Three"])
    for i, tab in enumerate(tabs):
        with tab:
            st.number_input(f"n{i}", value=i)
    st.write("after the tabs")
    tabs[3].write("written late")
    empty_a, empty_b = st.tabs(("Nothing", "Here"))
    letters = st.tabs("ab")
    letters[1].write("a string is a sequence of labels")
    """
    assert_same(source, [("number_input", 2, "set_value", 5)])
    assert_same_facts(source, lambda at: [t.label for t in at.tabs])


@pytest.mark.parametrize("call", ["st.tabs([])", "st.tabs([1, 2])", "st.tabs(None)"])
def test_bad_tabs_show_an_error(call: str) -> None:
    assert_fails_alike(call)


def test_a_popover_holds_widgets_and_late_writes() -> None:
    assert_same(
        """
        import streamlit as st
        with st.popover("Settings", help="Open the settings", icon=":material/settings:"):
            n = st.slider("N", 0, 10, 3)
            on = st.checkbox("On")
        st.write(n, on)
        later = st.popover("Later", use_container_width=True)
        st.write("between")
        later.write("written late")
        with st.popover("Off", disabled=True):
            st.write("still in the page")
        st.popover("Empty")
        """,
        [("slider", 0, "set_value", 7), ("checkbox", 0, "check")],
    )


def test_containers_nest_in_one_another() -> None:
    assert_same(
        """
        import streamlit as st
        with st.expander("Outer", expanded=True):
            with st.expander("Inner"):
                st.write("expander in an expander")
            with st.popover("Pop"):
                st.write("popover in an expander")
            with st.form("in_expander"):
                st.text_input("Field")
                st.form_submit_button("Send")
        outer_tab, = st.tabs(["Outer tab"])
        with outer_tab:
            inner_a, inner_b = st.tabs(["A", "B"])
            inner_b.write("tab in a tab")
        with st.popover("Outer pop"):
            st.expander("Expander in a popover").write("x")
        left, right = st.columns(2)
        with right.expander("In a column"):
            c, d = st.columns(2)
            d.write("columns in an expander in a column")
        with left:
            st.sidebar.write("the sidebar from inside a column")
            st.write("still the column")
            with st.container(border=True):
                raise RuntimeError("failing deep inside")
        """,
        [[("text_input", 0, "input", "typed"), ("button", 0, "click")]],
    )


# -------------------------------------------------------------------- empty


def test_an_empty_slot_is_replaced_cleared_and_holds_a_container() -> None:
    assert_same(
        """
        import streamlit as st
        slot = st.empty()
        slot.write("first")
        slot.markdown("second")
        cleared = st.empty()
        cleared.info("temporary")
        cleared.empty()
        unused = st.empty()
        box = st.empty()
        with box.container():
            st.write("in a container slot")
            a, b = st.columns(2)
            b.write("a column in the slot")
        status = st.empty()
        if st.button("Go"):
            status.success("went")
        else:
            with status.container():
                st.write("waiting")
                st.checkbox("ready")
        left, right = st.columns(2)
        late = left.empty()
        right.write("right")
        late.write("into the left column, late")
        with st.empty():
            for i in range(3):
                st.write(f"step {i}")
        st.write("end")
        """,
        [("checkbox", 0, "check"), ("button", 0, "click"), ("run",)],
    )


# --------------------------------------------------------- progress, spinner

PROGRESS = """
import streamlit as st
st.progress(0)
st.progress(100)
st.progress(0.0)
st.progress(1.0)
st.progress(0.57)
st.progress(0.999)
st.progress(42, text="**Loading** data")
st.progress(0.5, text="   spaced   ")
st.progress(7, text=None)
st.progress(8, width=300)
st.progress(9, width="stretch")
bar = st.progress(0, text="start")
st.write("after the bar")
for done in (10, 0.5, 100):
    bar.progress(done, text=f"at {done}")
slot = st.empty()
slot.progress(20)
gone = st.progress(30)
gone.empty()
"""


def test_progress_takes_percent_ints_and_fraction_floats_and_a_text() -> None:
    assert_same(PROGRESS)
    assert_same_facts(PROGRESS, lambda at: [(p.value, p.text) for p in at.progress])


@pytest.mark.parametrize(
    "call",
    [
        "st.progress(101)",
        "st.progress(-1)",
        "st.progress(1.5)",
        "st.progress(-0.1)",
        "st.progress('50')",
        "st.progress(None)",
        "st.progress(10, text=5)",
        "st.progress(10, width='content')",
        "st.progress(10, width=0)",
    ],
)
def test_a_bad_progress_value_shows_an_error(call: str) -> None:
    assert_fails_alike(call)


def test_a_spinner_leaves_nothing_behind() -> None:
    assert_same(
        """
        import streamlit as st
        with st.spinner():
            total = sum(range(10))
        with st.spinner("Working...", show_time=True):
            st.write("written while spinning")
        with st.spinner(3):
            st.write("a non-string text is shown as str()")

        @st.spinner("Computing")
        def compute():
            return 2

        left, right = st.columns(2)
        with left:
            with st.spinner("in a column"):
                st.write("left")
        right.write(f"{compute()} {total}")
        with st.spinner("failing"):
            raise ValueError("boom")
        """
    )


# -------------------------------------------------------------------- image

IMAGES = (
    "import streamlit as st\nimport numpy as np\n"
    + PNG
    + """
st.image(PNG, caption="a dot")
st.image([PNG, PNG, PNG], caption=["one", "**two**", "three"])
st.image((PNG, PNG), width=50)
st.image(PNG, width="stretch")
st.image(PNG, width="content", caption="")
st.image(PNG, caption=42)
st.image([PNG, PNG], caption=["kept", None])
st.image(PNG, use_container_width=True)
st.image("https://example.com/cat.png", caption="remote")
st.image([])
a, b = st.columns(2)
b.image(PNG, caption="in a column")
st.write("after the images")
"""
)


def test_images_take_captions_widths_and_lists() -> None:
    assert_same(IMAGES)
    assert_same_facts(IMAGES, lambda at: [(len(i.value), i.captions) for i in at.image])


def test_numpy_images_take_ints_to_255_and_floats_to_1() -> None:
    source = (
        "import streamlit as st\nimport numpy as np\n"
        + """
st.image(np.zeros((2, 2, 3), dtype=np.uint8), caption="uint8 RGB")
st.image(np.full((2, 2), 200, dtype=np.int64), caption="int grey")
st.image(np.full((2, 2, 4), 0.5), caption="float RGBA")
st.image(np.ones((2, 2, 1), dtype=np.float32), caption="float, one channel")
st.image(np.full((2, 2), 300.0), clamp=True, caption="clamped float")
st.image(np.full((2, 2), -5), clamp=True, caption="clamped int")
st.image(np.zeros((2, 2, 3), dtype=np.uint8), channels="BGR", output_format="PNG")
st.image([np.zeros((1, 1)), np.ones((1, 1))], caption=["black", "white"])
st.image(np.zeros((3, 2, 2, 3), dtype=np.uint8), caption=["a", "b", "c"])
"""
    )
    assert_same(source)
    assert_same_facts(source, lambda at: [i.captions for i in at.image])


def test_a_float_image_is_scaled_from_0_1_to_0_255() -> None:
    # Streamlit's AppTest keeps no image bytes, so only rillet's are read here;
    # the rule (floats are 0.0-1.0, clamped to that) is what the errors above
    # and Streamlit's own error words show.
    np = pytest.importorskip("numpy")
    pil = pytest.importorskip("PIL.Image")
    from rillet.runtime.media import MEDIA_PREFIX

    at = run_rillet(
        textwrap.dedent(
            """
            import numpy as np
            import streamlit as st
            st.image(np.full((1, 1), 0.5))
            st.image(np.full((1, 1), 7.0), clamp=True)
            st.image(np.full((1, 1), 200, dtype=np.int64))
            """
        ),
        10,
    )

    def pixel(index: int) -> int:
        url = at.image[index].value[0]
        data = at._app.media.get(url.removeprefix(MEDIA_PREFIX)).data
        return int(np.asarray(pil.open(io.BytesIO(data)))[0, 0])

    assert [pixel(0), pixel(1), pixel(2)] == [127, 255, 200]


@pytest.mark.parametrize(
    "call",
    [
        "st.image(np.full((2, 2), 2.0))",
        "st.image(np.full((2, 2), -0.5))",
        "st.image(np.full((2, 2), 300))",
        "st.image(np.zeros((2, 2, 5)))",
        "st.image([PNG, PNG], caption=['only one'])",
        "st.image([PNG, PNG], caption='one for two')",
        "st.image(PNG, width=0)",
        "st.image(PNG, width='big')",
        "st.image(b'not an image')",
        "st.image(None)",
        "st.image('no/such/file.png')",
    ],
)
def test_a_bad_image_shows_an_error(call: str) -> None:
    source = "import streamlit as st\nimport numpy as np\n" + PNG + f"st.write('before')\n{call}\n"
    assert_same(source, known=OWN_WORDS)


# ------------------------------------------------------------ file uploader


def test_an_uploaded_file_is_read_on_every_run_until_cleared() -> None:
    assert_same(
        """
        import streamlit as st
        f = st.file_uploader("Upload a CSV", type=["csv", "txt"], help="CSV or text")
        if f is None:
            st.info("Waiting for a file")
        else:
            st.write(f.name, f.type, f.size)
            st.code(f.read().decode())
        """,
        [
            ("file_uploader", 0, "upload", "data.csv", b"x,y\n1,2", "text/csv"),
            ("run",),
            ("file_uploader", 0, "clear"),
            ("file_uploader", 0, "set_value", ("notes.TXT", b"hello", "text/plain")),
            ("file_uploader", 0, "set_value", None),
        ],
        known=[FILE_IDS],
    )


def test_multiple_files_come_as_a_list() -> None:
    assert_same(
        """
        import streamlit as st
        files = st.file_uploader("Many", accept_multiple_files=True)
        st.write([f.name for f in files], sum(f.size for f in files))
        """,
        [
            [
                ("file_uploader", 0, "upload", "a.txt", b"aa", "text/plain"),
                ("file_uploader", 0, "upload", "b.txt", b"bbb", "text/plain"),
            ],
            ("run",),
            ("file_uploader", 0, "set_value", [("c.bin", b"1", "application/octet-stream")]),
            ("file_uploader", 0, "clear"),
        ],
        known=[FILE_IDS],
    )


UPLOADERS = """
import streamlit as st
st.file_uploader("CSV", type=["CSV", ".Txt"], help="pick one")
st.file_uploader("Photos", type="jpg", accept_multiple_files=True)
st.file_uploader("Folder", type=["jpeg", "png"], accept_multiple_files="directory")
st.file_uploader("Anything", key="any", disabled=True)
st.file_uploader("Hidden", label_visibility="hidden")
st.file_uploader("Collapsed", label_visibility="collapsed", max_upload_size=5)
st.sidebar.file_uploader("In the sidebar")
st.write("any is None:", st.session_state.any is None)
"""


def test_uploader_parameters_reach_the_page() -> None:
    assert_same(UPLOADERS)
    assert_same_facts(
        UPLOADERS,
        lambda at: [
            (u.label, u.allowed_type, u.accept_multiple_files, u.help, u.disabled)
            for u in at.file_uploader
        ],
    )


def test_an_uploader_callback_gets_its_args_and_kwargs() -> None:
    assert_same(
        """
        import streamlit as st
        def arrived(tag, n=0):
            st.session_state.log = st.session_state.get("log", []) + [f"{tag}{n}"]
        with st.sidebar:
            st.file_uploader("File", on_change=arrived, args=("got",), kwargs={"n": 1})
        st.write(st.session_state.get("log", []))
        """,
        [
            ("file_uploader", 0, "upload", "a.csv", b"x", "text/csv"),
            ("run",),
            ("file_uploader", 0, "clear"),
        ],
        known=[FILE_IDS],
    )


def test_an_uploader_in_a_form_sends_its_file_on_submit() -> None:
    assert_same(
        """
        import streamlit as st
        with st.form("upload"):
            f = st.file_uploader("Attachment")
            sent = st.form_submit_button("Send")
        st.write(sent, None if f is None else f.name)
        """,
        [
            ("file_uploader", 0, "upload", "a.csv", b"x", "text/csv"),
            ("button", 0, "click"),
        ],
        known=[FILE_IDS],
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.file_uploader('X', type=3)",
        "st.file_uploader('X', label_visibility='nope')",
        "st.file_uploader('X', on_change=5)",
        "st.file_uploader('X', max_upload_size=0)",
        "st.file_uploader('X', max_upload_size=-1)",
        "st.file_uploader('X', max_upload_size='5')",
    ],
)
def test_a_bad_uploader_argument_shows_an_error(call: str) -> None:
    assert_fails_alike(call)
