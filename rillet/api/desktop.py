"""``st.desktop``: native open, folder and save dialogs for scripts in the desktop window.

Each function shows the system's dialog in the window of ``rillet desktop``
and blocks the script until the user answers (see
``rillet.runtime.desktop``). A browser has no such dialogs: there the
functions raise, naming what to use instead (``st.file_uploader`` to
receive files, ``st.download_button`` to hand one over).

Example:
    >>> import rillet as st
    >>> if st.button("Open data"):
    ...     path = st.desktop.open_file(title="Open data", file_types=["csv"])
    ...     if path is not None:
    ...         st.write(path.read_text())
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rillet.api.paths import extensions_of
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.desktop import requests_for
from rillet.runtime.errors import RilletAPIException, bad_argument

__all__ = ["open_file", "open_files", "open_folder", "save_file"]


def _ask(
    command: str,
    kind: str,
    title: str | None,
    file_types: str | Sequence[str] | None = None,
    default_name: str = "",
) -> list[Path] | None:
    ctx = context.get()
    if not ctx.desktop:
        raise RilletAPIException(
            f"st.desktop.{command}() shows a native dialog, which only the desktop window "
            "has: run the app with `rillet desktop app.py`. In a browser, use "
            "st.file_uploader to receive files or st.download_button to save one."
        )
    where = f"desktop.{command}"
    if title is not None and not isinstance(title, str):
        raise bad_argument("title", title, "a string or None", command=where)
    if not isinstance(default_name, str):
        raise bad_argument("default_name", default_name, "a file name (str)", command=where)
    request = pb.DesktopRequest(
        kind=kind,
        title=title or "",
        file_types=extensions_of(file_types, where),
        default_name=default_name,
    )
    ctx.check_interrupt()
    session = ctx.extras.get("session")
    if session is None:
        raise RilletAPIException(f"st.desktop.{command}() needs a session of a running app.")
    paths = requests_for(session.app.services).ask(ctx, request)
    return None if paths is None else [Path(p) for p in paths]


def open_file(
    *, title: str | None = None, file_types: str | Sequence[str] | None = None
) -> Path | None:
    """Ask the user for one existing file in a native dialog; wait for the answer.

    Args:
        title: What the file is for (the dialog's title).
        file_types: Extensions to offer (``"csv"`` or ``[".png", ".jpg"]``);
            ``None`` offers every file.

    Returns:
        The file's absolute path, or ``None`` when the user cancelled.

    Raises:
        RilletAPIException: outside the window of ``rillet desktop``.

    Example:
        >>> import rillet as st
        >>> if st.button("Load settings"):
        ...     settings = st.desktop.open_file(file_types="toml")
    """
    paths = _ask("open_file", "open_file", title, file_types)
    return paths[0] if paths else None


def open_files(
    *, title: str | None = None, file_types: str | Sequence[str] | None = None
) -> list[Path]:
    """Ask the user for one or more existing files; wait for the answer.

    Args:
        title: What the files are for.
        file_types: Extensions to offer; ``None`` offers every file.

    Returns:
        The files' absolute paths; an empty list when the user cancelled.

    Raises:
        RilletAPIException: outside the window of ``rillet desktop``.

    Example:
        >>> import rillet as st
        >>> if st.button("Add photos"):
        ...     for photo in st.desktop.open_files(file_types=["jpg", "png"]):
        ...         st.image(str(photo))
    """
    return _ask("open_files", "open_files", title, file_types) or []


def open_folder(*, title: str | None = None) -> Path | None:
    """Ask the user for a folder; wait for the answer.

    Returns:
        The folder's absolute path, or ``None`` when the user cancelled.

    Raises:
        RilletAPIException: outside the window of ``rillet desktop``.

    Example:
        >>> import rillet as st
        >>> if st.button("Choose a project"):
        ...     project = st.desktop.open_folder(title="Project folder")
    """
    paths = _ask("open_folder", "open_folder", title)
    return paths[0] if paths else None


def save_file(
    *,
    title: str | None = None,
    file_types: str | Sequence[str] | None = None,
    default_name: str = "",
) -> Path | None:
    """Ask the user where to save a file; wait for the answer.

    The dialog asks before replacing an existing file; nothing is written:
    the script writes to the returned path itself.

    Args:
        title: What is being saved.
        file_types: Extensions to offer; ``None`` offers every file.
        default_name: The suggested file name (a folder part is dropped).

    Returns:
        The chosen absolute path, or ``None`` when the user cancelled.

    Raises:
        RilletAPIException: outside the window of ``rillet desktop``.

    Example:
        >>> import rillet as st
        >>> if st.button("Export"):
        ...     target = st.desktop.save_file(default_name="report.csv", file_types="csv")
        ...     if target is not None:
        ...         target.write_text("name,score\\nAda,10\\n")
    """
    paths = _ask("save_file", "save_file", title, file_types, default_name)
    return paths[0] if paths else None
