"""``streamlit.url_util``: the URL checks component packages call.

streamlit-wavesurfer asks whether its audio argument is a URL (``http``,
``https`` or ``data``) before it reads it as a file. These answer as
Streamlit's helpers do, written on ``urllib.parse``.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

# A scheme counts only with the part that makes it a usable address.
_NEEDS_HOST = ("http", "https")
_NEEDS_PATH = ("mailto", "data")
_GITHUB_BLOB = re.compile(r"^(https://github\.com/[^/]+/[^/]+)/blob/(.+)$")
_GIST = re.compile(r"^https?://gist\.github\.com/[^/]+/[0-9a-zA-Z]+/?$")


def is_url(url: str, allowed_schemas: tuple[str, ...] = ("http", "https")) -> bool:
    """Whether ``url`` is an address of one of ``allowed_schemas``.

    ``http(s)`` needs a host, ``mailto`` and ``data`` need what follows the
    colon; other schemes are never URLs here.

    Example:
        >>> is_url("https://example.com/a.wav"), is_url("/tmp/a.wav")
        (True, False)
        >>> is_url("data:audio/wav;base64,AA", allowed_schemas=("http", "https", "data"))
        True
    """
    try:
        parts = urlparse(str(url))
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in allowed_schemas:
        return False
    if scheme in _NEEDS_HOST:
        return bool(parts.netloc)
    if scheme in _NEEDS_PATH:
        return bool(parts.path)
    return False


def get_hostname(url: str) -> str | None:
    """The host ``url`` names, with or without its scheme.

    Example:
        >>> get_hostname("https://www.example.com:8080/x"), get_hostname("example.com/x")
        ('www.example.com', 'example.com')
    """
    text = str(url)
    if "://" not in text:
        text = "http://" + text
    return urlparse(text).hostname


def process_gitblob_url(url: str) -> str:
    """A GitHub file page or gist turned into the address of its raw content.

    Example:
        >>> process_gitblob_url("https://github.com/o/r/blob/main/x.png")
        'https://github.com/o/r/raw/main/x.png'
    """
    blob = _GITHUB_BLOB.match(url)
    if blob is not None:
        return f"{blob.group(1)}/raw/{blob.group(2)}"
    if _GIST.match(url) is not None:
        return url + "/raw"
    return url


def make_url_path(base_url: str, path: str) -> str:
    """``path`` under ``base_url``, from the root; a trailing slash of ``path`` stays.

    Example:
        >>> make_url_path("/base/", "/x"), make_url_path("", "x"), make_url_path("app", "")
        ('/base/x', '/x', '/app/')
    """
    base = base_url.strip("/")
    return "/" + (base + "/" if base else "") + path.lstrip("/")
