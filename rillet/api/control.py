"""Control flow: stop, rerun, switch page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, NoReturn

from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.interrupts import RerunData, RerunRun, StopRun


def stop() -> NoReturn:
    """Stop the script here; what was written so far stays on the page.

    Example:
        >>> import rillet as st
        >>> name = st.text_input("Name")
        >>> if not name:
        ...     st.warning("Please enter a name.")
        ...     st.stop()
    """
    context.get()
    raise StopRun()


def rerun(scope: Literal["app", "fragment"] = "app") -> NoReturn:
    """Run the script again from the top, right now.

    With ``scope="fragment"``, called inside a fragment while that fragment
    reruns on its own, only the fragment runs again.

    Example:
        >>> import rillet as st
        >>> if st.button("Reset"):
        ...     st.session_state.clear()
        ...     st.rerun()
    """
    ctx = context.get()
    if scope not in ("app", "fragment"):
        raise bad_argument("scope", scope, "'app' or 'fragment'", command="rerun")
    # As in Streamlit: a fragment-only rerun makes sense only while a
    # fragment rerun is in progress (a full run must finish the page).
    if scope == "fragment" and not (ctx.fragment_id and ctx.extras.get("in_fragment")):
        raise RilletAPIException(
            '`st.rerun(scope="fragment")` can only be called inside a function '
            "decorated with `@st.fragment` (or `@st.dialog`) while that fragment reruns; "
            "during a full run of the script, use `st.rerun()`."
        )
    fragment = str(ctx.extras.get("in_fragment")) if scope == "fragment" else ""
    raise RerunRun(RerunData(page_hash=ctx.page_hash, fragment_id=fragment))


def switch_page(
    page: str | Path | Any,
    *,
    query_params: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]] | None = None,
) -> NoReturn:
    """Go to another page of a multipage app.

    Args:
        page: A path relative to the main script (``"pages/settings.py"``)
            or an ``st.Page``.
        query_params: The new page's query parameters (a dict, or
            key/value pairs); by default it has none.

    Example:
        >>> import rillet as st
        >>> if st.button("Settings"):
        ...     st.switch_page("pages/settings.py")
    """
    ctx = context.get()
    spec = getattr(page, "_spec", None)
    if spec is None:
        if not isinstance(page, (str, Path)):
            raise bad_argument(
                "page", page, "a path string, a Path or an st.Page", command="switch_page"
            )
        spec = ctx.pages.find(page)
    query = _query_string(query_params)
    raise RerunRun(RerunData(page_hash=spec.page_hash, query_string=query))


def _query_string(
    params: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]] | None,
) -> str:
    from urllib.parse import urlencode

    if params is None:
        return ""
    try:
        pairs = list(params.items()) if isinstance(params, Mapping) else list(params)
        return urlencode(pairs, doseq=True)
    except (TypeError, ValueError):
        raise bad_argument(
            "query_params",
            params,
            "a dict or an iterable of (key, value) pairs",
            command="switch_page",
        ) from None
