"""Streamlit internals that more published component packages reach, answered by rillet.

streamlit-webrtc watches its session through ``streamlit.runtime.app_session``
and ``session_manager`` (to stop its media worker when the tab closes or the
page changes), counts script runs, and runs its peer connections on the
runtime's event loop; streamlit-wavesurfer asks ``streamlit.url_util``
whether its audio is a URL.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap

import pytest

from rillet.testing import AppTest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

URLS = [
    "http://a.b/c",
    "https://x",
    "http://",
    "HTTP://A.B",
    " http://a.b",
    "http:/a",
    "data:audio/wav;base64,AA",
    "data:",
    "mailto:a@b",
    "ftp://x",
    "file:///tmp/x",
    "/path/f.wav",
    "www.x.com",
    "https://github.com/o/r/blob/main/x.png",
    "http://github.com/o/r/blob/a/b",
    "https://gist.github.com/o/abc",
    "https://gist.github.com/o/abc/",
]
ALL_SCHEMAS = ("http", "https", "data", "mailto", "file", "ftp")
PATHS = [("/base/", "/x"), ("", ""), ("a", "b/"), ("x", ""), ("", "/"), ("a/", "/b/")]


def _url_facts(module: str) -> str:
    return f"""
        import json
        import streamlit as st
        from {module} import get_hostname, is_url, make_url_path, process_gitblob_url

        urls = {URLS!r}
        facts = [
            [is_url(u), is_url(u, allowed_schemas={ALL_SCHEMAS!r}), get_hostname(u), process_gitblob_url(u)]
            for u in urls
        ]
        facts.append([make_url_path(base, path) for base, path in {PATHS!r}])
        st.text(json.dumps(facts))
        """


def test_url_util_answers_as_streamlits() -> None:
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string(textwrap.dedent(_url_facts("streamlit.url_util")))
    ours = AppTest.from_string(
        _url_facts("streamlit.url_util"), default_timeout=30, streamlit_alias=True
    )
    expected = json.loads(theirs.run(timeout=30).text[0].value)
    assert json.loads(ours.run().text[0].value) == expected


SESSION_FACTS = """
    import weakref
    import streamlit as st
    from streamlit.runtime.app_session import AppSession, AppSessionState
    from streamlit.runtime.runtime import Runtime
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.runtime.session_manager import ActiveSessionInfo

    ctx = get_script_run_ctx()
    manager = Runtime.instance()._session_mgr
    info = manager.get_session_info(ctx.session_id)
    again = manager.get_session_info(ctx.session_id)
    st.session_state.setdefault("counts", []).append((info.script_run_count, again.script_run_count))
    st.session_state.setdefault("views", []).append(weakref.ref(info.session))
    st.session_state.facts = {
        "types": (isinstance(info, ActiveSessionInfo), isinstance(info.session, AppSession)),
        "one_view": info.session is again.session,
        "id": info.session.id == ctx.session_id,
        "page": info.session._client_state.page_script_hash == ctx.page_script_hash != "",
        "state": info.session._state is AppSessionState.APP_IS_RUNNING,
    }
    """


def test_a_session_is_seen_as_streamlits_app_session() -> None:
    at = AppTest.from_string(SESSION_FACTS, default_timeout=30, streamlit_alias=True)
    at.run()
    at.run()
    assert at.session_state.facts == {
        "types": (True, True),
        "one_view": True,
        "id": True,
        "page": True,
        "state": True,
    }
    # One more per run, the same for every ask within a run.
    assert at.session_state.counts == [(1, 1), (2, 2)]
    # The view lives as long as the session (packages hold it by weak
    # reference and stop their work when it goes): the same across runs.
    first, second = at.session_state.views
    assert first() is not None and first() is second()
    view = first()
    from rillet.compat.runtime import AppSessionState

    assert view._state is AppSessionState.APP_NOT_RUNNING
    at._session.close()
    assert view._state is AppSessionState.SHUTDOWN_REQUESTED


def test_the_runtime_event_loop_runs_a_packages_coroutines() -> None:
    at = AppTest.from_string(
        """
        import asyncio
        import streamlit as st
        from streamlit.runtime.runtime import Runtime

        loop = Runtime.instance()._get_async_objs().eventloop

        async def where():
            await asyncio.sleep(0)
            return asyncio.get_running_loop() is loop

        st.text(repr(asyncio.run_coroutine_threadsafe(where(), loop).result(timeout=10)))
        st.text(repr(loop is Runtime.instance()._get_async_objs().eventloop))
        """,
        default_timeout=30,
        streamlit_alias=True,
    ).run()
    assert at.text.values == ["True", "True"]


@pytest.mark.skipif(
    importlib.util.find_spec("streamlit_webrtc") is None, reason="streamlit-webrtc is not installed"
)
def test_webrtc_streamer_renders_its_component_on_rillet() -> None:
    # The package binds the streamlit it first sees: forget it after the run,
    # so no later test gets the alias's modules from it.
    loaded = set(sys.modules)
    try:
        _webrtc_run()
    finally:
        for name in set(sys.modules) - loaded:
            if name.partition(".")[0] == "streamlit_webrtc":
                del sys.modules[name]


def _webrtc_run() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit_webrtc import webrtc_streamer

        ctx = webrtc_streamer(key="camera")
        st.text(f"playing={ctx.state.playing}")
        """,
        default_timeout=60,
        streamlit_alias=True,
    ).run()
    assert not at.exception
    assert at.text.values == ["playing=False"]
    [component] = at.get("component_instance")
    assert component.proto.component_name.startswith("streamlit_webrtc.")


HELPER_FACTS = """
    import json
    import streamlit as st
    from streamlit.elements.lib.utils import to_key
    from streamlit.string_util import clean_text, is_emoji, validate_icon_or_emoji

    def checked(icon):
        try:
            return validate_icon_or_emoji(icon)
        except st.errors.StreamlitAPIException:
            return "refused"

    icons = ["🔥", " 🔥 ", ":material/home:", ":material/home: ", "home", "", None, "❤️", "🇫🇷"]
    st.text(json.dumps([
        [checked(icon) for icon in icons],
        [is_emoji(text) for text in icons if text is not None],
        [clean_text(text) for text in ["  two\\n  lines  ", "\\n  a\\n    b\\n", 5]],
        [to_key(key) for key in [3, "name", None]],
    ]))
    """


def test_key_and_icon_helpers_answer_as_streamlits() -> None:
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string(textwrap.dedent(HELPER_FACTS)).run(timeout=30)
    ours = AppTest.from_string(HELPER_FACTS, default_timeout=30, streamlit_alias=True).run()
    assert json.loads(ours.text[0].value) == json.loads(theirs.text[0].value)


def test_dataframe_util_converts_table_data_as_streamlits() -> None:
    source = """
        import json
        import numpy as np
        import pandas as pd
        import streamlit as st
        from streamlit.dataframe_util import convert_anything_to_pandas_df

        frame = pd.DataFrame({"a": [1, 2]})
        cases = [
            frame,
            {"a": [1, 2], "b": [3, 4]},
            [{"a": 1}, {"a": 2}],
            np.array([[1, 2], [3, 4]]),
            pd.Series([1, 2], name="s"),
            [1, 2, 3],
            {"x": 1, "y": 2},
            (i for i in range(5)),
            None,
        ]
        out = [convert_anything_to_pandas_df(c, max_unevaluated_rows=3).to_dict("split") for c in cases]
        out.append([convert_anything_to_pandas_df(frame) is frame, convert_anything_to_pandas_df(frame, ensure_copy=True) is frame])
        st.text(json.dumps(out, default=str))
        """
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string(textwrap.dedent(source)).run(timeout=30)
    ours = AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run()
    assert not ours.exception
    assert json.loads(ours.text[0].value) == json.loads(theirs.text[0].value)


def test_a_v2_components_result_has_streamlits_type_name() -> None:
    # streamlit-pivot's README prints the result's type: ComponentResult.
    source = """
        import streamlit as st

        shown = st.components.v2.component("named", html="<p>named</p>")
        st.text(type(shown(key="k")).__name__)
        """
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string(textwrap.dedent(source)).run(timeout=30)
    ours = AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run()
    assert ours.text.values == theirs.text.values == ["ComponentResult"]
