"""Component packages from PyPI, round four: what each needed from rillet's streamlit alias.

streamlit-server-state finds Streamlit's server among the live objects and
keeps state shared by every session on it; it reads the run's context off
the session and reruns the sessions that read a value another one changed.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import sys
import textwrap
from collections.abc import Iterator

import pytest

from rillet.testing import AppTest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def _needs(module: str) -> pytest.MarkDecorator:
    # Looked up, not imported: importing a package here would load the real streamlit.
    return pytest.mark.skipif(
        importlib.util.find_spec(module) is None, reason=f"{module} is not installed"
    )


@contextlib.contextmanager
def forgotten_after(package: str) -> Iterator[None]:
    """The package's modules, imported under the alias, hold rillet's: later tests must not reuse them."""
    loaded = set(sys.modules)
    try:
        yield
    finally:
        for name in set(sys.modules) - loaded:
            if name.partition(".")[0] == package:
                del sys.modules[name]


SERVER_STATE_COUNTER = """
    import streamlit as st
    from streamlit_server_state import server_state, server_state_lock

    with server_state_lock["count"]:
        if "count" not in server_state:
            server_state.count = 0
    if st.button("inc"):
        with server_state_lock.count:
            server_state.count += 1
    st.text(f"count={server_state.count}")
    """


@_needs("streamlit_server_state")
def test_server_state_is_shared_by_every_session() -> None:
    with forgotten_after("streamlit_server_state"):
        _server_state_sessions()


def _server_state_sessions() -> None:
    first = AppTest.from_string(SERVER_STATE_COUNTER, default_timeout=30, streamlit_alias=True)
    second = AppTest.from_string(SERVER_STATE_COUNTER, default_timeout=30, streamlit_alias=True)
    assert first.run().text.values == ["count=0"]
    assert second.run().text.values == ["count=0"]
    first.button[0].click().run()
    assert not first.exception
    assert second.run().text.values == ["count=1"]
    second.button[0].click().run()
    assert first.run().text.values == ["count=2"]


def test_the_server_is_found_among_live_objects_after_the_cli_freezes_them() -> None:
    # `rillet run` freezes what is alive when it starts serving: rillet's own
    # server is then out of gc.get_objects(), where packages look for it.
    sys.modules.pop("rillet.compat.server", None)
    gc.freeze()
    try:
        at = AppTest.from_string(
            """
            import gc
            import streamlit as st
            from streamlit.web.server.server import Server

            found = [obj for obj in gc.get_objects() if isinstance(obj, Server)]
            found[0]._shared = "kept"
            again = [obj for obj in gc.get_objects() if isinstance(obj, Server)]
            st.text(f"{len(found)} {again[0]._shared} {found[0].main_script_path.endswith('.py')}")
            """,
            default_timeout=30,
            streamlit_alias=True,
        ).run()
    finally:
        gc.unfreeze()
    assert at.text.values == ["1 kept True"]


def test_a_package_registers_its_asset_folder_with_the_component_manager(tmp_path) -> None:
    # st-graph-workbench registers its manifest from code unless the manager knows the folder.
    build = tmp_path / "frontend" / "build"
    build.mkdir(parents=True)
    (build / "index-3f2a.js").write_text("export default function () {}", encoding="utf-8")
    source = f"""
        from pathlib import Path
        import streamlit as st
        from streamlit.components.v2.get_bidi_component_manager import get_bidi_component_manager
        from streamlit.components.v2.manifest_scanner import ComponentConfig, ComponentManifest

        manager = get_bidi_component_manager()
        before = manager.get_component_asset_root("regpkg.widget")
        manifest = ComponentManifest(
            name="regpkg", version="0.1.0",
            components=[ComponentConfig(name="widget", asset_dir="frontend/build")],
        )
        manager.register_from_manifest(manifest, Path({str(tmp_path)!r}))
        after = manager.get_component_asset_root("regpkg.widget")
        widget = st.components.v2.component("regpkg.widget", js="index-*.js", html="<p>w</p>")
        widget(key="w")
        st.text(f"{{before}} {{Path(after) == Path({str(build)!r})}}")
        """
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string(textwrap.dedent(source)).run(timeout=30)
    ours = AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run()
    assert not ours.exception and not theirs.exception
    assert ours.text.values == theirs.text.values == ["None True"]


@_needs("st_pages")
def test_st_pages_builds_the_navigation_from_its_toml(tmp_path) -> None:
    # st-pages imports get_random_emoji (a page whose icon is "random").
    (tmp_path / "home.py").write_text("import streamlit as st\nst.text('home')\n")
    (tmp_path / "other.py").write_text("import streamlit as st\nst.text('other')\n")
    (tmp_path / "pages.toml").write_text(
        textwrap.dedent(
            f"""
            [[pages]]
            path = "{tmp_path / "home.py"}"
            name = "Home"
            icon = ":house:"

            [[pages]]
            name = "Section A"
            icon = ":books:"
            is_section = true

            [[pages]]
            path = "{tmp_path / "other.py"}"
            name = "Other page"
            icon = "random"
            """
        )
    )
    source = f"""
        import streamlit as st
        from st_pages import add_page_title, get_nav_from_toml, get_random_emoji

        nav = get_nav_from_toml({str(tmp_path / "pages.toml")!r})
        pg = st.navigation(nav)
        add_page_title(pg)
        st.text(sorted(nav))
        st.text([len(get_random_emoji()) > 0, len(nav["📚 Section A"])])
        pg.run()
        """
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    with forgotten_after("st_pages"):
        ours = AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run()
    theirs = StreamlitAppTest.from_string(textwrap.dedent(source)).run(timeout=30)
    assert not ours.exception
    assert [t.value for t in ours.title] == [t.value for t in theirs.title] == ["🏠 Home"]
    assert ours.text.values == theirs.text.values


def test_a_component_published_without_its_build_lets_the_app_run(tmp_path) -> None:
    # streamlit-svg-view 0.2.0 ships no frontend/build: Streamlit declares it all the same.
    source = f"""
        import streamlit as st
        import streamlit.components.v1 as components

        svg_view = components.declare_component("svg_view", path={str(tmp_path / "build")!r})
        st.text("declared")
        """
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string(textwrap.dedent(source)).run(timeout=30)
    ours = AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run()
    assert not ours.exception and not theirs.exception
    assert ours.text.values == theirs.text.values == ["declared"]


@_needs("streamlit_session_memo")
def test_session_memo_keys_its_results_as_the_caches_do() -> None:
    source = """
        import threading
        import streamlit as st
        from streamlit_session_memo import st_session_memo

        calls = st.session_state.setdefault("calls", [])

        @st_session_memo
        def square(x, _note=None):
            calls.append(x)
            return x * x

        st.text([square(3), square(3, _note="x"), square(x=3), square(4), len(calls)])
        try:
            square(threading.Lock())
        except st.errors.StreamlitAPIException as error:
            st.text(type(error).__name__ + " " + str("'x'" in str(error)))
        """
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    with forgotten_after("streamlit_session_memo"):
        ours = AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run()
    theirs = StreamlitAppTest.from_string(textwrap.dedent(source)).run(timeout=30)
    assert not ours.exception
    assert ours.text.values == theirs.text.values
    assert ours.text.values == ["[9, 9, 9, 16, 2]", "UnhashableParamError True"]


def test_a_v2_state_passed_no_callback_is_not_in_the_result() -> None:
    # streamlit-mermaid-interactive passes its optional on_click through as
    # on_clicked_change=None: Streamlit then has no "clicked" state.
    source = """
        import streamlit as st

        c = st.components.v2.component("cbtest", html="<p>x</p>")
        none = c(key="a", on_clicked_change=None)
        some = c(key="b", on_clicked_change=lambda: None)
        bare = c(key="d")
        st.text([dict(none), dict(some), dict(bare)])
        st.text([getattr(r, "clicked", "absent") for r in (none, some, bare)])
        try:
            c(key="c", on_clicked_change=None, default={"clicked": 5})
        except st.errors.StreamlitAPIException:
            st.text("refused")
        """
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string(textwrap.dedent(source)).run(timeout=30)
    ours = AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run()
    assert not ours.exception and not theirs.exception
    assert ours.text.values == theirs.text.values
    assert ours.text.values[1] == "['absent', None, 'absent']"
