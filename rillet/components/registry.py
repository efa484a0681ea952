"""The declared components of this process: name → where its frontend lives.

Components are declared when their package is imported (module level, as
Streamlit's are), which may happen outside any script run, so the registry
belongs to the process, as the imported modules it describes do. The
server is handed this registry (``ComponentFileHandler.initialize``) to
serve ``/component/<name>/...`` from the declared folder only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from rillet.runtime.errors import RilletAPIException


@dataclass(frozen=True)
class DeclaredComponent:
    """One ``declare_component`` call: a served folder or a development server."""

    name: str
    path: Path | None = None
    url: str | None = None


class ComponentRegistry:
    """Thread-safe ``name → DeclaredComponent``; a name keeps one definition.

    Example:
        >>> registry = ComponentRegistry()
        >>> registry.add(DeclaredComponent("pkg.menu", url="http://localhost:3001"))
        >>> registry.get("pkg.menu").url
        'http://localhost:3001'
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._components: dict[str, DeclaredComponent] = {}

    def add(self, component: DeclaredComponent, *, replace: bool = False) -> None:
        """Record ``component``; declaring the same name again the same way is fine.

        ``replace`` lets a new definition take the name over: the app script
        runs again on every rerun and may have been edited in between.

        Raises:
            RilletAPIException: the name is already declared with another
                path or URL (two packages, or two calls, claiming one name).
        """
        with self._lock:
            known = self._components.get(component.name)
            if known is not None and known != component and not replace:
                where = known.path if known.path is not None else known.url
                raise RilletAPIException(
                    f"Component {component.name!r} is already declared, from {where}; "
                    "each component needs its own name (the name of the module calling "
                    "declare_component is part of it)."
                )
            self._components[component.name] = component

    def get(self, name: str) -> DeclaredComponent | None:
        """The component declared as ``name``, if any."""
        with self._lock:
            return self._components.get(name)

    def folders(self) -> dict[str, Path]:
        """Every served component's folder, by name (for ``rillet pack`` and the server)."""
        with self._lock:
            return {n: c.path for n, c in self._components.items() if c.path is not None}


_REGISTRY = ComponentRegistry()


def registry() -> ComponentRegistry:
    """The process's component registry."""
    return _REGISTRY
