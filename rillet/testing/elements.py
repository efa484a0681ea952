"""What AppTest hands back: elements, widgets and blocks of the page.

Names, properties and actions follow Streamlit's AppTest so existing tests
port by changing the import. Widget values are read from session state by
widget id, as the server sees them; actions (``click``, ``set_value``, ...)
record a new value that the next ``run()`` sends.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.widgets import FittedSerde
from rillet.testing.tree import Node

if TYPE_CHECKING:
    from rillet.testing.app_test import AppTest

E = TypeVar("E", bound="Element")
_UNSET: Any = object()


# ------------------------------------------------------------------ elements


class Element:
    """One element on the page."""

    type = "element"

    def __init__(self, proto: Any, root: AppTest, node: Node) -> None:
        self.proto = proto
        self.root = root
        self._node = node

    @property
    def value(self) -> Any:
        return getattr(self.proto, "body", None)

    @property
    def key(self) -> str | None:
        """The user key the command was given, or ``None`` (as Streamlit's AppTest)."""
        key = getattr(self.proto, "key", "")
        return str(key) if key else None

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app again (after changing widgets)."""
        return self.root.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(value={self.value!r})"


class Markdown(Element):
    type = "markdown"

    @property
    def allow_html(self) -> bool:
        return bool(self.proto.allow_html)

    @property
    def is_caption(self) -> bool:
        return bool(self.proto.kind == pb.Markdown.CAPTION)


class Caption(Markdown):
    type = "caption"


class Divider(Markdown):
    type = "divider"


class Latex(Markdown):
    """``value`` is the body as sent, ``$$`` delimiters included, as in Streamlit."""

    type = "latex"


class Heading(Element):
    type = "heading"

    @property
    def tag(self) -> str:
        return str(self.proto.tag)

    @property
    def anchor(self) -> str:
        """The anchor given (``""`` when derived from the text or hidden)."""
        anchor = str(self.proto.anchor)
        return "" if anchor == "-" else anchor

    @property
    def hide_anchor(self) -> bool:
        return bool(self.proto.anchor == "-")

    @property
    def icon(self) -> str:
        return str(self.proto.icon)


class Title(Heading):
    type = "title"


class Header(Heading):
    type = "header"


class Subheader(Heading):
    type = "subheader"


class Text(Element):
    type = "text"


class Html(Element):
    """``st.html`` (and ``st.write`` of a ``_repr_html_`` object): ``value`` is the HTML."""

    type = "html"


class LinkButton(Element):
    """``st.link_button``: ``value`` is its label, as in Streamlit's AppTest."""

    type = "link_button"

    @property
    def value(self) -> str:
        return str(self.proto.label)

    label = value

    @property
    def url(self) -> str:
        return str(self.proto.url)

    @property
    def help(self) -> str:
        return str(self.proto.help)

    @property
    def icon(self) -> str:
        return str(self.proto.icon)

    @property
    def disabled(self) -> bool:
        return bool(self.proto.disabled)


class HelpInfo(Element):
    """``st.help`` (and ``st.write`` of a function, class, module or plain object).

    ``value`` is the signature (or repr) line, as Streamlit's AppTest reports it.
    """

    type = "help_info"

    @property
    def value(self) -> str:
        return str(self.proto.value)

    @property
    def name(self) -> str:
        return str(self.proto.name)

    @property
    def doc(self) -> str:
        return str(self.proto.doc)

    doc_string = doc

    @property
    def members(self) -> list[str]:
        return [str(m.name) for m in self.proto.members]


class Code(Element):
    type = "code"

    @property
    def show_line_numbers(self) -> bool:
        return bool(self.proto.show_line_numbers)

    @property
    def value(self) -> str:
        return str(self.proto.code_text)

    @property
    def language(self) -> str:
        return str(self.proto.language)


class Json(Element):
    type = "json"

    @property
    def expanded(self) -> bool:
        return bool(self.proto.expanded)


# Streamlit's metric colours, by the numbers its AppTest reports.
_RED, _GREEN, _GRAY = 0, 1, 2
_NAMED_COLORS = {
    "red": _RED,
    "green": _GREEN,
    "gray": _GRAY,
    "grey": _GRAY,
    "orange": 3,
    "yellow": 4,
    "blue": 5,
    "violet": 6,
    "primary": 7,
}


class Metric(Element):
    type = "metric"

    @property
    def label(self) -> str:
        return str(self.proto.label)

    @property
    def delta(self) -> str:
        return str(self.proto.delta)

    @property
    def help(self) -> str:
        return str(self.proto.help)

    @property
    def color(self) -> int:
        """The delta's colour as Streamlit's AppTest numbers it: 0 red, 1 green, 2 gray,
        then orange, yellow, blue, violet and the theme's primary (a colour named in
        ``delta_color``)."""
        delta, mode = str(self.proto.delta).strip(), str(self.proto.delta_color or "normal")
        if not delta or mode == "off":
            return _GRAY
        if mode in _NAMED_COLORS:
            return _NAMED_COLORS[mode]
        falling = delta.startswith("-")
        return _RED if falling == (mode == "normal") else _GREEN


class Alert(Element):
    @property
    def icon(self) -> str:
        return str(self.proto.icon)


class Error(Alert):
    type = "error"


class Warning(Alert):
    type = "warning"


class Info(Alert):
    type = "info"


class Success(Alert):
    type = "success"


class Exception(Element):
    type = "exception"

    @property
    def value(self) -> str:
        return str(self.proto.message)

    @property
    def message(self) -> str:
        return str(self.proto.message)

    @property
    def stack_trace(self) -> list[str]:
        """The traceback's entries, each trimmed (``'File "app.py", line 3, ...'``)."""
        return [entry.strip() for entry in self.proto.stack_trace]

    @property
    def is_markdown(self) -> bool:
        return bool(self.proto.message_is_markdown)

    @property
    def is_warning(self) -> bool:
        return bool(self.proto.is_warning)


class Toast(Element):
    type = "toast"

    @property
    def icon(self) -> str:
        return str(self.proto.icon)


class Progress(Element):
    type = "progress"

    @property
    def value(self) -> int:
        return int(self.proto.value)

    @property
    def text(self) -> str:
        return str(self.proto.text)


class Spinner(Element):
    type = "spinner"

    @property
    def value(self) -> str:
        return str(self.proto.text)


class Dataframe(Element):
    """``st.dataframe`` and ``st.data_editor``: ``value`` is the table as a pandas DataFrame.

    As in Streamlit's AppTest, ``value`` is the table as sent (a data
    editor's input, without edits; needs pyarrow). ``selection`` is a
    selectable table's selection; ``editing_mode`` is ``"read_only"`` for
    ``st.dataframe`` and ``num_rows`` for ``st.data_editor``.
    """

    type = "dataframe"

    @property
    def value(self) -> Any:
        from rillet.dataframes.readback import arrow_to_pandas

        arrow = self.proto.arrow or [part.arrow for part in self.proto.parts]
        return arrow_to_pandas(arrow, self.proto.columns_json)

    @property
    def columns(self) -> list[dict[str, Any]]:
        """What was sent of each column: name, index or not, kind, dtype."""
        described: list[dict[str, Any]] = _json.loads(self.proto.columns_json or "[]")
        return described

    @property
    def column_config(self) -> dict[str, Any]:
        config: dict[str, Any] = _json.loads(self.proto.column_config_json or "{}")
        return config

    @property
    def key(self) -> str | None:
        return self.proto.common.key or None

    @property
    def editing_mode(self) -> str:
        return str(self.proto.editing_mode) or "read_only"

    @property
    def selection(self) -> Any:
        """The selection as the script sees it (``st.dataframe(on_select=...)``)."""
        if not self.proto.common.id:
            return None
        return self.root._session.state.widget_value(self.proto.common.id)


class Table(Dataframe):
    type = "table"


class Space(Element):
    """``st.space``: ``value`` is the size given (``"small"``, ``"stretch"``, pixels)."""

    type = "space"

    @property
    def value(self) -> str | int:
        size = str(self.proto.size)
        return int(size[:-2]) if size.endswith("px") else size

    size = value


class PageLink(Element):
    """``st.page_link``: ``value`` is its label, as in Streamlit's AppTest."""

    type = "page_link"

    @property
    def value(self) -> str:
        return str(self.proto.label)

    label = value

    @property
    def query_params(self) -> dict[str, list[str]]:
        from urllib.parse import parse_qs

        return parse_qs(str(self.proto.query_string), keep_blank_values=True)


class Images(Element):
    """``st.image``: one element holds every image of the call."""

    type = "image"

    @property
    def value(self) -> list[str]:
        return [img.url for img in self.proto.imgs]

    @property
    def captions(self) -> list[str]:
        return [img.caption for img in self.proto.imgs]

    @property
    def width(self) -> int:
        return int(self.proto.width)


class UnknownElement(Element):
    """An element kind AppTest has no dedicated class for."""

    def __init__(self, proto: Any, root: AppTest, node: Node, kind: str) -> None:
        super().__init__(proto, root, node)
        self.type = kind

    @property
    def value(self) -> Any:
        """The proto's ``value``, ``body``, ``text`` or ``label`` field, else ``None``."""
        fields = self.proto.DESCRIPTOR.fields_by_name
        for name in ("value", "body", "text", "label"):
            if name in fields:
                return getattr(self.proto, name)
        return None


# ------------------------------------------------------------------- widgets


class Widget(Element):
    """An element the user can change."""

    def __init__(self, proto: Any, root: AppTest, node: Node) -> None:
        super().__init__(proto, root, node)
        self._value: Any = _UNSET

    @property
    def id(self) -> str:
        return str(self.proto.common.id)

    @property
    def key(self) -> str | None:
        spec = self.root._session.state.widget(self.id)
        return spec.user_key if spec is not None else None

    @property
    def label(self) -> str:
        return str(self.proto.common.label)

    @property
    def help(self) -> str:
        return str(self.proto.common.help)

    @property
    def disabled(self) -> bool:
        return bool(self.proto.common.disabled)

    @property
    def form_id(self) -> str:
        return str(self.proto.common.form_id)

    @property
    def value(self) -> Any:
        if self._value is not _UNSET:
            return self._value
        return self.root._session.state.widget_value(self.id)

    def set_value(self: E, value: Any) -> E:
        """Set the value the next run will see."""
        self._value = value  # type: ignore[attr-defined]
        return self

    def _pending(self) -> Any:
        return self._value

    def _serde(self) -> Any:
        """The widget's serde as the command wrote it (without register()'s fitting)."""
        spec = self.root._session.state.widget(self.id)
        serde = spec.serde if spec is not None else None
        return serde.inner if isinstance(serde, FittedSerde) else serde

    def _options(self) -> Sequence[Any]:
        return list(getattr(self._serde(), "options", []))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(key={self.key!r}, label={self.label!r}, value={self.value!r})"
        )


class ComponentInstance(Widget):
    """A custom component (``declare_component``), as Streamlit's AppTest lists it.

    ``set_value`` stands in for the value the component's page would send
    (JSON-able, bytes or a table); ``value`` is ``None`` until then.
    """

    type = "component_instance"

    @property
    def label(self) -> str:
        return str(self.proto.component_name)

    @property
    def component_name(self) -> str:
        return str(self.proto.component_name)


class BidiComponent(Widget):
    """A ``components.v2`` component, as Streamlit's AppTest lists it (``bidi_component``).

    ``value`` is its state dict; ``set_value({...})`` sets the state the next run sees.
    """

    type = "bidi_component"

    @property
    def label(self) -> str:
        return str(self.proto.component_name)

    @property
    def component_name(self) -> str:
        return str(self.proto.component_name)

    @property
    def data(self) -> Any:
        """The ``data`` the component got: JSON values, bytes, tables as pandas DataFrames.

        (Streamlit's AppTest shows it only inside ``proto``; reading tables needs pyarrow.)
        """
        from rillet.components.v2 import data_of

        return data_of(self.proto)


class Button(Widget):
    type = "button"

    def click(self) -> Button:
        """Press the button; the next run sees ``True``."""
        return self.set_value(True)

    @property
    def value(self) -> bool:
        """``True`` when clicked and not yet run, and during the run the click caused."""
        if self._value is not _UNSET:
            return bool(self._value)
        # A click on a button the run then disabled is taken back, as in Streamlit;
        # so is one a callback cleared from st.session_state.
        pressed = self.root._session.state.pressed_at_end
        return self.id in self.root._triggered and self.id in pressed and not self.disabled

    @property
    def key(self) -> str | None:
        """The user key; a form's submit button without one has Streamlit's
        ``"FormSubmitter:<form>-<label>"``, so tests find it by that key."""
        key = super().key
        if key is None and self.form_id:
            return f"FormSubmitter:{self.form_id}-{self.label}"
        return key


class DataEditor(Dataframe, Widget):
    """``st.data_editor``: ``set_value`` sets the editing state the next run sees.

    Streamlit's AppTest cannot edit; rillet's can, with the value in
    Streamlit's shape: ``{"edited_rows": {0: {"col": 5}}, "added_rows":
    [...], "deleted_rows": [...]}`` (any key may be left out).
    """

    @property
    def editing_state(self) -> Any:
        return Widget.value.fget(self)  # type: ignore[attr-defined]

    def _pending(self) -> Any:
        if self._value is _UNSET:
            return _UNSET
        from rillet.dataframes.state import EditingState

        if isinstance(self._value, EditingState):
            return self._value
        raw = dict(self._value)
        raw["edited_rows"] = {str(k): v for k, v in dict(raw.get("edited_rows", {})).items()}
        return raw


class Checkbox(Widget):
    type = "checkbox"

    def check(self) -> Checkbox:
        return self.set_value(True)

    def uncheck(self) -> Checkbox:
        return self.set_value(False)


class Toggle(Checkbox):
    type = "toggle"


class Radio(Widget):
    type = "radio"

    @property
    def options(self) -> list[str]:
        return list(self.proto.options)

    @property
    def horizontal(self) -> bool:
        return bool(getattr(self.proto, "horizontal", False))

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The function that labelled the options (``str`` when the app gave none)."""
        return _format_func(self)

    @property
    def index(self) -> int | None:
        value = self.value
        if value is None:
            return None
        return _index(self._options(), value)

    def set_value(self, value: Any) -> Radio:
        return super().set_value(value)

    def select_index(self, index: int) -> Radio:
        return self.set_value(self._options()[index])


class Selectbox(Radio):
    type = "selectbox"

    def select(self, value: Any) -> Selectbox:
        return self.set_value(value)  # type: ignore[return-value]


class Multiselect(Widget):
    type = "multiselect"

    @property
    def options(self) -> list[str]:
        return list(self.proto.options)

    @property
    def indices(self) -> list[int]:
        return [_index(self._options(), v) for v in self.value]

    @property
    def values(self) -> list[str]:
        """The labels of the selected options, as shown."""
        return [self.options[i] for i in self.indices]

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The function that labelled the options (``str`` when the app gave none)."""
        return _format_func(self)

    @property
    def max_selections(self) -> int:
        """How many options may be selected; 0 when there is no limit."""
        return int(self.proto.max_selections)

    def select(self, value: Any) -> Multiselect:
        current = list(self.value)
        if value not in current:
            current.append(value)
        return self.set_value(current)

    def unselect(self, value: Any) -> Multiselect:
        return self.set_value([v for v in self.value if v != value])


class Slider(Widget):
    """``st.slider``: ``min``, ``max`` and ``step`` are values of the slider's own kind."""

    type = "slider"

    @property
    def data_type(self) -> int:
        return int(self.proto.data_type)

    @property
    def format(self) -> str:
        return str(self.proto.format)

    @property
    def options(self) -> list[str]:
        """The option labels of a select_slider; empty for other sliders."""
        return list(self.proto.options)

    @property
    def min(self) -> Any:
        return self._decode(self.proto.min)

    @property
    def max(self) -> Any:
        return self._decode(self.proto.max)

    @property
    def step(self) -> Any:
        step, kind = float(self.proto.step), self.proto.data_type
        if kind in (pb.Slider.INT, pb.Slider.OPTIONS):
            return int(step)
        if kind == pb.Slider.DATE:
            return _dt.timedelta(days=step)
        if kind == pb.Slider.TIME:
            return _dt.timedelta(seconds=step)
        if kind == pb.Slider.DATETIME:
            return _dt.timedelta(microseconds=step)
        return step

    def set_value(self, value: Any) -> Slider:
        """Set the value (one value, or a pair for a range slider)."""
        return super().set_value(value)

    def set_range(self, lower: Any, upper: Any) -> Slider:
        """Set both ends of a range slider."""
        return self.set_value((lower, upper))

    def _decode(self, wire: float) -> Any:
        decode = getattr(self._serde(), "decode", None)
        return decode(wire) if decode is not None else wire


class SelectSlider(Slider):
    type = "select_slider"

    @property
    def data_type(self) -> int:
        """``INT`` (0), as Streamlit's AppTest reports it: options travel as indexes."""
        return int(pb.Slider.INT)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The function that labelled the options (``str`` when the app gave none)."""
        return _format_func(self)


class TextInput(Widget):
    type = "text_input"

    @property
    def max_chars(self) -> int:
        """The longest text accepted; 0 when there is no limit (as Streamlit's AppTest)."""
        return int(self.proto.max_chars)

    @property
    def placeholder(self) -> str:
        return str(self.proto.placeholder)

    @property
    def autocomplete(self) -> str:
        return str(self.proto.autocomplete)

    def input(self, value: str | None) -> TextInput:
        """Type ``value`` into the box (replacing its text)."""
        return self.set_value(value)


class TextArea(TextInput):
    type = "text_area"

    @property
    def height(self) -> int | None:
        return int(self.proto.height) or None


class NumberInput(Widget):
    """``st.number_input``: ``increment``/``decrement`` move by ``step`` within bounds."""

    type = "number_input"

    @property
    def min(self) -> int | float | None:
        return self._typed(self.proto.min) if self.proto.has_min else None

    @property
    def max(self) -> int | float | None:
        return self._typed(self.proto.max) if self.proto.has_max else None

    @property
    def step(self) -> int | float:
        return self._typed(self.proto.step)

    @property
    def format(self) -> str:
        return str(self.proto.format)

    @property
    def placeholder(self) -> str:
        return str(self.proto.placeholder)

    def increment(self) -> NumberInput:
        """Press plus: one step up, not past ``max`` (nothing happens when empty)."""
        value, top = self.value, self.max
        if value is None:
            return self
        return self.set_value(value + self.step if top is None else min(value + self.step, top))

    def decrement(self) -> NumberInput:
        """Press minus: one step down, not past ``min`` (nothing happens when empty)."""
        value, bottom = self.value, self.min
        if value is None:
            return self
        return self.set_value(
            value - self.step if bottom is None else max(value - self.step, bottom)
        )

    def _typed(self, number: float) -> int | float:
        return int(number) if self.proto.is_int else float(number)


class DateInput(Widget):
    type = "date_input"

    @property
    def min(self) -> _dt.date:
        return _dt.date.fromisoformat(self.proto.min)

    @property
    def max(self) -> _dt.date:
        return _dt.date.fromisoformat(self.proto.max)

    @property
    def is_range(self) -> bool:
        return bool(self.proto.is_range)

    @property
    def format(self) -> str:
        return str(self.proto.format)


class TimeInput(Widget):
    """``st.time_input``: ``increment``/``decrement`` move by ``step`` (seconds)."""

    type = "time_input"

    @property
    def step(self) -> int:
        return int(self.proto.step)

    def increment(self) -> TimeInput:
        """The next time on the picker (wrapping past midnight)."""
        return self._shift(1)

    def decrement(self) -> TimeInput:
        """The previous time on the picker (wrapping past midnight)."""
        return self._shift(-1)

    def _shift(self, sign: int) -> TimeInput:
        value = self.value
        if value is None:
            return self
        moment = _dt.datetime.combine(_dt.date(2000, 1, 1), value)
        moment += _dt.timedelta(seconds=sign * self.step)
        return self.set_value(moment.time())


class DateTimeInput(Widget):
    """``st.datetime_input``: ``min``/``max`` as ``"YYYY-MM-DDTHH:MM"``, ``step`` in seconds."""

    type = "date_time_input"

    @property
    def min(self) -> str:
        return str(self.proto.min)

    @property
    def max(self) -> str:
        return str(self.proto.max)

    @property
    def step(self) -> int:
        return int(self.proto.step)

    @property
    def format(self) -> str:
        return str(self.proto.format)

    @property
    def required(self) -> bool:
        return bool(self.proto.required)


class ColorPicker(Widget):
    type = "color_picker"

    def pick(self, value: str) -> ColorPicker:
        """Choose the colour ``value`` (a hex string)."""
        return self.set_value(value)


class ChatInput(Widget):
    """``st.chat_input``: ``set_value`` sets the text, ``upload`` attaches a file;
    both are sent together by the next ``run()``, once."""

    type = "chat_input"

    def __init__(self, proto: Any, root: AppTest, node: Node) -> None:
        super().__init__(proto, root, node)
        self._files: list[Any] = []

    @property
    def value(self) -> Any:
        """The text set for the next run; else what the last run received (or ``None``),
        as in Streamlit's AppTest: a ``str``, or a ``ChatInputValue`` when files or
        audio are accepted."""
        if self._value is not _UNSET:
            return self._value
        return self.root.__dict__.get("_chat_sent", {}).get(self.id)

    def upload(
        self, filename: str, content: bytes, mime_type: str = "application/octet-stream"
    ) -> ChatInput:
        """Attach a file to the next message (``accept_file=True`` keeps only the last).

        As Streamlit's AppTest does, refuses a file the widget would not take.
        """
        from rillet.api.chat import _type_matcher
        from rillet.testing.app_test import AppTestError

        if not self.proto.file_mode:
            raise AppTestError(
                "This st.chat_input does not accept files: pass accept_file=True, "
                "'multiple' or 'directory'."
            )
        accepts = _type_matcher(list(self.proto.file_type))
        if accepts is not None and not accepts(filename):
            raise AppTestError(
                f"st.chat_input does not accept {filename!r}: it takes "
                f"{', '.join(self.proto.file_type)}."
            )
        file = FileUploader._stored(self, filename, content, mime_type)  # type: ignore[arg-type]
        self._files = [*self._files, file] if self.proto.file_mode != "single" else [file]
        return self

    def clear(self) -> ChatInput:
        """Drop the files attached so far (the text stays)."""
        self._files = []
        return self

    def _pending(self) -> Any:
        pending = self._value
        if self._files:
            from rillet.api.chat_value import ChatInputValue

            text = "" if self._value is _UNSET or self._value is None else str(self._value)
            pending = ChatInputValue(text, self._files, include_files=True)
        # What the coming run receives, read back through the widget's serde:
        # a trigger's value is gone from the session once that run ends.
        sent: dict[str, Any] = self.root.__dict__.setdefault("_chat_sent", {})
        sent[self.id] = None
        serde = self._serde()
        if pending is not _UNSET and pending is not None and serde is not None:
            state = self.root._session.state.widget_state(self.id, pending)
            sent[self.id] = serde.deserialize(state)
        return pending

    @property
    def placeholder(self) -> str:
        return str(self.proto.placeholder)


class PathInput(Widget):
    """``st.path_input``: ``set_value`` takes a path (a list for ``mode="files"``).

    The value reaches the script only in a desktop session, as from the
    window's native dialog; a browser session ignores it.
    """

    type = "path_input"

    @property
    def mode(self) -> str:
        kinds = {"open_file": "file", "open_files": "files", "open_folder": "folder"}
        return kinds.get(str(self.proto.kind), "save")

    @property
    def file_types(self) -> list[str]:
        return list(self.proto.file_types)


class FileUploader(Widget):
    type = "file_uploader"

    @property
    def allowed_type(self) -> list[str]:
        """The accepted extensions (``[".csv"]``); empty when any file is accepted."""
        return list(self.proto.type)

    @property
    def accept_multiple_files(self) -> bool:
        return bool(self.proto.multiple)

    @property
    def accept_directory(self) -> bool:
        return bool(self.proto.directory)

    def upload(
        self, name: str, data: bytes, type: str = "application/octet-stream"
    ) -> FileUploader:
        """Upload ``data`` as the file ``name``.

        As with Streamlit's AppTest, uploads made through this element before
        the next run add up; the files of earlier runs are replaced.
        """
        file = self._stored(name, data, type)
        if self._multiple():
            current = self._value if isinstance(self._value, list) else []
            return self.set_value([*current, file])
        return self.set_value(file)

    def set_value(self, value: Any) -> FileUploader:
        """Set the files the next run sees, replacing those there.

        Takes ``UploadedFile`` objects or, as Streamlit's AppTest does,
        ``(name, data, mimetype)`` tuples: one, a list of them, or ``None``.
        """
        files = value if isinstance(value, list) else [] if value is None else [value]
        files = [self._stored(*f) if isinstance(f, tuple) else f for f in files]
        if self._multiple():
            return super().set_value(files)
        return super().set_value(files[0] if files else None)

    def clear(self) -> FileUploader:
        """Remove every file; the next run sees ``None`` (or ``[]``)."""
        return self.set_value(None)

    def _multiple(self) -> bool:
        return bool(getattr(self._serde(), "multiple", False))

    def _stored(self, name: str, data: bytes, type: str = "application/octet-stream") -> Any:
        import uuid

        from rillet.runtime.uploads import UploadedFile, UploadRecord

        session = self.root._session
        file_id = uuid.uuid4().hex
        session.app.uploads.add(session.id, file_id, name, type, bytes(data))
        return UploadedFile(UploadRecord(file_id, name, type, bytes(data)))


def _one_capture(widget: str, name: str, mime: str, suffix: str, expected: str) -> None:
    """Refuse, as Streamlit's AppTest does, a capture the browser widget cannot make."""
    from rillet.testing.app_test import AppTestError

    if not name.lower().endswith(suffix):
        raise AppTestError(f"st.{widget} records {suffix} files: {name!r} is not one.")
    if mime.lower() != expected:
        raise AppTestError(f"st.{widget} records {expected!r} files, not {mime!r}.")


class CameraInput(FileUploader):
    type = "camera_input"

    def upload(self, name: str, data: bytes, type: str = "image/jpeg") -> CameraInput:
        """Stage one photo (``.jpg``, ``image/jpeg``), replacing any staged before."""
        _one_capture("camera_input", name, type, ".jpg", "image/jpeg")
        self.set_value(self._stored(name, data, "image/jpeg"))
        return self

    @property
    def resolution(self) -> str | None:
        """The ``resolution`` the script asked for: ``"480p"``, ``"720p"``, ``"1080p"`` or None."""
        height = int(self.proto.height)
        return f"{height}p" if height else None


class AudioInput(FileUploader):
    type = "audio_input"

    def upload(self, name: str, data: bytes, type: str = "audio/wav") -> AudioInput:
        """Stage one recording (``.wav``, ``audio/wav``), replacing any staged before."""
        _one_capture("audio_input", name, type, ".wav", "audio/wav")
        self.set_value(self._stored(name, data, "audio/wav"))
        return self

    @property
    def sample_rate(self) -> int | None:
        return int(self.proto.sample_rate) or None


class DownloadButton(Button):
    type = "download_button"

    @property
    def file_name(self) -> str:
        return str(self.proto.file_name)

    @property
    def url(self) -> str:
        return str(self.proto.url)


class SelectableChart(Widget):
    """A library chart with ``on_select`` (Plotly, pydeck, ECharts): a widget.

    ``value`` is the selection state the command returns; ``set_value``
    takes one in the same shape (``{"selection": {...}}``), as the page
    would send it after the user selected.
    """

    def __init__(self, proto: Any, root: AppTest, node: Node, kind: str) -> None:
        super().__init__(proto, root, node)
        self.type = kind


def _library_chart(kind: str) -> _Factory:
    """An inert chart element, or a :class:`SelectableChart` when it has ``on_select``."""

    def make(proto: Any, root: AppTest, node: Node) -> Element:
        if proto.common.id:
            return SelectableChart(proto, root, node, kind)
        return UnknownElement(proto, root, node, kind)

    return make


class ButtonGroup(Widget):
    """``st.pills`` and ``st.segmented_control``, as Streamlit's AppTest shows them.

    ``options`` are the labels shown (a leading icon split off); ``value`` is
    one option or ``None``, or a list with ``selection_mode="multi"``.
    """

    type = "button_group"

    @property
    def options(self) -> list[str]:
        return [str(option.label) for option in self.proto.options]

    @property
    def style(self) -> str:
        return (
            "segmented_control" if self.proto.style == pb.ButtonGroup.SEGMENTED_CONTROL else "pills"
        )

    @property
    def _multi(self) -> bool:
        return bool(self.proto.multi)

    def _selected(self) -> list[Any]:
        value = self.value
        if self._multi:
            return list(value or [])
        return [] if value is None else [value]

    @property
    def indices(self) -> list[int]:
        options = self._options()
        return [_index(options, v) for v in self._selected()]

    @property
    def formatted_values(self) -> list[str]:
        """The selected options as shown, icon included."""
        shown = [
            f"{o.icon} {o.label}" if o.icon and o.label else o.icon or o.label
            for o in self.proto.options
        ]
        return [str(shown[i]) for i in self.indices]

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The function that shows each option (``str`` unless the app gave one)."""
        return getattr(self._serde(), "format_func", str)

    def select(self, value: Any) -> ButtonGroup:
        """Select ``value`` (single mode: instead of the current one)."""
        if not self._multi:
            return self.set_value(value)
        current = self._selected()
        return self if value in current else self.set_value([*current, value])

    def unselect(self, value: Any) -> ButtonGroup:
        """Unselect ``value``, if selected."""
        if not self._multi:
            return self.set_value(None) if self.value == value else self
        current = self._selected()
        return self.set_value([v for v in current if v != value]) if value in current else self


class Feedback(Widget):
    """``st.feedback``: ``value`` is the chosen icon's index, or ``None``."""

    type = "feedback"

    @property
    def kind(self) -> str:
        return {pb.Feedback.THUMBS: "thumbs", pb.Feedback.FACES: "faces"}.get(
            self.proto.kind, "stars"
        )


class MenuButton(Button):
    """``st.menu_button``: ``value`` is the option clicked for the last run, else ``None``."""

    type = "menu_button"

    @property
    def options(self) -> list[str]:
        return list(self.proto.options)

    @property
    def value(self) -> Any:
        if self._value is not _UNSET:
            return self._value
        return self.root._triggered.get(self.id)

    def click(self, value: Any = _UNSET) -> MenuButton:
        """Choose the option ``value`` from the menu."""
        if value is _UNSET:
            raise TypeError("MenuButton.click() needs the option to choose")
        return self.set_value(value)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The function that shows each option (``str`` unless the app gave one)."""
        return getattr(self._serde(), "format_func", str)

    def click_index(self, index: int) -> MenuButton:
        """Choose the option at ``index``."""
        return self.set_value(self._options()[index])


class Pagination(Widget):
    """``st.pagination``: ``value`` is the current page, from 1."""

    type = "pagination"

    @property
    def num_pages(self) -> int:
        return int(self.proto.num_pages)

    @property
    def default(self) -> int:
        spec = self.root._session.state.widget(self.id)
        return int(spec.default) if spec is not None else 1

    def set_value(self, value: Any) -> Pagination:
        """Go to page ``value``; a page the widget lacks is refused, as in Streamlit."""
        from rillet.testing.app_test import AppTestError

        if self.disabled:
            raise AppTestError("Cannot change a disabled pagination widget.")
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 1 <= value <= self.num_pages
        ):
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"Cannot set pagination{key} to {value!r}: a page is an int from 1 to "
                f"{self.num_pages}."
            )
        return super().set_value(value)

    def select(self, page: int) -> Pagination:
        """Click page ``page``."""
        return self.set_value(page)


class VegaLiteChart(Element):
    """A Vega-Lite chart (built-in charts, ``st.altair_chart``, ``st.vega_lite_chart``).

    As in Streamlit's AppTest, ``proto.spec`` is the spec as JSON; ``spec`` is
    it parsed and ``datasets`` maps each dataset's name to a pandas DataFrame.
    """

    type = "vega_lite_chart"

    @property
    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = _json.loads(self.proto.spec)
        return spec

    @property
    def datasets(self) -> dict[str, Any]:
        from rillet.api.charts_vega import dataset_frame

        return {d.name: dataset_frame(d) for d in self.proto.datasets}

    @property
    def value(self) -> Any:
        return self.proto


class SelectableVegaLiteChart(VegaLiteChart, Widget):
    """A Vega-Lite chart with ``on_select``: ``value`` is its selection state.

    ``select({"brush": {"a": [1, 2]}})`` sets what the next run sees, as a
    user's selection in the page would (``{param: value}``).
    """

    @property
    def label(self) -> str:
        return ""

    @property
    def value(self) -> Any:
        return Widget.value.fget(self)  # type: ignore[attr-defined]

    def select(self, selection: dict[str, Any]) -> SelectableVegaLiteChart:
        """Select as a user would: ``{param: [rows] or {field: [min, max]}}``."""
        from rillet.api.charts_vega import VegaLiteState

        self.set_value(VegaLiteState({"selection": dict(selection)}))
        return self


def _format_func(widget: Widget) -> Callable[[Any], Any]:
    format_func: Callable[[Any], Any] = getattr(widget._serde(), "format_func", str)
    return format_func


def _index(options: Sequence[Any], value: Any) -> int:
    from rillet.api.serde import index_of  # as the widget matches it (an Enum made again, ...)

    return index_of(options, value)


# -------------------------------------------------------------------- blocks


# Block kinds by the name Streamlit's AppTest gives them (``Block.type``).
_BLOCK_TYPES = {
    "vertical": "flex_container",
    "horizontal": "flex_container",
    "grid_cell": "flex_container",
}
_ROOT_TYPES = ("main", "sidebar", "event", "bottom")


class Block:
    """A container on the page, with the same accessors as AppTest itself."""

    def __init__(self, node: Node, root: AppTest) -> None:
        self._node = node
        self.root = root
        self.proto = node.block

    @property
    def type(self) -> str:
        """The block's kind as Streamlit's AppTest names it (``"flex_container"``, ``"form"``...)."""
        kind = self.proto.WhichOneof("type") if self.proto is not None else None
        if kind is None:  # a root of the page, or the whole page
            roots = [id(node) for node in self.root._roots]
            number = roots.index(id(self._node)) if id(self._node) in roots else -1
            return _ROOT_TYPES[number] if number >= 0 else "root"
        return _BLOCK_TYPES.get(kind, kind)

    @property
    def children(self) -> dict[int, Element | Block]:
        """The blocks and elements inside, by position (a dict, as in Streamlit's AppTest)."""
        return {i: wrap(self._node.children[i], self.root) for i in sorted(self._node.children)}

    @property
    def key(self) -> str | None:
        """The user key of ``st.container(key=...)``, a form's key, or ``None``."""
        if self.proto is None:
            return None
        if self.proto.HasField("widget"):  # tabs, an expander or a popover as a widget
            return str(self.proto.widget.key) or None
        kind = self.proto.WhichOneof("type")
        if kind == "form":
            return str(self.proto.form.form_id) or None
        key = str(getattr(getattr(self.proto, kind), "key", "")) if kind else ""
        return key or None

    def get_by_key(self, key: str) -> Element | Block:
        """The one element, widget or block below this one with user key ``key``.

        Raises ``KeyError`` when there is none and ``AppTestError`` when
        several share it, as Streamlit's AppTest does.
        """
        matches = [e for e in self._walk() if getattr(e, "key", None) == key]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise KeyError(key)
        from rillet.testing.app_test import AppTestError

        raise AppTestError(
            f"Several elements have the key {key!r}: "
            "look in one container, or use the list of their kind (at.button(key=...))."
        )

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app again (after changing widgets)."""
        return self.root.run(timeout=timeout)

    def __iter__(self) -> Iterator[Element | Block]:
        return iter(self.children.values())

    def __len__(self) -> int:
        return len(self._node.children)

    def __getitem__(self, index: int) -> Element | Block:
        return list(self.children.values())[index]

    def _walk(self) -> Iterator[Element | Block]:
        for child in self.children.values():
            yield child
            if isinstance(child, Block):
                yield from child._walk()

    def get(self, element_type: str) -> Sequence[Any]:
        """Every element or block of ``element_type`` below this one, in order."""
        return [e for e in self._walk() if e.type == element_type]

    def _list(self, element_type: str) -> ElementList[Any]:
        return ElementList(self.get(element_type))

    def _widgets(self, element_type: str) -> WidgetList[Any]:
        return WidgetList(self.get(element_type))

    # Accessors, as in Streamlit's AppTest.
    markdown = property(lambda self: self._list("markdown"))
    caption = property(lambda self: self._list("caption"))
    divider = property(lambda self: self._list("divider"))
    latex = property(lambda self: self._list("latex"))
    title = property(lambda self: self._list("title"))
    header = property(lambda self: self._list("header"))
    subheader = property(lambda self: self._list("subheader"))
    text = property(lambda self: self._list("text"))
    code = property(lambda self: self._list("code"))
    json = property(lambda self: self._list("json"))
    metric = property(lambda self: self._list("metric"))
    error = property(lambda self: self._list("error"))
    warning = property(lambda self: self._list("warning"))
    info = property(lambda self: self._list("info"))
    success = property(lambda self: self._list("success"))
    exception = property(lambda self: self._list("exception"))
    toast = property(lambda self: self._list("toast"))
    dataframe = property(lambda self: self._list("dataframe"))
    data_editor = property(
        lambda self: WidgetList([d for d in self.dataframe if d.editing_mode != "read_only"])
    )
    table = property(lambda self: self._list("table"))
    image = property(lambda self: self._list("image"))
    progress = property(lambda self: self._list("progress"))
    spinner = property(lambda self: self._list("spinner"))
    button = property(lambda self: self._widgets("button"))
    checkbox = property(lambda self: self._widgets("checkbox"))
    toggle = property(lambda self: self._widgets("toggle"))
    radio = property(lambda self: self._widgets("radio"))
    selectbox = property(lambda self: self._widgets("selectbox"))
    multiselect = property(lambda self: self._widgets("multiselect"))
    slider = property(lambda self: self._widgets("slider"))
    select_slider = property(lambda self: self._widgets("select_slider"))
    text_input = property(lambda self: self._widgets("text_input"))
    text_area = property(lambda self: self._widgets("text_area"))
    number_input = property(lambda self: self._widgets("number_input"))
    date_input = property(lambda self: self._widgets("date_input"))
    time_input = property(lambda self: self._widgets("time_input"))
    datetime_input = property(lambda self: self._widgets("date_time_input"))
    color_picker = property(lambda self: self._widgets("color_picker"))
    chat_input = property(lambda self: self._widgets("chat_input"))
    file_uploader = property(lambda self: self._widgets("file_uploader"))
    camera_input = property(lambda self: self._widgets("camera_input"))
    audio_input = property(lambda self: self._widgets("audio_input"))
    download_button = property(lambda self: self._widgets("download_button"))
    path_input = property(lambda self: self._widgets("path_input"))
    button_group = property(lambda self: self._widgets("button_group"))
    pills = property(lambda self: WidgetList([w for w in self.button_group if w.style == "pills"]))
    segmented_control = property(
        lambda self: WidgetList([w for w in self.button_group if w.style == "segmented_control"])
    )
    feedback = property(lambda self: self._widgets("feedback"))
    menu_button = property(lambda self: self._widgets("menu_button"))
    pagination = property(lambda self: self._widgets("pagination"))
    columns = property(lambda self: self._list("column"))
    link_button = property(lambda self: self._list("link_button"))
    html = property(lambda self: self._list("html"))
    help = property(lambda self: self._list("help_info"))

    @property
    def container(self) -> ElementList[Any]:
        """``st.container`` blocks (not the row ``st.columns`` makes), as Streamlit's AppTest."""
        return ElementList(
            [
                e
                for e in self._walk()
                if isinstance(e, Block)
                and e.type == "flex_container"
                and not any(isinstance(c, Column) for c in e.children.values())
            ]
        )

    @property
    def form_submit_button(self) -> WidgetList[Button]:
        """The buttons of forms (``st.form_submit_button``)."""
        return WidgetList([b for b in self._widgets("button") if b.form_id])

    tabs = property(lambda self: self._list("tab"))
    expander = property(lambda self: self._list("expander"))
    status = property(lambda self: self._list("status"))
    chat_message = property(lambda self: self._list("chat_message"))
    popover = property(lambda self: self._list("popover"))
    form = property(lambda self: self._list("form"))
    grid = property(lambda self: self._list("grid_container"))
    space = property(lambda self: self._list("space"))
    page_link = property(lambda self: self._list("page_link"))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} children)"


class Column(Block):
    type = "column"

    @property
    def weight(self) -> float:
        assert self.proto is not None
        return float(self.proto.column.weight)

    @property
    def gap(self) -> str | None:
        """The gap's size name (``"small"``...), or ``None`` for no gap or a gap
        in pixels, as Streamlit's AppTest reports it."""
        assert self.proto is not None
        gap = str(self.proto.column.gap)
        return None if gap == "none" or gap.endswith("px") else gap


class Tab(Block):
    type = "tab"

    @property
    def label(self) -> str:
        assert self.proto is not None
        return str(self.proto.tab.label)


class Expander(Block):
    type = "expander"

    @property
    def label(self) -> str:
        assert self.proto is not None
        return str(self.proto.expander.label)

    @property
    def icon(self) -> str:
        assert self.proto is not None
        return str(self.proto.expander.icon)


_STATUS_ICONS = {"running": "spinner", "complete": ":material/check:", "error": ":material/error:"}


class Status(Expander):
    """``st.status``: an expander with a state; ``icon`` as Streamlit's AppTest reports it."""

    type = "status"

    @property
    def state(self) -> str:
        assert self.proto is not None
        return str(self.proto.expander.state)

    @property
    def icon(self) -> str:
        return _STATUS_ICONS.get(self.state, "")


class Form(Block):
    type = "form"


# The icon rillet shows for a chat role, and the name Streamlit's AppTest gives it.
class ChatMessage(Block):
    type = "chat_message"

    @property
    def name(self) -> str:
        assert self.proto is not None
        return str(self.proto.chat_message.name)

    @property
    def avatar(self) -> str:
        """The avatar given; ``"user"`` or ``"assistant"`` for the built-in ones."""
        assert self.proto is not None
        return str(self.proto.chat_message.avatar)


class Popover(Block):
    type = "popover"


class Dialog(Block):
    """An open ``st.dialog`` (it lives in the event root, not in ``at.main``)."""

    type = "dialog"

    @property
    def title(self) -> str:
        assert self.proto is not None
        return str(self.proto.dialog.title)


class Grid(Block):
    """``st.grid``, with its settings under Streamlit's AppTest names."""

    type = "grid_container"

    def _grid(self) -> Any:
        assert self.proto is not None
        return self.proto.grid

    @property
    def column_count(self) -> int | str:
        return int(self._grid().columns) or "auto"

    @property
    def min_column_width(self) -> int | str:
        return int(self._grid().min_column_width) or "auto"

    @property
    def row_height(self) -> int | str:
        return int(self._grid().row_height) or "content"

    @property
    def wrap(self) -> bool:
        return bool(self._grid().wrap)

    @property
    def border(self) -> bool:
        return bool(self._grid().border)

    @property
    def dense(self) -> bool:
        return bool(self._grid().dense)

    @property
    def vertical_alignment(self) -> str:
        return str(self._grid().vertical_alignment)

    @property
    def gap(self) -> Any:
        rows, columns = _gap_value(self._grid().row_gap), _gap_value(self._grid().column_gap)
        return rows if rows == columns else (rows, columns)

    @property
    def width(self) -> int | str:
        return _size_value(str(self._grid().width))

    @property
    def height(self) -> int | str:
        return _size_value(str(self._grid().height))


def _gap_value(gap: str) -> str | int | None:
    if gap == "none":
        return None
    return int(gap[:-2]) if gap.endswith("px") else gap


def _size_value(size: str) -> int | str:
    return int(size[:-2]) if size.endswith("px") else size


_BLOCKS: dict[str, type[Block]] = {
    "column": Column,
    "tab": Tab,
    "expander": Expander,
    "form": Form,
    "chat_message": ChatMessage,
    "popover": Popover,
    "dialog": Dialog,
    "grid": Grid,
}


class ElementList(Generic[E], Sequence[E]):
    """Elements of one kind, in page order."""

    def __init__(self, items: Sequence[E]) -> None:
        self._items = list(items)

    @overload
    def __getitem__(self, index: int) -> E: ...

    @overload
    def __getitem__(self, index: slice) -> ElementList[E]: ...

    def __getitem__(self, index: int | slice) -> E | ElementList[E]:
        if isinstance(index, slice):
            return type(self)(self._items[index])
        return self._items[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._items == other._items
        return self._items == other

    def __hash__(self) -> int:
        return hash(tuple(id(e) for e in self._items))

    def __call__(self, key: str) -> E:
        """The first one with the user key ``key`` (``KeyError`` if none has it)."""
        for item in self._items:
            if getattr(item, "key", None) == key:
                return item
        raise KeyError(key)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def len(self) -> int:
        return len(self._items)

    @property
    def values(self) -> list[Any]:
        return [e.value for e in self._items]

    def __repr__(self) -> str:
        return f"ElementList({self._items!r})"


class WidgetList(ElementList[E]):
    """Widgets of one kind; call it with a key to find one."""


# ------------------------------------------------------- node → wrapper table

_Factory = Callable[[Any, "AppTest", Node], Element]


def _by(field: str, table: dict[Any, type[Element]]) -> _Factory:
    def build(proto: Any, root: AppTest, node: Node) -> Element:
        return table[getattr(proto, field)](proto, root, node)

    return build


_ELEMENTS: dict[str, _Factory] = {
    "markdown": _by(
        "kind",
        {
            pb.Markdown.NATIVE: Markdown,
            pb.Markdown.CAPTION: Caption,
            pb.Markdown.LATEX: Latex,
            pb.Markdown.DIVIDER: Divider,
        },
    ),
    "heading": _by("tag", {"h1": Title, "h2": Header, "h3": Subheader}),
    "text": Text,
    "html": Html,
    "component_instance": ComponentInstance,
    "bidi_component": BidiComponent,
    "help": HelpInfo,
    "link_button": LinkButton,
    "code": Code,
    "json": Json,
    "metric": Metric,
    "alert": _by(
        "format",
        {
            pb.Alert.ERROR: Error,
            pb.Alert.WARNING: Warning,
            pb.Alert.INFO: Info,
            pb.Alert.SUCCESS: Success,
        },
    ),
    "exception": Exception,
    "button": Button,
    "checkbox": _by("style", {pb.Checkbox.CHECKBOX: Checkbox, pb.Checkbox.TOGGLE: Toggle}),
    "radio": Radio,
    "selectbox": Selectbox,
    "multiselect": Multiselect,
    "slider": lambda proto, root, node: (
        SelectSlider if proto.data_type == pb.Slider.OPTIONS else Slider
    )(proto, root, node),
    "text_input": TextInput,
    "text_area": TextArea,
    "number_input": NumberInput,
    "date_input": DateInput,
    "time_input": TimeInput,
    "color_picker": ColorPicker,
    "chat_input": ChatInput,
    "file_uploader": FileUploader,
    "camera_input": CameraInput,
    "audio_input": AudioInput,
    "download_button": DownloadButton,
    "path_picker": PathInput,
    "button_group": ButtonGroup,
    "feedback": Feedback,
    "menu_button": MenuButton,
    "pagination": Pagination,
    "toast": Toast,
    "progress": Progress,
    "spinner": Spinner,
    "dataframe": lambda proto, root, node: (
        Table if proto.is_table else DataEditor if proto.editing_mode else Dataframe
    )(proto, root, node),
    "imgs": Images,
    # Streamlit's AppTest has no class for these: it names them by kind.
    "media": lambda proto, root, node: UnknownElement(
        proto, root, node, "audio" if proto.kind == pb.Media.AUDIO else "video"
    ),
    "plotly_chart": _library_chart("plotly_chart"),
    "deck_gl_json_chart": _library_chart("deck_gl_json_chart"),
    "echarts_chart": _library_chart("echarts_chart"),
    "space": Space,
    "page_link": PageLink,
    "scripted_html": Html,
    "datetime_input": DateTimeInput,
    "vega_lite_chart": lambda proto, root, node: (
        SelectableVegaLiteChart if proto.common.id else VegaLiteChart
    )(proto, root, node),
}


def wrap(node: Node, root: AppTest) -> Element | Block:
    """The AppTest object for one tree node (the same object until the next run)."""
    # The entry holds the node too, so its id cannot be reused meanwhile.
    entry = root._wrappers.get(id(node))
    if entry is None:
        entry = root._wrappers[id(node)] = (node, _make(node, root))
    return entry[1]


def _make(node: Node, root: AppTest) -> Element | Block:
    if node.block is not None:
        block_kind = node.block.WhichOneof("type") or "vertical"
        if block_kind == "expander" and node.block.expander.state:
            return Status(node, root)
        return _BLOCKS.get(block_kind, Block)(node, root)
    assert node.element is not None
    kind = node.element.WhichOneof("type") or "empty"
    proto = getattr(node.element, kind)
    factory = _ELEMENTS.get(kind)
    if factory is None:
        if kind == "balloons" and proto.kind == "snow":  # one message here, two kinds in Streamlit
            return UnknownElement(proto, root, node, "snow")
        return UnknownElement(proto, root, node, kind)
    return factory(proto, root, node)
