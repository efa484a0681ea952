"""Fragments: functions that rerun on their own, touching only their block."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rillet.runtime.context import Target


@dataclass
class FragmentDef:
    """A fragment as last rendered by a full run."""

    fragment_id: str
    function: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    target: Target
    run_every: float | None


class FragmentRegistry:
    """The fragments of one session, keyed by id."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fragments: dict[str, FragmentDef] = {}

    def add(self, fragment: FragmentDef) -> None:
        with self._lock:
            self._fragments[fragment.fragment_id] = fragment

    def get(self, fragment_id: str) -> FragmentDef | None:
        with self._lock:
            return self._fragments.get(fragment_id)

    def keep_only(self, fragment_ids: set[str]) -> None:
        """After a full run: forget the fragments it did not render."""
        with self._lock:
            self._fragments = {k: v for k, v in self._fragments.items() if k in fragment_ids}
