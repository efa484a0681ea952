"""BLAKE2b, the one hash rillet's ids use, without loading OpenSSL.

``import hashlib`` loads OpenSSL's ``_hashlib`` (2 to 3 ms of ``import rillet``)
for algorithms rillet never uses; ``hashlib.blake2b`` is CPython's own
``_blake2`` module, imported here directly.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python without the built-in module
    from hashlib import blake2b

__all__ = ["blake2b"]
