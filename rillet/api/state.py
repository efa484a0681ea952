"""``st.session_state`` and ``st.query_params``: views of the current session."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from rillet.runtime import context
from rillet.runtime.session_state import SessionState


def _state() -> SessionState:
    ctx = context.get_or_none()
    return ctx.state if ctx is not None else _BARE_STATE


def _read_state() -> SessionState:
    """The state, for a read: a yield point of the script body (see ``RunContext.in_body``)."""
    ctx = context.get_or_none()
    if ctx is None:
        return _BARE_STATE
    if ctx.in_body:
        ctx.check_interrupt()
    return ctx.state


# Outside a running app (a plain `python script.py`), session state is a
# process-local dict, as in Streamlit's bare mode.
_BARE_STATE = SessionState()


def _key(key: object) -> Any:
    """A session-state key as stored: an int key is its text, as in Streamlit
    (``st.session_state[5]`` and ``st.session_state["5"]`` are one value)."""
    return str(key) if isinstance(key, int) and not isinstance(key, bool) else key


class SessionStateProxy(MutableMapping[str, Any]):
    """``st.session_state``: dict and attribute access to the session's values.

    Example:
        >>> import rillet as st
        >>> if "count" not in st.session_state:
        ...     st.session_state.count = 0
        >>> st.session_state.count += 1
    """

    def __getitem__(self, key: str) -> Any:
        return _read_state()[_key(key)]

    def __setitem__(self, key: str, value: Any) -> None:
        _state()[_key(key)] = value

    def __delitem__(self, key: str) -> None:
        del _state()[_key(key)]

    def __iter__(self) -> Iterator[str]:
        return iter(_state())

    def __len__(self) -> int:
        return len(_state())

    def __contains__(self, key: object) -> bool:
        return _key(key) in _read_state()

    def __getattr__(self, key: str) -> Any:
        try:
            return _read_state()[key]
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{key}". Did you forget to initialize it? '
                f"Set it first, e.g. `st.session_state.{key} = ...`."
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        _state()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del _state()[key]
        except KeyError:
            raise AttributeError(f'st.session_state has no attribute "{key}".') from None

    def to_dict(self) -> dict[str, Any]:
        return _state().to_dict()

    def clear(self) -> None:
        _state().clear()

    def __repr__(self) -> str:
        return repr(_state().to_dict())


class QueryParamsProxy(MutableMapping[str, str]):
    """``st.query_params``: the current page's URL query parameters.

    Example:
        >>> import rillet as st
        >>> st.query_params["tab"] = "sales"
        >>> st.query_params.get("tab")
        'sales'
    """

    def __getitem__(self, key: str) -> str:
        return context.get().query_params[key]

    def __setitem__(self, key: str, value: Any) -> None:
        context.get().query_params[key] = value

    def __delitem__(self, key: str) -> None:
        del context.get().query_params[key]

    def __iter__(self) -> Iterator[str]:
        return iter(context.get().query_params)

    def __len__(self) -> int:
        return len(context.get().query_params)

    def __getattr__(self, key: str) -> str:
        try:
            return context.get().query_params[key]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        context.get().query_params[key] = value

    def get_all(self, key: str) -> list[str]:
        return context.get().query_params.get_all(key)

    def clear(self) -> None:
        context.get().query_params.clear()

    def to_dict(self) -> dict[str, str]:
        return context.get().query_params.to_dict()

    def from_dict(self, params: dict[str, str | Iterable[str]]) -> None:
        context.get().query_params.from_dict(params)

    def __repr__(self) -> str:
        return repr(self.to_dict())


session_state = SessionStateProxy()
query_params = QueryParamsProxy()
