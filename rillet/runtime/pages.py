"""The pages of a multipage app.

Two ways to have pages, as in Streamlit: a ``pages/`` folder beside the main
script (each ``.py`` file a page, ordered by a leading number), or
``st.navigation([...])`` in the main script, which then decides. A page is
addressed by a stable hash of its source and by its URL path.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.digest import blake2b
from rillet.runtime.errors import RilletAPIException

_LEADING_NUMBER = re.compile(r"^[0-9]+[_ -]*")


@dataclass(frozen=True)
class PageSpec:
    """One page: a script file or a function, with how it is shown."""

    page_hash: str
    title: str
    url_path: str
    icon: str = ""
    script: Path | None = None
    function: Callable[[], object] | None = None
    is_default: bool = False
    section: str = ""
    hidden: bool = False
    help: str = ""

    def to_proto(self) -> pb.PageEntry:
        return pb.PageEntry(
            page_hash=self.page_hash,
            title=self.title,
            icon=self.icon,
            url_path=self.url_path,
            is_default=self.is_default,
            section=self.section,
            hidden=self.hidden,
            help=self.help,
        )


def page_hash(source: str) -> str:
    return blake2b(source.encode(), digest_size=8).hexdigest()


def page_from_file(path: Path, *, is_default: bool = False) -> PageSpec:
    """Describe a script file as a page, the way a ``pages/`` file is named."""
    stem = _LEADING_NUMBER.sub("", path.stem)
    icon = ""
    if stem and not stem[0].isascii():
        icon, stem = stem[0], stem[1:].lstrip("_ -")
    title = stem.replace("_", " ").strip() or path.stem
    url_path = "" if is_default else stem.strip("_ ") or path.stem
    return PageSpec(
        page_hash=page_hash(str(path.resolve())),
        title=title,
        url_path=url_path,
        icon=icon,
        script=path,
        is_default=is_default,
    )


def _sort_key(path: Path) -> tuple[float, str]:
    match = re.match(r"^([0-9]+)", path.stem)
    return (float(match.group(1)) if match else float("inf"), path.stem.lower())


# main script -> (the names in its pages folder, its file pages): shared by sessions.
_FILE_PAGES: dict[Path, tuple[tuple[str, ...] | None, tuple[PageSpec, ...]]] = {}


class PageRegistry:
    """The app's pages; ``st.navigation`` may replace them at run time."""

    def __init__(self, main_script: Path) -> None:
        self.main_script = main_script
        # Listed on every run of every session: its name is made once.
        self._pages_folder = os.path.join(main_script.parent, "pages")
        self._lock = threading.Lock()
        self._navigation: list[PageSpec] | None = None

    def file_pages(self) -> list[PageSpec]:
        """The main script plus every ``pages/*.py`` beside it, in order."""
        try:
            # The names are what a page added, removed or renamed changes.
            stamp: tuple[str, ...] | None = tuple(os.listdir(self._pages_folder))
        except OSError:
            stamp = None
        # Every session reads them on every run: resolving the paths each
        # time cost more than the rest of a trivial rerun.
        cached = _FILE_PAGES.get(self.main_script)
        if cached is not None and cached[0] == stamp:
            return list(cached[1])
        pages = [page_from_file(self.main_script, is_default=True)]
        folder = self.main_script.parent / "pages"
        if folder.is_dir():
            files = sorted(
                (p for p in folder.glob("*.py") if not p.name.startswith("_")), key=_sort_key
            )
            pages.extend(page_from_file(p) for p in files)
        _FILE_PAGES[self.main_script] = (stamp, tuple(pages))
        return pages

    @property
    def uses_navigation(self) -> bool:
        return self._navigation is not None

    def set_navigation(self, pages: list[PageSpec]) -> None:
        with self._lock:
            self._navigation = pages

    def pages(self) -> list[PageSpec]:
        with self._lock:
            if self._navigation is not None:
                return list(self._navigation)
        return self.file_pages()

    def resolve(self, page_hash_: str, url_path: str) -> PageSpec:
        """The page a rerun asks for; the default page when unknown."""
        pages = self.pages()
        for page in pages:
            if page_hash_ and page.page_hash == page_hash_:
                return page
        for page in pages:
            if url_path and page.url_path == url_path.strip("/"):
                return page
        return next((p for p in pages if p.is_default), pages[0])

    def find(self, page: str | Path) -> PageSpec:
        """The page a script names (``st.switch_page("pages/a.py")``)."""
        wanted = str(page)
        base = self.main_script.parent
        pages = self.pages()
        for spec in pages:
            if spec.script is not None and (
                spec.script.resolve() == (base / wanted).resolve()
                or spec.script.resolve() == Path(wanted).resolve()
            ):
                return spec
            if wanted in (spec.url_path, spec.page_hash):
                return spec
        known = ", ".join(
            repr(
                str(p.script.relative_to(base))
                if p.script and p.script.is_relative_to(base)
                else p.url_path
            )
            for p in pages
        )
        raise RilletAPIException(
            f"Could not find page {wanted!r}. Pass a path relative to the main "
            f"script's folder, one of: {known}."
        )
