"""``st.column_config``: how each column of ``st.dataframe`` / ``st.data_editor`` looks and edits.

Every function returns a plain dict in Streamlit 1.67's shape (common keys,
then ``type_config`` with the column type and its parameters), so configs
can be built, stored and compared as data. Pass them in ``column_config``
keyed by column name (``"_index"`` for the index)::

    st.dataframe(df, column_config={"price": st.column_config.NumberColumn(format="dollar")})

Dates and times become ISO text and ``step`` of date/time columns seconds,
as they travel to the client (see the protocol README, "Tables").
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import Any

from rillet.runtime.errors import RilletAPIException

ColumnConfig = dict[str, Any]

__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "ButtonColumn",
    "CheckboxColumn",
    "Column",
    "ColumnConfig",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MarkdownColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]


def _iso(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return value


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, _dt.timedelta) else step


def _editable(
    label: str | None,
    width: Any,
    help: str | None,
    disabled: bool | None,
    required: bool | None,
    pinned: bool | None,
    alignment: str | None,
    default: Any,
    type_config: dict[str, Any],
) -> ColumnConfig:
    return {
        "label": label,
        "width": width,
        "help": help,
        "disabled": disabled,
        "required": required,
        "pinned": pinned,
        "alignment": alignment,
        "default": default,
        "type_config": type_config,
    }


def _readonly(
    label: str | None,
    width: Any,
    help: str | None,
    pinned: bool | None,
    type_config: dict[str, Any],
    alignment: str | None = None,
    with_alignment: bool = True,
) -> ColumnConfig:
    config: ColumnConfig = {"label": label, "width": width, "help": help, "pinned": pinned}
    if with_alignment:
        config["alignment"] = alignment
    config["type_config"] = type_config
    return config


def Column(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """A column of any type: label, width, tooltip, editability, pinning, alignment.

    Example:
        >>> Column("Name", width="medium", pinned=True)["pinned"]
        True
    """
    return {
        "label": label,
        "width": width,
        "help": help,
        "disabled": disabled,
        "required": required,
        "pinned": pinned,
        "alignment": alignment,
    }


def TextColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> ColumnConfig:
    """Text; in the editor at most ``max_chars`` characters matching the regex ``validate``.

    Example:
        >>> TextColumn(max_chars=10, validate=r"^[a-z]+$")["type_config"]["type"]
        'text'
    """
    config = {"type": "text", "max_chars": max_chars, "validate": validate}
    return _editable(label, width, help, disabled, required, pinned, alignment, default, config)


def NumberColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: int | float | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
) -> ColumnConfig:
    """Numbers, shown with ``format``: printf (``"%.2f"``) or ``"plain"``, ``"localized"``,
    ``"percent"``, ``"dollar"``, ``"euro"``, ``"yen"``, ``"accounting"``, ``"compact"``,
    ``"scientific"``, ``"engineering"``.

    Example:
        >>> NumberColumn("Price", format="dollar", min_value=0)["type_config"]["format"]
        'dollar'
    """
    config = {
        "type": "number",
        "min_value": min_value,
        "max_value": max_value,
        "format": format,
        "step": step,
    }
    return _editable(label, width, help, disabled, required, pinned, alignment, default, config)


def CheckboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: bool | None = None,
) -> ColumnConfig:
    """True/false values as checkboxes.

    Example:
        >>> CheckboxColumn(default=False)["default"]
        False
    """
    config = {"type": "checkbox"}
    return _editable(label, width, help, disabled, required, pinned, alignment, default, config)


def _options(
    options: Iterable[Any] | None,
    format_func: Callable[[Any], str] | None,
    colors: Any = None,
    *,
    entries: bool = False,
) -> list[Any] | None:
    """The options as sent: plain values, or (``entries``, a label or a colour) dicts."""
    if options is None:
        return None
    values = list(options)
    palette: list[Any] | None = None
    if colors is not None:
        palette = [colors] if isinstance(colors, str) else list(colors)
    if format_func is None and not palette and not entries:
        return values
    out = []
    for i, value in enumerate(values):
        entry: dict[str, Any] = {"value": value}
        if format_func is not None:
            entry["label"] = str(format_func(value))
        if palette:
            entry["color"] = palette[i % len(palette)]
        out.append(entry)
    return out


def SelectboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    options: Iterable[Any] | None = None,
    format_func: Callable[[Any], str] | None = None,
) -> ColumnConfig:
    """One value out of ``options``, picked from a dropdown in the editor.

    Example:
        >>> SelectboxColumn(options=[1, 2], format_func=lambda v: f"#{v}")["type_config"]["options"]
        [{'value': 1, 'label': '#1'}, {'value': 2, 'label': '#2'}]
    """
    config = {"type": "selectbox", "options": _options(options, format_func)}
    result = _editable(label, width, help, disabled, required, pinned, None, default, config)
    del result["alignment"]
    return result


def MultiselectColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Iterable[str] | None = None,
    options: Iterable[str] | None = None,
    accept_new_options: bool | None = None,
    color: str | Iterable[str] | None = None,
    format_func: Callable[[str], str] | None = None,
) -> ColumnConfig:
    """Several values out of ``options`` (coloured chips), or typed ones with ``accept_new_options``.

    Example:
        >>> MultiselectColumn(options=["a", "b"], color="red")["type_config"]["options"][1]
        {'value': 'b', 'color': 'red'}
    """
    config = {
        "type": "multiselect",
        "options": _options(options, format_func, color, entries=True),
        "accept_new_options": accept_new_options,
    }
    chosen = list(default) if default is not None else None
    result = _editable(label, width, help, disabled, required, pinned, None, chosen, config)
    del result["alignment"]
    return result


def DatetimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: _dt.datetime | None = None,
    format: str | None = None,
    min_value: _dt.datetime | None = None,
    max_value: _dt.datetime | None = None,
    step: int | float | _dt.timedelta | None = None,
    timezone: str | None = None,
) -> ColumnConfig:
    """Date and time; ``format`` is a Moment.js pattern or ``"localized"``, ``"distance"``,
    ``"calendar"``, ``"iso8601"``; ``step`` in seconds or a timedelta.

    Example:
        >>> DatetimeColumn(step=_dt.timedelta(minutes=5))["type_config"]["step"]
        300.0
    """
    config = {
        "type": "datetime",
        "format": format,
        "min_value": _iso(min_value),
        "max_value": _iso(max_value),
        "step": _seconds(step),
        "timezone": timezone,
    }
    return _editable(
        label, width, help, disabled, required, pinned, alignment, _iso(default), config
    )


def DateColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: _dt.date | None = None,
    format: str | None = None,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    step: int | None = None,
) -> ColumnConfig:
    """Dates; ``step`` in days.

    Example:
        >>> DateColumn(min_value=_dt.date(2024, 1, 1))["type_config"]["min_value"]
        '2024-01-01'
    """
    config = {
        "type": "date",
        "format": format,
        "min_value": _iso(min_value),
        "max_value": _iso(max_value),
        "step": step,
    }
    return _editable(
        label, width, help, disabled, required, pinned, alignment, _iso(default), config
    )


def TimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: _dt.time | None = None,
    format: str | None = None,
    min_value: _dt.time | None = None,
    max_value: _dt.time | None = None,
    step: int | float | _dt.timedelta | None = None,
) -> ColumnConfig:
    """Times of day; ``step`` in seconds or a timedelta.

    Example:
        >>> TimeColumn(default=_dt.time(9, 30))["default"]
        '09:30:00'
    """
    config = {
        "type": "time",
        "format": format,
        "min_value": _iso(min_value),
        "max_value": _iso(max_value),
        "step": _seconds(step),
    }
    return _editable(
        label, width, help, disabled, required, pinned, alignment, _iso(default), config
    )


def ListColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[str] | None = None,
) -> ColumnConfig:
    """Lists of values, shown as chips.

    Example:
        >>> ListColumn(default=["a"])["default"]
        ['a']
    """
    return {
        "label": label,
        "width": width,
        "help": help,
        "pinned": pinned,
        "disabled": disabled,
        "required": required,
        "default": list(default) if default is not None else None,
        "type_config": {"type": "list"},
    }


def LinkColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> ColumnConfig:
    """URLs as links; ``display_text`` is fixed text or a regex whose group is shown.

    Example:
        >>> LinkColumn(display_text="Open")["type_config"]["display_text"]
        'Open'
    """
    config = {
        "type": "link",
        "max_chars": max_chars,
        "validate": validate,
        "display_text": display_text,
    }
    return _editable(label, width, help, disabled, required, pinned, alignment, default, config)


def MarkdownColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
) -> ColumnConfig:
    """Text rendered as Markdown.

    Example:
        >>> MarkdownColumn()["type_config"]
        {'type': 'markdown'}
    """
    config = {"type": "markdown"}
    return _editable(label, width, help, disabled, required, pinned, alignment, default, config)


def ImageColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """Images from URLs or data URLs (read-only).

    Example:
        >>> ImageColumn("Logo")["type_config"]
        {'type': 'image'}
    """
    return _readonly(label, width, help, pinned, {"type": "image"}, alignment)


def JsonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """JSON values (dicts, lists, JSON text), shown compactly (read-only).

    Example:
        >>> JsonColumn()["type_config"]
        {'type': 'json'}
    """
    return _readonly(label, width, help, pinned, {"type": "json"}, alignment)


def AudioColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """Audio from URLs, with a play button (read-only).

    Example:
        >>> AudioColumn()["type_config"]
        {'type': 'audio'}
    """
    return _readonly(label, width, help, pinned, {"type": "audio"}, alignment)


def VideoColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """Video from URLs (read-only).

    Example:
        >>> VideoColumn()["type_config"]
        {'type': 'video'}
    """
    return _readonly(label, width, help, pinned, {"type": "video"}, alignment)


def _chart(
    kind: str, label: Any, width: Any, help: Any, pinned: Any, y_min: Any, y_max: Any, color: Any
) -> ColumnConfig:
    config = {"type": kind, "y_min": y_min, "y_max": y_max, "color": color}
    return _readonly(label, width, help, pinned, config, with_alignment=False)


def LineChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A sparkline of each cell's list of numbers.

    Example:
        >>> LineChartColumn(y_min=0, y_max=100)["type_config"]["type"]
        'line_chart'
    """
    return _chart("line_chart", label, width, help, pinned, y_min, y_max, color)


def BarChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A small bar chart of each cell's list of numbers.

    Example:
        >>> BarChartColumn()["type_config"]["type"]
        'bar_chart'
    """
    return _chart("bar_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A small area chart of each cell's list of numbers.

    Example:
        >>> AreaChartColumn(color="auto")["type_config"]["color"]
        'auto'
    """
    return _chart("area_chart", label, width, help, pinned, y_min, y_max, color)


def ProgressColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A progress bar per cell, between ``min_value`` (0) and ``max_value`` (100).

    Example:
        >>> ProgressColumn(format="percent", max_value=1)["type_config"]["max_value"]
        1
    """
    config = {
        "type": "progress",
        "format": format,
        "min_value": min_value,
        "max_value": max_value,
        "step": step,
        "color": color,
    }
    return _readonly(label, width, help, pinned, config, with_alignment=False)


def ButtonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    type: str = "secondary",
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    key: str | None = None,
) -> ColumnConfig:
    """A button in every cell, its text the cell's value (read-only).

    rillet does not yet report clicks on these buttons: ``on_click``,
    ``args`` and ``kwargs`` are refused with an error rather than ignored.

    Example:
        >>> ButtonColumn("Open")["type_config"]
        {'type': 'button', 'button_type': 'secondary'}
    """
    if on_click is not None or args is not None or kwargs is not None:
        raise RilletAPIException(
            "st.column_config.ButtonColumn: `on_click`, `args` and `kwargs` are not supported "
            "by rillet yet; leave them out to show the buttons."
        )
    del key  # identifies the click callback, which rillet does not run yet
    config = _readonly(
        label, width, help, pinned, {"type": "button", "button_type": type}, alignment
    )
    config["disabled"] = True
    config["type_config"] = config.pop("type_config")
    return config
