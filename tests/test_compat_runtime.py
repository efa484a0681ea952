"""What apps read from Streamlit's runtime, config and launch modules, answered by rillet."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rillet import compat
from rillet.testing import AppTest


@pytest.fixture
def alias() -> Iterator[None]:
    assert compat.install_streamlit_alias()
    try:
        yield
    finally:
        compat.uninstall_streamlit_alias()


def test_the_run_context_has_what_apps_read() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit import runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.runtime.scriptrunner_utils.script_run_context import (
            get_script_run_ctx as newer_path,
        )

        ctx = get_script_run_ctx()
        st.session_state.seen = {
            "exists": runtime.exists(),
            "same": ctx is newer_path() is get_script_run_ctx(),
            "session": ctx.session_id,
            "main_page": ctx.page_script_hash == ctx.main_script_hash,
            "query": ctx.query_string,
            "state": ctx.session_state is st.session_state,
            "user": ctx.user_info == dict(getattr(st, "user", {})),
        }
        info = runtime.get_instance()._session_mgr.get_session_info(ctx.session_id)
        st.session_state.session = info.session.id
        """,
        default_timeout=30,
        streamlit_alias=True,
    )
    at.query_params["tab"] = "2"
    at.run()
    seen = at.session_state.seen
    assert seen == {
        "exists": True,
        "same": True,
        "session": at._session.id,
        "main_page": True,
        "query": "tab=2",
        "state": True,
        "user": True,
    }
    assert at.session_state.session == at._session.id


def test_a_worker_thread_given_the_context_writes_to_the_page() -> None:
    at = AppTest.from_string(
        """
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

        ctx = get_script_run_ctx()
        worker = threading.Thread(target=lambda: st.text("from the worker"))
        add_script_run_ctx(worker, ctx)
        worker.start()
        worker.join()
        """,
        default_timeout=30,
        streamlit_alias=True,
    ).run()
    assert at.text.values == ["from the worker"]


def test_rerun_and_stop_exceptions_are_rillets_control_flow() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.runtime.scriptrunner import RerunData, RerunException, StopException

        st.session_state.runs = st.session_state.get("runs", 0) + 1
        if st.session_state.runs == 1:
            raise RerunException(RerunData(widget_states=None))
        st.text(f"runs: {st.session_state.runs}")
        raise StopException()
        st.text("never")
        """,
        default_timeout=30,
        streamlit_alias=True,
    ).run()
    assert at.text.values == ["runs: 2"]
    assert not at.exception


def test_config_reads_and_sets_options_inside_an_app() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit import config

        config.set_option("theme.primaryColor", "#ff4b4b")
        st.text(repr(config.get_option("theme.primaryColor")))
        st.text(repr(st.config.get_option("server.port")))
        st.text(repr(config.is_manually_set("theme.primaryColor")))
        st.text(repr("primaryColor" in config.get_options_for_section("theme")))
        """,
        default_timeout=30,
        streamlit_alias=True,
    ).run()
    assert at.text.values == ["'#ff4b4b'", "8501", "True", "True"]


def test_config_names_an_unknown_option(alias: None) -> None:
    from streamlit import config

    with pytest.raises(Exception, match=r"server\.prot"):
        config.is_manually_set("server.prot")


def test_bootstrap_run_serves_the_script_with_the_options_set_before(
    alias: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rillet import cli

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(cli, "run_app", lambda *args: calls.append(args) or 0)
    from streamlit import config
    from streamlit.web import bootstrap

    config.set_option("server.headless", True)
    try:
        bootstrap.run("app.py", False, ["--x"], {"server_port": 8502, "theme.base": None})
    finally:
        from rillet.runtime import services

        services.process_services().clear()
    assert calls == [(Path("app.py"), ["--x"], {"server.headless": "true", "server.port": "8502"})]


def test_web_cli_main_runs_rillets_command_line(
    alias: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rillet import cli

    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "main", lambda argv: seen.append(argv) or 3)
    monkeypatch.setattr(sys, "argv", ["streamlit", "run", "app.py", "--server.port", "9000"])
    from streamlit.web import cli as stcli

    with pytest.raises(SystemExit) as exited:
        stcli.main()
    assert exited.value.code == 3
    assert seen == [["run", "app.py", "--server.port", "9000"]]


def test_demo_helpers_logger_and_image_urls() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.hello.utils import show_code
        from streamlit.logger import get_logger
        from streamlit.elements.lib.image_utils import image_to_url
        from streamlit.source_util import page_icon_and_name
        from pathlib import Path

        def demo():
            st.write("demo body")

        demo()
        show_code(demo)
        st.text(get_logger("my.app").name)
        st.text(image_to_url(b"GIF89a" + bytes(20), None, False, "RGB", "auto", "x")[:7])
        st.text(repr(page_icon_and_name(Path("pages/2_🎈_Balloons.py"))))
        """,
        default_timeout=30,
        streamlit_alias=True,
    ).run()
    assert at.sidebar.checkbox[0].label == "Show code"
    assert at.code[0].value == 'st.write("demo body")'
    assert at.text.values == ["my.app", "/media/", "('🎈', 'Balloons')"]


def test_shimmed_modules_list_their_names(alias: None) -> None:
    errors = importlib.import_module("streamlit.errors")
    assert "StreamlitAPIException" in dir(errors)
    assert "StreamlitAPIException" in errors.__all__
    namespace: dict[str, Any] = {}
    exec("from streamlit.errors import *", namespace)
    assert namespace["StreamlitValueError"] is errors.StreamlitAPIException


def test_the_runtime_stores_media_for_components_that_ask_it() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.runtime import Runtime, get_instance

        url = get_instance().media_file_manager.add(b"GIF89a-bytes", "image/gif", "logo")
        st.session_state.media_id = url.rsplit("/", 1)[1]
        st.text(url.rsplit("/", 1)[0])
        st.text(repr(Runtime.instance()._session_mgr.get_session_info("other")))
        st.text(repr(Runtime.exists()))
        """,
        default_timeout=30,
        streamlit_alias=True,
    ).run()
    assert at.text.values == ["/media", "None", "True"]
    stored = at._app.media.get(at.session_state.media_id)
    assert stored is not None and stored.data == b"GIF89a-bytes"


def test_the_smaller_config_logger_and_cli_helpers(
    alias: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    from streamlit import config, logger
    from streamlit.web import cli as stcli

    from rillet import cli

    assert config.get_where_defined("server.address") == "default"
    config.show_config()
    assert "[server]" in capsys.readouterr().out
    level = logging.getLogger("rillet").level
    try:
        logger.set_log_level("debug")
        assert logging.getLogger("rillet").level == logging.DEBUG
    finally:
        logging.getLogger("rillet").setLevel(level)
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(cli, "run_app", lambda *args: calls.append(args) or 0)
    assert stcli.main_run("app.py", ["--x"], server_port=8600) == 0
    assert calls == [(Path("app.py"), ["--x"], {"server.port": "8600"})]


def test_an_unchanged_streamlit_app_runs_on_rillet_in_app_test() -> None:
    """No flag needed: ``import streamlit`` in the script is rillet for each run."""
    at = AppTest.from_string(
        """
        import streamlit as st

        st.title(type(st.session_state).__module__.split(".")[0])
        if st.button("Add"):
            st.session_state.n = st.session_state.get("n", 0) + 1
        st.write(st.session_state.get("n", 0))
        """
    ).run()
    assert at.title[0].value == "rillet"
    assert at.button[0].click().run().markdown[0].value == "`1`"
    assert not compat.streamlit_alias_installed()


def test_packages_can_ask_whether_they_are_inside_a_form() -> None:
    """streamlit-shadcn-ui checks ``form_utils.is_in_form(st._main)`` before a trigger."""
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.elements.lib.form_utils import current_form_id, is_in_form

        st.write(f"outside={is_in_form(st._main)}")
        with st.form("f"):
            st.write(f"inside={is_in_form(st._main)} id={bool(current_form_id(st._main))}")
            st._main.write("written through _main")
            st.form_submit_button()
        """
    ).run()
    assert [m.value for m in at.markdown] == [
        "outside=False",
        "inside=True id=True",
        "written through _main",
    ]
    assert at.get("form")[0].markdown[-1].value == "written through _main"
