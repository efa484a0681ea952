"""``strip`` that never leaves a library the loader refuses: PyInstaller's ``--strip``, made safe.

A Linux build passes ``--strip`` (libpython alone shrinks from 23 to 6 MB),
and PyInstaller then runs ``strip`` on every collected binary. But the
libraries that ``auditwheel`` copied into manylinux wheels (``numpy.libs/``,
``scipy.libs/``, ``pillow.libs/``) were rewritten by ``patchelf``, and GNU
strip lays some of them out again with a loadable segment whose file offset
and address no longer agree modulo the page size. The packed app then dies
at ``import numpy`` with ``ELF load command address/offset not page-aligned``
(numpy's OpenBLAS, pandas through it). PyInstaller has no per-file opt-out.

So the build's ``PATH`` gets a ``strip`` of ours first: it strips a copy
with the real ``strip``, keeps the copy only when every ``PT_LOAD`` segment
still satisfies the loader's alignment rule, and otherwise leaves the file
as it was (a few MB bigger, but loadable). Stripped results are cached by
PyInstaller per cache folder; the build uses a cache folder of its own so
that copies stripped earlier without this check are not reused.

This file runs as a script too (``python strip_guard.py REAL_STRIP ARGS...``),
so it imports nothing outside the standard library.
"""

from __future__ import annotations

import os
import shlex
import shutil
import struct
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

_PT_LOAD = 1
_ELF_MAGIC = b"\x7fELF"


def load_segments_aligned(path: Path, page_size: int | None = None) -> bool:
    """Whether the dynamic loader accepts ``path``'s loadable segments (True for a non-ELF file).

    glibc refuses a ``PT_LOAD`` segment whose address minus file offset is
    not a multiple of the page size, or of the segment's own alignment.

    Example:
        >>> load_segments_aligned(Path(sys.executable))
        True
    """
    page = page_size or os.sysconf("SC_PAGESIZE")
    with open(path, "rb") as file:
        head = file.read(64)
        if len(head) < 52 or head[:4] != _ELF_MAGIC:
            return True
        wide = head[4] == 2
        order = "<" if head[5] == 1 else ">"
        if wide:
            (table_at,) = struct.unpack_from(f"{order}Q", head, 32)
            entry_size, count = struct.unpack_from(f"{order}HH", head, 54)
            layout = f"{order}IIQQQQQQ"  # type, flags, offset, vaddr, paddr, filesz, memsz, align
        else:
            (table_at,) = struct.unpack_from(f"{order}I", head, 28)
            entry_size, count = struct.unpack_from(f"{order}HH", head, 42)
            layout = f"{order}IIIIIIII"  # type, offset, vaddr, paddr, filesz, memsz, flags, align
        file.seek(table_at)
        table = file.read(entry_size * count)
    if entry_size < struct.calcsize(layout) or len(table) < entry_size * count:
        return False
    for index in range(count):
        fields = struct.unpack_from(layout, table, index * entry_size)
        if wide:
            kind, _, offset, address, *_, align = fields
        else:
            kind, offset, address, *_, align = fields
        if kind != _PT_LOAD:
            continue
        skew = address - offset
        if skew % page or (align > 1 and skew % align):
            return False
    return True


def guarded_strip(real_strip: str, args: list[str]) -> int:
    """Strip a copy of the file (the last argument); keep the copy if it loads and is smaller.

    Returns:
        ``strip``'s exit code (0 when the unstripped file was kept).

    Example:
        >>> guarded_strip("/usr/bin/strip", ["/tmp/build/cache/libfoo.so"])  # doctest: +SKIP
        0
    """
    if not args:
        return subprocess.call([real_strip])
    target = Path(args[-1])
    copy = target.with_name(f"{target.name}.rillet-strip")
    shutil.copyfile(target, copy)
    try:
        code = subprocess.call([real_strip, *args[:-1], str(copy)])
        if code != 0:
            return code
        if not load_segments_aligned(copy):
            print(f"rillet: kept {target.name} unstripped: strip misaligns its segments")
        elif copy.stat().st_size < target.stat().st_size:
            os.replace(copy, target)
        return 0
    finally:
        copy.unlink(missing_ok=True)


def environment(work_dir: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """What a PyInstaller child's environment needs so that its ``strip`` is the guarded one.

    Writes the ``strip`` wrapper into ``work_dir``; returns ``PATH`` with it
    first, and ``PYINSTALLER_CONFIG_DIR`` (PyInstaller's cache of stripped
    binaries) pointing at a cache only this wrapper fills. Empty when no
    ``strip`` is installed (PyInstaller then warns for each binary, as before).

    Example:
        >>> sorted(environment(Path("/tmp/w"), {"PATH": "/usr/bin"}))  # doctest: +SKIP
        ['PATH', 'PYINSTALLER_CONFIG_DIR']
    """
    path = environ.get("PATH", os.defpath)
    real = shutil.which("strip", path=path)
    if real is None:
        return {}
    folder = work_dir / "strip-guard"
    folder.mkdir(parents=True, exist_ok=True)
    wrapper = folder / "strip"
    command = shlex.join([sys.executable, str(Path(__file__).resolve()), real])
    text = f'#!/bin/sh\nexec {command} "$@"\n'
    if not wrapper.is_file() or wrapper.read_text(encoding="utf-8") != text:
        wrapper.write_text(text, encoding="utf-8")
    wrapper.chmod(0o755)
    cache_home = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return {
        "PATH": f"{folder}{os.pathsep}{path}",
        "PYINSTALLER_CONFIG_DIR": str(Path(cache_home) / "rillet" / "pyinstaller"),
    }


if __name__ == "__main__":
    sys.exit(guarded_strip(sys.argv[1], sys.argv[2:]))
