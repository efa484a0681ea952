"""The desktop shell: an app in a native window, served from the same process.

``rillet desktop app.py`` (see :mod:`rillet_shell.launcher`) and every
packed executable open the app through :func:`run_desktop`;
``rillet doctor`` reports what :mod:`rillet_shell.backends` finds.
"""

from __future__ import annotations

from rillet_shell.launcher import DesktopOptions, WebviewUnavailable, run_desktop

__all__ = ["DesktopOptions", "WebviewUnavailable", "run_desktop"]
