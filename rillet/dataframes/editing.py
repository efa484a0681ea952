"""A data editor's edits: checked cell by cell, applied, and returned in the input's type.

Every edited value is checked against its column's kind (as sent, see the
protocol README) and ``column_config`` (required, min/max, max_chars,
validate, options, disabled). An edit that fails is dropped with its
reason; the other edits stay. Applying uses pandas, as Streamlit does; the
result is converted back to the type the script passed in.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import decimal
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rillet.dataframes.state import EditingState

_LOG = logging.getLogger(__name__)

# Kinds the editor cannot change in place (shown, not edited).
READ_ONLY_KINDS = frozenset(("interval", "period", "bytes", "object", "empty_index"))


class EditRefused(ValueError):
    """One cell edit that does not fit its column."""


@dataclass
class ColumnRules:
    """What a column accepts: its kind and the column_config that limits it."""

    kind: str
    config: dict[str, Any] = field(default_factory=dict)
    options: list[Any] | None = None  # categorical categories
    tz: str = ""

    @property
    def type_config(self) -> dict[str, Any]:
        value = self.config.get("type_config") or {}
        return value if isinstance(value, dict) else {}

    def check(self, value: Any) -> Any:
        """``value`` as the column holds it, or :class:`EditRefused` saying why."""
        if self.config.get("disabled") or self.kind in READ_ONLY_KINDS:
            raise EditRefused("the column is not editable")
        if value is None:
            if self.config.get("required"):
                raise EditRefused("a value is required")
            return None
        value = self._typed(value)
        self._limits(value)
        return value

    def _typed(self, value: Any) -> Any:
        kind = self.kind
        wanted = self.type_config.get("type")
        if wanted == "checkbox" or kind == "bool":
            # As Streamlit parses an edit: also "true"/"false" text and 0/1.
            if isinstance(value, str) and value.strip().lower() in ("true", "false"):
                return value.strip().lower() == "true"
            if type(value) is int and value in (0, 1):
                return bool(value)
            if not isinstance(value, bool):
                raise EditRefused(f"{value!r} is not true or false")
            return value
        if wanted in ("number", "progress") or kind in ("int", "float", "decimal"):
            if isinstance(value, str):  # a number typed as text reads as that number
                with contextlib.suppress(ValueError):
                    value = float(value) if any(c in value for c in ".eE") else int(value)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise EditRefused(f"{value!r} is not a number")
            if kind == "int":
                if isinstance(value, float) and not value.is_integer():
                    raise EditRefused(f"{value!r} is not a whole number")
                return int(value)
            if kind == "decimal":
                return decimal.Decimal(str(value))
            return float(value) if kind == "float" else value
        if kind == "datetime" or wanted == "datetime":
            return _parse_datetime(value, self.tz)
        if kind == "date" or wanted == "date":
            if not isinstance(value, str):
                raise EditRefused(f"{value!r} is not a date")
            try:
                return _dt.date.fromisoformat(value[:10])
            except ValueError:
                raise EditRefused(f"{value!r} is not an ISO date") from None
        if kind == "time" or wanted == "time":
            if not isinstance(value, str):
                raise EditRefused(f"{value!r} is not a time")
            try:
                return _dt.time.fromisoformat(value)
            except ValueError:
                raise EditRefused(f"{value!r} is not an ISO time") from None
        if kind == "timedelta":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise EditRefused(f"{value!r} is not a number of seconds")
            return _dt.timedelta(seconds=value)
        if kind == "list" or wanted in ("list", "multiselect"):
            if not isinstance(value, list):
                raise EditRefused(f"{value!r} is not a list")
            return value
        if kind == "json" or wanted == "json":
            if isinstance(value, str):
                try:
                    return json.loads(value)
                except ValueError:
                    raise EditRefused(f"{value!r} is not JSON") from None
            return value
        if kind == "categorical":
            if self.options is not None and value not in self.options:
                raise EditRefused(f"{value!r} is not one of the categories")
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # a number given for text: its text, as Streamlit keeps it
        if not isinstance(value, str):
            raise EditRefused(f"{value!r} is not text")
        return value

    def _limits(self, value: Any) -> None:
        config = self.type_config
        low, high = config.get("min_value"), config.get("max_value")
        comparable = _comparable(value)
        if (
            low is not None
            and comparable is not None
            and comparable < _comparable_limit(low, value)
        ):
            raise EditRefused(f"{value!r} is below the minimum {low!r}")
        if (
            high is not None
            and comparable is not None
            and comparable > _comparable_limit(high, value)
        ):
            raise EditRefused(f"{value!r} is above the maximum {high!r}")
        if isinstance(value, str):
            limit = config.get("max_chars")
            if isinstance(limit, int) and len(value) > limit:
                raise EditRefused(f"{value!r} is longer than {limit} characters")
            pattern = config.get("validate")
            if isinstance(pattern, str) and not re.search(pattern, value):
                raise EditRefused(f"{value!r} does not match {pattern!r}")
        options = config.get("options")
        if isinstance(options, list) and config.get("type") in ("selectbox", "multiselect"):
            allowed = [o["value"] if isinstance(o, dict) and "value" in o else o for o in options]
            chosen = value if isinstance(value, list) else [value]
            if config.get("type") == "multiselect" and config.get("accept_new_options"):
                return
            for item in chosen:
                if item not in allowed:
                    raise EditRefused(f"{item!r} is not one of the options")


def _parse_datetime(value: Any, tz: str) -> Any:
    if not isinstance(value, str):
        raise EditRefused(f"{value!r} is not a date and time")
    try:
        parsed = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise EditRefused(f"{value!r} is not an ISO date and time") from None
    if tz:
        from zoneinfo import ZoneInfo

        try:
            zone: _dt.tzinfo = ZoneInfo(tz)
        except (KeyError, ValueError):
            zone = _dt.timezone.utc
        parsed = parsed.replace(tzinfo=zone) if parsed.tzinfo is None else parsed.astimezone(zone)
    elif parsed.tzinfo is not None:
        parsed = parsed.replace(tzinfo=None)
    return parsed


def _comparable(value: Any) -> Any:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, decimal.Decimal, _dt.date, _dt.time)):
        return value
    return None


def _comparable_limit(limit: Any, value: Any) -> Any:
    if isinstance(value, _dt.datetime) and isinstance(limit, str):
        parsed = _dt.datetime.fromisoformat(limit)
        if value.tzinfo is not None and parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=value.tzinfo)
        return parsed
    if isinstance(value, _dt.date) and isinstance(limit, str):
        return _dt.date.fromisoformat(limit[:10])
    if isinstance(value, _dt.time) and isinstance(limit, str):
        return _dt.time.fromisoformat(limit)
    if isinstance(value, decimal.Decimal):
        return decimal.Decimal(str(limit))
    return limit


@dataclass
class Checked:
    """Edits that passed (as sent, JSON values) and those refused with their reason."""

    state: EditingState
    # {"row" | "added_row": position, "column": name, "reason": text}; a
    # refusal of the whole (rows cannot be added) has only "reason".
    refused: list[dict[str, Any]] = field(default_factory=list)


def check_edits(
    state: EditingState,
    rules: dict[str, ColumnRules],
    mode: str,
    *,
    disabled: bool = False,
) -> Checked:
    """Keep the edits ``mode`` and each column's rules allow; list why others were dropped.

    Example:
        >>> rules = {"n": ColumnRules("int", {"type_config": {"type": "number", "max_value": 9}})}
        >>> checked = check_edits(EditingState({0: {"n": 5}, 1: {"n": 50}}), rules, "fixed")
        >>> checked.state.edited_rows, len(checked.refused)
        ({0: {'n': 5}}, 1)
    """
    out = EditingState()
    refused: list[dict[str, Any]] = []
    if disabled and not state.empty:
        return Checked(out, [{"reason": "the editor is disabled"}])
    for row, changes in state.edited_rows.items():
        kept = {}
        for column, value in changes.items():
            try:
                rule = rules.get(column)
                if rule is None:
                    raise EditRefused("no such column")
                rule.check(value)
                kept[column] = value
            except EditRefused as exc:
                refused.append({"row": row, "column": column, "reason": str(exc)})
        if kept:
            out.edited_rows[row] = kept
    if state.added_rows and mode not in ("dynamic", "add"):
        refused.append({"reason": f"rows cannot be added (num_rows={mode!r})"})
    else:
        for position, entry in enumerate(state.added_rows):
            kept = {}
            for column, value in entry.items():
                rule = rules.get(column)
                try:
                    if rule is None:
                        raise EditRefused("no such column")
                    if column == "_index":
                        kept[column] = value
                        continue
                    rule.check(value)
                    kept[column] = value
                except EditRefused as exc:
                    refused.append({"added_row": position, "column": column, "reason": str(exc)})
            out.added_rows.append(kept)
    if state.deleted_rows and mode not in ("dynamic", "delete"):
        refused.append({"reason": f"rows cannot be deleted (num_rows={mode!r})"})
    else:
        out.deleted_rows = list(state.deleted_rows)
    return Checked(out, refused)


def apply_edits(frame: Any, state: EditingState, rules: dict[str, ColumnRules]) -> Any:
    """A copy of the pandas ``frame`` with ``state`` (already checked) applied, dtypes kept."""

    edited = frame.copy()
    positions = {str(name): i for i, name in enumerate(edited.columns)}
    for row, changes in state.edited_rows.items():
        for column, value in changes.items():
            if column in positions:
                _set_cell(
                    edited,
                    row,
                    positions[column],
                    rules[column].check(value) if value is not None else None,
                )
    # As Streamlit: rows are deleted (keeping the others' labels), then added.
    if state.deleted_rows:
        gone = sorted({row for row in state.deleted_rows if 0 <= row < len(edited)})
        edited = edited.drop(edited.index[gone])
    if state.added_rows:
        edited = _add_rows(edited, state.added_rows, positions, rules)
    for name, dtype in frame.dtypes.items():
        if edited[name].dtype != dtype and not edited[name].isna().any():
            # A column that now holds a missing value stays widened, as in Streamlit
            # (an int column as floats, a bool one as objects with None).
            with contextlib.suppress(TypeError, ValueError):
                edited[name] = edited[name].astype(dtype)
    return edited


def _add_rows(
    edited: Any,
    added_rows: list[dict[str, Any]],
    positions: dict[str, int],
    rules: dict[str, ColumnRules],
) -> Any:
    """``edited`` with rows added under the next free labels, as Streamlit adds them.

    A range or integer index goes on counting; any other index takes the
    row's ``_index`` value, and a row without one (or with one already
    there) is left out.
    """
    import pandas as pd

    index = edited.index
    next_label: Any = None
    step = 1
    if isinstance(index, pd.RangeIndex):
        next_label, step = index.stop, index.step
    elif pd.api.types.is_integer_dtype(index.dtype):
        next_label = int(index.max()) + 1 if len(index) else 0
    for entry in added_rows:
        values = []
        for name in positions:
            rule = rules.get(name)
            # As Streamlit: a column the row does not name is missing (the client
            # puts each column's configured default in the row it adds).
            value = entry.get(name)
            values.append(rule.check(value) if rule and value is not None else None)
        label = entry.get("_index")
        if label is not None and not isinstance(index, pd.RangeIndex):
            rule = rules.get("_index")
            label = rule.check(label) if rule else label
            if label in edited.index:
                continue
        elif next_label is not None:
            label, next_label = next_label, next_label + step
        else:
            continue
        try:
            # By column, as Streamlit assigns a row: a list cell stays one cell, and a
            # missing one stays None where the column widens to objects.
            edited.loc[label] = dict(zip(edited.columns, values, strict=True))
        except (TypeError, ValueError, OverflowError):
            # A value the column's dtype cannot take: Streamlit leaves the row out.
            _LOG.warning(
                "st.data_editor: an added row was left out (a value its column cannot hold)"
            )
    return edited


def _set_cell(frame: Any, row: int, column: int, value: Any) -> None:
    try:
        frame.iat[row, column] = value
    except (TypeError, ValueError):
        # The column's dtype cannot hold the value (a missing int): widen it.
        name = frame.columns[column]
        frame[name] = frame[name].astype(object)
        frame.iat[row, column] = value


def to_input_type(edited: Any, original: Any) -> Any:
    """The edited pandas frame as the type the script passed in.

    Example:
        >>> import pandas as pd
        >>> to_input_type(pd.DataFrame({"a": [1, 2]}), [{"a": 0}])
        [{'a': 1}, {'a': 2}]
    """
    import pandas as pd

    module = type(original).__module__ or ""
    if (
        original is None
        or isinstance(original, pd.DataFrame)
        or type(original).__name__ == "Styler"
    ):
        return edited
    if isinstance(original, pd.Series):
        series = edited.iloc[:, 0]
        series.name = original.name
        return series
    if isinstance(original, pd.Index):
        return pd.Index(edited.iloc[:, 0], name=original.name)
    if module.startswith("numpy"):
        import numpy as np

        # The table's values as pandas holds them (text as objects, an int column
        # with an empty added cell as floats), as Streamlit converts them back.
        if edited.empty:
            return np.ndarray(0)
        return edited.iloc[:, 0].to_numpy() if original.ndim <= 1 else edited.to_numpy()
    if module.startswith("polars"):
        import polars as pl

        data = {str(c): _plain(edited[c].tolist()) for c in edited.columns}
        schema = original.collect_schema() if hasattr(original, "collect_schema") else None
        try:
            result = pl.DataFrame(data, schema=schema)
        except Exception:
            result = pl.DataFrame(data)
        if isinstance(original, pl.Series):
            return result.to_series()
        return result.lazy() if isinstance(original, pl.LazyFrame) else result
    if module.startswith("pyarrow"):
        import pyarrow as pa

        # The index goes along (kept labels after a deletion), and the types are
        # pandas' (text as large_string), as Streamlit converts it back.
        table = pa.Table.from_pandas(edited)
        return (
            table.to_batches()[0]
            if isinstance(original, pa.RecordBatch) and table.num_rows
            else table
        )
    records = [{str(k): v for k, v in row.items()} for row in _records(edited)]
    if isinstance(original, Mapping):
        values = list(original.values())
        if values and all(isinstance(v, Mapping) for v in values):
            return {
                c: dict(zip(edited.index.tolist(), _plain(edited[c].tolist()), strict=True))
                for c in edited.columns
            }
        if values and not any(isinstance(v, (list, tuple)) or hasattr(v, "tolist") for v in values):
            return dict(zip(edited.index.tolist(), _plain(edited.iloc[:, 0].tolist()), strict=True))
        return {c: _plain(edited[c].tolist()) for c in edited.columns}
    if isinstance(original, (list, tuple, set, frozenset)):
        items = list(original)
        if items and all(isinstance(r, Mapping) for r in items):
            rows: Any = records
        elif items and all(isinstance(r, (list, tuple)) for r in items):
            rows = [list(r.values()) for r in records]
        else:
            rows = _plain(edited.iloc[:, 0].tolist()) if len(edited.columns) else []
        if isinstance(original, tuple):
            return tuple(rows)
        if isinstance(original, (set, frozenset)):
            return set(rows)
        return rows
    return edited


def _records(frame: Any) -> list[dict[str, Any]]:
    return [
        {str(k): _plain([v])[0] for k, v in row.items()} for row in frame.to_dict(orient="records")
    ]


def _plain(values: list[Any]) -> list[Any]:
    from rillet.dataframes.convert import is_missing

    out: list[Any] = []
    for value in values:
        if isinstance(value, (list, dict)):
            out.append(value)
        elif is_missing(value):
            out.append(None)
        elif hasattr(value, "item") and type(value).__module__ == "numpy":
            out.append(value.item())
        else:
            out.append(value)
    return out
