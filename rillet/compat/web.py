"""``streamlit.web.cli`` and ``streamlit.web.bootstrap``: starting an app from Python.

Launcher scripts (and packaged apps) start Streamlit from Python, either
through the CLI with ``sys.argv`` set (``sys.argv = ["streamlit", "run",
"app.py"]; sys.exit(stcli.main())``) or with ``bootstrap.run(...)``. Both
start rillet's server instead, with the same arguments.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def main(
    args: Sequence[str] | None = None,
    prog_name: str | None = None,
    standalone_mode: bool = True,
    **extra: Any,
) -> int:
    """Run the command line (``sys.argv[1:]`` by default): ``run app.py``, ``hello``, ...

    As a command-line entry point it exits with the command's status;
    ``standalone_mode=False`` returns the status instead.

    Example:
        >>> main(["--version"], standalone_mode=False)  # doctest: +SKIP
    """
    from rillet import cli

    code = cli.main(list(sys.argv[1:] if args is None else args))
    if standalone_mode:
        raise SystemExit(code)
    return code


def main_run(target: str, args: Sequence[str] = (), **flags: Any) -> int:
    """``streamlit run target [args]``: serve the app in ``target``.

    Example:
        >>> main_run("app.py")  # doctest: +SKIP
    """
    return run(target, False, list(args), flags)


def run(
    main_script_path: str,
    is_hello: bool,
    args: list[str],
    flag_options: dict[str, Any],
    *,
    stop_immediately_for_testing: bool = False,
) -> int:
    """Serve ``main_script_path`` until it is stopped (``streamlit.web.bootstrap.run``).

    ``flag_options`` are config options (``{"server.port": 8502}``, or
    ``{"server_port": 8502}`` as Streamlit's command line passes them);
    options set before with ``streamlit.config.set_option`` apply too,
    flags winning.

    Example:
        >>> run("app.py", False, [], {"server.headless": True})  # doctest: +SKIP
    """
    from rillet import cli
    from rillet.compat.config import launch_flags

    # Keys come as the command line's (server_port) or as option names (server.port).
    given = {
        key.replace("_", "."): _flag(value)
        for key, value in flag_options.items()
        if value is not None and value != ()
    }
    flags = {**launch_flags(), **given}
    script = cli.hello_app_path() if is_hello else Path(main_script_path)
    return cli.run_app(script, list(args), flags)


def _flag(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
