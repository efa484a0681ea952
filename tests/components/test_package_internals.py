"""What published component packages reach for beyond the documented API, answered as Streamlit does.

Each test names the packages that failed without it (found by running them
under ``rillet run``): zero-size frames that inject scripts, Streamlit's
private root containers, its media manager's name and file paths, and a few
helpers from its internals.
"""

from __future__ import annotations

from pathlib import Path

from rillet.testing import AppTest


def run(source: str) -> AppTest:
    at = AppTest.from_string(source, streamlit_alias=True, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_components_html_of_zero_size_is_a_frame_that_takes_no_room() -> None:
    # streamlit-shortcuts injects its key listener with html(js, width=0, height=0).
    at = run(
        """
        import streamlit.components.v1 as components
        components.html("<script>1</script>", width=0, height=0)
        components.html("<p>default</p>")
        components.iframe("https://example.com", height=0.0)
        """
    )
    hidden, default, url = (e.proto for e in at.get("iframe"))
    assert (hidden.width, hidden.height, hidden.width_mode) == (0, 0, "")
    # The script sends the default size itself: 0 on the wire is 0 pixels.
    assert (default.width, default.height, default.width_mode) == (0, 150, "stretch")
    assert (url.height, url.width_mode) == (0, "stretch")


def test_components_html_still_refuses_a_negative_size() -> None:
    for call, argument in (
        ("width=-1", "width"),
        ("height=-5", "height"),
        ("height='x'", "height"),
    ):
        at = AppTest.from_string(
            f"import rillet.components.v1 as components\ncomponents.html('x', {call})"
        ).run()
        assert argument in at.exception[0].value and "≥ 0" in at.exception[0].value, call


def test_a_v2_component_may_have_no_height_but_needs_a_width() -> None:
    # streamlit-extras mounts its cookie, local-storage and JavaScript components with height=0.
    at = run(
        """
        import streamlit as st
        probe = st.components.v2.component("probe", html="<b>x</b>")
        probe(height=0, key="a")
        """
    )
    assert at.get("bidi_component")[0].proto.height == "0px"
    at = AppTest.from_string(
        "import streamlit as st\nst.components.v2.component('probe', html='<b>x</b>')(width=0)",
        streamlit_alias=True,
    ).run()
    assert "width" in at.exception[0].value


def test_the_media_manager_under_streamlits_name_stores_bytes_or_the_file_a_path_names(
    tmp_path: Path,
) -> None:
    # streamlit-pdf and streamlit-extras' three_viewer: runtime.get_instance().media_file_mgr.add.
    document = tmp_path / "doc.pdf"
    document.write_bytes(b"%PDF-1.1 from a file")
    at = run(
        f"""
        import streamlit as st
        from streamlit import runtime
        manager = runtime.get_instance().media_file_mgr
        coordinates = st._main._get_delta_path_str()
        from_path = manager.add({str(document)!r}, "application/pdf", coordinates)
        from_bytes = manager.add(b"%PDF-1.1 bytes", "application/pdf", coordinates)
        st.session_state.ids = [u.rsplit("/", 1)[1] for u in (from_path, from_bytes)]
        """
    )
    stored = [at._app.media.get(i) for i in at.session_state.ids]
    assert [s.data for s in stored if s is not None] == [
        b"%PDF-1.1 from a file",
        b"%PDF-1.1 bytes",
    ]


def test_the_main_containers_delta_path_is_where_its_next_element_goes() -> None:
    at = run(
        """
        import streamlit as st
        first = st._main._get_delta_path_str()
        st.write("one")
        second = st._main._get_delta_path_str()
        with st.sidebar:
            inside = st._main._get_delta_path_str()
        st.session_state.paths = [first, second, inside]
        """
    )
    assert at.session_state.paths == ["[0, 0]", "[0, 1]", "[1, 0]"]


def test_the_event_container_holds_elements_outside_the_page_layout() -> None:
    # streamlit-extras' cookie_manager, local_storage_manager and eval_javascript.
    at = run(
        """
        import streamlit as st
        st.write("in the page")
        with st._event:
            st.write("in the event area")
        st._event.write("written on it")
        """
    )
    assert [m.value for m in at.main.markdown] == ["in the page"]
    assert [m.value for m in at.markdown] == [
        "in the page",
        "in the event area",
        "written on it",
    ]


def test_old_private_names_of_bottom_and_skeleton() -> None:
    # streamlit-extras' bottom_container and skeleton look for st._bottom and st._main._skeleton.
    at = run(
        """
        import streamlit as st
        st._bottom.write("pinned")
        slot = st._main._skeleton(height=120)
        slot.write("filled")
        st.session_state.same = st._bottom is st.bottom
        """
    )
    assert at.session_state.same is True
    assert [m.value for m in at.main.markdown] == ["filled"]
    assert "pinned" in [m.value for m in at.markdown]


def test_internal_helpers_packages_import(tmp_path: Path) -> None:
    # echo_expander reads its caller's file with source_util.open_python_file; image_crop,
    # image_compare_slider and avatar pass a LayoutConfig to image_to_url.
    source = tmp_path / "latin.py"
    source.write_bytes("# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1"))
    at = run(
        f"""
        import streamlit as st
        from streamlit import source_util
        from streamlit.elements.lib.image_utils import image_to_url
        from streamlit.elements.lib.layout_utils import LayoutConfig
        with source_util.open_python_file({str(source)!r}) as f:
            st.session_state.line = f.readlines()[1]
        url = image_to_url("https://example.com/a.png", layout_config=LayoutConfig(width="content"))
        st.session_state.url = url
        """
    )
    assert at.session_state.line == "name = 'café'\n"
    assert at.session_state.url == "https://example.com/a.png"


def test_context_theme_reads_as_a_dict_as_well() -> None:
    # streamlit-extras' word_importances reads st.context.theme["type"].
    at = run(
        """
        import streamlit as st
        theme = st.context.theme
        st.session_state.seen = (theme["type"] == theme.type, dict(theme).keys() == {"type"})
        """
    )
    assert at.session_state.seen == (True, True)
