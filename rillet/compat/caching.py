"""``streamlit.runtime.caching``'s key builder, for packages that memoise with the caches' rules.

streamlit-session-memo keeps a function's results in ``st.session_state``,
keyed as ``st.cache_data`` keys its entries: by each argument's value, an
argument whose name starts with ``_`` left out, an argument that cannot be
hashed refused with the error the cache decorators give.
"""

from __future__ import annotations

import enum
import hashlib
import inspect
from collections.abc import Callable, Mapping
from typing import Any


class CacheType(enum.Enum):
    """Which cache a key is for; names the decorator in an unhashable argument's error.

    Example:
        >>> CacheType.DATA.value
        'DATA'
    """

    DATA = "DATA"
    RESOURCE = "RESOURCE"


def _make_value_key(
    cache_type: CacheType,
    func: Callable[..., Any],
    func_args: tuple[Any, ...],
    func_kwargs: dict[str, Any],
    hash_funcs: Mapping[Any, Callable[[Any], Any]] | None,
) -> str:
    """A hex key for these argument values of ``func``, as the cache decorators hash them.

    Positional arguments are named by ``func``'s signature (by position past
    its parameters); each named value is hashed, underscore names skipped.

    Raises:
        UnhashableParamError: an argument cannot be hashed.

    Example:
        >>> def area(w, h, _log=None): ...
        >>> _make_value_key(CacheType.DATA, area, (2, 3), {}, None) == _make_value_key(
        ...     CacheType.DATA, area, (2,), {"h": 3, "_log": print}, None)
        True
    """
    from rillet.runtime.caching.hashing import (
        UnhashableParamError,
        UnhashableTypeError,
        hash_value,
    )

    try:
        names = list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        names = []
    named = [(names[i] if i < len(names) else f"#{i}", arg) for i, arg in enumerate(func_args)]
    h = hashlib.blake2b(cache_type.value.encode(), digest_size=16)
    for name, value in [*named, *sorted(func_kwargs.items())]:
        if name.startswith("_"):
            continue
        try:
            digest = hash_value(value, dict(hash_funcs) if hash_funcs else None)
        except UnhashableTypeError as exc:
            func_name = getattr(func, "__name__", repr(func))
            raise UnhashableParamError(func_name, name, type(value), exc.reason) from exc
        h.update(name.encode() + b"\0" + digest)
    return h.hexdigest()
