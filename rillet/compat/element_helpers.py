"""``streamlit.elements.lib.utils`` and ``streamlit.string_util``: helpers component packages call.

streamlit-arborist turns its ``key`` argument into a widget key with
``to_key`` and checks its icons with ``validate_icon_or_emoji``, as
Streamlit's own widgets do. These answer with rillet's own checks.
"""

from __future__ import annotations

from rillet.api.icons import icon_name
from rillet.api.icons import is_emoji as _is_one_emoji

#: A widget key as Streamlit accepts it: text or a number.
Key = str | int


def to_key(key: Key | None) -> str | None:
    """A widget key as text, or ``None``.

    Example:
        >>> to_key(3), to_key("name"), to_key(None)
        ('3', 'name', None)
    """
    return None if key is None else str(key)


def validate_icon_or_emoji(icon: str | None) -> str:
    """``icon`` checked: one emoji or a ``:material/name:`` icon, stripped; ``""`` for none.

    Raises the API error that names the argument for anything else.

    Example:
        >>> validate_icon_or_emoji(" 🔥 "), validate_icon_or_emoji(None)
        ('🔥', '')
    """
    return icon_name(icon, "icon")


def is_emoji(text: str) -> bool:
    """Whether ``text`` is exactly one emoji.

    Example:
        >>> is_emoji("🔥"), is_emoji(" 🔥 "), is_emoji("home")
        (True, False, False)
    """
    return bool(text) and _is_one_emoji(text)


def clean_text(text: object) -> str:
    """``text`` as a string, without its indentation and surrounding blank space.

    Example:
        >>> clean_text("  two\\n  lines  ")
        'two\\nlines'
    """
    import textwrap

    return textwrap.dedent(str(text)).strip()
