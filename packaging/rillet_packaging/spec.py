"""What one ``rillet pack`` build is: a frozen :class:`PackSpec`, complete before anything runs.

A build is described as data first (STYLE 11): :func:`rillet_packaging.plan.plan`
reads the app and turns the user's options into a :class:`PackSpec`;
:func:`rillet_packaging.argv.build_argv` turns that into PyInstaller's
command line without touching the disk; only then does
:mod:`rillet_packaging.build` write the launcher and run PyInstaller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Where the app's own files go inside the bundle (below sys._MEIPASS).
APP_DIR = "app"
# The bundled window icon goes in this folder at the root of the bundle.
ICON_FOLDER = "rillet-icon"


class PackError(Exception):
    """A problem found before the build starts; ``str()`` is the sentence for the user."""


@dataclass(frozen=True)
class DataFile:
    """One file or folder that travels with the app.

    Attributes:
        source: the file or folder on this machine (absolute).
        dest: the folder inside the bundle, relative to its root and written
            with ``/`` (``"app/data"``); PyInstaller's ``--add-data`` DEST.
    """

    source: Path
    dest: str

    def argument(self) -> str:
        """The ``--add-data`` value, ``SRC:DEST`` (PyInstaller 6 takes ``:`` on every platform).

        Example:
            >>> DataFile(Path("/apps/report/data"), "app/data").argument()
            '/apps/report/data:app/data'
        """
        return f"{self.source}:{self.dest}"


_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def parse_add_data(text: str, cwd: Path) -> DataFile:
    """Read one ``--add-data SRC:DEST`` given to ``rillet pack``.

    ``SRC`` is a file or folder, relative to the current folder; ``DEST``
    is a folder relative to the app's folder inside the bundle (so the app
    finds ``--add-data data/cities.csv:data`` at ``data/cities.csv``, as it
    does beside its script). A Windows drive (``C:\\``) is not a separator.

    Raises:
        PackError: no separator, an empty side, a source that does not exist,
            or a destination that leaves the app's folder.

    Example:
        >>> parse_add_data("notes.txt:docs", Path("/nonexistent"))  # doctest: +SKIP
        DataFile(source=PosixPath('/nonexistent/notes.txt'), dest='app/docs')
    """
    usage = "expected SRC:DEST, e.g. --add-data data/cities.csv:data"
    offset = 2 if _DRIVE.match(text) else 0
    separators = [i for i, char in enumerate(text) if char in ":;" and i >= offset]
    if len(separators) != 1:
        what = "no ':' separator" if not separators else "more than one ':' separator"
        raise PackError(f"--add-data {text!r}: {what}; {usage}")
    cut = separators[0]
    source_text, dest_text = text[:cut], text[cut + 1 :]
    if not source_text or not dest_text:
        side = "SRC" if not source_text else "DEST"
        raise PackError(f"--add-data {text!r}: {side} is empty; {usage}")
    source = Path(source_text).expanduser()
    source = source if source.is_absolute() else cwd / source
    if not source.exists():
        raise PackError(f"--add-data {text!r}: {source} does not exist")
    dest = PurePosixPath(dest_text.replace("\\", "/"))
    if dest.is_absolute() or _DRIVE.match(dest_text) or ".." in dest.parts:
        raise PackError(
            f"--add-data {text!r}: DEST must be a folder inside the app's folder "
            "(relative, without '..'), e.g. 'data' or '.'"
        )
    inside = PurePosixPath(APP_DIR, dest) if dest.parts else PurePosixPath(APP_DIR)
    return DataFile(source.resolve(), inside.as_posix())


@dataclass(frozen=True)
class VersionInfo:
    """Version metadata for the executable (written into it on Windows only).

    Attributes:
        version: up to four dot-separated numbers, ``"1.2"`` or ``"1.2.3.4"``.
        company: the publisher's name.
        description: one line saying what the app is.
        copyright: the copyright line.
    """

    version: str
    company: str = ""
    description: str = ""
    copyright: str = ""

    def numbers(self) -> tuple[int, int, int, int]:
        """The version as Windows' four numbers.

        Raises:
            PackError: the version is not one to four numbers below 65536.

        Example:
            >>> VersionInfo("2.1").numbers()
            (2, 1, 0, 0)
        """
        parts = self.version.split(".")
        if not 1 <= len(parts) <= 4 or not all(p.isdigit() and int(p) < 65536 for p in parts):
            raise PackError(
                f"--version {self.version!r}: expected one to four numbers below 65536 "
                "separated by dots, e.g. 1.2.3"
            )
        padded = [int(p) for p in parts] + [0] * (4 - len(parts))
        return padded[0], padded[1], padded[2], padded[3]


@dataclass(frozen=True)
class PackSpec:
    """Everything one PyInstaller build needs, decided before it starts.

    Attributes:
        script: the app's main ``.py`` file (absolute).
        name: the executable's name (and the output folder's).
        entry: the generated launcher script PyInstaller builds from (in ``work_dir``).
        dist_dir: where the result goes (``dist/``).
        work_dir: PyInstaller's build folder (spec, launcher, version file).
        platform: ``sys.platform`` of the build (it decides icon and version handling).
        onefile: one self-extracting file instead of a folder.
        windowed: no console window (Windows; an ``.app`` bundle on macOS).
        icon: the icon, already checked to be in this platform's format.
        version: version metadata (used on Windows; elsewhere reported in ``notes``).
        datas: the app's files and the user's ``--add-data``.
        hidden_imports: modules the app imports that PyInstaller cannot see
            (the app travels as source, so its imports are found by analysis).
        excludes: modules left out (unused Qt modules, data libraries the app
            does not import).
        hook_dirs: extra PyInstaller hook folders (rillet's own hooks, and
            the Qt hooks that leave unused plugins out).
        search_paths: folders PyInstaller searches for imports besides
            ``sys.path`` (rillet's source roots in an editable install, which
            PyInstaller's import analysis cannot see through setuptools'
            import hook).
        clean: drop PyInstaller's cache before building.
        webview: the window's webview on Linux: ``"gtk"`` (the system's
            WebKitGTK, not bundled) or ``"qt"`` (Qt WebEngine, bundled);
            ``None`` where the platform has one webview (Windows, macOS).
        notes: what the user should know before the build (printed, not argv).

    Example:
        >>> spec = PackSpec(Path("/a/app.py"), "app", Path("/b/launch.py"), Path("/a/dist"), Path("/b"))
        >>> spec.output_path.as_posix()
        '/a/dist/app'
    """

    script: Path
    name: str
    entry: Path
    dist_dir: Path
    work_dir: Path
    platform: str = "linux"
    onefile: bool = False
    windowed: bool = True
    icon: Path | None = None
    version: VersionInfo | None = None
    datas: tuple[DataFile, ...] = ()
    hidden_imports: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    hook_dirs: tuple[Path, ...] = ()
    search_paths: tuple[Path, ...] = ()
    clean: bool = False
    webview: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_windows(self) -> bool:
        return self.platform.startswith("win")

    @property
    def is_macos(self) -> bool:
        return self.platform == "darwin"

    @property
    def version_file(self) -> Path | None:
        """The generated Windows version resource, or ``None`` when not on Windows."""
        if self.version is None or not self.is_windows:
            return None
        return self.work_dir / "version_info.txt"

    @property
    def output_path(self) -> Path:
        """What the user runs: the folder, the one file, or the macOS ``.app``."""
        exe = ".exe" if self.is_windows else ""
        if self.is_macos and self.windowed:
            return self.dist_dir / f"{self.name}.app"
        if self.onefile:
            return self.dist_dir / f"{self.name}{exe}"
        return self.dist_dir / self.name

    @property
    def executable(self) -> Path:
        """The program inside :attr:`output_path` that starts the app."""
        exe = ".exe" if self.is_windows else ""
        if self.is_macos and self.windowed:
            return self.output_path / "Contents" / "MacOS" / self.name
        if self.onefile:
            return self.output_path
        return self.output_path / f"{self.name}{exe}"
