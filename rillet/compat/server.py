"""``streamlit.web.server.Server``: the server of this process, as packages find it.

streamlit-server-state looks for Streamlit's server among the live objects
(``gc.get_objects()``, keeping those that are ``Server`` instances) and keeps
its process-wide state on it as attributes. rillet's own server is out of
the collector's sight once it serves (the CLI freezes what is alive at
start), so the alias gives packages a stand-in: one instance for the
process, made when this module is first imported (on the first look-up of
the name, during a script run), which the collector sees.
"""

from __future__ import annotations

from typing import Any


class Server:
    """The server serving this process's app, as Streamlit's ``Server`` class.

    There is one instance; packages keep attributes on it.
    ``_runtime`` is what ``streamlit.runtime.get_instance()`` gives during a
    run, and ``main_script_path`` the app's script.

    Example:
        >>> import gc
        >>> any(isinstance(obj, Server) for obj in gc.get_objects())
        True
    """

    @property
    def _runtime(self) -> Any:
        from rillet.compat.runtime import get_instance

        return get_instance()

    @property
    def main_script_path(self) -> str:
        from rillet.compat.runtime import get_script_run_ctx

        ctx = get_script_run_ctx()
        return ctx.main_script_path if ctx is not None else ""

    def __repr__(self) -> str:
        return "<streamlit.web.server.Server served by rillet>"


_SERVER = Server()
