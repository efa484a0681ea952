"""analyse_app: pages, local modules (recursively), library imports, config, secrets, static."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from rillet_packaging.analysis import analyse_app
from rillet_packaging.spec import PackError

Write = Callable[[str, str], Path]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write ``source`` to ``tmp_path/relative`` (folders made as needed)."""

    def write(relative: str, source: str = "") -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return path

    return write


@pytest.fixture
def multipage(write: Write, tmp_path: Path) -> Path:
    """A multipage app with a helper module, a local package and a config folder."""
    write(
        "app.py",
        """
        import json
        import rillet as st
        from helpers import load
        from lib import charts
        import importlib
        plugin = importlib.import_module("plugins.extra")
        st.write(load())
        """,
    )
    write(
        "helpers.py",
        """
        import csv
        from os import path
        from lib.util import clean
        def load():
            return clean(csv)
        """,
    )
    write("lib/__init__.py", "from . import util\nfrom .charts import draw\n")
    write("lib/util.py", "import statistics\ndef clean(x):\n    return x\n")
    write(
        "lib/charts.py",
        "from ..outside import nothing  # beyond the package: ignored\nimport xml.etree.ElementTree as ET\ndef draw():\n    pass\n",
    )
    write("plugins/__init__.py", "")
    write("plugins/extra.py", "import email.message\n")
    write("pages/1_Sales.py", "import rillet as st\nimport helpers\nimport tomllib\n")
    write("pages/2_About.py", "import platform\nfrom lib.util import clean\n")
    write("pages/notes.txt", "not a page")
    write("unused.py", "import sqlite3  # never imported by the app\n")
    write(".rillet/config.toml", "[theme]\nbase = 'dark'\n")
    write(".rillet/secrets.toml", "password = 'x'\n")
    write(".streamlit/config.toml", "[server]\nheadless = true\n")
    write("static/logo.svg", "<svg/>")
    return tmp_path / "app.py"


def names(paths: tuple[Path, ...], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_the_pages_folder_is_found_in_order(multipage: Path) -> None:
    found = analyse_app(multipage)

    assert names(found.pages, found.root) == ["pages/1_Sales.py", "pages/2_About.py"]


def test_local_modules_are_followed_recursively_with_their_packages(multipage: Path) -> None:
    found = analyse_app(multipage)

    assert names(found.local_modules, found.root) == [
        "helpers.py",
        "lib/__init__.py",
        "lib/charts.py",
        "lib/util.py",
        "plugins/__init__.py",
        "plugins/extra.py",
    ]
    assert found.root / "unused.py" not in found.sources


def test_library_imports_of_every_file_become_dotted_names(multipage: Path) -> None:
    found = analyse_app(multipage)

    assert found.imports == (
        "csv",
        "email.message",
        "importlib",
        "json",
        "os",
        "platform",
        "rillet",
        "statistics",
        "tomllib",
        "xml.etree.ElementTree",
    )
    assert found.missing == ()


def test_config_secrets_and_static_are_found_separately(multipage: Path) -> None:
    found = analyse_app(multipage)

    assert names(found.config_files, found.root) == [
        ".streamlit/config.toml",
        ".rillet/config.toml",
    ]
    assert names(found.secrets_files, found.root) == [".rillet/secrets.toml"]
    assert found.static_dir == found.root / "static"


def test_an_app_without_extras_has_only_its_script(write: Write) -> None:
    script = write("solo.py", "import rillet as st\nst.write(1)\n")

    found = analyse_app(script)

    assert found.sources == (script.resolve(),)
    assert found.config_files == found.secrets_files == ()
    assert found.static_dir is None


def test_from_package_import_name_keeps_only_real_submodules(write: Write) -> None:
    script = write(
        "app.py",
        "from xml.etree import ElementTree\nfrom json import dumps\nfrom os.path import join\n",
    )

    found = analyse_app(script)

    assert "xml.etree.ElementTree" in found.imports
    assert "json.dumps" not in found.imports
    assert "os.path.join" not in found.imports
    assert {"json", "os.path", "xml.etree"} <= set(found.imports)


def test_third_party_imports_are_found_without_importing_them(write: Write) -> None:
    script = write("app.py", "import tornado.web\nfrom google.protobuf import message\n")

    found = analyse_app(script)

    assert {"tornado.web", "google.protobuf", "google.protobuf.message"} <= set(found.imports)
    assert found.top_level_imports >= {"tornado", "google"}


def test_an_import_that_is_not_installed_is_reported_missing(write: Write) -> None:
    script = write(
        "app.py",
        "try:\n    import not_installed_pkg_xyz\nexcept ImportError:\n    pass\nimport json.nope\n",
    )

    found = analyse_app(script)

    assert found.missing == ("json.nope", "not_installed_pkg_xyz")


def test_streamlit_imports_are_served_by_the_alias(write: Write) -> None:
    script = write("app.py", "import streamlit as st\nfrom streamlit.components.v1 import html\n")

    found = analyse_app(script)

    assert found.uses_streamlit_alias
    assert found.missing == ()


def test_pages_named_by_st_page_and_switch_page_travel_too(write: Write, tmp_path: Path) -> None:
    write(
        "app.py",
        """
        import rillet as st
        nav = st.navigation([st.Page("views/home.py"), st.Page(page="views/report.py"), st.Page(lambda: None)])
        st.page_link("views/link.py")
        if False:
            st.switch_page("views/other.py")
        st.Page("views/missing.py")
        nav.run()
        """,
    )
    for page in ("home", "report", "link", "other"):
        write(f"views/{page}.py", "import rillet as st\nfrom shared import x\n")
    write("shared.py", "x = 1\n")

    found = analyse_app(tmp_path / "app.py")

    assert names(found.pages, found.root) == [
        "views/home.py",
        "views/report.py",
        "views/link.py",
        "views/other.py",
    ]
    assert names(found.local_modules, found.root) == ["shared.py"]


def test_a_local_module_shadows_a_library_of_the_same_name(write: Write) -> None:
    script = write("app.py", "import random\n")
    write("random.py", "VALUE = 4\n")

    found = analyse_app(script)

    assert names(found.local_modules, found.root) == ["random.py"]
    assert "random" not in found.imports


def test_a_data_folder_named_like_a_library_is_not_a_module(write: Write) -> None:
    script = write("app.py", "import json\n")
    write("json/data.csv", "a,b\n")

    found = analyse_app(script)

    assert "json" in found.imports
    assert found.local_modules == ()


def test_a_namespace_package_folder_is_followed(write: Write) -> None:
    script = write("app.py", "from tools.text import shout\n")
    write("tools/text.py", "import string\ndef shout(s):\n    return s.upper()\n")

    found = analyse_app(script)

    assert names(found.local_modules, found.root) == ["tools/text.py"]
    assert "string" in found.imports


def test_a_syntax_error_in_the_script_names_file_and_line(write: Write) -> None:
    script = write("app.py", "import rillet as st\n\nst.write('unclosed'\n")

    with pytest.raises(PackError) as caught:
        analyse_app(script)

    message = str(caught.value)
    assert f"{script.resolve()}:3: syntax error:" in message
    assert "st.write('unclosed'" in message


def test_a_syntax_error_in_a_page_names_the_page(write: Write) -> None:
    script = write("app.py", "import rillet as st\n")
    page = write("pages/1_Bad.py", "x = 1\nif x\n    pass\n")

    with pytest.raises(PackError, match=rf"{page.resolve()}:2: syntax error: expected ':'"):
        analyse_app(script)


def test_a_syntax_error_in_a_local_module_names_the_module(write: Write) -> None:
    script = write("app.py", "import helpers\n")
    helper = write("helpers.py", "def broken(:\n    pass\n")

    with pytest.raises(PackError, match=rf"{helper.resolve()}:1: syntax error"):
        analyse_app(script)


def test_a_file_with_null_bytes_is_refused(write: Write, tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_bytes(b"x = 1\x00\n")

    with pytest.raises(PackError, match="null bytes"):
        analyse_app(script)
