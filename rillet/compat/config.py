"""``streamlit.config`` for apps on rillet: the same options, read from rillet's config.

Inside a running app these read and change the app's config, as
``st.get_option`` and ``st.set_option`` do. Outside one (a launcher script
that sets options before ``streamlit.web.bootstrap.run``) ``set_option``
accepts every option, as Streamlit's does, and the launch uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rillet.runtime.errors import RilletAPIException


def _config() -> Any:
    from rillet.api.services import _config

    return _config()


def _source(name: str) -> Any:
    from rillet.runtime.config import ConfigError

    try:
        return _config().source(name)
    except ConfigError as exc:
        raise RilletAPIException(str(exc)) from None


def get_option(key: str) -> Any:
    """The value of the config option ``key`` (``"server.port"``).

    Example:
        >>> get_option("server.port")
        8501
    """
    import rillet

    return rillet.get_option(key)


def set_option(key: str, value: Any, where_defined: str = "<user defined>") -> None:
    """Set the config option ``key``.

    While an app runs, only options that take effect at once change (as
    ``st.set_option``); before an app starts, any option does.

    Example:
        >>> set_option("theme.primaryColor", "#ff4b4b")  # doctest: +SKIP
    """
    from rillet.runtime import context
    from rillet.runtime.config import ConfigError

    if context.get_or_none() is not None:
        import rillet

        rillet.set_option(key, value)
        return
    try:
        _config().set(key, value, where="flag")
    except ConfigError as exc:
        raise RilletAPIException(f"streamlit.config.set_option: {exc}") from None


def get_options_for_section(section: str) -> dict[str, Any]:
    """Every option of ``section`` (``"theme"``), by its name within the section.

    Example:
        >>> "port" in get_options_for_section("server")
        True
    """
    prefix = section + "."
    return {
        option.name[len(prefix) :]: value
        for option, value, _ in _config().items()
        if option.name.startswith(prefix)
    }


@dataclass(frozen=True)
class ConfigOption:
    """One option as ``get_config_options`` gives it: its name, value and origin."""

    key: str
    value: Any
    default_val: Any
    description: str
    where_defined: str

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]

    @property
    def is_default(self) -> bool:
        return self.where_defined == "default"


def get_config_options(
    force_reparse: bool = False, options_from_flags: dict[str, Any] | None = None
) -> dict[str, ConfigOption]:
    """Every option by its full name (``"theme.primaryColor"``), with ``.value``.

    Component packages read the theme this way. ``force_reparse`` and
    ``options_from_flags`` are accepted for Streamlit's signature; rillet's
    config is already parsed, and flags are given on the command line.

    Example:
        >>> get_config_options()["server.port"].value
        8501
    """
    return {
        option.name: ConfigOption(
            option.name, value, option.default, option.description, str(source)
        )
        for option, value, source in _config().items()
    }


def is_manually_set(option_name: str) -> bool:
    """Whether a file, variable, flag or call set the option (not its default).

    Example:
        >>> is_manually_set("server.address")
        False
    """
    from rillet.runtime.config import Layer

    return bool(_source(option_name).layer != Layer.DEFAULT)


def get_where_defined(key: str) -> str:
    """Where the option's value came from: ``"default"``, a file, a variable or a flag.

    Example:
        >>> get_where_defined("server.address")
        'default'
    """
    return str(_source(key))


def show_config() -> None:
    """Print every option with its value, as ``rillet config show`` does.

    Example:
        >>> show_config()  # doctest: +SKIP
    """
    print(_config().show(), end="")


def launch_flags() -> dict[str, str]:
    """Options set before the launch, as the ``--name value`` flags of ``rillet run``."""
    from rillet.runtime.config import Layer

    def text(value: object) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, tuple):
            return ",".join(str(v) for v in value)
        return str(value)

    return {
        option.name: text(value)
        for option, value, source in _config().items()
        if source.layer == Layer.FLAG
    }
