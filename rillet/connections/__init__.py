"""``st.connections``: the connection classes behind ``st.connection``.

`BaseConnection` is the base of every connection type (subclass it for your
own data source); `SQLConnection` reaches SQL databases through SQLAlchemy.
Importing this package imports neither SQLAlchemy nor pandas: a connection
does when it is made.
"""

from __future__ import annotations

from rillet.connections.base import BaseConnection, ExperimentalBaseConnection
from rillet.connections.sql import SQLConnection

__all__ = ["BaseConnection", "ExperimentalBaseConnection", "SQLConnection"]
