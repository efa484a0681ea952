"""Every app of the corpus shows the same on Streamlit and on rillet, after every step.

Each app (corpus.py) runs unchanged through Streamlit's AppTest and through
rillet's (the ``streamlit`` alias on), from a folder holding its main
script and pages. After the first run and after each interaction both
pages must match: the outline of elements and session state (harness.py),
and the size of every list Streamlit's AppTest hands out (``at.button``,
``at.container``, ``at.form_submit_button``...), so a missing or
misplaced accessor fails the app.
"""

from __future__ import annotations

import difflib
import textwrap
from pathlib import Path
from typing import Any

import pytest
from corpus import APPS, App
from harness import apply, outline

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def _accessors(at: Any, unlike: dict[str, str]) -> list[str]:
    """The size of every list accessor Streamlit's AppTest has, read from ``at``."""
    from streamlit.testing.v1 import element_tree

    lists = (element_tree.ElementList, element_tree.BlockList)
    names = [n for n in dir(element_tree.Block) if not n.startswith("_")]
    probe = _PROBE
    sizes = []
    for name in names:
        if not isinstance(getattr(probe, name, None), lists) or name in unlike:
            continue
        try:
            sizes.append(f"at.{name}: {len(getattr(at, name))}")
        except Exception as exc:  # a missing accessor fails the app, visibly
            sizes.append(f"at.{name}: <{type(exc).__name__}: {exc}>")
    return sizes


_PROBE: Any = None


def _page(at: Any, app: App) -> list[str]:
    return outline(at).render(app.known) + _accessors(at, app.unlike_accessors)


def _start(folder: Path, app: App, rillet: bool) -> Any:
    if rillet:
        from rillet.testing import AppTest

        at = AppTest.from_file(str(folder / "main.py"), default_timeout=10, streamlit_alias=True)
    else:
        from streamlit.testing.v1 import AppTest as StreamlitAppTest

        at = StreamlitAppTest.from_file(str(folder / "main.py"), default_timeout=10)
    for key, value in app.secrets.items():
        at.secrets[key] = value
    for key, value in app.query.items():
        at.query_params[key] = value
    return at.run()


def _folder(tmp_path: Path, name: str, app: App, side: str) -> Path:
    folder = tmp_path / side / name
    (folder / "pages").mkdir(parents=True)
    (folder / "main.py").write_text(textwrap.dedent(app.source), encoding="utf-8")
    for page, source in app.pages.items():
        (folder / "pages" / page).write_text(textwrap.dedent(source), encoding="utf-8")
    for name, source in app.files.items():
        (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")
    return folder


def test_the_corpus_is_wide() -> None:
    assert len(APPS) >= 30


@pytest.mark.parametrize("name", sorted(APPS))
def test_corpus_app_shows_the_same_as_streamlit(tmp_path: Path, name: str) -> None:
    global _PROBE
    app = APPS[name]
    theirs = _start(_folder(tmp_path, name, app, "streamlit"), app, rillet=False)
    ours = _start(_folder(tmp_path, name, app, "rillet"), app, rillet=True)
    _PROBE = theirs
    diffs = []
    for label, step in [("the first run", None), *((repr(s), s) for s in app.steps)]:
        if step is not None:
            for one in step if isinstance(step, list) else [step]:
                apply(theirs, one)
                apply(ours, one)
            theirs.run()
            ours.run()
        expected, actual = _page(theirs, app), _page(ours, app)
        if expected != actual:
            diff = difflib.unified_diff(expected, actual, "streamlit", "rillet", lineterm="", n=2)
            diffs.append(f"after {label}:\n" + "\n".join(diff))
    assert not diffs, f"{name}: rillet differs from Streamlit\n\n" + "\n\n".join(diffs)
