"""``rillet pack app.py``: what the subcommand does with its parsed arguments.

``rillet.cli`` declares the arguments (``_pack_arguments``, beside the
other subcommands') and calls :func:`run`, importing this module only when
``pack`` is the command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rillet_packaging.spec import PackError, VersionInfo

if TYPE_CHECKING:
    from rillet_packaging.plan import PackRequest

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def request_from(namespace: argparse.Namespace) -> PackRequest:
    """The :class:`PackRequest` the parsed arguments describe."""
    from rillet_packaging.plan import PackRequest

    version = None
    if namespace.app_version:
        version = VersionInfo(
            namespace.app_version, namespace.company, namespace.description, namespace.copyright
        )
    return PackRequest(
        script=Path(namespace.script),
        name=namespace.name,
        onefile=namespace.onefile,
        windowed=not namespace.console,
        icon=Path(namespace.icon) if namespace.icon else None,
        version=version,
        add_data=tuple(namespace.add_data),
        hidden_imports=tuple(namespace.hidden_import),
        include_secrets=namespace.include_secrets,
        dist_dir=Path(namespace.dist) if namespace.dist else None,
        work_dir=Path(namespace.build_dir) if namespace.build_dir else None,
        clean=namespace.clean,
        webview=getattr(namespace, "webview", None),
    )


def run(namespace: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check, plan, and (unless ``--dry-run``) build; return the exit code.

    Every check that can fail runs before PyInstaller starts; their
    messages go to ``err`` as ``rillet pack: error: ...``.
    """
    from rillet_packaging.argv import build_argv, format_command
    from rillet_packaging.checks import check_pyinstaller, check_web_client
    from rillet_packaging.plan import plan

    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    package_format = getattr(namespace, "package_format", "folder")
    deb = None
    try:
        if package_format == "deb":
            from rillet_packaging.deb import check_deb_host

            check_deb_host()
        if not namespace.dry_run:
            check_pyinstaller()
            check_web_client()
        spec = plan(request_from(namespace))
        if package_format == "deb":
            from rillet_packaging.deb import host_architecture, plan_deb

            deb = plan_deb(spec, architecture=host_architecture())
    except PackError as error:
        print(f"rillet pack: error: {error}", file=err)
        return EXIT_USAGE
    for note in spec.notes:
        print(f"rillet pack: {note}", file=err)
    argv = build_argv(spec)
    if namespace.dry_run:
        print(format_command(argv), file=out)
        return EXIT_OK

    from rillet_packaging.build import describe_output, run_pyinstaller

    print(
        f"Packing {spec.script} as {spec.name!r} with PyInstaller (log: {spec.work_dir / 'pyinstaller.log'})",
        file=out,
        flush=True,
    )
    existed = spec.output_path.exists()
    try:
        run_pyinstaller(spec, argv, out)
        if deb is not None:
            from rillet_packaging.deb import build_deb

            print(f"Packaging {deb.output.name} with dpkg-deb", file=out, flush=True)
            build_deb(deb)
    except (PackError, KeyboardInterrupt) as error:
        # Nothing half-built stays in dist/: what this build started is removed.
        if not existed:
            remove_output(spec.output_path)
        print(f"rillet pack: error: {error or 'interrupted'}", file=err)
        return EXIT_FAILURE
    print(describe_output(spec), file=out)
    if deb is not None:
        size = deb.output.stat().st_size / 1e6
        print(
            f"Built {deb.output} ({size:.0f} MB). Install it with: "
            f"sudo apt-get install {deb.output}; then run: {deb.package}",
            file=out,
        )
    return EXIT_OK


def remove_output(path: Path) -> None:
    """Remove a build's output (a folder or one file), if it is there."""
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()
