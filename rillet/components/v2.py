"""``streamlit.components.v2``: components whose HTML, CSS and JS run in the page.

``component(name, html=..., css=..., js=...)`` returns a function that shows
one instance. The JS is an ES module whose default export the page calls
on every render with ``{name, key, data, parentElement, setStateValue,
setTriggerValue}``; with ``isolate_styles`` the HTML and CSS live in a
shadow root, so the app's styles and the component's do not mix.

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
from pathlib import Path
from typing import Any

from rillet.api.text import size_text
from rillet.components.manifest import asset_dir, asset_file
from rillet.components.registry import DeclaredComponent, registry
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Widget, register

KIND = "bidi_component"
_CALLBACK = re.compile(r"^on_([A-Za-z_][A-Za-z0-9_]*)_change$")
_SOURCE_SUFFIXES = {"html": (".html", ".htm"), "css": (".css",), "js": (".js", ".mjs")}


class BidiComponentResult(dict[str, Any]):
    """A v2 component's values: ``result.value`` or ``result["value"]``.

    Example:
        >>> result = BidiComponentResult({"value": "hi", "submitted": None})
        >>> result.value, result.submitted
        ('hi', None)
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name)


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
            if callback is not None and not callable(callback):
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
        try:
            json_data = json.dumps(data, allow_nan=False)
            json.dumps(default, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise bad_argument("data", data, f"a JSON-able value ({error})", command=name) from None
        width_text = size_text("width", width, ("stretch", "content"), name)
        height_text = size_text("height", height, ("content", "stretch"), name)
        serde = BidiSerde()

        def build(value: _State | None) -> pb.Element:
            element = pb.Element()
            bidi = element.bidi_component
            bidi.component_name = name
            bidi.html, bidi.css, bidi.js = sources["html"], sources["css"], sources["js"]
            bidi.js_path, bidi.css_path = paths.get("js", ""), paths.get("css", "")
            bidi.isolate_styles = bool(isolate_styles)
            bidi.json_data = json_data
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
                identity=(name, json_data, sources["js"], paths.get("js", "")),
                key_identity=(name,),
                key=key,
                on_change=dispatch if any(callbacks.values()) else None,
            )
        )
        state = value if value is not None else _State(default or {})
        shown.update(state)
        result = BidiComponentResult({n: None for n in callbacks})
        result.update(state)
        result.update(getattr(state, "triggers", {}))
        return result

    return render


__all__ = ["BidiComponentResult", "component"]
