"""Formatting helpers for the sample (a local package)."""

from .formatting import thousands

__all__ = ["thousands"]
