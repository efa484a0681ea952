"""rillet's PyInstaller hooks, found through the ``pyinstaller40`` entry point.

PyInstaller reads ``hook-<module>.py`` files from the folders
:func:`get_hook_dirs` returns, for every build on a machine where rillet is
installed — so the hooks only add what rillet's own packages need and
never change how other packages are collected. ``rillet pack`` also passes
this folder with ``--additional-hooks-dir``, so the hooks apply even when
the entry point is not registered (an editable install made before it
existed).
"""

from __future__ import annotations

from pathlib import Path

HOOKS_DIR = Path(__file__).resolve().parent


def get_hook_dirs() -> list[str]:
    """The folders holding rillet's PyInstaller hooks (PyInstaller's entry-point API).

    Example:
        >>> [Path(d).name for d in get_hook_dirs()]
        ['hooks']
    """
    return [str(HOOKS_DIR)]
