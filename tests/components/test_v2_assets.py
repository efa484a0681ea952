"""components.v2 packages that keep their files in the asset folder of a manifest,
and v1 packages that wrap ``register_widget`` to attach callbacks."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from rillet.components.manifest import asset_dir, asset_file
from rillet.components.registry import registry
from rillet.runtime.errors import RilletAPIException
from rillet.testing import AppTest


@pytest.fixture
def package(tmp_path: Path) -> Iterator[Path]:
    """An installed-looking package: a manifest beside its module, built files below."""
    folder = tmp_path / "chartpkg"
    build = folder / "frontend" / "build"
    build.mkdir(parents=True)
    (build / "index-3f2a.js").write_text("export default ({parentElement}) => {}")
    (build / "style-9c.css").write_text(".x { color: red }")
    (folder / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [[tool.streamlit.component.components]]
            name = "chart"
            asset_dir = "frontend/build"
            """
        )
    )
    (folder / "__init__.py").write_text(
        textwrap.dedent(
            """
            import streamlit as st

            chart = st.components.v2.component(
                "chart-pkg.chart", js="index-*.js", css="style-*.css", html="<div></div>"
            )
            """
        )
    )
    sys.path.insert(0, str(tmp_path))
    yield folder
    sys.path.remove(str(tmp_path))
    sys.modules.pop("chartpkg", None)


def test_js_and_css_patterns_name_files_of_the_asset_folder_served_by_the_component_route(
    package: Path,
) -> None:
    at = AppTest.from_string(
        "import streamlit as st\nfrom chartpkg import chart\nst.write(dict(chart(key='c')))"
    ).run()
    assert not at.exception
    (instance,) = at.get("bidi_component")
    assert (instance.proto.js_path, instance.proto.css_path) == ("index-3f2a.js", "style-9c.css")
    assert instance.proto.js == "" and instance.proto.css == ""  # not inlined
    served = registry().get("chart-pkg.chart")
    assert served is not None and served.path == (package / "frontend" / "build").resolve()


def test_the_manifest_is_found_beside_the_declaring_module(package: Path) -> None:
    found = asset_dir("chart-pkg.chart", str(package / "__init__.py"))
    assert found == (package / "frontend" / "build").resolve()
    assert asset_dir("chart-pkg.other", str(package / "__init__.py")) is None


def test_a_pattern_must_name_exactly_one_file_inside_the_folder(package: Path) -> None:
    build = (package / "frontend" / "build").resolve()
    (build / "index-77.js").write_text("export default () => {}")
    with pytest.raises(RilletAPIException, match="matches 2 files"):
        asset_file(build, "index-*.js", "js", "chart-pkg.chart")
    with pytest.raises(RilletAPIException, match="matches no file"):
        asset_file(build, "main-*.js", "js", "chart-pkg.chart")
    (package / "outside.js").write_text("export default () => {}")
    with pytest.raises(RilletAPIException, match="matches no file"):
        asset_file(build, "../../outside.js", "js", "chart-pkg.chart")


def test_a_callback_attached_by_wrapping_register_widget_runs_on_change(tmp_path: Path) -> None:
    """The pattern of streamlit-antd-components: callbacks looked up by the instance's key."""
    frontend = tmp_path / "frontend"
    frontend.mkdir()
    (frontend / "index.html").write_text("<p>c</p>")
    at = AppTest.from_string(
        f"""
        import streamlit as st
        import streamlit.components.v1 as components
        from streamlit.components.v1 import components as internals

        if not hasattr(internals.register_widget, "patched"):
            original = internals.register_widget

            def wrapper(*args, **kwargs):
                handler = st.session_state.get("_callbacks", {{}}).get(kwargs.get("user_key"))
                if handler is not None:
                    kwargs["on_change_handler"] = handler
                return original(*args, **kwargs)

            wrapper.patched = True
            internals.register_widget = wrapper

        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1

        st.session_state.setdefault("_callbacks", {{}})["pick"] = changed
        pick = components.declare_component("pick", path={str(frontend)!r})
        st.write(f"value={{pick(key='pick')}} calls={{st.session_state.get('calls', 0)}}")
        """
    ).run()
    assert at.markdown[0].value == "value=None calls=0"
    at.get("component_instance")[0].set_value("b").run()
    assert at.markdown[0].value == "value=b calls=1"


def test_register_widget_called_on_its_own_explains_it_is_internal() -> None:
    at = AppTest.from_string(
        "from streamlit.components.v1 import components\ncomponents.register_widget('x')"
    ).run()
    assert "Streamlit-internal" in at.exception[0].message
