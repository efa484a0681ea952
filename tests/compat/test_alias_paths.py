"""Apps that import Streamlit's modules run alike on Streamlit and, through the alias, on rillet."""

from __future__ import annotations

import pytest
from harness import assert_same

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def test_runtime_and_context_paths_answer_alike() -> None:
    assert_same(
        """
        import threading
        import streamlit as st
        from streamlit import runtime
        from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx
        from streamlit.runtime.scriptrunner_utils.script_run_context import (
            get_script_run_ctx as get_ctx,
        )
        import streamlit.runtime.scriptrunner as scriptrunner

        ctx = get_script_run_ctx()
        st.write("exists", runtime.exists(), st.runtime.exists())
        st.write("same ctx", ctx is get_ctx(), scriptrunner.get_script_run_ctx() is ctx)
        st.write("session id is text", isinstance(ctx.session_id, str) and bool(ctx.session_id))
        st.write("page hash is text", isinstance(ctx.page_script_hash, str))
        st.write("query", repr(ctx.query_string))
        out = []
        worker = threading.Thread(target=lambda: out.append(get_script_run_ctx() is not None))
        add_script_run_ctx(worker, ctx)
        worker.start()
        worker.join()
        st.write("thread sees the run", out)
        st.write("instance", runtime.get_instance() is not None)
        """
    )


def test_config_errors_and_version_paths_answer_alike() -> None:
    assert_same(
        """
        import streamlit as st
        from streamlit import config
        from streamlit.errors import StreamlitAPIException, StreamlitValueError
        from streamlit.version import STREAMLIT_VERSION_STRING
        import streamlit.logger

        st.write("port", config.get_option("server.port"), st.config.get_option("server.port"))
        st.write("manual", config.is_manually_set("server.address"))
        st.write("version", STREAMLIT_VERSION_STRING.startswith("1."))
        st.write("logger", streamlit.logger.get_logger("app").name)
        for call in (lambda: st.columns(0), lambda: st.slider("s", 5, 1)):
            try:
                call()
            except StreamlitAPIException:
                st.write("an API error")
        st.write("hierarchy", issubclass(StreamlitValueError, Exception))
        """
    )


def test_component_column_config_and_type_paths_answer_alike() -> None:
    assert_same(
        """
        import streamlit as st
        import streamlit.components.v1 as components
        from streamlit.components.v1 import declare_component
        from streamlit.delta_generator import DeltaGenerator
        from streamlit.runtime.uploaded_file_manager import UploadedFile
        from streamlit.navigation.page import StreamlitPage
        from streamlit.testing.v1 import AppTest
        from streamlit import column_config

        st.write("dg", isinstance(st.container(), DeltaGenerator))
        st.write("sidebar dg", isinstance(st.sidebar, DeltaGenerator))
        st.write("callables", callable(declare_component), callable(components.html))
        def home():
            pass

        st.write("page", isinstance(st.Page(home, title="x"), StreamlitPage))
        st.write("types", UploadedFile.__name__, callable(AppTest.from_string))
        st.write("column", column_config.TextColumn("Name")["label"])
        """
    )


def test_caching_and_session_state_paths_answer_alike() -> None:
    assert_same(
        """
        import streamlit as st
        from streamlit.runtime.caching import cache_data
        from streamlit.runtime.state import SessionStateProxy

        @cache_data
        def square(n):
            return n * n

        st.write("cached", square(4), square(4))
        st.write("proxy", isinstance(st.session_state, SessionStateProxy))
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.button("again")
        """,
        [("button", 0, "click")],
    )


def test_component_helpers_that_warn_of_their_own_deprecation_run() -> None:
    from rillet.testing import AppTest

    at = AppTest.from_string(
        "import streamlit as st\n"
        "from streamlit.deprecation_util import deprecate_func_name, show_deprecation_warning\n"
        "def new(x):\n"
        "    return x * 2\n"
        "old = deprecate_func_name(new, 'old', '2026-01-01')\n"
        "st.write(old(21))\n"
        "show_deprecation_warning('once only', show_once=True)\n"
        "show_deprecation_warning('once only', show_once=True)\n",
        streamlit_alias=True,
    ).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "st.old is deprecated and will be removed after 2026-01-01; use st.new instead.",
        "once only",
    ]
    assert at.markdown[0].value == "`42`"
