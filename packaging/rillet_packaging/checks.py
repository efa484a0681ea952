"""The checks that run before the long build, so a mistake costs a second, not a minute."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from rillet_packaging.spec import PackError

INSTALL_PACK = 'pip install "rillet[pack]"'

# platform prefix -> (format name, file suffix, leading magic bytes)
_ICON_FORMATS: tuple[tuple[str, str, str, bytes], ...] = (
    ("win", "an .ico icon", ".ico", b"\x00\x00\x01\x00"),
    ("darwin", "an .icns icon", ".icns", b"icns"),
    ("", "a .png image", ".png", b"\x89PNG\r\n\x1a\n"),
)
_KNOWN_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\x00\x00\x01\x00": "an ICO icon",
    b"icns": "an ICNS icon",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"BM": "a BMP image",
    b"<svg": "an SVG image",
    b"<?xml": "an XML (SVG?) file",
}


def check_script(script: Path) -> Path:
    """The absolute path of the app's main script, or a :class:`PackError` saying what is wrong.

    Example:
        >>> check_script(Path("missing.py"))  # doctest: +SKIP
        Traceback (most recent call last):
        rillet_packaging.spec.PackError: app file 'missing.py' does not exist; ...
    """
    if not script.exists():
        raise PackError(
            f"app file {str(script)!r} does not exist; pass the path of your app's .py file"
        )
    if script.is_dir():
        raise PackError(f"{str(script)!r} is a folder; pass the path of your app's .py file in it")
    if script.suffix.lower() not in (".py", ".pyw"):
        raise PackError(f"app file {str(script)!r} is not a .py file")
    return script.resolve()


def icon_requirement(platform: str) -> tuple[str, str, bytes]:
    """``(what, suffix, magic)`` of the icon format ``platform`` needs.

    Example:
        >>> icon_requirement("win32")[1], icon_requirement("darwin")[1], icon_requirement("linux")[1]
        ('.ico', '.icns', '.png')
    """
    for prefix, what, suffix, magic in _ICON_FORMATS:
        if platform.startswith(prefix):
            return what, suffix, magic
    raise AssertionError("the last entry matches every platform")


def check_icon(icon: Path, platform: str) -> Path:
    """Check that ``icon`` exists and really is in ``platform``'s icon format (by its first bytes).

    Raises:
        PackError: naming the file, what it is, and what this platform accepts.

    Example:
        >>> check_icon(Path("logo.png"), "linux")  # doctest: +SKIP
        PosixPath('/apps/report/logo.png')
    """
    what, suffix, magic = icon_requirement(platform)
    if not icon.is_file():
        raise PackError(f"--icon {str(icon)!r}: no such file; expected {what} ({suffix})")
    with open(icon, "rb") as handle:
        head = handle.read(16)
    if not head.startswith(magic):
        found = next((name for m, name in _KNOWN_MAGIC.items() if head.startswith(m)), None)
        actually = found or ("an empty file" if not head else "not an image format rillet knows")
        raise PackError(
            f"--icon {str(icon)!r} is {actually}; on {_platform_name(platform)} the icon must be "
            f"{what} ({suffix}). Convert it first (e.g. with Pillow or an online converter)."
        )
    return icon.resolve()


def _platform_name(platform: str) -> str:
    if platform.startswith("win"):
        return "Windows"
    if platform == "darwin":
        return "macOS"
    return "Linux" if platform.startswith("linux") else platform


def check_pyinstaller() -> None:
    """Make sure PyInstaller can be imported by this Python.

    Raises:
        PackError: it is not installed, with the command that installs it.
    """
    try:
        found = importlib.util.find_spec("PyInstaller") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise PackError(f"PyInstaller is not installed; install it with: {INSTALL_PACK}")


def check_web_client() -> None:
    """Refuse to pack a rillet whose web client is not built: the window would show a 503.

    Raises:
        PackError: ``rillet_server/static/index.html`` is missing (a checkout
            where ``npm run build`` has not run, or is running now).
    """
    from importlib.util import find_spec

    spec = find_spec("rillet_server")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not any((Path(folder) / "static" / "index.html").is_file() for folder in folders):
        raise PackError(
            "rillet's web client is not built (no rillet_server/static/index.html): the packed "
            "window would have nothing to show; run `npm run build` in bundled_frontend/ first"
        )
