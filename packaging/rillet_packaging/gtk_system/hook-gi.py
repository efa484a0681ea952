"""PyInstaller hook for ``gi`` when packing against the system's GTK (see ``__init__``)."""

from importlib.metadata import version

from rillet_packaging.gtk_system import exclude_system_libraries

# PyInstaller's own hook-gi.py names these; this hook takes its place.
hiddenimports = ["gi._error", "gi._option", "asyncio"]
if tuple(int(p) for p in version("pygobject").split(".")[:2]) >= (3, 52):
    hiddenimports.append("gi._enum")
# Cairo drawing from Python: pywebview never uses it, and it links the system's cairo.
excludedimports = ["cairo", "gi._gi_cairo"]

exclude_system_libraries()
