"""``streamlit.components.v2``'s manifest internals, for packages that register their own.

A components.v2 package names its asset folder in a ``pyproject.toml``
manifest (:mod:`rillet.components.manifest`). Some packages also register
it from code, asking the component manager first whether it is known
(st-graph-workbench)::

    manager = get_bidi_component_manager()
    if manager.get_component_asset_root("pkg.widget") is None:
        manager.register_from_manifest(ComponentManifest(...), package_root)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ComponentConfig:
    """One component of a manifest: its short name and asset folder (relative to the package).

    Example:
        >>> ComponentConfig("widget", "frontend/build").asset_dir
        'frontend/build'
    """

    name: str
    asset_dir: str | None = None


@dataclass
class ComponentManifest:
    """A package's manifest: its name and components (``[[tool.streamlit.component.components]]``).

    Example:
        >>> ComponentManifest("pkg", "1.0", [ComponentConfig("widget")]).components[0].name
        'widget'
    """

    name: str
    version: str
    components: list[ComponentConfig] = field(default_factory=list)


class BidiComponentManager:
    """Streamlit's registry of v2 components, as far as packages consult it: asset folders.

    Example:
        >>> get_bidi_component_manager().get_component_asset_root("no-such.widget") is None
        True
    """

    def get_component_asset_root(self, name: str) -> Path | None:
        """The asset folder known for component ``name`` (registered or in a manifest), or ``None``."""
        from rillet.components.manifest import asset_dir

        return asset_dir(name)

    def register_from_manifest(self, manifest: ComponentManifest, package_root: Path) -> None:
        """Register the asset folder of each component of ``manifest`` that names one.

        Components are named ``"<manifest name>.<component name>"``; folders
        are relative to ``package_root``.
        """
        from rillet.components.manifest import register

        for config in manifest.components:
            if config.asset_dir:
                register(f"{manifest.name}.{config.name}", Path(package_root) / config.asset_dir)


_MANAGER = BidiComponentManager()


def get_bidi_component_manager() -> BidiComponentManager:
    """The process's component manager.

    Example:
        >>> get_bidi_component_manager() is get_bidi_component_manager()
        True
    """
    return _MANAGER
