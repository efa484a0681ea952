"""``st.secrets``, ``st.get_option`` and ``st.set_option``.

Each reaches the running app's services through the run context (see
``rillet.runtime.services`` for the conventions), and falls back to the
process-wide ones outside a run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rillet.runtime import context
from rillet.runtime import services as _services
from rillet.runtime.errors import RilletAPIException

if TYPE_CHECKING:
    from rillet.runtime.config import Config


def _app_services() -> tuple[MutableMapping[str, Any], list[Path]]:
    ctx = context.get_or_none()
    session = ctx.extras.get("session") if ctx is not None else None
    if ctx is None or session is None:
        return _services.process_services(), [Path.cwd()]
    return session.app.services, [Path.cwd(), ctx.main_script.parent]


def _config() -> Config:
    return _services.config_for(*_app_services())


class SecretsProxy(Mapping[str, Any]):
    """``st.secrets``: the app's secrets, by key or attribute.

    Secrets come from ``.rillet/secrets.toml`` or ``.streamlit/secrets.toml``
    (in the working directory, the app's folder or the home folder); in
    tests, from ``AppTest.secrets``. They are read-only.

    Example:
        >>> import rillet as st
        >>> st.secrets["db"]["user"]  # [db] user = "ann" in secrets.toml
        'ann'
        >>> st.secrets.db.user
        'ann'
    """

    def _secrets(self) -> Mapping[str, Any]:
        return _services.secrets_for(*_app_services())

    def __getitem__(self, key: str) -> Any:
        return self._secrets()[key]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._secrets(), name)

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError("st.secrets is read-only; edit the secrets.toml file instead")

    def __iter__(self) -> Iterator[str]:
        return iter(self._secrets())

    def __len__(self) -> int:
        return len(self._secrets())

    def __contains__(self, key: object) -> bool:
        return key in self._secrets()

    def to_dict(self) -> dict[str, Any]:
        """Every secret as plain, mutable dicts (a copy)."""
        secrets = self._secrets()
        to_dict = getattr(secrets, "to_dict", None)
        return to_dict() if to_dict is not None else dict(secrets)

    def load_if_toml_exists(self) -> bool:
        """Read the secrets files now; ``False`` when there is none (no error)."""
        from rillet.runtime.secrets import SecretsNotFoundError

        try:
            len(self._secrets())
        except SecretsNotFoundError:
            return False
        return True

    def __repr__(self) -> str:
        return repr(self._secrets())


secrets = SecretsProxy()


def get_option(key: str) -> Any:
    """Return the value of a config option.

    Example:
        >>> import rillet as st
        >>> st.get_option("theme.primaryColor")
    """
    from rillet.runtime.config import ConfigError

    try:
        return _config().get(key)
    except ConfigError as exc:
        raise RilletAPIException(f"st.get_option: {exc}") from None


def set_option(key: str, value: Any) -> None:
    """Change a config option while the app runs.

    Only options that take effect at once can change (``client.*``,
    ``theme.*``, ``logger.level``); the others are read at start-up.

    Example:
        >>> import rillet as st
        >>> st.set_option("client.showErrorDetails", "type")
    """
    from rillet.runtime.config import ConfigError

    try:
        _config().set(key, value)
    except ConfigError as exc:
        raise RilletAPIException(f"st.set_option: {exc}") from None


__all__ = ["get_option", "secrets", "set_option"]
