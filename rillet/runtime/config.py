"""Configuration options: one table of options and a layered `Config`.

Every option rillet understands is one `Option` entry in `OPTIONS`. A `Config`
instance resolves each option from layers, lowest precedence first:

1. the default in the table;
2. user files: ``~/.streamlit/config.toml`` then ``~/.rillet/config.toml``;
3. project files, for each project directory: ``.streamlit/config.toml`` then
   ``.rillet/config.toml``;
4. environment variables: ``RILLET_SERVER_PORT`` style, with
   ``STREAMLIT_SERVER_PORT`` accepted for compatibility (the ``RILLET_`` one
   wins when both are set);
5. command-line flags (``--server.port 8502``);
6. `Config.set` while the app runs (``st.set_option``).

There is no global `Config`: the composition root (the CLI) builds one with
`Config.load` and hands it to the server and the runtime.
"""

from __future__ import annotations

import difflib
import enum
import json
import logging
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "OPTIONS",
    "OPTIONS_BY_NAME",
    "Config",
    "ConfigError",
    "Layer",
    "Option",
    "Source",
    "config_file_paths",
    "env_var_names",
]

_LOGGER = logging.getLogger(__name__)

# `tuple` marks a list of strings (TOML array, or comma-separated in env vars and flags).
OptionType = type[bool] | type[int] | type[float] | type[str] | type[tuple[Any, ...]]


class ConfigError(ValueError):
    """A config option name or value was not accepted.

    Example:
        >>> Config.defaults().get("server.prot")
        Traceback (most recent call last):
        ...
        rillet.runtime.config.ConfigError: Unknown config option 'server.prot'. Did you mean: server.port?
    """


@dataclass(frozen=True)
class Option:
    """One configuration option: its name, type, default and meaning.

    Attributes:
        name: Dotted name, ``section.optionName``.
        type: The Python type values are coerced to: bool, int, float, str, or
            tuple (a tuple of strings).
        default: The value when no layer sets the option (None means "unset").
        description: One line shown by ``rillet config show``.
        choices: The accepted values, when the option is an enumeration.
        runtime_settable: Whether `Config.set` may change it while the app runs.
        sensitive: Whether ``config show`` hides its value.
    """

    name: str
    type: OptionType
    default: object
    description: str
    choices: tuple[str, ...] = ()
    runtime_settable: bool = False
    sensitive: bool = False

    @property
    def section(self) -> str:
        """The part of the name before the first dot (``server``)."""
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        """The part of the name after the first dot (``port``)."""
        return self.name.split(".", 1)[1]


def _opt(
    name: str,
    type_: OptionType,
    default: object,
    description: str,
    *,
    choices: tuple[str, ...] = (),
    runtime_settable: bool = False,
    sensitive: bool = False,
) -> Option:
    return Option(name, type_, default, description, choices, runtime_settable, sensitive)


# The option table. Options are grouped by section; `config show` keeps this order.
# Only client.*, theme.* and logger.level may change while a script runs: every
# other option is read once, when the server, watcher or runner is built.
OPTIONS: tuple[Option, ...] = (
    _opt("global.developmentMode", bool, False, "Accepted for compatibility with Streamlit configs; rillet has no separate development mode."),
    _opt("logger.level", str, "info", "Lowest severity of rillet's log messages.", choices=("error", "warning", "info", "debug"), runtime_settable=True),
    _opt("client.showErrorDetails", str, "full", "How much of an uncaught exception the page shows: 'full' (type, message, traceback), 'stacktrace' (type, traceback), 'type' (type only) or 'none'; what is held back goes to the console. true and false, as older configs say, mean 'full' and 'stacktrace'.", choices=("full", "stacktrace", "type", "none"), runtime_settable=True),
    _opt("client.toolbarMode", str, "auto", "Which items the app's menu offers: 'viewer' and 'minimal' leave out the developer items (Clear cache); 'auto' and 'developer' show them.", choices=("auto", "developer", "viewer", "minimal"), runtime_settable=True),
    _opt("client.showSidebarNavigation", bool, True, "List the app's pages in the sidebar of a multipage app.", runtime_settable=True),
    _opt("runner.magicEnabled", bool, True, "Display bare expressions and literals on their own line as if passed to st.write."),
    _opt("runner.fastReruns", bool, True, "Stop a running script as soon as a new rerun is requested instead of letting it finish."),
    _opt("runner.postScriptGC", bool, False, "Run a full garbage collection after each script run (slow with large data; off by default)."),
    _opt("magic.displayRootDocString", bool, False, "Let magic display a module docstring at the top of the script."),
    _opt("magic.displayLastExprIfNoSemicolon", bool, False, "Let magic display the last expression of a cell-like block unless it ends with a semicolon."),
    _opt("server.port", int, 8501, "TCP port the server listens on (0 picks a free port)."),
    _opt("server.address", str, None, "Interface address the server binds to; unset means every interface."),
    _opt("server.headless", bool, False, "Do not open a browser tab when the server starts."),
    _opt("server.runOnSave", bool, False, "Rerun the app automatically when its source files change on disk."),
    _opt("server.fileWatcherType", str, "auto", "How source changes are detected: watchdog events, polling, or not at all.", choices=("auto", "watchdog", "poll", "none")),
    _opt("server.maxUploadSize", int, 200, "Largest file a user may upload, in megabytes."),
    _opt("server.maxMessageSize", int, 200, "Largest WebSocket message the server sends or accepts, in megabytes."),
    _opt("server.enableXsrfProtection", bool, None, "Require an XSRF token on uploads; unset means on whenever the server is reachable beyond loopback."),
    _opt("server.enableCORS", bool, True, "Reject cross-origin requests (Origin/Host checks)."),
    _opt("server.baseUrlPath", str, "", "URL prefix the app is served under, e.g. 'apps/demo' behind a reverse proxy."),
    _opt("server.corsAllowedOrigins", tuple, (), "Origins allowed to make cross-origin requests while server.enableCORS is on."),
    _opt("server.enableWebsocketCompression", bool, False, "Compress WebSocket frames (per-message deflate); costs CPU, saves bandwidth."),
    _opt("server.cookieSecret", str, None, "Accepted for compatibility with Streamlit configs; rillet signs no cookies (its XSRF check compares a cookie with a header).", sensitive=True),
    _opt("server.disconnectedSessionTTL", int, 120, "Seconds a disconnected session is kept so that a reconnecting client can resume it."),
    _opt("server.websocketPingInterval", int, None, "Seconds between WebSocket pings; unset uses the server's default."),
    _opt("server.enableStaticServing", bool, False, "Serve the files in the app's ./static folder under /app/static/."),
    _opt("server.sslCertFile", str, None, "Path to a PEM certificate; with server.sslKeyFile, serve over HTTPS."),
    _opt("server.sslKeyFile", str, None, "Path to the PEM private key matching server.sslCertFile."),
    _opt("browser.serverAddress", str, "localhost", "Host name the browser is pointed at and the client uses to reach the server."),
    _opt("browser.serverPort", int, None, "Port the browser is pointed at; unset means server.port."),
    _opt("browser.gatherUsageStats", bool, False, "Accepted for compatibility with Streamlit configs; rillet never collects usage statistics."),
    _opt("theme.base", str, None, "Built-in theme the custom colours start from.", choices=("light", "dark"), runtime_settable=True),
    _opt("theme.primaryColor", str, None, "Accent colour of interactive elements (CSS colour).", runtime_settable=True),
    _opt("theme.backgroundColor", str, None, "Background colour of the main area (CSS colour).", runtime_settable=True),
    _opt("theme.secondaryBackgroundColor", str, None, "Background colour of the sidebar and of inputs (CSS colour).", runtime_settable=True),
    _opt("theme.textColor", str, None, "Colour of body text (CSS colour).", runtime_settable=True),
    _opt("theme.font", str, None, "Font family of body text: 'sans serif', 'serif', 'monospace' or a CSS font name.", runtime_settable=True),
    _opt("theme.chartCategoricalColors", tuple, None, "Colours (CSS) given in order to the categories of Vega-Lite, Altair and Plotly charts; they repeat when there are more categories.", runtime_settable=True),
    _opt("theme.chartSequentialColors", tuple, None, "Ten colours (CSS) making the gradient of continuous chart data.", runtime_settable=True),
    _opt("theme.chartDivergingColors", tuple, None, "Ten colours (CSS) making the scale of chart data around a midpoint.", runtime_settable=True),
    _opt("cache.persistDir", str, None, "Folder for st.cache_data(persist='disk') files; unset uses the platform's user cache folder."),
    _opt("storage.backend", str, "memory", "Where media files and uploads are kept: in this process, or in Redis shared by replicas.", choices=("memory", "redis")),
    _opt("storage.redisUrl", str, None, "Redis URL used when storage.backend is 'redis', e.g. redis://localhost:6379/0.", sensitive=True),
    _opt("storage.sessionStore", str, "off", "Keep each session's widget values and picklable st.session_state in the Redis at storage.redisUrl, so a client whose replica died or was drained resumes on another replica.", choices=("off", "redis")),
    _opt("storage.sessionTTL", float, 300.0, "Seconds a session's record in the session store outlives the last refresh by its replica."),
    _opt("desktop.title", str, None, "Title of the desktop window; unset uses the app's page title or file name."),
    _opt("desktop.width", int, 1100, "Initial width of the desktop window, in pixels."),
    _opt("desktop.height", int, 800, "Initial height of the desktop window, in pixels."),
    _opt("rillet.streamlitAlias", bool, True, "Make 'import streamlit' load rillet in apps started by the rillet command."),
)  # fmt: skip

OPTIONS_BY_NAME: Mapping[str, Option] = MappingProxyType({o.name: o for o in OPTIONS})


class Layer(enum.IntEnum):
    """Where a value came from; a higher layer wins."""

    DEFAULT = 0
    USER_FILE = 1
    PROJECT_FILE = 2
    ENV = 3
    FLAG = 4
    RUNTIME = 5


@dataclass(frozen=True)
class Source:
    """The layer that set an option, and the file, variable or call within it.

    Example:
        >>> Source(Layer.ENV, "RILLET_SERVER_PORT")
        Source(layer=<Layer.ENV: 3>, where='RILLET_SERVER_PORT')
    """

    layer: Layer
    where: str

    def __str__(self) -> str:
        return self.where


_DEFAULT_SOURCE = Source(Layer.DEFAULT, "default")

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def env_var_names(name: str) -> tuple[str, str]:
    """The environment variables for an option: the rillet one, then Streamlit's.

    Args:
        name: Dotted option name.

    Returns:
        ``(RILLET_..., STREAMLIT_...)``; the first wins when both are set.

    Example:
        >>> env_var_names("server.enableCORS")
        ('RILLET_SERVER_ENABLE_CORS', 'STREAMLIT_SERVER_ENABLE_CORS')
    """
    words = "_".join(_CAMEL_BOUNDARY.sub("_", part) for part in name.split("."))
    suffix = words.upper()
    return f"RILLET_{suffix}", f"STREAMLIT_{suffix}"


def config_file_paths(
    file_name: str, project_dirs: Sequence[Path], *, home: Path
) -> tuple[list[Path], list[Path]]:
    """The user-level and project-level files named ``file_name``, lowest precedence first.

    Args:
        file_name: ``config.toml`` or ``secrets.toml``.
        project_dirs: Project folders, lowest precedence first (see `Config.load`).
        home: The user's home folder.

    Returns:
        ``(user_files, project_files)``; within each, later files override earlier ones.

    Example:
        >>> config_file_paths("config.toml", [Path("/app")], home=Path("/home/ann"))[1]
        [PosixPath('/app/.streamlit/config.toml'), PosixPath('/app/.rillet/config.toml')]
    """
    user = [home / ".streamlit" / file_name, home / ".rillet" / file_name]
    project: list[Path] = []
    for folder in project_dirs:
        for path in (folder / ".streamlit" / file_name, folder / ".rillet" / file_name):
            if path not in project and path not in user:
                project.append(path)
    return user, project


def _suggestions(name: str) -> list[str]:
    """The options closest to a misspelt name: only the best few, case-insensitive."""
    wanted = name.lower()
    scored: list[tuple[float, str]] = []
    for option in OPTIONS:
        ratio = difflib.SequenceMatcher(None, wanted, option.name.lower()).ratio()
        if "." not in wanted:  # a bare key such as "port"
            key = option.key.lower()
            ratio = max(ratio, difflib.SequenceMatcher(None, wanted, key).ratio())
        if ratio >= 0.6:
            scored.append((ratio, option.name))
    if not scored:
        return []
    best = max(ratio for ratio, _ in scored)
    close = sorted((item for item in scored if item[0] >= best - 0.05), key=lambda item: -item[0])
    return [option_name for _, option_name in close[:3]]


def _close_matches_message(name: str) -> str:
    matches = _suggestions(name)
    if matches:
        return f"Unknown config option {name!r}. Did you mean: {', '.join(matches)}?"
    return f"Unknown config option {name!r}. Run `rillet config show` to list every option."


def _option(name: str) -> Option:
    try:
        return OPTIONS_BY_NAME[name]
    except KeyError:
        raise ConfigError(_close_matches_message(name)) from None


# Options that were booleans once, and still take true and false.
_LEGACY_BOOLEANS = frozenset({"client.showErrorDetails"})
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})
_TYPE_WORDS: Mapping[type, str] = {
    bool: "a bool",
    int: "an int",
    float: "a float",
    str: "a string",
    tuple: "a list of strings",
}


def _coerce(option: Option, value: object, source: str) -> object:
    """Convert ``value`` to the option's type, or raise naming option, value and source."""

    def fail() -> ConfigError:
        if option.choices:
            accepted = "one of " + ", ".join(repr(c) for c in option.choices)
        else:
            accepted = _TYPE_WORDS[option.type]
        return ConfigError(
            f"Config option {option.name} expects {accepted}, got {value!r} (from {source})"
        )

    if value is None:
        if option.default is None:
            return None
        raise fail()
    if option.name in _LEGACY_BOOLEANS:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
    result: object
    if option.type is bool:
        if isinstance(value, bool):
            result = value
        elif isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            result = value.strip().lower() in _TRUE
        else:
            raise fail()
    elif option.type is int:
        if isinstance(value, bool):
            raise fail()
        if isinstance(value, int):
            result = value
        elif isinstance(value, float) and value.is_integer():
            result = int(value)
        elif isinstance(value, str):
            try:
                result = int(value.strip())
            except ValueError:
                raise fail() from None
        else:
            raise fail()
    elif option.type is float:
        if isinstance(value, bool):
            raise fail()
        if isinstance(value, (int, float)):
            result = float(value)
        elif isinstance(value, str):
            try:
                result = float(value.strip())
            except ValueError:
                raise fail() from None
        else:
            raise fail()
    elif option.type is tuple:
        if isinstance(value, str):
            result = tuple(part.strip() for part in value.split(",") if part.strip())
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            result = tuple(value)
        else:
            raise fail()
    else:
        if not isinstance(value, str):
            raise fail()
        if value == "" and option.default is None:
            return None
        result = value
    if option.choices and result not in option.choices:
        raise fail()
    return result


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, object]]:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and name not in OPTIONS_BY_NAME:
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value


def _read_toml(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Could not read config file {path}: {exc}") from exc
    try:
        table: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The decoder's message names the line and column.
        raise ConfigError(f"Invalid TOML in config file {path}: {exc}") from exc
    return table


def _toml_value(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    # A JSON string literal is a valid TOML basic string.
    return json.dumps(str(value), ensure_ascii=False)


class Config:
    """Resolved configuration options for one app, layered by precedence.

    Build one with `Config.load` (or `Config.defaults` in tests) and pass it to
    whatever needs options; there is no process-wide instance. Reads and writes
    are thread-safe.

    Example:
        >>> config = Config.load(Path("."), env={"RILLET_SERVER_PORT": "9000"}, home=Path("/nonexistent"))
        >>> config.get("server.port")
        9000
        >>> str(config.source("server.port"))
        'RILLET_SERVER_PORT'
    """

    def __init__(self) -> None:
        """Create a config holding only the defaults; see `Config.load`."""
        self._lock = threading.Lock()
        self._layers: dict[Layer, dict[str, tuple[object, Source]]] = {
            layer: {} for layer in Layer if layer is not Layer.DEFAULT
        }

    @classmethod
    def defaults(cls) -> Config:
        """A config where every option has its default value.

        Example:
            >>> Config.defaults().get("server.maxUploadSize")
            200
        """
        return cls()

    @classmethod
    def load(
        cls,
        project_dir: Path | Sequence[Path],
        *,
        env: Mapping[str, str] | None = None,
        home: Path | None = None,
        flags: Mapping[str, object] | None = None,
    ) -> Config:
        """Read config files, environment variables and flags into a new config.

        Project folders: like Streamlit, pass the current working directory
        first and the main script's folder second (``[Path.cwd(), script.parent]``);
        the script folder's files then override the working directory's. In
        each folder ``.rillet/config.toml`` overrides ``.streamlit/config.toml``.
        Unknown options in a file are logged as warnings naming the file;
        badly typed values raise.

        Args:
            project_dir: One project folder, or several, lowest precedence first.
            env: Environment variables; defaults to ``os.environ``.
            home: The user's home folder; defaults to ``Path.home()``.
            flags: Command-line options, ``{"server.port": "8502"}``.

        Returns:
            The loaded config.

        Raises:
            ConfigError: A file is not valid TOML, a value has the wrong type,
                or a flag names an unknown option.

        Example:
            >>> config = Config.load([Path.cwd(), Path("app").resolve()], flags={"server.headless": True})
            >>> config.get("server.headless")
            True
        """
        config = cls()
        dirs = [project_dir] if isinstance(project_dir, Path) else list(project_dir)
        user_files, project_files = config_file_paths(
            "config.toml", dirs, home=Path.home() if home is None else home
        )
        for path in user_files:
            config.apply_file(path, Layer.USER_FILE)
        for path in project_files:
            config.apply_file(path, Layer.PROJECT_FILE)
        config.apply_env(os.environ if env is None else env)
        config.apply_flags(flags or {})
        return config

    def apply_file(self, path: Path, layer: Layer = Layer.PROJECT_FILE) -> bool:
        """Read one ``config.toml`` into ``layer``; a missing file is skipped.

        Args:
            path: The TOML file.
            layer: `Layer.USER_FILE` or `Layer.PROJECT_FILE`.

        Returns:
            Whether the file existed.

        Example:
            >>> Config().apply_file(Path("/nonexistent/config.toml"))
            False
        """
        table = _read_toml(path)
        if table is None:
            return False
        source = Source(layer, str(path))
        for name, value in _flatten(table):
            option = OPTIONS_BY_NAME.get(name)
            if option is None:
                _LOGGER.warning(
                    "%s: ignoring unknown config option %r (%s)",
                    path,
                    name,
                    _close_matches_message(name),
                )
                continue
            self._put(layer, option, value, source)
        return True

    def apply_env(self, env: Mapping[str, str]) -> None:
        """Read ``RILLET_*`` (and ``STREAMLIT_*``) variables for every option.

        Example:
            >>> config = Config()
            >>> config.apply_env({"STREAMLIT_SERVER_HEADLESS": "true"})
            >>> config.get("server.headless")
            True
        """
        for option in OPTIONS:
            for var in env_var_names(option.name):
                if var in env:
                    self._put(Layer.ENV, option, env[var], Source(Layer.ENV, var))
                    break

    def apply_flags(self, flags: Mapping[str, object]) -> None:
        """Apply command-line options (``{"server.port": "8502"}``); strings are coerced.

        Raises:
            ConfigError: A flag names an unknown option or has a bad value.

        Example:
            >>> config = Config()
            >>> config.apply_flags({"server.port": "8502"})
            >>> config.get("server.port")
            8502
        """
        for name, value in flags.items():
            self._put(Layer.FLAG, _option(name), value, Source(Layer.FLAG, f"--{name}"))

    @classmethod
    def from_flags(cls, flags: Mapping[str, object]) -> Config:
        """A config with defaults plus command-line options, reading no files or env.

        Example:
            >>> Config.from_flags({"server.port": 0}).get("server.port")
            0
        """
        config = cls()
        config.apply_flags(flags)
        return config

    def _put(self, layer: Layer, option: Option, value: object, source: Source) -> None:
        coerced = _coerce(option, value, source.where)
        with self._lock:
            self._layers[layer][option.name] = (coerced, source)

    def _resolve(self, name: str) -> tuple[object, Source]:
        option = _option(name)
        with self._lock:
            for layer in sorted(self._layers, reverse=True):
                found = self._layers[layer].get(name)
                if found is not None:
                    return found
        return option.default, _DEFAULT_SOURCE

    def get(self, name: str) -> Any:
        """The current value of an option, typed as in the option table.

        Args:
            name: Dotted option name, e.g. ``"server.port"``.

        Raises:
            ConfigError: The option does not exist (the message lists close matches).

        Example:
            >>> Config.defaults().get("client.toolbarMode")
            'auto'
        """
        return self._resolve(name)[0]

    def get_bool(self, name: str) -> bool | None:
        """`get` for a bool option, typed for callers (None when unset).

        Example:
            >>> Config.defaults().get_bool("runner.magicEnabled")
            True
        """
        value = self._typed(name, bool)
        assert value is None or isinstance(value, bool)
        return value

    def get_int(self, name: str) -> int | None:
        """`get` for an int option, typed for callers (None when unset).

        Example:
            >>> Config.defaults().get_int("server.port")
            8501
        """
        value = self._typed(name, int)
        assert value is None or isinstance(value, int)
        return value

    def get_str(self, name: str) -> str | None:
        """`get` for a string option, typed for callers (None when unset).

        Example:
            >>> Config.defaults().get_str("browser.serverAddress")
            'localhost'
        """
        value = self._typed(name, str)
        assert value is None or isinstance(value, str)
        return value

    def _typed(self, name: str, expected: OptionType) -> object:
        option = _option(name)
        if option.type is not expected:
            raise ConfigError(
                f"Config option {name} holds {_TYPE_WORDS[option.type]}, "
                f"not {_TYPE_WORDS[expected]}; use get_{option.type.__name__}()"
            )
        return self.get(name)

    def source(self, name: str) -> Source:
        """Which layer (and file, variable or flag) gave the option its value.

        Example:
            >>> Config.defaults().source("server.port").layer
            <Layer.DEFAULT: 0>
        """
        return self._resolve(name)[1]

    def set(
        self,
        name: str,
        value: object,
        *,
        where: Literal["runtime", "flag"] = "runtime",
    ) -> None:
        """Set an option, coercing the value to the option's type.

        ``where="runtime"`` is what ``st.set_option`` uses while an app runs:
        only options that take effect immediately (``client.*``, ``theme.*``,
        ``logger.level``) are accepted. ``where="flag"`` is for the
        composition root before the server starts and accepts every option.

        Args:
            name: Dotted option name.
            value: The new value (strings are parsed for bool/int/float options).
            where: ``"runtime"`` or ``"flag"``.

        Raises:
            ConfigError: Unknown option, bad value, or an option that cannot
                change once the server has started.

        Example:
            >>> config = Config.defaults()
            >>> config.set("client.showErrorDetails", "type")
            >>> config.get("client.showErrorDetails")
            'type'
        """
        option = _option(name)
        if where == "flag":
            self._put(Layer.FLAG, option, value, Source(Layer.FLAG, f"--{name}"))
            return
        if where != "runtime":
            raise ConfigError(f"Config.set(where=...) accepts 'runtime' or 'flag', got {where!r}")
        if not option.runtime_settable:
            rillet_var = env_var_names(name)[0]
            raise ConfigError(
                f"Config option {name} is read when the app starts and cannot be changed "
                f"while it runs. Set it before starting instead: on the command line "
                f"(rillet run app.py --{name}=VALUE), in the environment ({rillet_var}=VALUE), "
                f"or under [{option.section}] in .rillet/config.toml."
            )
        self._put(Layer.RUNTIME, option, value, Source(Layer.RUNTIME, "set_option"))

    def items(self) -> Iterable[tuple[Option, object, Source]]:
        """Every option with its current value and source, in table order.

        Example:
            >>> next(iter(Config.defaults().items()))[0].name
            'global.developmentMode'
        """
        return [(o, *self._resolve(o.name)) for o in OPTIONS]

    def show(self) -> str:
        """The whole configuration as commented TOML, for ``rillet config show``.

        Each option is preceded by its description, its default, and the
        source of its value when that is not the default. Unset options and
        sensitive values are written as comments, so the text stays valid TOML.

        Example:
            >>> "port = 8501" in Config.defaults().show()
            True
        """
        lines: list[str] = []
        section = ""
        for option, value, source in self.items():
            if option.section != section:
                section = option.section
                if lines:
                    lines.append("")
                lines.append(f"[{section}]")
            lines.append("")
            lines.append(f"# {option.description}")
            if option.choices:
                lines.append(f"# One of: {', '.join(option.choices)}.")
            if option.default is not None and not option.sensitive:
                lines.append(f"# Default: {_toml_value(option.default)}")
            if source.layer is not Layer.DEFAULT:
                lines.append(f"# Set by: {source.where}")
            if value is None:
                lines.append(f"# {option.key} =")
            elif option.sensitive:
                lines.append(f"# {option.key} = (hidden)")
            else:
                lines.append(f"{option.key} = {_toml_value(value)}")
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        changed = sum(len(values) for values in self._layers.values())
        return f"<Config: {changed} value(s) set above defaults>"
