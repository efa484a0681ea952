"""``st.path_input``: a local path chosen in the desktop window's native dialog.

The widget's value is the chosen absolute path(s); it crosses the wire as
``string_array_value`` (``PathsSerde``) and is accepted only from the
authenticated desktop window, so a browser can never name a path the
script would then read or write. In a browser the widget shows that it
works in the desktop app, and returns its default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from rillet.api.serde import PathsSerde
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import Key, Widget, register

PathMode = Literal["file", "files", "folder", "save"]
# The mode as the user names it → the dialog kind on the wire.
DIALOG_KINDS = {
    "file": "open_file",
    "files": "open_files",
    "folder": "open_folder",
    "save": "save_file",
}


def extensions_of(value: str | Sequence[str] | None, command: str) -> list[str]:
    """``"CSV"`` or ``["csv", ".txt"]`` as ``[".csv", ".txt"]`` (``None`` = any file)."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    accepted = "a file extension like 'csv' or '.csv', a list of them, or None"
    if not isinstance(items, Sequence):
        raise bad_argument("file_types", value, accepted, command=command)
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip(". ") or "/" in item or "*" in item:
            raise bad_argument("file_types", value, accepted, command=command)
        extension = "." + item.strip().lstrip(".").lower()
        if extension not in out:
            out.append(extension)
    return out


def _default(default: Any, multiple: bool) -> Path | list[Path] | None:
    accepted = (
        "a list of paths (str or pathlib.Path), or None"
        if multiple
        else "a path (str or pathlib.Path) or None"
    )
    if default is None:
        return [] if multiple else None
    if multiple:
        if isinstance(default, (str, Path)):
            default = [default]
        if not isinstance(default, Sequence) or not all(
            isinstance(p, (str, Path)) and str(p) for p in default
        ):
            raise bad_argument("default", default, accepted, command="path_input")
        return [Path(p).expanduser() for p in default]
    if not isinstance(default, (str, Path)) or not str(default):
        raise bad_argument("default", default, accepted, command="path_input")
    return Path(default).expanduser()


def path_input(
    label: str,
    *,
    mode: PathMode = "file",
    file_types: str | Sequence[str] | None = None,
    default: str | Path | Sequence[str | Path] | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
) -> Any:
    """Display a button that picks a local path in a native dialog (desktop app only).

    In the window of ``rillet desktop`` the button opens the system's open,
    folder or save dialog and the widget shows the chosen path. In a
    browser the widget is disabled and the function returns ``default``.

    Args:
        label: What the path is for.
        mode: ``"file"`` (one existing file), ``"files"`` (several),
            ``"folder"``, or ``"save"`` (a file to create; the dialog asks
            before replacing one).
        file_types: Extensions the dialog offers (``"csv"`` or
            ``[".png", ".jpg"]``); ``None`` shows every file. Not for folders.
        default: The value before the user chooses (a list for ``"files"``);
            for ``"save"`` its name is the suggested file name.

    Returns:
        A ``pathlib.Path`` (absolute once chosen) or ``None``; a list of
        them for ``mode="files"`` (empty until chosen).

    Example:
        >>> import rillet as st
        >>> folder = st.path_input("Export to", mode="folder")
        >>> if folder is not None:
        ...     st.write("Files go to", folder)
    """
    if mode not in DIALOG_KINDS:
        raise bad_argument(
            "mode", mode, "'file', 'files', 'folder' or 'save'", command="path_input"
        )
    extensions = extensions_of(file_types, "path_input")
    if mode == "folder" and extensions:
        raise bad_argument(
            "file_types", file_types, "None when mode='folder'", command="path_input"
        )
    multiple = mode == "files"
    initial = _default(default, multiple)
    suggested = initial.name if isinstance(initial, Path) and mode == "save" else ""
    serde = PathsSerde(multiple=multiple, desktop=context.get().desktop)

    def build(value: Path | list[Path] | None) -> pb.Element:
        element = pb.Element()
        picker = element.path_picker
        picker.kind = DIALOG_KINDS[mode]
        picker.value.extend(serde.shown(value))
        picker.file_types.extend(extensions)
        picker.default_name = (
            value.name if isinstance(value, Path) and mode == "save" else suggested
        )
        return element

    value: Any = register(
        Widget(
            kind="path_input",
            label=label,
            default=initial,
            serde=serde,
            build=build,
            identity=(mode, tuple(extensions), repr(initial), help),
            key_identity=(mode, tuple(extensions)),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=default is not None,
        )
    )
    # A value set through st.session_state may be a str: hand out Paths.
    if multiple:
        return [Path(p) for p in value or []]
    return None if value is None else Path(value)
