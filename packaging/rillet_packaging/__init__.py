"""``rillet pack``: an app as a double-click executable, built with PyInstaller.

The build is data first: :func:`plan` checks the request and reads the app
into a frozen :class:`PackSpec`, :func:`build_argv` turns that into
PyInstaller's arguments (what ``--dry-run`` prints), and only then does
``rillet_packaging.build`` run PyInstaller. The packed executable starts
through ``rillet_packaging.frozen``.

This package does not import rillet's runtime or server (only
``rillet.version``-level code may be imported at module level), and
nothing here imports PyInstaller: PyInstaller runs in a child process.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rillet_packaging.analysis import AppAnalysis, analyse_app
    from rillet_packaging.argv import build_argv, default_excludes, format_command, launcher_source
    from rillet_packaging.plan import PackRequest, plan
    from rillet_packaging.spec import DataFile, PackError, PackSpec, VersionInfo, parse_add_data

# Loaded on first use: `rillet` builds every subcommand's parser on each
# call, and `rillet pack`'s should not cost the other commands the analysis
# modules' import time.
_HOMES = {
    "AppAnalysis": "analysis",
    "DataFile": "spec",
    "PackError": "spec",
    "PackRequest": "plan",
    "PackSpec": "spec",
    "VersionInfo": "spec",
    "analyse_app": "analysis",
    "build_argv": "argv",
    "default_excludes": "argv",
    "format_command": "argv",
    "launcher_source": "argv",
    "parse_add_data": "spec",
    "plan": "plan",
}

__all__ = [
    "AppAnalysis",
    "DataFile",
    "PackError",
    "PackRequest",
    "PackSpec",
    "VersionInfo",
    "analyse_app",
    "build_argv",
    "default_excludes",
    "format_command",
    "launcher_source",
    "parse_add_data",
    "plan",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'rillet_packaging' has no attribute {name!r}")
    return getattr(importlib.import_module(f"rillet_packaging.{home}"), name)
