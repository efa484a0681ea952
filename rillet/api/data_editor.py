"""``st.data_editor``: a table the user edits; the script gets the edited data back.

The table travels as ``st.dataframe``'s does, with ``editing_mode`` set;
the edits come back as the widget's value in Streamlit's shape
(``edited_rows``, ``added_rows``, ``deleted_rows``). Each edit is checked
against its column (``rillet.dataframes.editing``); one that fails is
dropped and logged, and the others are kept.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rillet.api.table_frame import (
    by_position,
    check_order,
    column_configs,
    frame_element,
    read_kept,
    too_large,
)
from rillet.api.tables import as_pandas
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import Widget, register

if TYPE_CHECKING:
    from rillet.column_config import ColumnConfig
    from rillet.dataframes.convert import Table
    from rillet.dataframes.editing import ColumnRules

_LOG = logging.getLogger(__name__)
_MODES = ("fixed", "dynamic", "add", "delete")


def _rules(table: Table, configs: dict[str, dict[str, Any]]) -> dict[str, ColumnRules]:
    from rillet.dataframes.editing import ColumnRules

    rules: dict[str, ColumnRules] = {}
    for column in table.columns:
        name = "_index" if column.index else column.name
        rules[name] = ColumnRules(
            column.kind, configs.get(name, {}), column.options, column.array.type.tz
        )
    return rules


def data_editor(
    data: Any,
    *,
    width: int | str = "stretch",
    height: int | str = "auto",
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, ColumnConfig | str | None] | None = None,
    num_rows: str = "fixed",
    disabled: bool | Iterable[str | int] = False,
    key: str | int | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    alt: str | None = None,
) -> Any:
    """Display a table the user can edit, and return the edited data.

    Args:
        data: What ``st.dataframe`` accepts; the edited data comes back in
            the same type (pandas with its dtypes, a list of dicts, a dict,
            a NumPy array, Polars, pyarrow...). Needs pandas.
        num_rows: ``"fixed"`` (edit cells only), ``"dynamic"`` (add and
            delete rows), ``"add"`` or ``"delete"``.
        disabled: ``True`` disables editing; a list of column names (or
            positions) disables those columns.
        key: Where the edits live in ``st.session_state``:
            ``{"edited_rows": {row: {column: value}}, "added_rows": [...],
            "deleted_rows": [...]}``.
        on_change: A callback run when the edits change (``"rerun"`` or
            ``None``: none).
        column_config: As for ``st.dataframe``; ``required``, ``min_value``,
            ``max_value``, ``max_chars``, ``validate`` and ``options`` are
            checked on every edit, and an edit that fails them is refused.

    The other arguments are those of ``st.dataframe``.

    Example:
        >>> import rillet as st
        >>> edited = st.data_editor([{"task": "Write", "done": False}], num_rows="dynamic")
    """
    from rillet.dataframes.convert import implicit_index
    from rillet.dataframes.editing import READ_ONLY_KINDS, apply_edits, to_input_type
    from rillet.dataframes.state import EditingState, EditsSerde, jsonable

    command = "data_editor"
    if num_rows not in _MODES:
        raise bad_argument(
            "num_rows", num_rows, "'fixed', 'dynamic', 'add' or 'delete'", command=command
        )
    source = _text_headers(as_pandas(data))
    _check_editable(source)
    # An edit's rerun passes the same table again: found by a byte
    # comparison, it is neither converted nor written nor hashed again.
    read = read_kept(source, command)
    table = read.table
    # Mixed-type columns are shown as text: the script gets them back as text, as in Streamlit.
    mixed = [c.name for c in table.data_columns if c.kind == "object" and c.name in source]
    if mixed:
        source = source.assign(**{name: source[name].astype("string") for name in mixed})
    disabled_all = disabled is True
    names = [c.name for c in table.data_columns]
    disabled_columns = _disabled_columns(disabled, names)
    range_index = table.range_index
    if hide_index is None and range_index and num_rows in ("dynamic", "add"):
        hide_index = True  # as Streamlit: added rows get row numbers of their own
    configs = column_configs(
        column_config,
        command,
        hide_index=hide_index,
        disabled=disabled_columns,
        implicit_index=implicit_index(data),
    )
    configs = by_position(configs, table)
    if not range_index and table.index_columns:
        # A real index: an added row needs a value for it, as in Streamlit.
        configs.setdefault("_index", {})["required"] = True
    for column in table.columns:
        name = "_index" if column.index else column.name
        # Intervals, periods and bytes the client shows read-only by their kind (and
        # the server refuses edits of them): the config says so only for the others.
        if column.kind in READ_ONLY_KINDS and column.kind not in ("interval", "period", "bytes"):
            configs.setdefault(name, {})["disabled"] = True
    frame = frame_element(
        table,
        command,
        width=width,
        height=height,
        use_container_width=use_container_width,
        configs=configs,
        column_order=check_order(column_order, command),
        row_height=row_height,
        placeholder=placeholder,
        alt=alt,
    ).adopt(read)
    frame.element.dataframe.editing_mode = num_rows
    # As Streamlit's editor, column labels are text (a NumPy array's 0 is "0").
    described = json.loads(frame.element.dataframe.columns_json or "[]")
    for info in described:
        if not info.get("index"):
            info.pop("label", None)
    frame.element.dataframe.columns_json = json.dumps(described, separators=(",", ":"))
    rules = _rules(table, configs)
    serde = EditsSerde(table.rows, rules, num_rows, disabled_all)
    if too_large(frame, command) is not None:
        return data

    def build(value: Any) -> pb.Element:
        element = frame.finished(serde.checked(jsonable(value)).to_json())[0]
        refused = getattr(value, "refused", None)
        if refused:
            element.dataframe.edit_errors_json = json.dumps(refused, separators=(",", ":"))
        return element

    widget: Widget[dict[str, Any]] = Widget(
        kind=command,
        label=alt or "data_editor",
        default=EditingState().to_dict(),
        serde=serde,
        build=build,
        # A large table's first rows go first, as st.dataframe's.
        lead=lambda value: frame.leads(serde.checked(jsonable(value)).to_json()),
        # As Streamlit 1.67: an editor is a new widget (its edits dropped) when its
        # data or parameters change; a keyed one of fixed rows only when its data's
        # shape changes (columns, their kinds, the index, the row count, what is
        # disabled), so edits outlive changed values.
        identity=(frame.finished(None)[1],),
        key_identity=(
            (num_rows, _shape(source, table, configs, disabled_all))
            if num_rows == "fixed"
            else (num_rows, frame.finished(None)[1])
        ),
        key=key,
        disabled=disabled_all,
        on_change=_callback(on_change),
        args=args,
        kwargs=kwargs,
    )
    value = register(widget)
    edits = serde.checked(jsonable(value))
    if edits.empty:
        # A frame comes back with the text headers the editor showed, a Styler as its
        # data, as in Streamlit.
        if type(data).__name__ == "Styler":
            return source
        if type(data).__module__.startswith("pandas"):
            changed = source is not data and type(data).__name__ == "DataFrame"
            return source if changed else data
        # Anything else comes back converted from the table shown, edited or not, as
        # Streamlit returns it (a list of tuples as lists, a pyarrow table's text as
        # large_string).
        return to_input_type(source.copy(), data)
    return to_input_type(apply_edits(source, edits, rules), data)


def _shape(source: Any, table: Table, configs: dict[str, dict[str, Any]], disabled: bool) -> str:
    """What a keyed editor of fixed rows is identified by: its data's shape, not its values."""
    import pandas as pd

    from rillet.runtime.digest import blake2b

    index = source.index
    default_range = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    off = sorted(name for name, config in configs.items() if config.get("disabled") is True)
    shape = repr(
        (
            [str(c) for c in source.columns],
            type(index).__name__,
            list(index.names),
            [(c.name, c.kind, c.dtype) for c in table.columns],
            table.rows,
            "all" if disabled else off,
        )
    )
    digest = blake2b(shape.encode(), digest_size=16)
    if not default_range:  # row labels identify the rows the edits are on
        try:
            digest.update(pd.util.hash_pandas_object(index, index=False).to_numpy().tobytes())
        except TypeError:
            digest.update(repr(index.tolist()).encode())
    return digest.hexdigest()


def _check_editable(frame: Any) -> None:
    """Refuse, as Streamlit does, what the editor cannot edit: some indexes, a column "_index"."""
    import pandas as pd

    index = frame.index
    if type(index) not in (pd.RangeIndex, pd.Index, pd.DatetimeIndex, pd.CategoricalIndex):
        raise bad_argument(
            "data",
            index,
            "a table whose index is a range, values, datetimes or categories "
            f"(st.data_editor cannot edit rows under a {type(index).__name__})",
            command="data_editor",
        )
    if "_index" in frame.columns:
        raise bad_argument(
            "data",
            list(frame.columns),
            'columns not named "_index" (the name stands for the index in column_config)',
            command="data_editor",
        )


def _text_headers(frame: Any) -> Any:
    """``frame`` with text column names, as Streamlit's editor names them (a MultiIndex joined by "_")."""
    import pandas as pd

    columns = frame.columns
    if isinstance(columns, pd.MultiIndex):
        names = ["_".join(str(part) for part in name) for name in columns.to_flat_index()]
    elif all(isinstance(name, str) for name in columns):
        return frame
    else:
        names = [str(name) for name in columns]
    return frame.set_axis(names, axis=1)


def _callback(on_change: Any) -> Callable[..., Any] | None:
    if callable(on_change):
        callback: Callable[..., Any] = on_change
        return callback
    if on_change in (None, "rerun", "ignore"):
        return None
    raise bad_argument("on_change", on_change, "a callable, 'rerun' or None", command="data_editor")


def _disabled_columns(disabled: Any, names: list[str]) -> list[str]:
    if isinstance(disabled, bool):
        return []
    if isinstance(disabled, str):  # one column's name (Streamlit takes any iterable)
        disabled = [disabled]
    if isinstance(disabled, int) or not isinstance(disabled, Iterable):
        raise bad_argument(
            "disabled",
            disabled,
            "True, False or a list of column names or positions",
            command="data_editor",
        )
    out = []
    for item in disabled:
        if isinstance(item, int) and not isinstance(item, bool) and str(item) not in names:
            if not 0 <= item < len(names):
                raise bad_argument(
                    "disabled",
                    disabled,
                    f"column positions below {len(names)}",
                    command="data_editor",
                )
            out.append(names[item])
        else:
            out.append(str(item))
    return out
