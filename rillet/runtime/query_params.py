"""``st.query_params``: the page URL's query string as a mutable mapping."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode


class QueryParams(MutableMapping[str, str]):
    """Query parameters of the current page.

    Reading a key gives its last value; :meth:`get_all` gives every value.
    Writing changes the browser's URL without a rerun.

    Example:
        >>> qp = QueryParams("a=1&a=2&b=x")
        >>> qp["a"], qp.get_all("a"), qp.to_dict()
        ('2', ['1', '2'], {'a': '2', 'b': 'x'})
    """

    def __init__(
        self, query_string: str = "", on_change: Callable[[str], None] | None = None
    ) -> None:
        self._items: dict[str, list[str]] = {}
        for key, value in parse_qsl(query_string.lstrip("?"), keep_blank_values=True):
            self._items.setdefault(key, []).append(value)
        self._on_change = on_change

    def __getitem__(self, key: str) -> str:
        try:
            return self._items[key][-1]
        except (KeyError, IndexError):
            raise KeyError(f'st.query_params has no key "{key}".') from None

    def __setitem__(self, key: str, value: Any) -> None:
        if isinstance(value, dict):
            raise TypeError(
                f"st.query_params[{key!r}] takes a string or a list of strings, got a dict."
            )
        if isinstance(value, (list, tuple)):
            self._items[key] = [str(v) for v in value]
        else:
            self._items[key] = [str(value)]
        self._changed()

    def __delitem__(self, key: str) -> None:
        if key not in self._items:
            raise KeyError(f'st.query_params has no key "{key}".')
        del self._items[key]
        self._changed()

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

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
        return list(self._items.get(key, []))

    def clear(self) -> None:
        self._items.clear()
        self._changed()

    def to_dict(self) -> dict[str, str]:
        """Each key with its last value."""
        return {k: v[-1] for k, v in self._items.items() if v}

    def from_dict(self, params: dict[str, str | Iterable[str]]) -> None:
        """Replace every parameter with ``params``."""
        self._items = {}
        for key, value in params.items():
            self._items[key] = [value] if isinstance(value, str) else [str(v) for v in value]
        self._changed()

    def query_string(self) -> str:
        return urlencode([(k, v) for k, vs in self._items.items() for v in vs])

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.query_string())

    def __repr__(self) -> str:
        return f"QueryParams({self.to_dict()!r})"
