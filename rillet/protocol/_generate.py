"""Regenerate the committed Python code for ``rillet.proto``.

Run ``python -m rillet.protocol._generate`` after editing the schema. The
protoc inside ``grpcio-tools`` is pinned in ``pyproject.toml`` (the ``dev``
extra) so every machine generates byte-identical output; a test compares the
committed files against a fresh generation.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUTS = ("rillet_pb2.py", "rillet_pb2.pyi")


def generate(out_dir: Path) -> None:
    """Write the generated modules for ``rillet.proto`` into ``out_dir``."""
    from grpc_tools import protoc  # dev-only dependency

    args = [
        "protoc",
        f"--proto_path={HERE}",
        f"--python_out={out_dir}",
        f"--mypy_out={out_dir}",
        str(HERE / "rillet.proto"),
    ]
    if protoc.main(args) != 0:
        raise RuntimeError(f"protoc failed: {' '.join(args)}")


def stale_files() -> list[str]:
    """Return the committed generated files that differ from a fresh build."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        return [
            name
            for name in OUTPUTS
            if (Path(tmp) / name).read_bytes() != (HERE / name).read_bytes()
        ]


if __name__ == "__main__":
    generate(HERE)
    sys.exit(0)
