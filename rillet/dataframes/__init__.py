"""Tables for the wire: anything table-like → Arrow IPC, without pyarrow.

``to_arrow_ipc(data)`` is the one call most code needs (charts and custom
components send tables this way too); ``to_table`` gives the columns with
what the client should know of each.
"""

from __future__ import annotations

from rillet.dataframes.convert import ACCEPTED, Column, Table, to_arrow_ipc, to_table

__all__ = ["ACCEPTED", "Column", "Table", "to_arrow_ipc", "to_table"]
