"""What a cached function writes on the page, shown again on every cache hit.

As in Streamlit, ``st.write("Loading...")`` (or an expander, a sidebar
note...) inside an ``@st.cache_data`` or ``@st.cache_resource`` function
shows each time the function is called, not only when it actually runs:
the elements and blocks it wrote on a miss are recorded, relative to the
container it was called in, and written again on a hit. Widgets are not
replayed (their values belong to the run that made them); the warning each
one shows on a miss (as in Streamlit) is.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

Path_ = tuple[int, ...]


@dataclass
class _Written:
    base: Path_
    # (recorded path, element or block, is a block), in the order written.
    items: list[tuple[Path_, Any, bool]] = field(default_factory=list)


_written: dict[str, _Written] = {}
_lock = threading.Lock()


def _context() -> Any:
    """The running script's context; None outside a script run."""
    try:
        from rillet.runtime import context
    except ImportError:  # the caching package works without the runtime
        return None
    ctx = context.get_or_none()
    return ctx if isinstance(ctx, context.RunContext) else None


@contextmanager
def recording(key: str) -> Iterator[None]:
    """Record what the code inside writes on the page, under ``key``."""
    ctx = _context()
    if ctx is None:
        yield
        return
    written = _Written(tuple(ctx.target.path))
    send = ctx.send

    def capture(msg: Any) -> None:
        if msg.HasField("delta"):
            delta = msg.delta
            kind = delta.WhichOneof("type")
            if kind == "new_element" and not _is_widget(delta.new_element):
                written.items.append((tuple(delta.path), _copy(delta.new_element), False))
            elif kind == "add_block":
                written.items.append((tuple(delta.path), _copy(delta.add_block), True))
        send(msg)

    ctx.send = capture
    # A widget called in here warns that it only runs on a miss (widgets.register).
    ctx.extras["cached_calls"] = ctx.extras.get("cached_calls", 0) + 1
    try:
        yield
    finally:
        ctx.send = send
        ctx.extras["cached_calls"] -= 1
    with _lock:
        _written[key] = written


def replay(key: str) -> None:
    """Write again, where the function is called now, what it wrote under ``key``."""
    ctx = _context()
    with _lock:
        written = _written.get(key)
    if ctx is None or written is None:
        return
    from rillet.runtime.context import Target

    containers: dict[Path_, Any] = {written.base: ctx.target}
    placed: dict[Path_, Path_] = {}
    for path, payload, is_block in written.items:
        parent = path[:-1]
        target = containers.get(parent) or Target(parent)
        if is_block:
            containers[path] = ctx.emit_block(payload, target)
        elif path in placed:  # written again in the same slot (st.empty)
            ctx.emit(payload, Target(placed[path], True, target.form_id, target.fragment_id))
        else:
            placed[path] = ctx.emit(payload, target).path


def forget(function_key: str) -> None:
    """Drop what the function with ``function_key`` wrote (its cache was cleared)."""
    with _lock:
        for key in [k for k in _written if k.startswith(function_key + ":")]:
            del _written[key]


def _copy(message: Any) -> Any:
    copy = type(message)()
    copy.CopyFrom(message)
    return copy


def _is_widget(element: Any) -> bool:
    """Whether ``element`` is a widget: it has an id (a table or chart only with selections)."""
    kind = element.WhichOneof("type")
    if kind is None:
        return False
    body = getattr(element, kind)
    return "common" in body.DESCRIPTOR.fields_by_name and bool(body.common.id)
