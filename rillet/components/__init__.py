"""Custom components: Streamlit's ``components.v1`` and ``components.v2``.

``rillet.components.v1`` (``declare_component``, ``html``, ``iframe``) and
``rillet.components.v2`` (``component``) are what an app reaches as
``streamlit.components.v1``/``.v2`` through the alias (``rillet.compat``),
and as ``st.components.v1``/``.v2``. Both are imported on first use.
"""

from __future__ import annotations

import importlib
from types import ModuleType

_SUBMODULES = ("v1", "v2")


def __getattr__(name: str) -> ModuleType:
    if name not in _SUBMODULES:
        raise AttributeError(f"module 'rillet.components' has no attribute {name!r}")
    return importlib.import_module(f"rillet.components.{name}")


__all__ = ["v1", "v2"]
