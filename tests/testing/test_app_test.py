"""AppTest: the API Streamlit users' tests port to by changing the import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rillet.testing import AppTest, AppTestError


def test_from_file_resolves_a_relative_path_from_the_calling_test() -> None:
    at = AppTest.from_file("apps/greeting.py").run()

    assert at.title.values == ["Greeting"]


def test_from_file_falls_back_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "here.py").write_text("import rillet as st\nst.text('cwd')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    at = AppTest.from_file("here.py").run()

    assert at.text.values == ["cwd"]


def test_from_file_names_a_missing_script() -> None:
    with pytest.raises(FileNotFoundError, match=r"no_such_app\.py"):
        AppTest.from_file("no_such_app.py")


def test_from_function_runs_the_body_with_the_given_arguments() -> None:
    def app(greeting: str, *, name: str = "nobody") -> None:
        import rillet as st

        st.markdown(f"{greeting}, {name}")

    at = AppTest.from_function(app, args=("Hi",), kwargs={"name": "Ada"}).run()

    assert at.markdown.values == ["Hi, Ada"]


def test_a_run_that_takes_too_long_raises_a_timeout_error() -> None:
    at = AppTest.from_string(
        """
import time
import rillet as st
if st.session_state.get("slow"):
    for _ in range(100):
        time.sleep(0.02)
        st.empty()
st.text("done")
"""
    ).run()
    at.session_state["slow"] = True

    with pytest.raises(RuntimeError, match=r"AppTest script run timed out after 0.2\(s\)"):
        at.run(timeout=0.2)

    # The slow run was stopped: the app is usable again.
    at.session_state["slow"] = False
    assert at.run().text.values == ["done"]


def test_default_timeout_applies_to_every_run() -> None:
    at = AppTest.from_string("import time\ntime.sleep(0.5)\n", default_timeout=0.1)

    with pytest.raises(RuntimeError, match=r"timed out after 0\.1"):
        at.run()


def test_session_state_can_be_set_before_a_run_and_read_after() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.session_state.setdefault("count", 0)
st.session_state.count += 1
st.checkbox("Box", key="box")
"""
    )
    at.session_state["count"] = 10
    at.run()

    assert at.session_state["count"] == 11
    assert at.session_state.count == 11
    assert at.session_state["box"] is False
    assert "count" in at.session_state
    assert at.session_state.filtered_state() == {"count": 11, "box": False}


def test_an_unkeyed_widget_value_is_readable_by_its_id() -> None:
    at = AppTest.from_string("import rillet as st\nst.checkbox('Box', value=True)\n").run()

    assert at.session_state[at.checkbox[0].id] is True


def test_query_params_reach_the_script_and_changes_come_back() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.text(st.query_params.get("tab", "none"))
st.query_params["seen"] = "yes"
"""
    )
    at.query_params["tab"] = "sales"
    at.run()

    assert at.text.values == ["sales"]
    assert at.query_params == {"tab": "sales", "seen": "yes"}


def test_secrets_given_to_the_test_are_st_secrets() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.text(st.secrets["token"])
st.text(st.secrets.db.user)
"""
    )
    at.secrets["token"] = "t0k3n"
    at.secrets["db"] = {"user": "ann"}
    at.run()

    assert at.text.values == ["t0k3n", "ann"]


def test_widgets_are_found_by_key_by_calling_the_list() -> None:
    at = AppTest.from_file("apps/greeting.py").run()

    at.button(key="greet").click().run()

    assert at.button(key="greet").label == "Greet"
    assert at.success.values == ["Hello!"]
    with pytest.raises(KeyError, match="'missing'"):
        at.button(key="missing")


def test_a_clicked_button_reads_true_for_the_run_it_caused_only() -> None:
    at = AppTest.from_file("apps/greeting.py").run()

    at.button[0].click()
    assert at.button[0].value is True
    at.run()
    assert at.button[0].value is True
    at.run()

    assert at.button[0].value is False
    assert at.success.values == []


def test_elements_are_reachable_from_main_sidebar_and_blocks() -> None:
    at = AppTest.from_string(
        """
import rillet as st
st.sidebar.text("side")
left, right = st.columns(2)
left.text("left")
with st.expander("More"):
    st.text("inside")
"""
    ).run()

    assert at.sidebar.text.values == ["side"]
    assert [c.text.values for c in at.columns] == [["left"], []]
    assert at.expander[0].label == "More"
    assert at.expander[0].text.values == ["inside"]
    assert at.text.values == ["left", "inside", "side"]  # main first, as in Streamlit


def test_the_same_wrapper_keeps_a_pending_change_until_the_run() -> None:
    at = AppTest.from_string("import rillet as st\nst.text(str(st.checkbox('Box')))\n").run()

    at.checkbox[0].check()
    pending: Any = at.checkbox[0].value

    assert pending is True
    assert at.run().text.values == ["True"]


@pytest.mark.parametrize(
    ("widget", "change"),
    [
        ("st.checkbox('Agree', disabled=True)", lambda at: at.checkbox[0].check()),
        ("st.button('Go', disabled=True)", lambda at: at.button[0].click()),
        ("st.slider('Level', disabled=True)", lambda at: at.slider[0].set_value(5)),
    ],
)
def test_changing_a_disabled_widget_is_refused_as_in_a_browser(widget: str, change: Any) -> None:
    at = AppTest.from_string(f"import rillet as st\n{widget}\n").run()
    with pytest.raises(AppTestError, match="Cannot update a disabled"):
        change(at).run()


def test_apptest_error_is_where_streamlit_apps_import_it() -> None:
    from rillet import compat

    installed = compat.install_streamlit_alias()
    try:
        from streamlit.testing.v1 import AppTestError as Aliased  # type: ignore[import-not-found]
    finally:
        if installed:
            compat.uninstall_streamlit_alias()
    assert Aliased is AppTestError
