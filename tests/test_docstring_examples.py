"""The examples in the packages' docstrings run as written.

The ``st.*`` commands' own examples (``rillet.api``) are left out: they are
lines of an app script and need a script run around them, which the API tests
provide. Examples that need the outside world (a secrets file, a window, a
network) say ``# doctest: +SKIP``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = (
    "rillet.runtime",
    "rillet.dataframes",
    "rillet.compat",
    "rillet.components",
    "rillet.connections",
    "rillet.auth",
    "rillet.testing",
    "rillet.protocol",
    "rillet_server",
    "rillet_shell",
    "rillet_packaging",
)
MODULES = ("rillet.cli", "rillet.version", "rillet.column_config")
NOT_IMPORTABLE = ("rillet.protocol._generate",)  # needs grpcio-tools, a code-generation extra


def _modules() -> list[str]:
    names = list(MODULES)
    for package in PACKAGES:
        names.append(package)
        path = importlib.import_module(package).__path__
        for info in pkgutil.walk_packages(path, prefix=f"{package}."):
            # PyInstaller hook files (hook-PyQt6.QtGui.py) are not modules.
            if "-" not in info.name and info.name not in NOT_IMPORTABLE:
                names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_the_examples_in_a_modules_docstrings_run(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for test in finder.find(module, name):
        runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
