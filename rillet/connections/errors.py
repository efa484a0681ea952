"""Errors of ``st.connection`` that talk to the user, with the password kept out.

Each message names the ``[connections.NAME]`` table it came from, and, for a
missing driver, the package to install.
"""

from __future__ import annotations

from typing import Any

from rillet.runtime.errors import RilletAPIException

__all__ = ["ConnectionConfigError", "ConnectionFailedError", "describe_failure", "package_for"]

# Python module a SQLAlchemy dialect imports -> the package that provides it.
_PACKAGES = {
    "MySQLdb": "mysqlclient",
    "pymysql": "PyMySQL",
    "mysql": "mysql-connector-python",
    "psycopg2": "psycopg2-binary",
    "psycopg": "psycopg[binary]",
    "asyncpg": "asyncpg",
    "pg8000": "pg8000",
    "pyodbc": "pyodbc",
    "pymssql": "pymssql",
    "cx_Oracle": "cx_Oracle",
    "oracledb": "oracledb",
    "snowflake": "snowflake-sqlalchemy",
    "duckdb": "duckdb-engine",
    "duckdb_engine": "duckdb-engine",
    "sqlalchemy": "sqlalchemy",
    "pandas": "pandas",
}


class ConnectionConfigError(RilletAPIException):
    """``st.connection`` was given a configuration it cannot use."""


class ConnectionFailedError(RilletAPIException):
    """A connection's data source could not be reached or refused the credentials."""


def package_for(module: str) -> str:
    """The package to ``pip install`` for a missing module.

    Example:
        >>> package_for("MySQLdb")
        'mysqlclient'
        >>> package_for("psycopg2.extras")
        'psycopg2-binary'
    """
    root = module.split(".")[0]
    return _PACKAGES.get(module, _PACKAGES.get(root, root))


def scrub(text: str, password: str | None) -> str:
    """``text`` with the password replaced by ``***``.

    Example:
        >>> scrub("login failed for s3cret", "s3cret")
        'login failed for ***'
    """
    if password:
        text = text.replace(str(password), "***")
    return text


def describe_failure(
    exc: BaseException, connection_name: str, url: Any, password: str | None
) -> RilletAPIException:
    """Turn a failure to make or open a SQL connection into an error for the user."""
    where = f"[connections.{connection_name}]"
    target = ""
    if url is not None:
        target = f" ({url.render_as_string(hide_password=True)})"
    if isinstance(exc, ModuleNotFoundError):
        module = exc.name or str(exc)
        return ConnectionConfigError(
            f"st.connection: the SQL connection {where}{target} needs the Python module "
            f"{module!r}, which is not installed. Install its driver: "
            f"pip install {package_for(module)!r}"
        )
    name = type(exc).__name__
    if name == "NoSuchModuleError":
        dialect = url.get_backend_name() if url is not None else "?"
        return ConnectionConfigError(
            f"st.connection: SQLAlchemy has no dialect {dialect!r} for {where}{target}. "
            "Check the dialect in `url` (or `dialect`/`driver`), or install the package "
            "that provides it."
        )
    driver = ""
    if url is not None:
        driver = f" through the driver {url.get_driver_name()!r}"
    detail = scrub(str(getattr(exc, "orig", None) or exc), password).strip()
    return ConnectionFailedError(
        f"st.connection: could not connect to {where}{target}{driver}: {detail}. "
        f"Check the host, port, database and credentials in {where} of secrets.toml."
    )
