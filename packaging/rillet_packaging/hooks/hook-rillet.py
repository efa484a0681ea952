"""PyInstaller hook for ``rillet``: its lazily imported submodules.

rillet imports most of itself inside functions (to keep ``import rillet``
fast) and maps ``import streamlit...`` onto its own modules at run time
(``rillet.compat``); collect every submodule so whatever the packed app
calls is there. AppTest (``rillet.testing``) and the protocol code
generator are for development only and stay out, and so do the heavy
libraries rillet imports only when the app hands it their objects
(``rillet pack`` puts them back when the app imports them itself).
"""

from PyInstaller.utils.hooks import collect_submodules

_DEVELOPMENT_ONLY = ("rillet.testing", "rillet.protocol._generate")

hiddenimports = collect_submodules(
    "rillet", filter=lambda name: not name.startswith(_DEVELOPMENT_ONLY)
)
