"""``st.context``: what the app knows of the user viewing this session.

Read-only. The request part (headers, cookies, IP address) comes from the
page's connection; the browser part (locale, time zone, URL, theme,
embedding) from what the page sends with each rerun, so it is ``None``
until the first rerun and in tests.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rillet.runtime import context as run_context
from rillet.runtime.client import ClientInfo


class Headers(Mapping[str, str]):
    """The connection's HTTP headers; names match in any case, a repeated one gives its last value.

    Example:
        >>> headers = Headers((("Accept", "text/html"), ("X-Tag", "a"), ("x-tag", "b")))
        >>> headers["accept"], headers.get_all("X-Tag")
        ('text/html', ['a', 'b'])
    """

    def __init__(self, pairs: tuple[tuple[str, str], ...]) -> None:
        self._pairs = pairs

    def __getitem__(self, name: str) -> str:
        values = self.get_all(name)
        if not values:
            raise KeyError(name)
        return values[-1]

    def get_all(self, name: str) -> list[str]:
        """Every value of header ``name`` (several lines of one header stay apart)."""
        wanted = name.lower()
        return [value for key, value in self._pairs if key.lower() == wanted]

    def __iter__(self) -> Iterator[str]:
        seen: dict[str, str] = {}
        for key, _ in self._pairs:
            seen.setdefault(key.lower(), key)
        return iter(seen.values())

    def __len__(self) -> int:
        return len({key.lower() for key, _ in self._pairs})

    def to_dict(self) -> dict[str, str]:
        """A plain dict of each header's last value."""
        return {name: self[name] for name in self}


class Cookies(Mapping[str, str]):
    """The cookies the page's connection carried, by name."""

    def __init__(self, cookies: dict[str, str]) -> None:
        self._cookies = dict(cookies)

    def __getitem__(self, name: str) -> str:
        return self._cookies[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def __len__(self) -> int:
        return len(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)


@dataclass(frozen=True, eq=False)
class Theme(Mapping[str, "str | None"]):
    """``st.context.theme``: ``type`` is ``"light"`` or ``"dark"`` as the page shows it.

    Read as an attribute or, as Streamlit's is a dict, a key.

    Example:
        >>> theme = Theme("dark")
        >>> (theme.type, theme["type"], dict(theme))
        ('dark', 'dark', {'type': 'dark'})
    """

    type: str | None

    def __getitem__(self, name: str) -> str | None:
        if name != "type":
            raise KeyError(name)
        return self.type

    def __iter__(self) -> Iterator[str]:
        return iter(("type",))

    def __len__(self) -> int:
        return 1


class Context:
    """``st.context``: the user viewing this session, read-only.

    Example:
        >>> import rillet as st
        >>> st.context.timezone  # "Europe/Berlin", as the browser says
        >>> st.context.headers["User-Agent"]
    """

    @staticmethod
    def _client() -> ClientInfo:
        session = run_context.get().extras.get("session")
        client = getattr(session, "client", None)
        return client if isinstance(client, ClientInfo) else ClientInfo()

    @property
    def headers(self) -> Headers:
        """The HTTP headers of the page's connection."""
        return Headers(self._client().headers)

    @property
    def cookies(self) -> Cookies:
        """The cookies of the page's connection."""
        return Cookies(self._client().cookies)

    @property
    def ip_address(self) -> str | None:
        """The user's IP address; ``None`` for a connection from this machine."""
        return self._client().ip_address

    @property
    def locale(self) -> str | None:
        """The browser's language, e.g. ``"en-US"``."""
        return self._client().locale

    @property
    def timezone(self) -> str | None:
        """The browser's time zone, e.g. ``"Europe/Berlin"``."""
        return self._client().timezone

    @property
    def timezone_offset(self) -> int | None:
        """Minutes between UTC and the browser's local time (``Date.getTimezoneOffset()``)."""
        return self._client().timezone_offset

    @property
    def url(self) -> str | None:
        """The page's full URL in the browser."""
        return self._client().url

    @property
    def is_embedded(self) -> bool | None:
        """Whether the app is shown inside another page's frame."""
        return self._client().is_embedded

    @property
    def theme(self) -> Theme:
        """The theme the page shows (``.type``: ``"light"`` or ``"dark"``)."""
        return Theme(self._client().theme)

    def __repr__(self) -> str:
        return "st.context"


context = Context()
