"""Files in and out: file_uploader, camera_input, audio_input, download_button.

Uploaded bytes reach the server over HTTP before the rerun that reads them;
the widget value on the wire is only a list of references (see
``UploadedFilesSerde``). A download's bytes go to the media store and the
button carries their URL.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from rillet.api.buttons import button_layout
from rillet.api.icons import icon_name
from rillet.api.media import store
from rillet.api.serde import TriggerSerde, UploadedFilesSerde, file_ref
from rillet.api.text import set_width
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument
from rillet.runtime.uploads import UploadedFile
from rillet.runtime.widgets import Key, OnChange, Widget, register

Callback = OnChange
_BUTTON_TYPES = ("primary", "secondary", "tertiary")


def _extensions(type: str | Sequence[str] | None) -> list[str]:
    """``"CSV"`` or ``["csv", ".txt"]`` as ``[".csv", ".txt"]``; jpg and jpeg go together."""
    if type is None:
        return []
    items = [type] if isinstance(type, str) else type
    accepted = "a file extension like 'csv' or '.csv', a list of them, or None"
    if not isinstance(items, Sequence):
        raise bad_argument("type", type, accepted, command="file_uploader")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip(". ") or "/" in item:
            raise bad_argument("type", type, accepted, command="file_uploader")
        ext = "." + item.strip().lstrip(".").lower()
        if ext not in out:
            out.append(ext)
    # The other spelling of a JPEG extension goes last, as in Streamlit.
    for ext in list(out):
        out.extend(alias for alias in _aliases(ext) if alias not in out)
    return out


def _aliases(ext: str) -> tuple[str, ...]:
    return (".jpg", ".jpeg") if ext in (".jpg", ".jpeg") else (ext,)


def _matcher(extensions: list[str]) -> Callable[[str], bool] | None:
    if not extensions:
        return None
    return lambda name: name.lower().endswith(tuple(extensions))


def _limit(max_upload_size: int | None, command: str) -> int:
    if max_upload_size is None:
        return 0
    if isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int):
        raise bad_argument(
            "max_upload_size", max_upload_size, "a positive int (MB)", command=command
        )
    if max_upload_size <= 0:
        raise bad_argument(
            "max_upload_size", max_upload_size, "a positive int (MB)", command=command
        )
    return max_upload_size


def _rewound(value: Any) -> Any:
    # The same UploadedFile object is returned on every run until the files
    # change; start each run at the first byte, as a fresh upload would.
    for file in value if isinstance(value, list) else [value]:
        if isinstance(file, UploadedFile):
            file.seek(0)
    return value


def _serde(
    multiple: bool, accept: Callable[[str], bool] | None = None, max_mb: int = 0
) -> UploadedFilesSerde:
    ctx = context.get()
    return UploadedFilesSerde(
        uploads=ctx.uploads,
        session_id=ctx.session_id,
        multiple=multiple,
        desktop=ctx.desktop,
        accept=accept,
        max_bytes=max_mb * 1024 * 1024,
    )


def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: bool | Literal["directory"] = False,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    max_upload_size: int | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
) -> Any:
    """Display a file picker; returns the uploaded file(s).

    Args:
        type: Accepted extensions (``"csv"`` or ``[".png", ".jpg"]``); a
            file of another type is ignored. ``None`` accepts any file.
        accept_multiple_files: ``True`` (or ``"directory"`` for a whole
            folder) returns a list, empty until files arrive.
        max_upload_size: A limit in MB for this widget.

    Returns:
        An ``UploadedFile`` (a ``BytesIO`` with ``name``, ``type`` and
        ``size``) or ``None``; a list of them with ``accept_multiple_files``.

    Example:
        >>> import rillet as st
        >>> data = st.file_uploader("Upload a CSV", type="csv")
        >>> if data is not None:
        ...     st.write(data.name, data.size, "bytes")
    """
    if accept_multiple_files not in (True, False, "directory"):
        raise bad_argument(
            "accept_multiple_files",
            accept_multiple_files,
            "True, False or 'directory'",
            command="file_uploader",
        )
    extensions = _extensions(type)
    limit = _limit(max_upload_size, "file_uploader")
    multiple = accept_multiple_files is not False

    def build(value: Any) -> pb.Element:
        element = pb.Element()
        uploader = element.file_uploader
        uploader.type.extend(extensions)
        uploader.multiple = multiple
        uploader.directory = accept_multiple_files == "directory"
        uploader.max_upload_mb = limit
        for file in value if isinstance(value, list) else [value]:
            if file is not None:
                uploader.files.append(file_ref(file))
        set_width(
            element, width, "file_uploader", content=False
        )  # as Streamlit: pixels or "stretch"
        return element

    value = register(
        Widget(
            kind="file_uploader",
            label=label,
            default=[] if multiple else None,
            serde=_serde(multiple, _matcher(extensions), limit),
            build=build,
            identity=(tuple(extensions), accept_multiple_files, help, limit),
            key_identity=(tuple(extensions), accept_multiple_files, limit),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            settable=False,
        )
    )
    return _rewound(value)


def _capture(
    command: Literal["camera_input", "audio_input"],
    label: str,
    key: Key | None,
    help: str | None,
    on_change: Callback,
    args: Iterable[Any] | None,
    kwargs: Mapping[str, Any] | None,
    disabled: bool,
    label_visibility: str,
    setting: int,
    width: object = "stretch",
) -> UploadedFile | None:
    """A camera or microphone widget; ``setting`` is the camera's capture
    height or the microphone's sample rate (0: the device's own)."""

    def build(value: UploadedFile | None) -> pb.Element:
        element = pb.Element()
        holder = element.camera_input if command == "camera_input" else element.audio_input
        holder.SetInParent()
        if value is not None:
            holder.file.CopyFrom(file_ref(value))
        if command == "audio_input":
            element.audio_input.sample_rate = setting
        else:
            element.camera_input.height = setting
        set_width(element, width, command, content=False)  # pixels or "stretch", as Streamlit
        return element

    value: UploadedFile | None = register(
        Widget(
            kind=command,
            label=label,
            default=None,
            serde=_serde(False),
            build=build,
            identity=(help, setting),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            settable=False,
        )
    )
    return _rewound(value)  # type: ignore[no-any-return]


def camera_input(
    label: str,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    resolution: Literal["480p", "720p", "1080p"] | None = None,
    width: str | int = "stretch",
) -> UploadedFile | None:
    """Take a photo with the user's camera; returns it as an ``UploadedFile``.

    ``resolution`` asks the camera for a capture height (``"480p"``,
    ``"720p"``, ``"1080p"``); the browser picks the nearest the camera has.
    ``None`` captures at the size shown.

    Example:
        >>> import rillet as st
        >>> photo = st.camera_input("Smile!")
        >>> if photo is not None:
        ...     st.image(photo)
    """
    heights = {None: 0, "480p": 480, "720p": 720, "1080p": 1080}
    if resolution not in heights:
        raise bad_argument(
            "resolution", resolution, "'480p', '720p', '1080p' or None", command="camera_input"
        )
    return _capture(
        "camera_input",
        label,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        heights[resolution],
        width,
    )


def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
) -> UploadedFile | None:
    """Record from the user's microphone; returns a WAV ``UploadedFile``.

    Args:
        sample_rate: Hz to record at; ``None`` keeps the device's rate.

    Example:
        >>> import rillet as st
        >>> memo = st.audio_input("Record a voice memo")
        >>> if memo is not None:
        ...     st.audio(memo)
    """
    rates = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)
    if sample_rate is not None and sample_rate not in rates:
        raise bad_argument(
            "sample_rate", sample_rate, f"None or one of {list(rates)}", command="audio_input"
        )
    return _capture(
        "audio_input",
        label,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        sample_rate or 0,
        width,
    )


def _download_bytes(data: Any, mime: str | None) -> tuple[bytes, str]:
    """The bytes to download and their mimetype."""
    if callable(data) and not hasattr(data, "read"):
        data = data()  # a generator function: called when the button is written
    accepted = "str, bytes, a file object, a pathlib.Path, or a function returning one"
    if isinstance(data, str):
        return data.encode("utf-8"), mime or "text/plain"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), mime or "application/octet-stream"
    if isinstance(data, Path):
        try:
            raw = data.read_bytes()
        except OSError as exc:
            raise bad_argument(
                "data", data, f"a readable file ({exc})", command="download_button"
            ) from None
        return raw, mime or mimetypes.guess_type(data.name)[0] or "application/octet-stream"
    if hasattr(data, "read") and callable(data.read):
        if hasattr(data, "seek"):
            data.seek(0)
        content = data.read()
        if isinstance(content, str):
            return content.encode("utf-8"), mime or "text/plain"
        if isinstance(content, bytes):
            return content, mime or "application/octet-stream"
    if type(data).__module__.startswith(("pandas", "numpy", "polars")):
        raise bad_argument(
            "data",
            data,
            accepted + " (convert tables first, e.g. df.to_csv())",
            command="download_button",
        )
    raise bad_argument("data", data, accepted, command="download_button")


def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a button that downloads a file; ``True`` for the run after a click.

    Args:
        data: The file's contents: text, bytes, a file object, a
            ``pathlib.Path``, or a function returning one of those.
        file_name: The name the browser saves it under
            (default ``"download"`` plus an extension for ``mime``).
        mime: The file's type; defaults to ``text/plain`` for text and
            ``application/octet-stream`` for bytes.
        on_click: ``"rerun"`` (default), ``"ignore"`` (download without a
            rerun), or a callback that runs before the rerun.

    Example:
        >>> import rillet as st
        >>> csv = "name,score\\nAda,10\\n"
        >>> st.download_button("Download CSV", csv, file_name="scores.csv", mime="text/csv")
    """
    if type not in _BUTTON_TYPES:
        raise bad_argument(
            "type", type, "'primary', 'secondary' or 'tertiary'", command="download_button"
        )
    if file_name is not None and (not isinstance(file_name, str) or not file_name):
        raise bad_argument(
            "file_name", file_name, "a non-empty string or None", command="download_button"
        )
    if on_click is not None and not callable(on_click) and on_click not in ("rerun", "ignore"):
        raise bad_argument(
            "on_click", on_click, "'rerun', 'ignore', a callable or None", command="download_button"
        )
    raw, mimetype = _download_bytes(data, mime)
    name = file_name or "download" + (mimetypes.guess_extension(mimetype) or "")
    url = store(raw, mimetype, name)
    ignore = on_click == "ignore"
    shown_icon = icon_name(icon, "download_button")
    layout = button_layout(icon_position, shortcut, wrap, "download_button")

    def build(value: bool) -> pb.Element:
        element = pb.Element()
        button = element.download_button
        button.url = url
        button.file_name = name
        button.type = type
        button.icon = shown_icon
        button.on_click = "ignore" if ignore else "rerun"
        button.layout.CopyFrom(layout)
        element.use_container_width = bool(use_container_width)
        return element

    return register(
        Widget(
            kind="download_button",
            label=label,
            default=False,
            serde=TriggerSerde(),
            build=build,
            identity=(name, mimetype, help, type, icon),
            key=key,
            help=help,
            disabled=disabled,
            on_change=None if ignore or on_click == "rerun" else on_click,
            args=args,
            kwargs=kwargs,
            is_trigger=True,
            settable=False,
            allowed_in_form=False,
        )
    )
