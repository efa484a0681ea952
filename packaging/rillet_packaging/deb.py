"""``rillet pack --format deb``: a Debian package of the folder build, planned as data first.

:func:`plan_deb` decides everything — the package's name, version,
dependencies, and where each file goes — from the :class:`PackSpec` without
touching the disk; :func:`control_file`, :func:`desktop_entry` and
:func:`dpkg_deb_argv` are pure functions of that plan. Only
:func:`build_deb` writes: it lays the folder build out in a staging tree
and runs ``dpkg-deb --build``.

What the package installs:

- the folder build in ``/opt/<package>/``;
- the command ``/usr/bin/<package>`` (a link to the executable);
- a menu entry ``/usr/share/applications/<package>.desktop`` with the
  app's name and icon (``/usr/share/icons/hicolor/256x256/apps/<package>.png``).

A WebKitGTK build declares the system packages it runs on (WebKitGTK, GTK,
GObject introspection), so ``apt-get install ./app.deb`` brings them; a Qt
build declares the X11 libraries Qt's window needs. Other formats (AppImage,
Flatpak, MSI, DMG) would be further planners beside this one, fed the same
spec.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from rillet_packaging.spec import PackError, PackSpec

# Debian's names, with the 64-bit-time ("t64") renames of Debian 13 / Ubuntu 24.04 as alternatives.
GTK_DEPENDS = (
    "gir1.2-webkit2-4.1",
    "libwebkit2gtk-4.1-0",
    "gir1.2-gtk-3.0",
    "libgtk-3-0 | libgtk-3-0t64",
    "libgirepository-1.0-1",
    "libssl3 | libssl3t64",
)
QT_DEPENDS = (
    "libegl1",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libnss3",
    "libxcomposite1",
    "libxdamage1",
    "libxrandr2",
    "libxtst6",
    "libxkbfile1",
    "libasound2 | libasound2t64",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-image0",
    "libxcb-render-util0",
)
DEFAULT_VERSION = "1.0.0"
_DEB_VERSION = re.compile(r"^[0-9][A-Za-z0-9.+~-]*$")


@dataclass(frozen=True)
class DebPlan:
    """One ``.deb``: its metadata and where the folder build goes.

    Attributes:
        package: the Debian package name (lower case; also the command's name).
        name: the app's name, shown in the menu.
        version: the package version.
        architecture: ``dpkg --print-architecture`` of the build (``amd64``).
        depends: the system packages it needs, in Debian's syntax.
        bundle: the folder build to install (``dist/<name>``).
        executable: the executable's name inside ``bundle``.
        icon: a PNG for the menu entry, or ``None``.
        description: one line for package managers.
        maintainer: the ``Maintainer`` field.
        staging: where the package tree is laid out before ``dpkg-deb``.
        output: the ``.deb`` file to write.
    """

    package: str
    name: str
    version: str
    architecture: str
    depends: tuple[str, ...]
    bundle: Path
    executable: str
    icon: Path | None
    description: str
    maintainer: str
    staging: Path
    output: Path

    @property
    def install_dir(self) -> PurePosixPath:
        """Where the folder build is installed."""
        return PurePosixPath("/opt") / self.package

    @property
    def command(self) -> PurePosixPath:
        """The installed command, on ``PATH``."""
        return PurePosixPath("/usr/bin") / self.package

    @property
    def desktop_path(self) -> PurePosixPath:
        """The installed menu entry."""
        return PurePosixPath("/usr/share/applications") / f"{self.package}.desktop"

    @property
    def icon_path(self) -> PurePosixPath:
        """The installed icon (where the desktop's icon theme looks)."""
        return PurePosixPath("/usr/share/icons/hicolor/256x256/apps") / f"{self.package}.png"


def package_name(name: str) -> str:
    """A Debian package name for the app's name: lower case, ``[a-z0-9.+-]``, two characters or more.

    Example:
        >>> package_name("Sales Report_2")
        'sales-report-2'
    """
    cleaned = re.sub(r"[^a-z0-9.+-]+", "-", name.lower()).strip("-.+")
    if len(cleaned) < 2 or not cleaned[0].isalnum():
        cleaned = f"app-{cleaned}".strip("-") if cleaned else "rillet-app"
    return cleaned


def debian_version(version: str | None) -> str:
    """The package version: ``--app-version``, checked, or :data:`DEFAULT_VERSION`.

    Raises:
        PackError: a version Debian would refuse.

    Example:
        >>> debian_version("2.1"), debian_version(None)
        ('2.1', '1.0.0')
    """
    if version is None:
        return DEFAULT_VERSION
    if not _DEB_VERSION.match(version):
        raise PackError(
            f"--app-version {version!r}: a package version starts with a digit and holds only "
            "letters, digits and . + ~ -, e.g. 1.2.3"
        )
    return version


def check_deb_host(
    which: Callable[[str], str | None] = shutil.which, os_release: Path = Path("/etc/os-release")
) -> None:
    """Refuse a ``.deb`` where it cannot be built: a host without ``dpkg-deb``.

    Raises:
        PackError: naming the host's system and what a ``.deb`` needs.
    """
    if which("dpkg-deb") is not None:
        return
    system = "this system"
    try:
        fields = dict(
            line.split("=", 1) for line in os_release.read_text().splitlines() if "=" in line
        )
        system = fields.get("PRETTY_NAME", fields.get("ID", system)).strip('"')
    except OSError:
        pass
    raise PackError(
        f"--format deb: {system} is not Debian-based (no dpkg-deb here). A .deb is built with "
        "Debian's own tool, on Debian or Ubuntu; build the folder instead (the default format)."
    )


def plan_deb(
    spec: PackSpec,
    *,
    architecture: str,
    description: str = "",
    maintainer: str = "",
) -> DebPlan:
    """The package of the folder build ``spec`` describes.

    Raises:
        PackError: a one-file build (a ``.deb`` installs the folder), an icon
            that is not a PNG, or a bad version.

    Example:
        >>> from rillet_packaging.spec import VersionInfo
        >>> spec = PackSpec(Path("/a/app.py"), "Report", Path("/w/l.py"), Path("/a/dist"),
        ...                 Path("/w"), webview="gtk", version=VersionInfo("2.0"))
        >>> deb = plan_deb(spec, architecture="amd64")
        >>> deb.output.as_posix(), deb.depends[0]
        ('/a/dist/report_2.0_amd64.deb', 'gir1.2-webkit2-4.1')
    """
    if spec.onefile:
        raise PackError("--format deb installs the folder build; leave out --onefile")
    version = debian_version(spec.version.version if spec.version is not None else None)
    icon = spec.icon
    if icon is not None and icon.suffix.lower() != ".png":
        raise PackError(f"--icon {icon}: a .deb's menu entry takes a .png icon")
    package = package_name(spec.name)
    depends = GTK_DEPENDS if spec.webview == "gtk" else QT_DEPENDS
    info = spec.version
    return DebPlan(
        package=package,
        name=spec.name,
        version=version,
        architecture=architecture,
        depends=depends,
        bundle=spec.output_path,
        executable=spec.executable.name,
        icon=icon,
        description=description
        or (info.description if info else "")
        or f"{spec.name} (a rillet app)",
        maintainer=maintainer
        or (info.company if info and info.company else "")
        or "rillet pack <root@localhost>",
        staging=spec.work_dir / "deb-root",
        output=spec.dist_dir / f"{package}_{version}_{architecture}.deb",
    )


def control_file(plan: DebPlan, installed_kb: int) -> str:
    """``DEBIAN/control``.

    Example:
        >>> from rillet_packaging.spec import VersionInfo
        >>> spec = PackSpec(Path("/a/app.py"), "Report", Path("/w/l.py"), Path("/d"), Path("/w"), webview="gtk")
        >>> print(control_file(plan_deb(spec, architecture="amd64"), 35000).splitlines()[0])
        Package: report
    """
    return (
        f"Package: {plan.package}\n"
        f"Version: {plan.version}\n"
        f"Architecture: {plan.architecture}\n"
        f"Maintainer: {plan.maintainer}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(plan.depends)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {plan.description}\n"
        f" {plan.name}, packed with rillet pack: Python, rillet and the app in\n"
        f" {plan.install_dir}, shown in a native window.\n"
    )


def desktop_entry(plan: DebPlan) -> str:
    """The menu entry (freedesktop ``.desktop`` file).

    Example:
        >>> spec = PackSpec(Path("/a/app.py"), "Report", Path("/w/l.py"), Path("/d"), Path("/w"), webview="gtk")
        >>> "Exec=/usr/bin/report" in desktop_entry(plan_deb(spec, architecture="amd64"))
        True
    """
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={plan.name}",
        f"Comment={plan.description}",
        f"Exec={plan.command}",
        "Terminal=false",
        "Categories=Utility;",
        f"StartupWMClass={plan.name}",
    ]
    if plan.icon is not None:
        lines.insert(4, f"Icon={plan.package}")
    return "\n".join(lines) + "\n"


def dpkg_deb_argv(plan: DebPlan) -> list[str]:
    """The ``dpkg-deb`` command that builds the package from its staging tree.

    Example:
        >>> spec = PackSpec(Path("/a/app.py"), "Report", Path("/w/l.py"), Path("/d"), Path("/w"), webview="gtk")
        >>> dpkg_deb_argv(plan_deb(spec, architecture="amd64"))
        ['dpkg-deb', '--root-owner-group', '-Zxz', '--build', '/w/deb-root', '/d/report_1.0.0_amd64.deb']
    """
    return [
        "dpkg-deb",
        "--root-owner-group",
        "-Zxz",
        "--build",
        str(plan.staging),
        str(plan.output),
    ]


def host_architecture() -> str:
    """``dpkg --print-architecture`` (``amd64``, ``arm64``...)."""
    done = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def build_deb(plan: DebPlan) -> Path:
    """Lay out the staging tree and run ``dpkg-deb``; return the ``.deb``.

    Raises:
        PackError: ``dpkg-deb`` failed (its message included); no ``.deb`` is left.
    """
    root = plan.staging
    if root.exists():
        shutil.rmtree(root)

    def place(target: PurePosixPath) -> Path:
        path = root / target.relative_to("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    shutil.copytree(plan.bundle, place(plan.install_dir), symlinks=True)
    command = place(plan.command)
    command.symlink_to(Path(str(plan.install_dir)) / plan.executable)
    place(plan.desktop_path).write_text(desktop_entry(plan), encoding="utf-8")
    if plan.icon is not None:
        shutil.copyfile(plan.icon, place(plan.icon_path))
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    control = root / "DEBIAN" / "control"
    control.parent.mkdir(parents=True, exist_ok=True)
    control.write_text(control_file(plan, (size + 1023) // 1024), encoding="utf-8")
    for folder, _, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                executable = path.stat().st_mode & 0o111
                os.chmod(path, 0o755 if executable else 0o644)
    plan.output.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(dpkg_deb_argv(plan), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        plan.output.unlink(missing_ok=True)
        raise PackError(f"dpkg-deb failed: {(done.stderr or done.stdout).strip()}")
    return plan.output
