"""The guarded ``strip``: a library that strip would leave unloadable keeps its symbols instead."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from rillet_packaging.strip_guard import environment, guarded_strip, load_segments_aligned


def _elf64(*loads: tuple[int, int, int]) -> bytes:
    """A minimal little-endian ELF64 header and program headers: PT_LOAD (offset, vaddr, align)."""
    header = bytearray(64)
    header[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", header, 32, 64)  # e_phoff
    struct.pack_into("<HH", header, 54, 56, len(loads))  # e_phentsize, e_phnum
    table = b"".join(
        struct.pack("<IIQQQQQQ", 1, 5, offset, vaddr, vaddr, 16, 16, align)
        for offset, vaddr, align in loads
    )
    return bytes(header) + table


def test_segments_whose_offset_and_address_disagree_modulo_the_page_are_refused(
    tmp_path: Path,
) -> None:
    good, bad, text = tmp_path / "good.so", tmp_path / "bad.so", tmp_path / "notes.txt"
    good.write_bytes(_elf64((0, 0, 0x1000), (0x2000, 0x5000, 0x1000)))
    bad.write_bytes(_elf64((0, 0, 0x1000), (0x27A9A0, 0x484000, 0x1000)))
    text.write_text("not an ELF file")

    assert load_segments_aligned(good, page_size=4096)
    assert not load_segments_aligned(bad, page_size=4096)
    assert load_segments_aligned(text)


def _fake_strip(tmp_path: Path, result: bytes) -> str:
    """A 'strip' that replaces its last argument with ``result``."""
    (tmp_path / "result.bin").write_bytes(result)
    script = tmp_path / "fake-strip"
    script.write_text(f'#!/bin/sh\nfor f; do :; done\ncp {tmp_path / "result.bin"} "$f"\n')
    script.chmod(0o755)
    return str(script)


def test_a_stripped_copy_that_would_not_load_is_thrown_away(tmp_path: Path, capsys) -> None:
    original = _elf64((0, 0, 0x1000))
    library = tmp_path / "libblas.so"
    library.write_bytes(original)

    code = guarded_strip(_fake_strip(tmp_path, _elf64((0x1098, 0x3000, 0x1000))), [str(library)])

    assert code == 0
    assert library.read_bytes() == original
    assert "kept libblas.so unstripped" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("libblas")) == [
        "libblas.so"
    ]


def test_a_stripped_copy_that_loads_replaces_the_file(tmp_path: Path) -> None:
    library = tmp_path / "libpython.so"
    library.write_bytes(_elf64((0, 0, 0x1000)) + b"debug symbols" * 100)
    stripped = _elf64((0, 0, 0x1000))

    assert guarded_strip(_fake_strip(tmp_path, stripped), [str(library)]) == 0

    assert library.read_bytes() == stripped


def test_the_build_finds_the_guard_first_on_its_path_and_uses_a_cache_of_its_own(
    tmp_path: Path,
) -> None:
    real = Path(_fake_strip(tmp_path, _elf64((0, 0x10, 0x1000))))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "strip").symlink_to(real)
    library = tmp_path / "lib.so"
    library.write_bytes(_elf64((0, 0, 0x1000)))
    env = environment(tmp_path / "work", {"PATH": str(bin_dir), "XDG_CACHE_HOME": "/c"})

    assert env["PYINSTALLER_CONFIG_DIR"] == "/c/rillet/pyinstaller"
    found = shutil.which("strip", path=env["PATH"])
    assert found == str(tmp_path / "work" / "strip-guard" / "strip")
    done = subprocess.run([found, str(library)], capture_output=True, text=True, check=True)
    assert "kept lib.so unstripped" in done.stdout  # the fake strip misaligned it
    assert library.read_bytes() == _elf64((0, 0, 0x1000))


def test_numpys_openblas_still_loads_after_the_guarded_strip(tmp_path: Path) -> None:
    strip = shutil.which("strip")
    libs = sorted(Path(p) / "numpy.libs" for p in sys.path if (Path(p) / "numpy.libs").is_dir())
    if strip is None or not libs or not sys.platform.startswith("linux"):
        pytest.skip("needs GNU strip and a manylinux numpy wheel")
    for source in sorted(libs[0].glob("*.so*")):
        copy = tmp_path / source.name
        shutil.copyfile(source, copy)
        assert guarded_strip(strip, [str(copy)]) == 0
        assert load_segments_aligned(copy), source.name
        assert os.path.getsize(copy) <= os.path.getsize(source)  # never larger either
