"""The values tables hold as widgets: a selection, and a data editor's edits.

Both travel as ``WidgetState.json_value`` in Streamlit's shapes (see the
protocol README, "Tables"). Anything that is not that shape is refused
whole: the widget keeps its last good value and the session goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rillet.protocol import rillet_pb2 as pb

if TYPE_CHECKING:
    from rillet.dataframes.editing import ColumnRules

_LOG = logging.getLogger(__name__)


class AttrDict(dict[str, Any]):
    """A dict whose keys read as attributes too: ``event.selection.rows``.

    Example:
        >>> state = AttrDict({"selection": {"rows": [1]}})
        >>> state.selection.rows
        [1]
    """

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no key {name!r}") from None
        return (
            AttrDict(value)
            if isinstance(value, dict) and not isinstance(value, AttrDict)
            else value
        )

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class DataframeState(AttrDict):
    """What ``st.dataframe(on_select=...)`` returns: ``{"selection": {"rows", "columns", "cells"}}``."""


def empty_selection() -> DataframeState:
    return DataframeState({"selection": AttrDict({"rows": [], "columns": [], "cells": []})})


def parse_selection(
    raw: Any, rows: int, columns: list[str], modes: Iterable[str]
) -> DataframeState:
    """A selection from the client or ``selection_default``, checked against the table.

    Raises ``ValueError`` for anything out of shape, out of range or not
    allowed by ``modes``.

    Example:
        >>> parse_selection({"selection": {"rows": [1]}}, 3, ["a"], ["multi-row"]).selection.rows
        [1]
    """
    if not isinstance(raw, Mapping) or not isinstance(raw.get("selection", {}), Mapping):
        raise ValueError(
            "a selection is {'selection': {'rows': [...], 'columns': [...], 'cells': [...]}}"
        )
    selection = raw.get("selection", {})
    unknown = set(selection) - {"rows", "columns", "cells"}
    if unknown:
        raise ValueError(f"unknown selection keys {sorted(unknown)}")
    modes = set(modes)
    picked_rows = _list(selection.get("rows", []), "rows")
    picked_columns = _list(selection.get("columns", []), "columns")
    picked_cells = _list(selection.get("cells", []), "cells")
    for row in picked_rows:
        if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < rows:
            raise ValueError(f"row {row!r} is not a row position below {rows}")
    for column in picked_columns:
        if column not in columns:
            raise ValueError(f"column {column!r} is not a column of the table")
    cells = []
    for cell in picked_cells:
        if (
            not isinstance(cell, (list, tuple))
            or len(cell) != 2
            or isinstance(cell[0], bool)
            or not isinstance(cell[0], int)
            or not 0 <= cell[0] < rows
            or cell[1] not in columns
        ):
            raise ValueError(f"cell {cell!r} is not [row position, column name]")
        cells.append((cell[0], cell[1]))
    _check_count(picked_rows, "row", modes)
    _check_count(picked_columns, "column", modes)
    _check_count(cells, "cell", modes)
    if "single-row-required" in modes and rows and not picked_rows:
        picked_rows = [0]  # as Streamlit: a required row is the first until one is picked
    return DataframeState(
        {"selection": AttrDict({"rows": picked_rows, "columns": picked_columns, "cells": cells})}
    )


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"selection {name} must be a list")
    return list(value)


def _check_count(picked: list[Any], what: str, modes: set[str]) -> None:
    if not picked:
        return
    if f"multi-{what}" in modes:
        return
    single = f"single-{what}" in modes or f"single-{what}-required" in modes
    if single and len(picked) == 1:
        return
    raise ValueError(f"{len(picked)} {what}(s) selected; selection modes allow {sorted(modes)}")


def selection_json(state: Mapping[str, Any]) -> str:
    selection = state["selection"]
    return json.dumps(
        {
            "selection": {
                "rows": list(selection["rows"]),
                "columns": list(selection["columns"]),
                "cells": [list(c) for c in selection["cells"]],
            }
        },
        separators=(",", ":"),
    )


@dataclass
class SelectionSerde:
    """``json_value`` ↔ :class:`DataframeState`; a bad value from the client reads as no selection."""

    rows: int
    columns: list[str]
    modes: list[str]

    def deserialize(self, state: pb.WidgetState) -> DataframeState:
        nothing: Any = {"selection": {}}
        try:
            raw = json.loads(state.json_value) if state.HasField("json_value") else nothing
            return parse_selection(raw, self.rows, self.columns, self.modes)
        except (ValueError, TypeError):
            return parse_selection(nothing, self.rows, self.columns, self.modes)

    def serialize(self, value: DataframeState, state: pb.WidgetState) -> None:
        state.json_value = selection_json(value)


# ------------------------------------------------------------ editing state


@dataclass
class EditingState:
    """A data editor's value: ``edited_rows``, ``added_rows``, ``deleted_rows``."""

    edited_rows: dict[int, dict[str, Any]] = field(default_factory=dict)
    added_rows: list[dict[str, Any]] = field(default_factory=list)
    deleted_rows: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Streamlit's shape, as ``st.session_state[key]`` shows it."""
        return {
            "edited_rows": {int(r): dict(v) for r, v in self.edited_rows.items()},
            "added_rows": [dict(r) for r in self.added_rows],
            "deleted_rows": list(self.deleted_rows),
        }

    def to_json(self) -> str:
        data = self.to_dict()
        data["edited_rows"] = {str(r): v for r, v in data["edited_rows"].items()}
        return json.dumps(data, separators=(",", ":"), default=str)

    @property
    def empty(self) -> bool:
        return not (self.edited_rows or self.added_rows or self.deleted_rows)


def parse_edits(raw: Any, rows: int, columns: list[str]) -> EditingState:
    """The shape of an editing state; ``ValueError`` when it is not Streamlit's.

    Values are not checked here (see ``rillet.dataframes.editing``); rows
    and column names are.

    Example:
        >>> parse_edits({"edited_rows": {"0": {"a": 5}}}, 2, ["a"]).edited_rows
        {0: {'a': 5}}
    """
    if not isinstance(raw, Mapping):
        raise ValueError("an editing state is a dict")
    unknown = set(raw) - {"edited_rows", "added_rows", "deleted_rows"}
    if unknown:
        raise ValueError(f"unknown editing keys {sorted(unknown)}")
    edited_raw = raw.get("edited_rows", {})
    added_raw = raw.get("added_rows", [])
    deleted_raw = raw.get("deleted_rows", [])
    if not isinstance(edited_raw, Mapping):
        raise ValueError("edited_rows must be a dict of row position -> {column: value}")
    if not isinstance(added_raw, (list, tuple)):
        raise ValueError("added_rows must be a list of {column: value}")
    if not isinstance(deleted_raw, (list, tuple)):
        raise ValueError("deleted_rows must be a list of row positions")
    allowed = set(columns) | {"_index"}
    edited: dict[int, dict[str, Any]] = {}
    for row_key, changes in edited_raw.items():
        row = _row(row_key, rows)
        if not isinstance(changes, Mapping) or not set(changes) <= allowed:
            raise ValueError(f"edited_rows[{row_key!r}] must map column names to values")
        edited[row] = dict(changes)
    added = []
    for entry in added_raw:
        if not isinstance(entry, Mapping) or not set(entry) <= allowed:
            raise ValueError("every added row must map column names to values")
        added.append(dict(entry))
    deleted = sorted({_row(r, rows) for r in deleted_raw})
    return EditingState(edited, added, deleted)


def _row(key: Any, rows: int) -> int:
    if isinstance(key, bool):
        raise ValueError(f"row {key!r} is not a row position")
    try:
        row = int(key)
    except (TypeError, ValueError):
        raise ValueError(f"row {key!r} is not a row position") from None
    if str(row) != str(key).strip() or not 0 <= row < rows:
        raise ValueError(f"row {key!r} is not a row position below {rows}")
    return row


def jsonable(value: Any) -> Any:
    """An editing state as JSON holds it: ``edited_rows`` keys as text."""
    if isinstance(value, Mapping) and isinstance(value.get("edited_rows"), Mapping):
        value = dict(value)
        value["edited_rows"] = {str(k): v for k, v in value["edited_rows"].items()}
    return value


class EditingDict(dict[str, Any]):
    """An editing state as ``st.session_state`` holds it: a plain dict in Streamlit's shape.

    ``refused`` lists the edits of the client's last value that were dropped,
    and why, so the editor can show the reasons (``DataFrame.edit_errors_json``).
    """

    refused: list[dict[str, Any]]

    def __init__(self, value: dict[str, Any], refused: list[dict[str, Any]] | None = None) -> None:
        super().__init__(value)
        self.refused = refused or []


@dataclass
class EditsSerde:
    """``json_value`` ↔ the editing state dict; malformed or refused edits are dropped."""

    rows: int
    rules: dict[str, ColumnRules]
    mode: str
    disabled: bool

    def checked(self, raw: Any) -> EditingState:
        return self.checked_with_reasons(raw)[0]

    def checked_with_reasons(self, raw: Any) -> tuple[EditingState, list[dict[str, Any]]]:
        try:
            state = parse_edits(raw, self.rows, [n for n in self.rules if n != "_index"])
        except ValueError as exc:
            _LOG.warning("st.data_editor: refused an editing state: %s", exc)
            return EditingState(), [{"reason": f"not an editing state: {exc}"}]
        from rillet.dataframes.editing import check_edits

        result = check_edits(state, self.rules, self.mode, disabled=self.disabled)
        for refusal in result.refused:
            _LOG.warning("st.data_editor: refused an edit: %s", refusal)
        return result.state, result.refused

    def deserialize(self, state: pb.WidgetState) -> EditingDict:
        if not state.HasField("json_value"):
            return EditingDict(EditingState().to_dict())
        try:
            raw = json.loads(state.json_value)
        except ValueError:
            _LOG.warning("st.data_editor: refused an editing state that is not JSON")
            return EditingDict(EditingState().to_dict(), [{"reason": "not JSON"}])
        edits, refused = self.checked_with_reasons(raw)
        return EditingDict(edits.to_dict(), refused)

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        # Sent as given (checked when it comes back): AppTest's set_value acts
        # as a client, whose refused edits the editor reports.
        if isinstance(value, EditingState):
            state.json_value = value.to_json()
        else:
            state.json_value = json.dumps(jsonable(value), separators=(",", ":"), default=str)
