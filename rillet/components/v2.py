"""``streamlit.components.v2``: components whose HTML, CSS and JS run in the page.

``component(name, html=..., css=..., js=...)`` returns a function that shows
one instance. The JS is an ES module whose default export the page calls
on every render with ``{name, key, data, parentElement, setStateValue,
setTriggerValue}``; with ``isolate_styles`` the HTML and CSS live in a
shadow root, so the app's styles and the component's do not mix.

``data`` reaches the JS as Streamlit's does: JSON values as parsed JSON,
raw bytes as a ``Uint8Array``, one table as the ``Uint8Array`` of its Arrow
IPC stream, and a dict's table values as Arrow ``Table`` objects (decoded
in the page by flechette). Tables are written with rillet's own Arrow
writer and travel as binary table parts, so a rerun that shows the same
table again sends its hash only.

The script sees a :class:`BidiComponentResult`: every state value (kept
across reruns, in ``st.session_state[key]`` as a dict) and every trigger
(set for the one run it fired in, else ``None``). ``on_<name>_change``
callbacks name the states and triggers the script listens to.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Any

from rillet.api.text import size_text
from rillet.components.arrow import encode_stream, is_table
from rillet.components.manifest import asset_dir, asset_file
from rillet.components.registry import DeclaredComponent, registry
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Widget, register

KIND = "bidi_component"
_CALLBACK = re.compile(r"^on_([A-Za-z_][A-Za-z0-9_]*)_change$")
_SOURCE_SUFFIXES = {"html": (".html", ".htm"), "css": (".css",), "js": (".js", ".mjs")}


class ComponentResult(dict[str, Any]):
    """A v2 component's values: ``result.value`` or ``result["value"]``.

    Named as Streamlit names it (``type(result).__name__``), which also
    keeps ``BidiComponentResult`` as another name for it.

    Example:
        >>> result = ComponentResult({"value": "hi", "submitted": None})
        >>> result.value, result.submitted
        ('hi', None)
    """

    def __getattr__(self, name: str) -> Any:
        # A state the component has no callback for is no attribute, as in Streamlit.
        if name.startswith("__") or name not in self:
            raise AttributeError(
                f"the component's result has no state {name!r}; its states are {sorted(self)}"
                " (a state exists when the component was given an on_<state>_change callback)"
            )
        return self[name]


BidiComponentResult = ComponentResult


class _State(dict[str, Any]):
    """The state dict the client sent, with the triggers of this one run beside it."""

    def __init__(self, values: Mapping[str, Any], triggers: Mapping[str, Any] | None = None):
        super().__init__(values)
        self.triggers: dict[str, Any] = dict(triggers or {})

    def __eq__(self, other: object) -> bool:
        return dict.__eq__(self, other) and self.triggers == getattr(other, "triggers", {})

    __hash__ = None


class BidiSerde:
    """State as one JSON object (``json_value``); a trigger arrives with it (``json_trigger_value``).

    Remembers the last value it decoded, for the change callbacks.
    """

    def __init__(self) -> None:
        self.latest: _State | None = None

    def deserialize(self, state: pb.WidgetState) -> _State | None:
        which = state.WhichOneof("value")
        if which == "json_value":
            values = json.loads(state.json_value)
            if not isinstance(values, dict):
                raise ValueError("a component's state must be a JSON object")
            self.latest = _State(values)
        elif which == "json_trigger_value":
            message = json.loads(state.json_trigger_value)
            if not isinstance(message, dict) or not isinstance(message.get("state", {}), dict):
                raise ValueError("a trigger must be {state: {...}, triggers: {...}}")
            triggers = message.get("triggers", {})
            if not isinstance(triggers, dict):
                raise ValueError("a trigger's triggers must be a JSON object")
            self.latest = _State(message.get("state", {}), triggers)
        else:
            return None
        return self.latest

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        if value is not None:
            state.json_value = json.dumps(dict(value), allow_nan=False)


_DATA_ACCEPTED = (
    "JSON-able data, bytes, a table (a pandas, Polars or pyarrow table, a NumPy array...) "
    "or a dict whose values are JSON-able data or tables"
)


@dataclass
class _Data:
    """The ``data`` argument as it travels: JSON, plus tables or raw bytes."""

    kind: str = ""  # "" JSON (tables at their keys), "table" or "bytes"
    json: str = "null"
    tables: list[tuple[str, str, bytes]] = field(default_factory=list)  # (key, hash, Arrow)
    raw: bytes = b""

    def identity(self) -> tuple[str, str, tuple[str, ...], str]:
        raw = blake2b(self.raw, digest_size=16).hexdigest() if self.raw else ""
        return (self.kind, self.json, tuple(digest for _, digest, _ in self.tables), raw)

    def write(self, bidi: pb.BidiComponent) -> None:
        bidi.data_kind = self.kind
        bidi.json_data = self.json
        bidi.bytes_data = self.raw
        for key, digest, arrow in self.tables:
            bidi.tables.add(key=key, part=pb.TablePart(hash=digest, arrow=arrow))


def _table(value: Any, key: str, argument: str, component: str) -> tuple[str, str, bytes]:
    arrow = encode_stream(value, command=component, argument=argument)
    return key, blake2b(arrow, digest_size=16).hexdigest(), arrow


def _json_key(key: object) -> str:
    """A dict key as JSON writes it (``1`` → ``"1"``, ``True`` → ``"true"``)."""
    return str(next(iter(json.loads(json.dumps({key: None})))))


def _split_data(data: Any, component: str) -> _Data:
    """``data`` as Streamlit sends it: raw bytes, one table, or JSON with tables as dict values.

    Tables are found at the top level and among a dict's values only (as in
    Streamlit); each is written with rillet's own Arrow writer.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        return _Data(kind="bytes", raw=bytes(data))
    if not isinstance(data, Mapping) and is_table(data):
        return _Data(kind="table", tables=[_table(data, "", "data", component)])
    out = _Data()
    value = data
    if isinstance(data, Mapping):
        value = {}
        for key, item in data.items():
            if is_table(item):
                try:
                    json_key = _json_key(key)
                except (TypeError, ValueError):
                    raise bad_argument(
                        "data",
                        data,
                        f"{_DATA_ACCEPTED}, keyed by str, int, float, bool or None",
                        command=component,
                    ) from None
                out.tables.append(_table(item, json_key, f"data[{key!r}]", component))
                item = None  # the client puts the table here, in the key's place
            value[key] = item
    try:
        out.json = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise bad_argument(
            "data",
            data,
            f"{_DATA_ACCEPTED} (tables only at the top level or as a dict's values; {error})",
            command=component,
        ) from None
    return out


def data_of(bidi: pb.BidiComponent) -> Any:
    """The ``data`` an element carries: JSON values, bytes, tables as pandas DataFrames.

    What AppTest shows as a component's ``data``; tables are read with pyarrow.

    Example:
        >>> element = pb.BidiComponent()
        >>> _split_data({"n": 1, "t": [{"a": 5}]}, "c").write(element)
        >>> data_of(element)
        {'n': 1, 't': [{'a': 5}]}
    """
    if bidi.data_kind == "bytes":
        return bytes(bidi.bytes_data)
    tables = {t.key: _read_table(t.part.arrow) for t in bidi.tables}
    if bidi.data_kind == "table":
        return next(iter(tables.values()), None)
    value = json.loads(bidi.json_data or "null")
    if isinstance(value, dict):
        value.update((key, table) for key, table in tables.items() if key in value)
    return value


def _read_table(arrow: bytes) -> Any:
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow comes with pandas' test extras
        raise ImportError("reading a component's table in AppTest needs pyarrow") from None
    return pa.ipc.open_stream(arrow).read_all().to_pandas()


def _source(kind: str, value: str | Path | None, component: str) -> str:
    """Inline text, or the text of a file named by a Path or a path string with its suffix."""
    if value is None:
        return ""
    if isinstance(value, Path) or (
        isinstance(value, str)
        and "\n" not in value
        and value.strip().lower().endswith(_SOURCE_SUFFIXES[kind])
    ):
        path = Path(value).expanduser()
        if not path.is_file():
            raise RilletAPIException(
                f"Component {component!r}: {kind} file {str(path)!r} not found."
            )
        return path.read_text(encoding="utf-8")
    if not isinstance(value, str):
        raise bad_argument(
            kind, value, "a string or a file path", command="components.v2.component"
        )
    return value


def _names_a_file(kind: str, value: object) -> bool:
    """A one-line path or glob with the kind's suffix (``"index-*.js"``), not inline source."""
    if isinstance(value, Path):
        return True
    return (
        isinstance(value, str)
        and "\n" not in value
        and (
            any(c in value for c in "*?[") or value.strip().lower().endswith(_SOURCE_SUFFIXES[kind])
        )
    )


def _asset_paths(name: str, css: object, js: object) -> dict[str, str]:
    """``css``/``js`` found in the asset folder of the package's manifest, by kind.

    Such files are served under the component route (and registered for it)
    rather than sent inline; without a manifest, paths are read as files.
    """
    frame = inspect.currentframe()
    caller = frame.f_back.f_back if frame is not None and frame.f_back is not None else None
    caller_file = caller.f_globals.get("__file__") if caller is not None else None
    wanted = {k: v for k, v in (("css", css), ("js", js)) if _names_a_file(k, v)}
    folder = asset_dir(name, str(caller_file) if caller_file else None) if wanted else None
    if folder is None:
        return {}
    paths = {kind: asset_file(folder, str(value), kind, name) for kind, value in wanted.items()}
    registry().add(DeclaredComponent(name, path=folder))
    return paths


def component(
    name: str,
    *,
    html: str | None = None,
    css: str | None = None,
    js: str | None = None,
    isolate_styles: bool = True,
) -> Callable[..., BidiComponentResult]:
    """Create a component from HTML, CSS and JS that run in the app's page.

    Args:
        name: The component's name.
        html: Its HTML, inline or a ``.html`` file.
        css: Its styles, inline or a ``.css`` file; the page's theme is
            available as ``--st-primary-color``, ``--st-text-color``,
            ``--st-background-color``, ``--st-secondary-background-color``
            and ``--st-font``.
        js: An ES module, inline or a ``.js`` file, whose default export
            renders the component.
        isolate_styles: Put the component in a shadow root.

    Returns:
        A function showing one instance: ``(*, key, data, default, width,
        height, **on_<name>_change)`` → :class:`BidiComponentResult`.

    Example:
        >>> counter = component("counter", html="<button>+1</button>",
        ...     js="export default ({parentElement, setTriggerValue}) => {"
        ...        "parentElement.querySelector('button').onclick = () => setTriggerValue('clicked', 1)}")
        >>> counter(key="c", on_clicked_change=lambda: None)  # doctest: +SKIP
        {'clicked': None}
    """
    command = "components.v2.component"
    if not isinstance(name, str) or not name.strip():
        raise bad_argument("name", name, "a non-empty string", command=command)
    if html is None and js is None:
        raise RilletAPIException(f"Component {name!r} needs html= or js= (or both).")
    paths = _asset_paths(name, css, js)
    sources = {
        k: "" if k in paths else _source(k, v, name)
        for k, v in (("html", html), ("css", css), ("js", js))
    }

    def render(
        *,
        key: str | None = None,
        data: Any = None,
        default: dict[str, Any] | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        **on_callbacks: Callable[..., Any] | None,
    ) -> BidiComponentResult:
        callbacks: dict[str, Callable[..., Any] | None] = {}
        for argument, callback in on_callbacks.items():
            match = _CALLBACK.match(argument)
            if match is None:
                raise bad_argument(argument, callback, "on_<name>_change=callback", command=name)
            if callback is None:
                # As Streamlit: no callback, no state of that name (packages
                # pass their own optional on_click through as on_x_change).
                continue
            if not callable(callback):
                raise bad_argument(argument, callback, "a callable or None", command=name)
            callbacks[match.group(1)] = callback
        if default is not None and not isinstance(default, dict):
            raise bad_argument("default", default, "a dict of state values", command=name)
        for state_name in default or {}:
            if state_name not in callbacks:
                raise bad_argument(
                    "default",
                    default,
                    f"state names with an on_<name>_change callback (none for {state_name!r})",
                    command=name,
                )
        payload = _split_data(data, name)
        try:
            json.dumps(default, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise bad_argument(
                "default", default, f"a JSON-able dict ({error})", command=name
            ) from None
        width_text = size_text("width", width, ("stretch", "content"), name)
        # As in Streamlit, a height may be 0: packages mount components that draw nothing so.
        zero = height == 0 and not isinstance(height, bool)
        height_text = "0px" if zero else size_text("height", height, ("content", "stretch"), name)
        serde = BidiSerde()

        def build(value: _State | None) -> pb.Element:
            element = pb.Element()
            bidi = element.bidi_component
            bidi.component_name = name
            bidi.html, bidi.css, bidi.js = sources["html"], sources["css"], sources["js"]
            bidi.js_path, bidi.css_path = paths.get("js", ""), paths.get("css", "")
            bidi.isolate_styles = bool(isolate_styles)
            payload.write(bidi)
            bidi.json_state = json.dumps(dict(value or {}), allow_nan=False)
            bidi.triggers.extend(sorted(callbacks))
            bidi.width, bidi.height = width_text, height_text
            return element

        shown: dict[str, Any] = {}

        def dispatch() -> None:
            latest = serde.latest
            if latest is None:
                return
            for changed, callback in callbacks.items():
                fired = changed in latest.triggers
                moved = changed in latest and latest.get(changed) != shown.get(changed)
                if callback is not None and (fired or moved):
                    callback()

        value = register(
            Widget(
                kind=KIND,
                label=name,
                default=_State(default or {}),
                serde=serde,
                build=build,
                identity=(name, *payload.identity(), sources["js"], paths.get("js", "")),
                key_identity=(name,),
                key=key,
                on_change=dispatch if any(callbacks.values()) else None,
            )
        )
        state = value if value is not None else _State(default or {})
        shown.update(state)
        result = ComponentResult({n: None for n in callbacks})
        result.update(state)
        result.update(getattr(state, "triggers", {}))
        if isinstance(state, _State):
            # A trigger holds for the run it fired in only: the stored state
            # forgets it, or a later rerun (another widget's) would see it again.
            state.triggers = {}
        return result

    return render


__all__ = ["BidiComponentResult", "ComponentResult", "component"]
