"""`st.secrets`: read-only access to values from ``secrets.toml`` files.

Files are read lazily, on the first access, and merged in order: later files
override earlier ones, and tables (sections) present in several files are
merged key by key. `Secrets.for_project` uses the same search order as the
config files (see `rillet.runtime.config.config_file_paths`): user files
(``~/.streamlit`` then ``~/.rillet``), then for each project folder
``.streamlit/secrets.toml`` then ``.rillet/secrets.toml``; so a ``.rillet``
file always wins over the ``.streamlit`` file beside it.

Like Streamlit, top-level string values are also exported as environment
variables when the files are loaded, so libraries that read credentials from
the environment find them.

Security: secret values never appear in a repr or in an error message; only
key names and file paths do.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from rillet.runtime.config import config_file_paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "MissingSecretError",
    "SecretSection",
    "Secrets",
    "SecretsFileError",
    "SecretsNotFoundError",
]


class SecretsNotFoundError(FileNotFoundError):
    """No secrets file exists in any of the places searched.

    Example:
        >>> Secrets([Path("/nonexistent/secrets.toml")])["db"]
        Traceback (most recent call last):
        ...
        rillet.runtime.secrets.SecretsNotFoundError: No secrets file found. ...
    """


class SecretsFileError(ValueError):
    """A secrets file exists but cannot be read or is not valid TOML."""


class MissingSecretError(KeyError, AttributeError):
    """A key is not in the secrets; raised by both ``s["k"]`` and ``s.k``.

    Being both a `KeyError` and an `AttributeError` keeps ``.get()``,
    ``in`` and ``hasattr()`` working as they do on dicts and objects.
    """

    def __str__(self) -> str:
        return str(self.args[0])


def _describe(files: Sequence[Path]) -> str:
    return ", ".join(str(f) for f in files)


def _freeze(value: Any, dotted: str, files: Sequence[Path]) -> Any:
    if isinstance(value, dict):
        return SecretSection(value, dotted, files)
    if isinstance(value, list):
        return [_freeze(v, dotted, files) for v in value]
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, SecretSection):
        return value.to_dict()
    if isinstance(value, list):
        return [_thaw(v) for v in value]
    return value


def _merge(into: dict[str, Any], new: Mapping[str, Any]) -> None:
    for key, value in new.items():
        current = into.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value)
        else:
            into[key] = value


class SecretSection(Mapping[str, Any]):
    """A read-only table of secrets, reachable by key or by attribute.

    Methods (``get``, ``keys``, ``items``, ``values``, ``to_dict``) win over
    keys of the same name; use ``section["items"]`` for such keys.

    Example:
        >>> db = SecretSection({"user": "ann", "port": 5432}, "db", [])
        >>> db.user, db["port"]
        ('ann', 5432)
        >>> db
        SecretSection(db: user, port)
    """

    __slots__ = ("_data", "_dotted", "_files")

    def __init__(self, data: Mapping[str, Any], dotted: str, files: Sequence[Path]) -> None:
        """Wrap ``data`` (nested tables are wrapped too).

        Args:
            data: The parsed TOML table.
            dotted: The table's name, used in error messages (``""`` for the root).
            files: The files the secrets came from, used in error messages.
        """
        prefix = f"{dotted}." if dotted else ""
        frozen = {k: _freeze(v, f"{prefix}{k}", files) for k, v in data.items()}
        object.__setattr__(self, "_data", frozen)
        object.__setattr__(self, "_dotted", dotted)
        object.__setattr__(self, "_files", tuple(files))

    def _missing(self, key: str) -> NoReturn:
        where = f"st.secrets.{self._dotted}" if self._dotted else "st.secrets"
        raise MissingSecretError(
            f"{where} has no key {key!r}. Looked in the secrets files: {_describe(self._files)}."
        )

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._data[key]
        except KeyError:
            self._missing(key)
        # A copy, so a caller cannot change the list other sessions see.
        return list(value) if isinstance(value, list) else value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError("Secrets are read-only; edit the secrets.toml file instead")

    def __delattr__(self, name: str) -> None:
        raise TypeError("Secrets are read-only; edit the secrets.toml file instead")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def to_dict(self) -> dict[str, Any]:
        """A deep copy as plain dicts and lists.

        Example:
            >>> SecretSection({"db": {"user": "ann"}}, "", []).to_dict()
            {'db': {'user': 'ann'}}
        """
        return {k: _thaw(v) for k, v in self._data.items()}

    def __repr__(self) -> str:
        name = self._dotted or "root"
        return f"SecretSection({name}: {', '.join(self._data)})"


class Secrets(Mapping[str, Any]):
    """All secrets of an app, loaded on first access from ``secrets.toml`` files.

    Access values by key or attribute: ``secrets["db"]["user"]`` or
    ``secrets.db.user``. Tables are `SecretSection` objects; `to_dict`
    returns plain dicts. Reads are thread-safe; `reload` (called by the
    server's file watcher) makes the next access read the files again.
    Like Streamlit, any access (including ``in`` and ``get``) raises
    `SecretsNotFoundError` when none of the files exists.

    Example:
        >>> secrets = Secrets.for_project([Path.cwd()])  # doctest: +SKIP
        >>> secrets.db.user  # from .streamlit/secrets.toml: [db] user = "ann"  # doctest: +SKIP
        'ann'
    """

    __slots__ = ("_environ", "_exported", "_files", "_lock", "_paths", "_root")

    def __init__(
        self, paths: Sequence[Path], *, environ: MutableMapping[str, str] | None = None
    ) -> None:
        """Create secrets read from ``paths`` (lowest precedence first); nothing is read yet.

        Args:
            paths: Candidate ``secrets.toml`` files; missing ones are skipped.
            environ: Where top-level string values are exported; defaults to
                ``os.environ``.
        """
        self._paths = tuple(Path(p) for p in paths)
        self._environ: MutableMapping[str, str] = os.environ if environ is None else environ
        self._lock = threading.RLock()
        self._root: SecretSection | None = None
        self._files: tuple[Path, ...] = ()
        self._exported: dict[str, str] = {}

    @classmethod
    def for_project(
        cls,
        project_dirs: Sequence[Path],
        *,
        home: Path | None = None,
        environ: MutableMapping[str, str] | None = None,
    ) -> Secrets:
        """Secrets searched in the user's home and the project folders.

        Args:
            project_dirs: Project folders, lowest precedence first (working
                directory, then the main script's folder).
            home: The user's home folder; defaults to ``Path.home()``.
            environ: See `Secrets`.

        Example:
            >>> [p.name for p in Secrets.for_project([Path("/app")], home=Path("/h")).paths]
            ['secrets.toml', 'secrets.toml', 'secrets.toml', 'secrets.toml']
        """
        user, project = config_file_paths(
            "secrets.toml", project_dirs, home=Path.home() if home is None else home
        )
        return cls([*user, *project], environ=environ)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Secrets:
        """Secrets given directly rather than read from files (``AppTest.secrets``).

        Nothing is exported to the environment and `reload` keeps the values.

        Example:
            >>> Secrets.from_mapping({"db": {"user": "ann"}}).db.user
            'ann'
        """
        secrets = cls([], environ={})
        secrets._root = SecretSection(data, "", ())
        return secrets

    @property
    def paths(self) -> tuple[Path, ...]:
        """Every file searched, lowest precedence first (for the file watcher)."""
        return self._paths

    @property
    def files(self) -> tuple[Path, ...]:
        """The files that existed when the secrets were last loaded."""
        return self._files

    def load(self) -> bool:
        """Read the files now if they have not been read yet.

        Returns:
            Whether at least one secrets file was found.

        Raises:
            SecretsFileError: A file cannot be read or is not valid TOML.
        """
        return self._load_if_needed() is not None

    def _load_if_needed(self) -> SecretSection | None:
        with self._lock:
            if self._root is not None:
                return self._root
            merged: dict[str, Any] = {}
            found: list[Path] = []
            for path in self._paths:
                table = _read(path)
                if table is not None:
                    _merge(merged, table)
                    found.append(path)
            if not found:
                return None
            self._files = tuple(found)
            self._root = SecretSection(merged, "", self._paths)
            self._export(merged)
            return self._root

    def _export(self, merged: Mapping[str, Any]) -> None:
        for key, value in merged.items():
            if isinstance(value, str):
                self._environ[key] = value
                self._exported[key] = value

    def _root_or_raise(self) -> SecretSection:
        root = self._load_if_needed()
        if root is None:
            raise SecretsNotFoundError(
                "No secrets file found. Create one of these files (later ones override "
                f"earlier ones): {_describe(self._paths)}"
            )
        return root

    def reload(self) -> None:
        """Forget the loaded values; the next access reads the files again.

        Secrets made by `from_mapping` have no files and keep their values.

        Environment variables exported from the old values are removed
        (unless something else has changed them since).

        Example:
            >>> secrets = Secrets([Path("/nonexistent/secrets.toml")])
            >>> secrets.reload()
        """
        if not self._paths:
            return
        with self._lock:
            for key, value in self._exported.items():
                if self._environ.get(key) == value:
                    del self._environ[key]
            self._exported = {}
            self._root = None
            self._files = ()

    def file_changed(self, path: Path) -> bool:
        """Hook for the file watcher: reload if ``path`` is one of the secrets files.

        Returns:
            Whether ``path`` was a secrets file (and the secrets were reset).

        Example:
            >>> Secrets([Path("/a/secrets.toml")]).file_changed(Path("/a/app.py"))
            False
        """
        if Path(path) not in self._paths:
            return False
        self.reload()
        return True

    def __getitem__(self, key: str) -> Any:
        return self._root_or_raise()[key]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._root_or_raise()[name]

    def __setattr__(self, name: str, value: object) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        raise TypeError("st.secrets is read-only; edit the secrets.toml file instead")

    def __iter__(self) -> Iterator[str]:
        return iter(self._root_or_raise())

    def __len__(self) -> int:
        return len(self._root_or_raise())

    def __contains__(self, key: object) -> bool:
        return key in self._root_or_raise()

    def to_dict(self) -> dict[str, Any]:
        """All secrets as plain, mutable dicts (a deep copy).

        Example:
            >>> Secrets.for_project([Path.cwd()]).to_dict()  # doctest: +SKIP
            {'db': {'user': 'ann'}}
        """
        return self._root_or_raise().to_dict()

    def __repr__(self) -> str:
        if self._root is None:
            return "Secrets(not loaded)"
        return f"Secrets(keys: {', '.join(self._root)})"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise SecretsFileError(f"Could not read secrets file {path}: {exc}") from exc
    try:
        table: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The decoder's message gives the line and column, never the content.
        raise SecretsFileError(f"Invalid TOML in secrets file {path}: {exc}") from exc
    return table
