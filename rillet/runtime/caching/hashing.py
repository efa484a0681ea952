"""Deterministic hashing of function identities and arguments for cache keys.

A cache key must be the same for equal arguments in every process (entries
persisted to disk are found again after a restart), so nothing here uses
Python's randomised ``hash()``: values are fed, tagged by type, into BLAKE2b.
Dicts and sets hash their items' digests in sorted order, so ``{"a": 1,
"b": 2}`` and ``{"b": 2, "a": 1}`` give the same key.

Data libraries are recognised by ``type(obj).__module__`` and only then
imported, so hashing never pays for numpy, pandas or PIL unless an argument
already is one of their objects.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import inspect
import io
import pathlib
import pickle
import types
from collections.abc import Callable, Mapping
from typing import Any

from rillet.runtime.errors import RilletAPIException

__all__ = [
    "HashFuncs",
    "UnhashableParamError",
    "UnhashableTypeError",
    "function_key",
    "hash_value",
]

HashFuncs = Mapping[type[Any] | str, Callable[[Any], Any]]
"""Maps a type, or its ``"module.QualifiedName"``, to a function whose result is hashed instead."""

_DIGEST_SIZE = 16
_MAX_DEPTH = 100

# Values whose repr is exact, deterministic and type-revealing.
_REPR_TYPES: tuple[type[Any], ...] = (
    datetime.date,  # includes datetime.datetime
    datetime.time,
    datetime.timedelta,
    datetime.timezone,
    pathlib.PurePath,
    range,
    slice,
    complex,
)
# Same, recognised by name so their modules need not be imported here.
_REPR_TYPE_NAMES = frozenset({"decimal.Decimal", "fractions.Fraction", "uuid.UUID"})


class UnhashableTypeError(TypeError):
    """A value (or something inside it) cannot be hashed for a cache key.

    Attributes:
        value_type: The type that could not be hashed.
        reason: Why, in a few words.
    """

    def __init__(self, value_type: type[Any], reason: str) -> None:
        """Record the offending type and the reason."""
        super().__init__(f"cannot hash {_type_name(value_type)}: {reason}")
        self.value_type = value_type
        self.reason = reason


class UnhashableParamError(RilletAPIException, TypeError):
    """An argument of a cached function cannot be hashed into the cache key.

    An API error (its message is Markdown in the app, as Streamlit's), and a
    ``TypeError`` for code that catches one.

    Example:
        >>> import threading
        >>> from rillet import cache_data
        >>> @cache_data
        ... def rows(lock): ...
        >>> rows(threading.Lock())  # doctest: +ELLIPSIS, +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        UnhashableParamError: Cannot hash argument 'lock' (of type _thread.lock) of the cached function 'rows()' ...
    """

    def __init__(self, func_name: str, param: str, value_type: type[Any], reason: str) -> None:
        """Build the message naming the function, parameter and type, with the two fixes."""
        type_name = _type_name(value_type)
        super().__init__(
            f"Cannot hash argument {param!r} (of type {type_name}) of the cached function "
            f"'{func_name}()': {reason}. The cache needs every argument to build its key. "
            f"To fix this, either skip the argument by renaming the parameter to '_{param}' "
            f"(a leading underscore keeps it out of the key), or tell the cache how to hash it "
            f"with `hash_funcs={{{type_name}: lambda value: <something hashable>}}`."
        )
        self.func_name = func_name
        self.param = param
        self.value_type = value_type


def _type_name(cls: type[Any]) -> str:
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def hash_value(value: object, hash_funcs: HashFuncs | None = None) -> bytes:
    """A 16-byte digest of ``value``, equal for equal values in every process.

    Args:
        value: Anything built from common types; other objects are hashed
            through their pickle reduction.
        hash_funcs: Custom hashers by type or ``"module.QualifiedName"``;
            their result is hashed in place of the value.

    Raises:
        UnhashableTypeError: The value holds something that cannot be hashed
            (a lock, a connection, a generator, ...).

    Example:
        >>> hash_value({"a": [1, 2.5]}) == hash_value({"a": [1, 2.5]})
        True
    """
    return _Hasher(hash_funcs or {}).digest(value)


def function_key(func: Callable[..., object]) -> str:
    """A hex key for a function's identity: module, qualified name and source code.

    The source is read with `inspect.getsource`; when it is not available
    (functions created by ``exec`` of a string), the compiled code is used.

    Example:
        >>> def f(x):
        ...     return x
        >>> len(function_key(f))
        32
    """
    func = inspect.unwrap(func)
    module, qualname = getattr(func, "__module__", None), getattr(func, "__qualname__", None)
    code = getattr(func, "__code__", None)
    # A script's cached functions are decorated again on every rerun, from the
    # same compiled code: reading their source (about a millisecond) once is enough.
    known = (str(module), str(qualname), code) if code is not None else None
    if known is not None and (found := _FUNCTION_KEYS.get(known)) is not None:
        return found
    h = hashlib.blake2b(digest_size=_DIGEST_SIZE)
    for part in (module, qualname):
        h.update(str(part).encode() + b"\0")
    try:
        h.update(inspect.getsource(func).encode())
    except (OSError, TypeError):
        h.update(_Hasher({}).digest(code) if code is not None else repr(func).encode())
    key = h.hexdigest()
    if known is not None:
        if len(_FUNCTION_KEYS) >= _MAX_FUNCTION_KEYS:
            _FUNCTION_KEYS.clear()
        _FUNCTION_KEYS[known] = key
    return key


# (module, qualified name, code object) → function_key; code objects compare
# by content, so an edited function gets a key of its own.
_FUNCTION_KEYS: dict[tuple[str, str, object], str] = {}
_MAX_FUNCTION_KEYS = 4096


def _tag(h: Any, tag: bytes, payload: bytes = b"") -> None:
    h.update(tag + b"\0" + len(payload).to_bytes(8, "little") + payload)


class _Hasher:
    def __init__(self, hash_funcs: HashFuncs) -> None:
        self._hash_funcs = hash_funcs
        # ids of the containers being hashed, to stop at reference cycles.
        self._active: set[int] = set()
        self._depth = 0

    def digest(self, value: object) -> bytes:
        h = hashlib.blake2b(digest_size=_DIGEST_SIZE)
        self._feed(h, value)
        return h.digest()

    def _custom(self, value: object) -> Callable[[Any], Any] | None:
        if not self._hash_funcs:
            return None
        for cls in type(value).__mro__:
            func = self._hash_funcs.get(cls) or self._hash_funcs.get(
                f"{cls.__module__}.{cls.__qualname__}"
            )
            if func is not None:
                return func
        return None

    def _feed(self, h: Any, value: object) -> None:
        if self._depth >= _MAX_DEPTH:
            raise UnhashableTypeError(type(value), f"nested more than {_MAX_DEPTH} levels deep")
        if id(value) in self._active:
            _tag(h, b"cycle")
            return
        custom = self._custom(value)
        self._depth += 1
        self._active.add(id(value))
        try:
            if custom is not None:
                try:
                    replacement = custom(value)
                except Exception as exc:
                    raise UnhashableTypeError(
                        type(value), f"its hash_funcs function raised {exc!r}"
                    ) from exc
                _tag(h, b"custom", _type_name(type(value)).encode())
                self._feed(h, replacement)
            else:
                self._feed_builtin(h, value)
        finally:
            self._depth -= 1
            self._active.discard(id(value))

    def _feed_builtin(self, h: Any, value: object) -> None:
        cls = type(value)
        if value is None:
            _tag(h, b"none")
        elif isinstance(value, enum.Enum):
            _tag(h, b"enum", f"{_type_name(cls)}.{value.name}".encode())
        elif cls is bool:
            _tag(h, b"bool", b"1" if value else b"0")
        elif cls is int:
            _tag(h, b"int", str(value).encode())
        elif cls is float:
            _tag(h, b"float", float.hex(value).encode())  # type: ignore[arg-type]
        elif cls is str:
            _tag(h, b"str", value.encode("utf-8", "surrogatepass"))  # type: ignore[attr-defined]
        elif isinstance(value, (bytes, bytearray, memoryview)):
            _tag(h, b"bytes", bytes(value))
        elif isinstance(value, (list, tuple)) and cls in (list, tuple):
            _tag(h, cls.__name__.encode(), str(len(value)).encode())
            for item in value:
                self._feed(h, item)
        elif cls is dict:
            assert isinstance(value, dict)
            pairs = sorted(self.digest(k) + self.digest(v) for k, v in value.items())
            _tag(h, b"dict", b"".join(pairs))
        elif isinstance(value, (set, frozenset)):
            _tag(h, _type_name(cls).encode(), b"".join(sorted(self.digest(v) for v in value)))
        elif isinstance(value, _REPR_TYPES) or _type_name(cls) in _REPR_TYPE_NAMES:
            _tag(h, _type_name(cls).encode(), repr(value).encode())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            _tag(h, b"dataclass", _type_name(cls).encode())
            for field in dataclasses.fields(value):
                _tag(h, b"field", field.name.encode())
                self._feed(h, getattr(value, field.name))
        elif isinstance(value, types.FunctionType):
            _tag(h, b"function", f"{value.__module__}.{value.__qualname__}".encode())
            self._feed(h, value.__code__)
        elif isinstance(value, types.CodeType):
            _tag(h, b"code", value.co_code)
            self._feed(h, value.co_consts)
            self._feed(h, value.co_names)
        elif isinstance(value, types.MethodType):
            _tag(h, b"method")
            self._feed(h, value.__func__)
            self._feed(h, value.__self__)
        elif isinstance(value, (types.BuiltinFunctionType, type)):
            _tag(h, b"global", f"{value.__module__}.{value.__qualname__}".encode())
        elif isinstance(value, types.ModuleType):
            _tag(h, b"module", value.__name__.encode())
        elif isinstance(value, (io.BytesIO, io.StringIO)):
            contents = value.getvalue()
            _tag(h, _type_name(cls).encode())
            self._feed(h, contents)
        elif not self._feed_data_library(h, value):
            self._feed_reduced(h, value)

    def _feed_data_library(self, h: Any, value: object) -> bool:
        module = type(value).__module__
        if module.startswith("numpy"):
            import numpy as np

            if isinstance(value, np.ndarray):
                _tag(h, b"ndarray", f"{value.dtype.str}{value.shape}".encode())
                if value.dtype.hasobject:
                    self._feed(h, value.tolist())
                else:
                    h.update(np.ascontiguousarray(value).tobytes())
                return True
            if isinstance(value, np.generic):
                _tag(h, b"npscalar", value.dtype.str.encode() + value.tobytes())
                return True
        elif module.startswith("pandas"):
            import pandas as pd

            if isinstance(value, (pd.DataFrame, pd.Series, pd.Index)):
                _tag(h, _type_name(type(value)).encode(), repr(value.shape).encode())
                if isinstance(value, pd.DataFrame):
                    self._feed(h, [str(c) for c in value.columns])
                    self._feed(h, [str(d) for d in value.dtypes])
                else:
                    self._feed(h, str(value.dtype))
                    self._feed(h, str(value.name))
                try:
                    hashed = pd.util.hash_pandas_object(value, index=True)
                    h.update(hashed.to_numpy().tobytes())
                except TypeError:
                    # Cells holding unhashable objects (lists, dicts): hash their pickle.
                    h.update(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
                return True
        elif module.startswith("PIL"):
            tobytes = getattr(value, "tobytes", None)
            if tobytes is not None and hasattr(value, "mode") and hasattr(value, "size"):
                _tag(h, b"image", f"{value.mode}{value.size}".encode())
                h.update(tobytes())
                return True
        return False

    def _feed_reduced(self, h: Any, value: object) -> None:
        # Hash an object through the same description pickle would use
        # (constructor, arguments, state), so nested dicts and sets stay
        # order-independent and the key stays stable across processes.
        try:
            reduced = value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            raise UnhashableTypeError(type(value), str(exc) or type(exc).__name__) from exc
        _tag(h, b"object", _type_name(type(value)).encode())
        if isinstance(reduced, str):
            self._feed(h, reduced)
            return
        parts = list(reduced)
        for i in (3, 4):  # list items and dict items arrive as iterators
            if len(parts) > i and parts[i] is not None:
                parts[i] = list(parts[i])
        for part in parts:
            self._feed(h, part)
