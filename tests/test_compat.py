"""The streamlit import alias: Streamlit apps run on rillet, and only while asked."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

import rillet
from rillet import compat
from rillet.runtime.errors import RilletAPIException
from rillet.testing import AppTest


@pytest.fixture
def alias() -> Iterator[None]:
    assert compat.install_streamlit_alias()
    try:
        yield
    finally:
        compat.uninstall_streamlit_alias()


def test_streamlit_app_runs_on_rillet_with_the_alias() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit import session_state
        import streamlit.components.v1 as components
        from streamlit.errors import StreamlitAPIException
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        import streamlit.runtime

        st.title("Hello")
        if st.button("Go"):
            session_state.went = True
        components.html("<b>hi</b>", height=80)
        components.iframe("https://example.com", width=300, scrolling=True)
        st.text(repr((streamlit.runtime.exists(), get_script_run_ctx() is not None)))
        try:
            st.columns(0)
        except StreamlitAPIException as exc:
            st.text("caught " + type(exc).__name__)
        """,
        streamlit_alias=True,
    ).run()
    assert at.title[0].value == "Hello"
    assert at.text.values == ["(True, True)", "caught RilletAPIException"]
    html, frame = (e.proto for e in at.get("iframe"))
    assert (html.srcdoc, html.height, html.width) == ("<b>hi</b>", 80, 0)
    assert (frame.src, frame.width, frame.scrolling) == ("https://example.com", 300, True)
    at.button[0].click().run()
    assert at.session_state.went is True


def test_real_streamlit_imports_again_after_an_alias_run() -> None:
    real = pytest.importorskip("streamlit")
    AppTest.from_string("import streamlit as st\nst.text('x')", streamlit_alias=True).run()
    assert not compat.streamlit_alias_installed()
    again = importlib.import_module("streamlit")
    assert again is real
    assert again.button is not rillet.button
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    assert StreamlitAppTest is not AppTest


def test_alias_maps_the_common_modules(alias: None) -> None:
    import streamlit as st
    import streamlit.components.v1 as components
    from streamlit.delta_generator import DeltaGenerator
    from streamlit.errors import StreamlitAPIException
    from streamlit.runtime import exists
    from streamlit.testing.v1 import AppTest as AliasedAppTest

    assert st.button is rillet.button and st.sidebar is rillet.sidebar
    assert "button" in dir(st) and st.__all__ == rillet.__all__
    assert st.__version__ == compat.STREAMLIT_API_VERSION
    assert StreamlitAPIException is RilletAPIException
    assert AliasedAppTest is AppTest
    assert DeltaGenerator is rillet.Container
    assert components.html.__module__ == "rillet.api.iframe"
    assert exists() is False  # no app runs in the test itself
    from streamlit.runtime.caching import cache_data  # falls back to rillet.runtime.caching

    assert cache_data is rillet.cache_data


def test_alias_names_modules_it_cannot_provide(alias: None) -> None:
    with pytest.raises(
        ModuleNotFoundError, match=r"no equivalent of 'streamlit\.web\.server\.routes'"
    ):
        importlib.import_module("streamlit.web.server.routes")


def test_install_is_idempotent_and_uninstall_restores_a_stashed_module() -> None:
    sentinel = type(sys)("streamlit")
    previous = sys.modules.get("streamlit")
    sys.modules["streamlit"] = sentinel
    try:
        assert compat.install_streamlit_alias() is True
        assert compat.install_streamlit_alias() is False
        assert importlib.import_module("streamlit") is not sentinel
        compat.uninstall_streamlit_alias()
        compat.uninstall_streamlit_alias()
        assert sys.modules["streamlit"] is sentinel
    finally:
        if previous is not None:
            sys.modules["streamlit"] = previous
        else:
            sys.modules.pop("streamlit", None)


def test_add_script_run_ctx_lets_a_thread_write_to_the_page() -> None:
    at = AppTest.from_string(
        """
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx
        seen = []
        worker = add_script_run_ctx(threading.Thread(target=lambda: seen.append(
            st.session_state.get("x", "in context"))))
        worker.start()
        worker.join()
        st.text(seen[0])
        """,
        streamlit_alias=True,
    ).run()
    assert at.text.values == ["in context"]
    assert threading.active_count() >= 1


def test_components_arguments_are_checked(alias: None) -> None:
    at = AppTest.from_string(
        "import streamlit.components.v1 as c\nc.html('<p>x</p>', height=-5)", streamlit_alias=True
    ).run()
    assert "`height` must be a number of pixels ≥ 0, or None" in at.exception[0].value


class _FakeServer:
    """Stands in for rillet_server.Server: notes what the served app would see, stops at once."""

    seen: ClassVar[dict[str, object]] = {}

    def __init__(self, runtime: object, config: object, *, sockets: object) -> None:
        self.runtime, self.sockets = runtime, sockets

    def run(self, started: object) -> None:
        _FakeServer.seen = {"alias": compat.streamlit_alias_installed(), "argv": list(sys.argv)}
        for sock in self.sockets:  # type: ignore[attr-defined]
            sock.close()
        self.runtime.shutdown()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("flag", "installed"), [("true", True), ("false", False)])
def test_cli_run_installs_the_alias_per_option_while_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: str, installed: bool
) -> None:
    import rillet_server
    from rillet import cli

    monkeypatch.setattr(rillet_server, "Server", _FakeServer)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.chdir(tmp_path)
    script = tmp_path / "app.py"
    script.write_text("", encoding="utf-8")
    flags = {"server.port": "0", "server.headless": "true", "rillet.streamlitAlias": flag}
    argv = list(sys.argv)
    try:
        assert cli.run_app(script, ["--x"], flags) == 0
        assert _FakeServer.seen == {"alias": installed, "argv": [str(script), "--x"]}
        assert not compat.streamlit_alias_installed()  # gone once the app stops
        assert sys.argv == argv
    finally:
        compat.uninstall_streamlit_alias()
