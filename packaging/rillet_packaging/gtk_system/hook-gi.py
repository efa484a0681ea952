"""PyInstaller hook for ``gi`` when packing against the system's GTK (see ``__init__``)."""

from importlib.metadata import version

from PyInstaller.utils.hooks import collect_submodules

from rillet_packaging.gtk_system import exclude_system_libraries

# PyInstaller's own hook-gi.py names these; this hook takes its place.
hiddenimports = ["gi._error", "gi._option", "asyncio"]
if tuple(int(p) for p in version("pygobject").split(".")[:2]) >= (3, 52):
    hiddenimports.append("gi._enum")
# PyGObject's Python overrides (GLib.idle_add, Gtk's constructors...) load by
# name when a gi.repository module is imported; PyInstaller's per-library hooks,
# replaced here, named them one by one.
hiddenimports += [m for m in collect_submodules("gi.overrides") if "MarshallingTests" not in m]
# Cairo drawing from Python: pywebview never uses it, and it links the system's cairo.
excludedimports = ["cairo", "gi._gi_cairo"]

exclude_system_libraries()
