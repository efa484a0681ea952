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
    )


def run(namespace: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check, plan, and (unless ``--dry-run``) build; return the exit code.

    Every check that can fail runs before PyInstaller starts; their
    messages go to ``err`` as ``rillet pack: error: ...``.
    """
    from rillet_packaging.argv import build_argv, format_command
    from rillet_packaging.checks import check_pyinstaller
    from rillet_packaging.plan import plan

    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    try:
        if not namespace.dry_run:
            check_pyinstaller()
        spec = plan(request_from(namespace))
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
    try:
        run_pyinstaller(spec, argv, out)
    except PackError as error:
        print(f"rillet pack: error: {error}", file=err)
        return EXIT_FAILURE
    print(describe_output(spec), file=out)
    return EXIT_OK
