"""``streamlit.components.v1``: ``declare_component``, ``html`` and ``iframe``.

A declared component is a web page (its built frontend, or a development
server) shown in a sandboxed iframe. The page talks to the app with the
message protocol of the published component libraries (see
``rillet/protocol/README.md``, "Custom components"): it says it is ready,
receives its arguments (JSON, tables, bytes), the disabled flag and the
theme, and sends back a value (JSON, a table or bytes) and its height.
That value is a widget value: it survives reruns, takes part in forms,
callbacks and fragments, and shows in ``st.session_state`` under ``key``.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rillet.api.iframe import html, iframe
from rillet.components import arrow
from rillet.components.registry import DeclaredComponent, registry
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Widget, register

KIND = "component_instance"


class ComponentSerde:
    """A component's value on the wire: JSON, bytes or a table (see ``WidgetState``).

    A state with no value means the component has sent nothing yet: ``None``.

    Example:
        >>> state = pb.WidgetState()
        >>> ComponentSerde().serialize({"a": [1]}, state)
        >>> ComponentSerde().deserialize(state)
        {'a': [1]}
    """

    def deserialize(self, state: pb.WidgetState) -> Any:
        which = state.WhichOneof("value")
        if which == "json_value":
            return json.loads(state.json_value)
        if which == "bytes_value":
            return bytes(state.bytes_value)
        if which == "arrow_value":
            return arrow.decode(state.arrow_value)
        return None

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        if value is None:
            return
        if isinstance(value, (bytes, bytearray, memoryview)):
            state.bytes_value = bytes(value)
        elif arrow.is_table(value):
            state.arrow_value.CopyFrom(arrow.encode(value))
        else:
            state.json_value = json.dumps(value, allow_nan=False)


def _fit(value: Any) -> Any:
    # A JSON value the client sent that Python's json accepts but JSON does not.
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


class CustomComponent:
    """What ``declare_component`` returns: call it to show one instance.

    Args (of the call):
        default: What the call returns until the component sends a value.
        key: The widget key: the instance keeps its identity (and its iframe)
            when its arguments change, and its value shows in
            ``st.session_state[key]``.
        on_change: Called (before the next run) when the component sends a
            new value.
        tab_index: The iframe's place in the keyboard tab order.
        **kwargs: The arguments the component's page receives: JSON-able
            values, tables (pandas, pyarrow, numpy) and bytes.

    Example:
        >>> menu = declare_component("menu", url="http://localhost:3001")  # doctest: +SKIP
        >>> choice = menu(options=["Home", "Files"], default="Home", key="menu")  # doctest: +SKIP
    """

    def __init__(self, name: str, path: Path | None = None, url: str | None = None) -> None:
        self.name = name
        self.path = path
        self.url = url

    def __repr__(self) -> str:
        where = self.path if self.path is not None else self.url
        return f"CustomComponent(name={self.name!r}, from={str(where)!r})"

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        return self.create_instance(
            *args, default=default, key=key, on_change=on_change, tab_index=tab_index, **kwargs
        )

    def create_instance(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Show one instance of the component and return its value (see the class)."""
        command = self.name
        if args:
            raise RilletAPIException(
                f"Component {self.name!r} got a positional argument ({args[0]!r}); "
                "component arguments need a name: call it as name=value."
            )
        if tab_index is not None and (
            isinstance(tab_index, bool) or not isinstance(tab_index, int) or tab_index < -1
        ):
            raise bad_argument("tab_index", tab_index, "None or an int ≥ -1", command=command)
        # As in Streamlit, the page receives `default` and `key` among the arguments.
        arguments = {**kwargs, "default": default, "key": key}
        json_args, special = _split_arguments(self.name, arguments)

        def build(value: Any) -> pb.Element:
            element = pb.Element()
            instance = element.component_instance
            instance.component_name = self.name
            instance.url = self.url or ""
            instance.json_args = json_args
            instance.special_args.extend(special)
            if tab_index is not None:
                instance.tab_index, instance.has_tab_index = tab_index, True
            return element

        digests = tuple(_digest(arg) for arg in special)
        widget = Widget(
            kind=KIND,
            label=self.name,
            default=None,
            serde=ComponentSerde(),
            build=build,
            identity=(self.name, self.url, json_args, digests),
            key_identity=(self.name,),
            key=key,
            on_change=on_change,
            fit=_fit,
        )
        # Through the alias's module attribute: a package may have wrapped it.
        shim = sys.modules.get("streamlit.components.v1.components")
        register_hook = getattr(shim, "register_widget", register_widget)
        value = register_hook(self.name, user_key=key, on_change_handler=on_change, widget=widget)
        return default if value is None else value


def register_widget(
    element_id: str,
    *,
    user_key: str | None = None,
    on_change_handler: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    widget: Widget[Any] | None = None,
    **_streamlit_only: Any,
) -> Any:
    """Register a component instance's widget: ``streamlit.components.v1.components.register_widget``.

    Component packages (streamlit-antd-components, among others) wrap this
    module attribute to attach callbacks by ``user_key``: each instance is
    registered through it, and the ``on_change_handler``, ``args`` and
    ``kwargs`` it passes on become the widget's callback. Called by anything
    but a component instance, it explains that it is Streamlit-internal.

    Example:
        >>> register_widget("pkg.menu")
        Traceback (most recent call last):
        ...
        rillet.runtime.errors.RilletAPIException: register_widget ...
    """
    if widget is None:
        raise RilletAPIException(
            f"register_widget ({element_id!r}) is Streamlit-internal: rillet registers a "
            "component's widget when the component is called; use declare_component."
        )
    if on_change_handler is not widget.on_change or args is not None or kwargs is not None:
        widget = dataclasses.replace(widget, on_change=on_change_handler, args=args, kwargs=kwargs)
    return register(widget)


def _digest(arg: pb.ComponentArg) -> str:
    from rillet.runtime.digest import blake2b

    return blake2b(arg.SerializeToString(deterministic=True), digest_size=12).hexdigest()


def _split_arguments(name: str, kwargs: dict[str, Any]) -> tuple[str, list[pb.ComponentArg]]:
    """The JSON-able arguments as one JSON object; tables and bytes on their own."""
    plain: dict[str, Any] = {}
    special: list[pb.ComponentArg] = []
    for arg_name, value in kwargs.items():
        if isinstance(value, (bytes, bytearray, memoryview)):
            special.append(pb.ComponentArg(key=arg_name, bytes_value=bytes(value)))
        elif arrow.is_table(value):
            special.append(pb.ComponentArg(key=arg_name, arrow_dataframe=arrow.encode(value)))
        else:
            plain[arg_name] = value
    try:
        return json.dumps(plain, allow_nan=False), special
    except (TypeError, ValueError):
        for arg_name, value in plain.items():
            try:
                json.dumps(value, allow_nan=False)
            except (TypeError, ValueError) as error:
                raise bad_argument(
                    arg_name,
                    value,
                    f"a JSON-able value, a table or bytes ({error})",
                    command=name,
                ) from None
        raise


def declare_component(
    name: str, path: str | Path | None = None, url: str | None = None
) -> CustomComponent:
    """Declare a custom component whose frontend is a folder or a development server.

    The component's full name is ``"<calling module>.<name>"`` (the script's
    file name for a component declared in the app itself); its files are
    served at ``/component/<full name>/``, from ``path`` only.

    Args:
        name: The component's short name.
        path: The folder holding its built frontend (with ``index.html``).
        url: The address of a development server showing the component
            (instead of ``path``).

    Returns:
        A :class:`CustomComponent`; call it to show an instance.

    Raises:
        RilletAPIException: neither or both of ``path`` and ``url`` given,
            or the name is already declared from elsewhere. A ``path``
            without an ``index.html`` is declared all the same, as in
            Streamlit (a warning is logged; the frame shows nothing).

    Example:
        >>> import streamlit.components.v1 as components  # with the alias
        >>> menu = components.declare_component("menu", path="frontend/build")  # doctest: +SKIP
        >>> menu(options=["A", "B"], key="menu")  # doctest: +SKIP
        'A'
    """
    if not isinstance(name, str) or not name.strip():
        raise bad_argument("name", name, "a non-empty string", command="declare_component")
    module, in_script = _caller_module()
    full_name = f"{module}.{name}"
    if (path is None) == (url is None):
        raise RilletAPIException(
            f"declare_component({name!r}) needs exactly one of path= (a folder with the "
            f"built frontend) or url= (a development server); got path={path!r}, url={url!r}."
        )
    folder: Path | None = None
    if path is not None:
        if not isinstance(path, (str, Path)):
            raise bad_argument("path", path, "a folder path", command="declare_component")
        folder = Path(path).expanduser().resolve()
        if not (folder / "index.html").is_file():
            # As Streamlit: declared all the same (a package published without
            # its build still imports, and the rest of the app runs); its frame
            # finds nothing to load. Said once, here, for the developer.
            logging.getLogger(__name__).warning(
                "Component %r: %s has no index.html (build the component's frontend "
                "first); its frame will show nothing.",
                full_name,
                folder,
            )
    elif not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise bad_argument(
            "url", url, "an http:// or https:// address", command="declare_component"
        )
    registry().add(DeclaredComponent(full_name, folder, url), replace=in_script)
    return CustomComponent(full_name, folder, url)


def _caller_module() -> tuple[str, bool]:
    """The module calling declare_component (for the app script, its file name), and
    whether that is the app script."""
    frame = inspect.currentframe()
    caller = frame.f_back.f_back if frame is not None and frame.f_back is not None else None
    module = caller.f_globals.get("__name__", "__main__") if caller is not None else "__main__"
    if module == "__main__":
        ctx = context.get_or_none()
        file = caller.f_globals.get("__file__") if caller is not None else None
        if file:
            return Path(str(file)).stem, True
        if ctx is not None:
            return ctx.main_script.stem, True
    return str(module), False


__all__ = ["CustomComponent", "declare_component", "html", "iframe"]
