"""``st.query_params``: the page URL's query string as a mutable mapping."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from rillet.runtime.errors import RilletAPIException

# The parameters the page's embedding reads (``?embed=true``): kept in the URL,
# hidden from the app, never set by it, as in Streamlit.
_EMBED_KEYS = ("embed", "embed_options")


def _is_embed(key: str) -> bool:
    return key.lower() in _EMBED_KEYS


class QueryParams(MutableMapping[str, str]):
    """Query parameters of the current page.

    Reading a key gives its last value; :meth:`get_all` gives every value.
    Writing changes the browser's URL without a rerun. ``embed`` and
    ``embed_options`` stay in the URL but are hidden and cannot be set.

    Example:
        >>> qp = QueryParams("a=1&a=2&b=x")
        >>> qp["a"], qp.get_all("a"), qp.to_dict()
        ('2', ['1', '2'], {'a': '2', 'b': 'x'})
    """

    def __init__(
        self, query_string: str = "", on_change: Callable[[str], None] | None = None
    ) -> None:
        self._items: dict[str, list[str]] = {}
        if query_string:  # most runs have none: parse_qsl costs a few us even then
            for key, value in parse_qsl(query_string.lstrip("?"), keep_blank_values=True):
                self._items.setdefault(key, []).append(value)
        self._on_change = on_change
        self._bound: set[str] = set()

    def __getitem__(self, key: str) -> str:
        try:
            if _is_embed(key):
                raise KeyError(key)
            return self._items[key][-1]
        except (KeyError, IndexError):
            raise KeyError(f'st.query_params has no key "{key}".') from None

    def __setitem__(self, key: str, value: Any) -> None:
        self._refuse_bound(key, "set")
        self._set(key, value)
        self._changed()

    def bind(self, key: str) -> None:
        """Mark ``key`` as a widget's (``bind="query-params"``): only the widget writes it."""
        self._bound.add(key)

    def write_bound(self, key: str, values: list[str]) -> None:
        """A bound widget's own write: its values, or none (``[]``) to leave the key out."""
        if values:
            self._items[key] = list(values)
        elif key in self._items:
            del self._items[key]
        else:
            return
        self._changed()

    def _refuse_bound(self, key: str, verb: str) -> None:
        if key in self._bound:
            raise RilletAPIException(
                f"st.query_params[{key!r}] cannot be {verb} by the app: a widget bound to the "
                f"URL (`bind='query-params'`, key {key!r}) holds it. Change the widget's value "
                "instead (through st.session_state before the widget, or a callback)."
            )

    def _set(self, key: str, value: Any) -> None:
        if _is_embed(key):
            raise RilletAPIException(
                f"st.query_params[{key!r}] cannot be set by the app: `embed` and "
                "`embed_options` (in any case) belong to the page's embedding."
            )
        if isinstance(value, dict):
            raise TypeError(
                f"st.query_params[{key!r}] takes a string or a list of strings, got a dict."
            )
        if isinstance(value, (list, tuple)):
            self._items[key] = [str(v) for v in value]
        else:
            self._items[key] = [str(value)]

    def __delitem__(self, key: str) -> None:
        self._refuse_bound(key, "deleted")
        if key not in self._items or _is_embed(key):
            raise KeyError(f'st.query_params has no key "{key}".')
        del self._items[key]
        self._changed()

    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self._items if not _is_embed(k)])

    def __len__(self) -> int:
        return sum(not _is_embed(k) for k in self._items)

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key.startswith("_"):
            object.__setattr__(self, key, value)
        else:
            self[key] = value

    def get_all(self, key: str) -> list[str]:
        """Every value given for ``key`` (an empty list when absent)."""
        return [] if _is_embed(key) else list(self._items.get(key, []))

    def clear(self) -> None:
        self._items = self._embedding()
        self._changed()

    def to_dict(self) -> dict[str, str]:
        """Each key with its last value."""
        return {k: v[-1] for k, v in self._items.items() if v and not _is_embed(k)}

    def from_dict(self, params: dict[str, str | Iterable[str]]) -> None:
        """Replace every parameter with ``params`` (nothing changes if one is refused)."""
        before, self._items = self._items, self._embedding()
        try:
            for key, value in params.items():
                self._set(key, value)  # a value, or a list or tuple of them
        except Exception:
            self._items = before
            raise
        self._changed()

    def _embedding(self) -> dict[str, list[str]]:
        return {k: v for k, v in self._items.items() if _is_embed(k)}

    def query_string(self) -> str:
        if not self._items:  # every run asks (its PageInfo)
            return ""
        return urlencode([(k, v) for k, vs in self._items.items() for v in vs])

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.query_string())

    def __repr__(self) -> str:
        return f"QueryParams({self.to_dict()!r})"
