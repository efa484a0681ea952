"""The handle ``st.dataframe`` and ``st.table`` return: a container with ``add_rows``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rillet.api.container import Container
from rillet.runtime.context import Target
from rillet.runtime.errors import RilletAPIException

if TYPE_CHECKING:
    from rillet.api.table_frame import Frame


class TableContainer(Container):
    """The handle ``st.dataframe`` and ``st.table`` return: a container with ``add_rows``."""

    def __init__(self, target: Target, data: Any, rebuild: Callable[[Any], Frame]) -> None:
        super().__init__(target)
        self._data = data
        self._rebuild = rebuild

    def add_rows(self, data: Any = None, **kwargs: Any) -> TableContainer:
        """Append rows to the table shown here (same columns), and show it again.

        Example:
            >>> import rillet as st
            >>> table = st.dataframe({"n": [1, 2]})
            >>> table.add_rows({"n": [3]})
        """
        if kwargs:
            if data is not None or len(kwargs) != 1:
                raise RilletAPIException(
                    "add_rows: pass the rows as `data`, or as one keyword argument."
                )
            data = next(iter(kwargs.values()))
        if data is None:
            return self
        from rillet.api.tables import concat_rows

        self._data = concat_rows(self._data, data)
        self._rebuild(self._data).emit(self._target)
        return self
