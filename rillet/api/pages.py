"""Multipage apps and the page's own settings.

``st.navigation`` + ``st.Page`` declare the app's pages from the main
script, which then runs the selected one; ``st.page_link`` links to a page
(or to any URL); ``st.set_page_config`` sets the browser tab's title and
icon and the page layout. Without ``st.navigation``, the ``pages/`` folder
beside the main script defines the pages (see ``rillet.runtime.pages``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlencode

from rillet.api._command import handle
from rillet.api.icons import icon_name
from rillet.api.text import set_width
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.pages import PageSpec, page_from_file, page_hash
from rillet.runtime.widgets import help_text

if TYPE_CHECKING:
    from rillet.api.container import Container

PageSource = str | Path | Callable[[], object]
Position = Literal["sidebar", "hidden", "top"]
_POSITIONS = ("sidebar", "hidden", "top")
_LAYOUTS = ("centered", "wide")
_SIDEBAR_STATES = ("auto", "expanded", "collapsed")
_MENU_ITEMS = {"get help": "Get help", "report a bug": "Report a bug", "about": "About"}


class Page:
    """One page of a multipage app, for ``st.navigation``.

    Args:
        page: A script path (relative to the main script's folder) or a
            function that draws the page.
        title: Shown in the navigation and the browser tab; by default
            from the file or function name (``1_📈_sales_report.py`` →
            "sales report" with the icon 📈).
        icon: An emoji or ``":material/name:"``.
        url_path: The page's URL path; by default from the name. The
            default page lives at the app's root URL.
        default: Make this the page shown at the root URL (otherwise the
            first page is).
        visibility: ``"hidden"`` leaves the page out of the navigation
            menu; ``st.page_link`` and ``st.switch_page`` still reach it.
        help: A tooltip on the page's menu item: what it shows, in a
            sentence or two.

    Example:
        >>> import rillet as st
        >>> def home():
        ...     st.title("Home")
        >>> page = st.navigation([st.Page(home), st.Page("reports.py", icon="📈")])
        >>> page.run()
    """

    def __init__(
        self,
        page: PageSource,
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: Literal["visible", "hidden"] = "visible",
        help: str | None = None,
    ) -> None:
        if visibility not in ("visible", "hidden"):
            raise bad_argument("visibility", visibility, "'visible' or 'hidden'", command="Page")
        for name, value in (("title", title), ("icon", icon), ("url_path", url_path)):
            if value is not None and not isinstance(value, str):
                raise bad_argument(name, value, "a string or None", command="Page")
        if title == "":  # as Streamlit: no title given, the page's name gives it
            title = None
        if title is not None and not title.strip():
            raise bad_argument("title", title, "a string with more than spaces", command="Page")
        if isinstance(page, (str, Path)):
            spec = page_from_file(_script_path(page))
        elif callable(page):
            # A lambda is named "<lambda>", as in Streamlit: two of them need
            # a url_path each (st.navigation says so).
            name = getattr(page, "__name__", "") or "<lambda>"
            inferred = name.replace("_", " ")  # unstripped, as Streamlit: "_x" is " x"
            if name == "<lambda>" and url_path is not None:
                name = url_path  # (its title stays "<lambda>", as in Streamlit)
            # A function page is known by its name and URL path (stable across reruns).
            spec = PageSpec(
                page_hash=f"function:{name}",
                title=inferred,
                url_path=name,
                function=page,
            )
        else:
            raise bad_argument(
                "page", page, "a script path (str or Path) or a function", command="Page"
            )
        path = spec.url_path if url_path is None else _check_url_path(url_path)
        digest = spec.page_hash
        if spec.function is not None:
            digest = page_hash(f"{digest}:{path}")
        self._spec = PageSpec(
            page_hash=digest,
            title=title if title is not None else spec.title,
            url_path=path,
            icon=icon_name(icon, "Page") if icon is not None else spec.icon,
            script=spec.script,
            function=spec.function,
            is_default=bool(default),
            hidden=visibility == "hidden",
            help=help_text(help),
        )
        self._nav_default = False  # set by st.navigation

    @property
    def title(self) -> str:
        """The page's title."""
        return self._spec.title

    @property
    def icon(self) -> str:
        """The page's icon, ``""`` when it has none."""
        return self._spec.icon

    @property
    def url_path(self) -> str:
        """The page's URL path (without slashes); ``""`` (the app's root) once
        st.navigation made it the default page, as in Streamlit."""
        return "" if self._nav_default else self._spec.url_path

    @property
    def default(self) -> bool:
        """Whether the page was declared the default one."""
        return self._spec.is_default

    def run(self) -> None:
        """Draw the page: run its script, or call its function.

        Example:
            >>> import rillet as st
            >>> st.navigation([st.Page("home.py"), st.Page("about.py")]).run()
        """
        spec = self._spec
        if spec.function is not None:
            spec.function()
            return
        from rillet.runtime.script_runner import ScriptCache, exec_script

        assert spec.script is not None
        session = context.get().extras.get("session")
        scripts: ScriptCache = session.app.scripts if session is not None else ScriptCache()
        exec_script(scripts.get(spec.script), spec.script)

    def __repr__(self) -> str:
        return f"Page(title={self.title!r}, url_path={self.url_path!r})"


def navigation(
    pages: Sequence[Page | PageSource] | Mapping[str, Sequence[Page | PageSource]],
    *,
    position: Position = "sidebar",
    expanded: bool | int = False,
) -> Page:
    """Declare the app's pages and return the one the user asked for.

    Call it in the main script and ``.run()`` what it returns. A dict
    groups pages under section headers. The ``pages/`` folder is ignored
    once ``st.navigation`` is used.

    Args:
        pages: ``st.Page`` objects (paths and functions are wrapped in one),
            or a dict of section header → pages.
        position: ``"sidebar"``, ``"top"`` or ``"hidden"`` (no menu; use
            ``st.page_link`` or ``st.switch_page``).
        expanded: Show every page in the menu instead of a collapsed list.

    Example:
        >>> import rillet as st
        >>> page = st.navigation({
        ...     "Reports": [st.Page("sales.py"), st.Page("costs.py")],
        ...     "Admin": [st.Page("users.py", icon="👤")],
        ... })
        >>> page.run()
    """
    if position not in _POSITIONS:
        raise bad_argument(
            "position", position, "'sidebar', 'hidden' or 'top'", command="navigation"
        )
    if not isinstance(expanded, (bool, int)):
        raise bad_argument("expanded", expanded, "a bool or an int", command="navigation")
    ctx = context.get()
    entries = _sections(pages)
    specs = _declare(entries)
    chosen = _select(ctx, specs)
    ctx.pages.set_navigation(specs)
    session = ctx.extras.get("session")
    if session is not None:
        session.page_hash = chosen.page_hash
    ctx.page_hash = chosen.page_hash
    message = pb.Navigation(position=position, page_hash=chosen.page_hash, expanded=bool(expanded))
    message.pages.extend(spec.to_proto() for spec in specs)
    ctx.send_msg(pb.ForwardMsg(navigation=message))
    info = pb.PageInfo(
        query_string=ctx.query_params.query_string(),
        page_hash=chosen.page_hash,
        url_path=chosen.url_path,
    )
    ctx.send_msg(pb.ForwardMsg(page_info=info))
    return next(page for page, _ in entries if page._spec.page_hash == chosen.page_hash)


def page_link(
    page: str | Path | Page,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    query_params: Any = None,
) -> Container:
    """Display a link to another page of the app, or to a web address.

    Args:
        page: A page script path (relative to the main script), an
            ``st.Page``, or an ``http://``/``https://`` URL.
        label: The link text; by default the page's title (required for URLs).
        icon: An emoji or ``":material/name:"``; by default the page's icon.
        icon_position: ``"left"`` or ``"right"`` of the label.
        help: A tooltip.
        disabled: Show the link greyed out and not clickable.
        width: ``"content"``, ``"stretch"`` or pixels.
        query_params: The query parameters the page opens with: a dict or
            ``(key, value)`` pairs, a value being a string or a list of
            strings (a repeated key). ``None``: the page opens with none.

    Example:
        >>> import rillet as st
        >>> st.page_link("app.py", label="Home", icon="🏠")
        >>> st.page_link("pages/settings.py")
        >>> st.page_link("https://example.com", label="Docs")
        >>> st.page_link("pages/report.py", query_params={"year": "2025"})
    """
    for name, value in (("label", label), ("icon", icon), ("help", help)):
        if value is not None and not isinstance(value, str):
            raise bad_argument(name, value, "a string or None", command="page_link")
    if icon_position not in ("left", "right"):
        raise bad_argument("icon_position", icon_position, "'left' or 'right'", command="page_link")
    if icon is not None:
        icon = icon_name(icon, "page_link")
    element = pb.Element()
    set_width(element, width, "page_link")
    query = "" if query_params is None else _query_string(query_params)
    ctx = context.get()
    link = element.page_link
    if isinstance(page, str) and page.startswith(("http://", "https://")):
        if not label:
            raise bad_argument(
                "label", label, "a non-empty string for a link to a URL", command="page_link"
            )
        link.page, link.external = page, True
    else:
        if isinstance(page, Page):
            spec = page._spec
        elif isinstance(page, (str, Path)):
            spec = ctx.pages.find(page)
        else:
            raise bad_argument(
                "page", page, "a page path, an st.Page or an http(s) URL", command="page_link"
            )
        link.page, link.page_hash = spec.url_path, spec.page_hash
        label = label or spec.title
        icon = spec.icon if icon is None else icon
    link.label = label or ""
    link.icon = icon or ""
    link.help = help_text(help)
    link.disabled = bool(disabled)
    link.icon_position = icon_position
    link.width = "stretch" if use_container_width else _wire_width(width)
    link.query_string = query  # the client opens a URL link as given
    element.use_container_width = bool(use_container_width)
    return handle(ctx.emit(element))


def _wire_width(width: str | int) -> str:
    return f"{width}px" if isinstance(width, int) else width


def _query_string(params: Any) -> str:
    """``params`` (a mapping, or ``(key, value)`` pairs) URL-encoded, repeated keys kept."""
    accepted = "a dict or a list of (key, value) pairs, each value a string or a list of strings"
    pairs: list[tuple[str, str]] = []
    try:
        items = list(params.items()) if hasattr(params, "items") else list(params)
        for key, value in items:
            if isinstance(value, dict):
                raise TypeError(key)
            many = isinstance(value, Iterable) and not isinstance(value, str)
            pairs.extend((str(key), str(v)) for v in (value if many else [value]))
    except (TypeError, ValueError):
        raise bad_argument("query_params", params, accepted, command="page_link") from None
    return urlencode(pairs)


def set_page_config(
    page_title: str | None = None,
    page_icon: str | None = None,
    layout: Literal["centered", "wide"] | None = None,
    initial_sidebar_state: Literal["auto", "expanded", "collapsed"] | int | None = None,
    menu_items: Mapping[str, str | None] | None = None,
) -> None:
    """Set the browser tab's title and icon, the page width and the sidebar.

    May be called more than once; each call changes only what it names.

    Args:
        page_title: The browser tab's title.
        page_icon: An emoji, ``":material/name:"`` or an image URL.
        layout: ``"centered"`` (a readable column) or ``"wide"`` (full width).
        initial_sidebar_state: ``"auto"``, ``"expanded"``, ``"collapsed"``,
            or the sidebar's width in pixels.
        menu_items: Entries of the app menu: ``"Get help"`` and ``"Report a
            bug"`` take a URL (``None`` hides them), ``"About"`` Markdown text.

    Example:
        >>> import rillet as st
        >>> st.set_page_config(page_title="Sales", page_icon="📈", layout="wide")
    """
    for name, value in (("page_title", page_title), ("page_icon", page_icon)):
        if value is not None and not isinstance(value, str):
            raise bad_argument(name, value, "a string or None", command="set_page_config")
    if layout is not None and layout not in _LAYOUTS:
        raise bad_argument(
            "layout", layout, "'centered', 'wide' or None", command="set_page_config"
        )
    sidebar = _sidebar_state(initial_sidebar_state)
    config = pb.PageConfig(
        page_title=page_title or "",
        page_icon=page_icon or "",
        layout=layout or "",
        initial_sidebar_state=sidebar,
    )
    if menu_items is not None:
        config.menu_items_json = json.dumps(_menu_items(menu_items))
    context.get().send_msg(pb.ForwardMsg(page_config=config))


# ------------------------------------------------------------------ helpers


def _script_path(page: str | Path) -> Path:
    ctx = context.get_or_none()
    base = ctx.main_script.parent if ctx is not None else Path.cwd()
    path = Path(page)
    path = path if path.is_absolute() else base / path
    if path.suffix != ".py" or not path.is_file():
        raise RilletAPIException(
            f"st.Page: no Python script at {str(page)!r} (looked for {str(path)!r}). "
            "Pass a path to a .py file relative to the main script's folder, or a function."
        )
    return path.resolve()


def _check_url_path(url_path: str) -> str:
    cleaned = url_path.strip("/")
    if "/" in cleaned or not cleaned.strip():
        raise bad_argument(
            "url_path",
            url_path,
            "a non-empty name without inner slashes, such as 'reports'",
            command="Page",
        )
    return cleaned


def _sections(
    pages: Sequence[Page | PageSource] | Mapping[str, Sequence[Page | PageSource]],
) -> list[tuple[Page, str]]:
    grouped: Mapping[str, Sequence[Page | PageSource]]
    if isinstance(pages, Mapping):
        grouped = pages
    elif isinstance(pages, Sequence) and not isinstance(pages, str):
        grouped = {"": pages}
    else:
        raise bad_argument(
            "pages",
            pages,
            "a list of st.Page objects or a dict of section name → list of pages",
            command="navigation",
        )
    entries: list[tuple[Page, str]] = []
    for section, items in grouped.items():
        if not isinstance(section, str):
            raise bad_argument(
                "pages", section, "section names that are strings", command="navigation"
            )
        if isinstance(items, str) or not isinstance(items, Sequence):
            raise bad_argument(
                "pages", items, f"a list of pages under {section!r}", command="navigation"
            )
        entries.extend((item if isinstance(item, Page) else Page(item), section) for item in items)
    if not entries:
        raise bad_argument("pages", pages, "at least one page", command="navigation")
    return entries


def _declare(entries: list[tuple[Page, str]]) -> list[PageSpec]:
    defaults = [page for page, _ in entries if page.default]
    if len(defaults) > 1:
        raise RilletAPIException(
            "st.navigation: several pages are marked `default=True` "
            f"({', '.join(repr(p.title) for p in defaults)}); mark at most one."
        )
    default = defaults[0] if defaults else entries[0][0]
    seen: set[str] = set()
    specs = []
    for page, section in entries:
        spec = page._spec
        url = "" if page is default else spec.url_path
        page._nav_default = page is default
        for key in {url, spec.url_path}:
            if key in seen:
                raise RilletAPIException(
                    f"st.navigation: two pages share the URL path {key or '/'!r}. "
                    "Give one of them another `url_path` (or file name)."
                )
            seen.add(key)
        specs.append(
            dataclasses.replace(spec, url_path=url, is_default=page is default, section=section)
        )
    return specs


def _select(ctx: context.RunContext, specs: list[PageSpec]) -> PageSpec:
    # What the client asked for, then the page this session is on, then
    # the default. A URL path is matched against both a page's own path
    # and the root ("") the default page lives at.
    wanted_hash = str(ctx.extras.get("requested_page_hash") or "")
    wanted_name = str(ctx.extras.get("page_name") or "").strip("/")
    for spec in specs:
        if wanted_hash and spec.page_hash == wanted_hash:
            return spec
    if wanted_name:
        for spec in specs:
            if spec.url_path == wanted_name:
                return spec
    for spec in specs:
        if ctx.page_hash and spec.page_hash == ctx.page_hash:
            return spec
    return next(spec for spec in specs if spec.is_default)


def _sidebar_state(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and value in _SIDEBAR_STATES:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    raise bad_argument(
        "initial_sidebar_state",
        value,
        "'auto', 'expanded', 'collapsed', a width in pixels (a positive int) or None",
        command="set_page_config",
    )


def _menu_items(items: Mapping[str, str | None]) -> dict[str, str | None]:
    if not isinstance(items, Mapping):
        raise bad_argument("menu_items", items, "a dict or None", command="set_page_config")
    out: dict[str, str | None] = {}
    for key, value in items.items():
        name = _MENU_ITEMS.get(key.lower()) if isinstance(key, str) else None
        if name is None:
            raise bad_argument(
                "menu_items",
                key,
                "a dict whose keys are 'Get help', 'Report a bug' or 'About'",
                command="set_page_config",
            )
        if value is not None and not isinstance(value, str):
            raise bad_argument(
                f"menu_items[{key!r}]", value, "a string or None", command="set_page_config"
            )
        if name != "About" and value is not None and not _is_url(value):
            raise bad_argument(
                f"menu_items[{key!r}]",
                value,
                "an http://, https:// or mailto: URL, or None to hide the item",
                command="set_page_config",
            )
        out[name] = value
    return out


def _is_url(value: str) -> bool:
    from urllib.parse import urlparse

    parsed = urlparse(value)
    if parsed.scheme == "mailto":
        return bool(parsed.path)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


__all__ = ["Page", "navigation", "page_link", "set_page_config"]
