"""Selections on library charts: what ``on_select`` accepts and what it returns.

``st.plotly_chart``, ``st.pydeck_chart`` and ``st.echarts_chart`` become
widgets when ``on_select`` is ``"rerun"`` or a callable: the client sends
the selection as ``WidgetState.json_value`` and the command returns it as a
:class:`SelectionState` (a dict that also reads by attribute, as
Streamlit's chart states do). Selections cannot be set through
``st.session_state``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.digest import blake2b
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Widget, register

if TYPE_CHECKING:
    from rillet.api.container import Container

_LOG = logging.getLogger(__name__)
OnSelect = str | Callable[..., Any]


class SelectionState(dict[str, Any]):
    """A chart's selection: a dict whose keys read as attributes too.

    Example:
        >>> state = SelectionState({"selection": {"points": [], "box": []}})
        >>> state.selection.points
        []
    """

    def __init__(self, value: Mapping[str, Any] | None = None) -> None:
        super().__init__(
            {
                k: SelectionState(v) if isinstance(v, Mapping) else v
                for k, v in (value or {}).items()
            }
        )

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"The selection state has no attribute {name!r}.") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise RilletAPIException("A chart's selection state is read-only.")


@dataclass
class SelectionSerde:
    """A selection as JSON on the wire; no value yet means ``empty``."""

    empty: Mapping[str, Any]

    def deserialize(self, state: pb.WidgetState) -> SelectionState:
        if state.WhichOneof("value") != "json_value":
            return SelectionState(self.empty)
        try:
            value = json.loads(state.json_value)
        except ValueError:
            return SelectionState(self.empty)
        if not isinstance(value, dict) or not isinstance(value.get("selection"), dict):
            return SelectionState(self.empty)
        merged = {**self.empty["selection"], **value["selection"]}
        return SelectionState({"selection": merged})

    def serialize(self, value: SelectionState, state: pb.WidgetState) -> None:
        state.json_value = json.dumps(value)


def check_on_select(on_select: object, command: str) -> bool:
    """Whether ``on_select`` makes the chart a widget; raise on a value it cannot be.

    Example:
        >>> check_on_select("ignore", "plotly_chart"), check_on_select("rerun", "plotly_chart")
        (False, True)
    """
    if on_select == "ignore":
        return False
    if on_select == "rerun" or callable(on_select):
        return True
    raise bad_argument(
        "on_select", on_select, "'rerun', 'ignore' or a callable (a callback)", command=command
    )


def chart_or_selection(
    command: str,
    label: str,
    empty: Mapping[str, Any],
    build: Callable[[SelectionState], pb.Element],
    *,
    selectable: bool,
    spec: str,
    key: str | int | None,
    on_select: OnSelect,
    identity: tuple[Any, ...],
    key_identity: tuple[Any, ...],
) -> Container | SelectionState:
    """Emit the chart; a selectable one is registered as a widget and returns its selection.

    A selectable chart's identity is a digest of its ``spec`` text followed by ``identity``.
    """
    if not selectable:
        return handle(context.get().emit(build(SelectionState(empty))))
    digest = blake2b(spec.encode(), digest_size=16).hexdigest()
    widget: Widget[SelectionState] = Widget(
        kind=command,
        label=label,
        default=SelectionState(empty),
        serde=SelectionSerde(empty),
        build=build,
        identity=(digest, *identity),
        key_identity=key_identity,
        key=key,
        on_change=on_select if callable(on_select) else None,
        settable=False,
    )
    return register(widget)
