"""rillet pack with component packages: their frontends travel, the real streamlit does not."""

from __future__ import annotations

import sys
from pathlib import Path

from rillet_packaging.argv import build_argv
from rillet_packaging.components import component_frontends
from rillet_packaging.plan import PackRequest, plan


def test_a_fake_component_package_travels_with_its_frontend_and_data_but_no_dev_files(
    tmp_path: Path, monkeypatch
) -> None:
    package = tmp_path / "site" / "fancy_menu"
    (package / "frontend" / "build" / "static").mkdir(parents=True)
    (package / "json").mkdir()
    (package / "__init__.py").write_text("")
    (package / "json" / "columns.json").write_text("{}")
    (package / "frontend" / "build" / "index.html").write_text("<p>menu</p>")
    (package / "frontend" / "build" / "static" / "main.js").write_text("menu()")
    (package / "frontend" / "build" / "static" / "main.js.map").write_text("{}")
    (package / "frontend" / "node_modules" / "x").mkdir(parents=True)
    (package / "frontend" / "node_modules" / "x" / "index.html").write_text("dev only")
    (package / "frontend" / "src").mkdir()
    (package / "frontend" / "src" / "Menu.tsx").write_text("source")
    (tmp_path / "site" / "plain_lib").mkdir()
    (tmp_path / "site" / "plain_lib" / "__init__.py").write_text("")
    (tmp_path / "site" / "plain_lib" / "data.json").write_text("{}")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))

    found = component_frontends(["fancy_menu", "plain_lib", "json"])

    assert sorted((d.source.relative_to(package).as_posix(), d.dest) for d in found) == [
        ("frontend/build/index.html", "fancy_menu/frontend/build"),
        ("frontend/build/static/main.js", "fancy_menu/frontend/build/static"),
        ("json/columns.json", "fancy_menu/json"),
    ]


def test_a_page_beside_the_code_and_a_v2_asset_manifest_make_component_packages(
    tmp_path: Path, monkeypatch
) -> None:
    site = tmp_path / "site"
    (site / "js_eval").mkdir(parents=True)
    (site / "js_eval" / "__init__.py").write_text("")
    (site / "js_eval" / "index.html").write_text("<script></script>")
    charts = site / "fancy_charts"
    (charts / "frontend" / "build").mkdir(parents=True)
    (charts / "__init__.py").write_text("")
    (charts / "pyproject.toml").write_text(
        '[[tool.streamlit.component.components]]\nname = "chart"\nasset_dir = "frontend/build"\n'
    )
    (charts / "frontend" / "build" / "index-3f2a.js").write_text("export default () => {}")
    monkeypatch.syspath_prepend(str(site))

    found = component_frontends(["js_eval", "fancy_charts"])

    assert sorted((d.source.relative_to(site).as_posix(), d.dest) for d in found) == [
        ("fancy_charts/frontend/build/index-3f2a.js", "fancy_charts/frontend/build"),
        ("fancy_charts/pyproject.toml", "fancy_charts"),
        ("js_eval/index.html", "js_eval"),
    ]


def test_the_plan_collects_real_component_frontends_and_excludes_streamlit(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(
        "import streamlit as st\n"
        "from streamlit_option_menu import option_menu\n"
        "from st_aggrid import AgGrid\n"
        "option_menu('Menu', ['A'])\n"
    )
    spec = plan(PackRequest(script, cwd=tmp_path, platform=sys.platform))
    dests = {d.dest for d in spec.datas}
    assert "streamlit_option_menu/frontend/dist" in dests
    assert "st_aggrid/frontend/build" in dests
    assert "st_aggrid/json" in dests  # read by the package at import
    assert not [d for d in spec.datas if d.source.suffix == ".map"]
    assert "streamlit" in spec.excludes
    argv = build_argv(spec)
    assert argv[argv.index("streamlit") - 1] == "--exclude-module"
    assert any(a.endswith("streamlit_option_menu/frontend/dist/index.html:"
                          "streamlit_option_menu/frontend/dist") for a in argv)  # fmt: skip


def test_what_only_streamlit_needs_is_not_kept_for_a_component_package() -> None:
    from rillet_packaging.plan import excludes_for, required_top_levels

    needed = required_top_levels({"st_aggrid", "streamlit_option_menu"})
    assert "pandas" in needed  # st_aggrid's own requirement
    assert "altair" not in needed and "pydeck" not in needed  # streamlit's, never imported
    assert "pyarrow" in excludes_for(["st_aggrid", "streamlit_option_menu", "pandas"])
