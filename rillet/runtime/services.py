"""The services an app's sessions share, and where ``st.*`` finds them.

``App.services`` (``rillet.runtime.session.App``) is a plain dict so that the
runtime does not depend on every service's module. This is the one place
that defines its keys:

``"config"``
    The app's `Config` (``st.get_option``/``st.set_option``). The
    ``Runtime`` puts the config it was built with; without one (AppTest),
    a config is loaded on first use from the working directory and the
    main script's folder, and kept per app.
``"secrets"``
    The app's `Secrets` (``st.secrets``). The server may put one whose
    files it watches; otherwise one is made on first use, searching the
    same folders as the config.
``"secrets_override"``
    A plain dict (``AppTest.secrets``); when it is non-empty it wins over
    ``"secrets"``.
``"desktop_response"``
    Called as ``handler(session, response)`` for every
    ``BackMsg.desktop_response``: the app's
    ``rillet.runtime.desktop.DesktopRequests``, which hands each answer to
    the script thread waiting for it (installed by the first
    ``st.desktop.*`` call).

Outside a script run (plain ``python script.py``, a REPL, a thread without
a run context), ``st.secrets`` and ``st.get_option`` use one process-wide
instance loaded from the working directory.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rillet.runtime.config import Config

CONFIG = "config"
SECRETS = "secrets"
SECRETS_OVERRIDE = "secrets_override"
DESKTOP_RESPONSE = "desktop_response"

_LOCK = threading.Lock()
_PROCESS: dict[str, Any] = {}


def config_for(services: MutableMapping[str, Any], project_dirs: Sequence[Path]) -> Config:
    """The app's config, loading it from ``project_dirs`` the first time.

    Example:
        >>> config_for({}, [Path.cwd()]).get("server.port")
        8501
    """
    from rillet.runtime.config import Config  # read files only when an option is asked for

    with _LOCK:
        config = services.get(CONFIG)
        if config is None:
            config = services[CONFIG] = Config.load(list(project_dirs))
    assert isinstance(config, Config)
    return config


def secrets_for(
    services: MutableMapping[str, Any], project_dirs: Sequence[Path]
) -> Mapping[str, Any]:
    """The app's secrets: the override when given, else the app's files.

    Example:
        >>> secrets_for({"secrets_override": {"token": "t"}}, [Path.cwd()])["token"]
        't'
    """
    from rillet.runtime.secrets import Secrets  # only apps that use secrets pay for TOML

    override = services.get(SECRETS_OVERRIDE)
    if override:
        return Secrets.from_mapping(override)
    with _LOCK:
        secrets = services.get(SECRETS)
        if secrets is None:
            secrets = services[SECRETS] = Secrets.for_project(list(project_dirs))
    assert isinstance(secrets, Mapping)
    return secrets


def process_services() -> dict[str, Any]:
    """The services used outside any script run (loaded from the working directory)."""
    return _PROCESS
