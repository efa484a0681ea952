"""Icons of elements and widgets: one emoji, or a Material Symbols icon by name.

Streamlit takes an icon as a single emoji or as ``:material/icon_name:``;
so does every rillet command with an ``icon`` argument, through
:func:`icon_name`.
"""

from __future__ import annotations

import re

from rillet.runtime.errors import bad_argument

_MATERIAL = r":material/[a-z0-9_]+:"
_ACCEPTED = "a single emoji, a ':material/icon_name:' icon or None"

# Code points that start an emoji: the pictograph planes plus the older
# symbols that have an emoji form. A little wider than the Unicode emoji list
# (a few plain symbols such as a star pass), never narrower.
_EMOJI_STARTS = (
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x21AA),
    (0x231A, 0x23FF),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25FE),
    (0x2600, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x1F000, 0x1FAFF),
)
# What may follow an emoji's first code point: variation selector, keycap,
# skin tones and flag tags. Emoji joined by U+200D form one emoji (families).
_EMOJI_MODIFIERS = ((0xFE0F, 0xFE0F), (0x20E3, 0x20E3), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F))
_REGIONAL_INDICATORS = ((0x1F1E6, 0x1F1FF),)  # two of them make a flag
_KEYCAP_BASES = "0123456789#*"


def _within(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(char) <= high for low, high in ranges)


def is_emoji(text: str) -> bool:
    """Whether ``text`` is exactly one emoji (skin tones, flags, joined families included).

    Example:
        >>> is_emoji("👍🏽"), is_emoji("🇺🇸"), is_emoji("ok"), is_emoji("🚨🚨")
        (True, True, False, False)
    """
    if text[:1] and text[0] in _KEYCAP_BASES:
        return text[1:] in ("\u20e3", "\ufe0f\u20e3")
    return all(_is_one_pictograph(part) for part in text.split("\u200d"))


def _is_one_pictograph(part: str) -> bool:
    if not part or not _within(part[0], _EMOJI_STARTS):
        return False
    rest = part[1:]
    if _within(part[0], _REGIONAL_INDICATORS):
        return len(rest) == 1 and _within(rest, _REGIONAL_INDICATORS)
    return all(_within(char, _EMOJI_MODIFIERS) for char in rest)


def icon_name(icon: object, command: str) -> str:
    """``icon`` checked and stripped: one emoji, a ``:material/name:`` icon, or ``""``.

    Example:
        >>> icon_name(" 🔥 ", "button"), icon_name(":material/thumb_up:", "button")
        ('🔥', ':material/thumb_up:')
    """
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise bad_argument("icon", icon, _ACCEPTED, command=command)
    name = icon.strip()
    if name.startswith(":material") and not re.fullmatch(_MATERIAL, name):
        raise bad_argument(
            "icon", icon, f"{_ACCEPTED} (Material names are lower_snake_case)", command=command
        )
    if name and not (re.fullmatch(_MATERIAL, name) or is_emoji(name)):
        raise bad_argument("icon", icon, _ACCEPTED, command=command)
    return name
