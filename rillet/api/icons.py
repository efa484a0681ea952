"""Icons of elements and widgets: one emoji, or a Material Symbols icon by name.

Streamlit takes an icon as a single emoji or as ``:material/icon_name:``;
so does every rillet command with an ``icon`` argument, through
:func:`icon_name`.
"""

from __future__ import annotations

import bisect
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


# The non-ASCII code points with Unicode's Emoji property (UTS #51, as of
# Unicode 17), regional indicators left out (only a pair is a flag): what may
# start an emoji written at the head of a text. Narrower than _EMOJI_STARTS,
# which checks an icon argument and may let a plain symbol through; here a
# plain arrow or box-drawing character must stay text.
_EMOJI_PROPERTY = (
    (0xA9, 0xA9),
    (0xAE, 0xAE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x2199),
    (0x21A9, 0x21AA),
    (0x231A, 0x231B),
    (0x2328, 0x2328),
    (0x23CF, 0x23CF),
    (0x23E9, 0x23F3),
    (0x23F8, 0x23FA),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25AB),
    (0x25B6, 0x25B6),
    (0x25C0, 0x25C0),
    (0x25FB, 0x25FE),
    (0x2600, 0x2604),
    (0x260E, 0x260E),
    (0x2611, 0x2611),
    (0x2614, 0x2615),
    (0x2618, 0x2618),
    (0x261D, 0x261D),
    (0x2620, 0x2620),
    (0x2622, 0x2623),
    (0x2626, 0x2626),
    (0x262A, 0x262A),
    (0x262E, 0x262F),
    (0x2638, 0x263A),
    (0x2640, 0x2640),
    (0x2642, 0x2642),
    (0x2648, 0x2653),
    (0x265F, 0x2660),
    (0x2663, 0x2663),
    (0x2665, 0x2666),
    (0x2668, 0x2668),
    (0x267B, 0x267B),
    (0x267E, 0x267F),
    (0x2692, 0x2697),
    (0x2699, 0x2699),
    (0x269B, 0x269C),
    (0x26A0, 0x26A1),
    (0x26A7, 0x26A7),
    (0x26AA, 0x26AB),
    (0x26B0, 0x26B1),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26C8, 0x26C8),
    (0x26CE, 0x26CF),
    (0x26D1, 0x26D1),
    (0x26D3, 0x26D4),
    (0x26E9, 0x26EA),
    (0x26F0, 0x26F5),
    (0x26F7, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2702, 0x2702),
    (0x2705, 0x2705),
    (0x2708, 0x270D),
    (0x270F, 0x270F),
    (0x2712, 0x2712),
    (0x2714, 0x2714),
    (0x2716, 0x2716),
    (0x271D, 0x271D),
    (0x2721, 0x2721),
    (0x2728, 0x2728),
    (0x2733, 0x2734),
    (0x2744, 0x2744),
    (0x2747, 0x2747),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2763, 0x2764),
    (0x2795, 0x2797),
    (0x27A1, 0x27A1),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F170, 0x1F171),
    (0x1F17E, 0x1F17F),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F201, 0x1F202),
    (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F),
    (0x1F232, 0x1F23A),
    (0x1F250, 0x1F251),
    (0x1F300, 0x1F321),
    (0x1F324, 0x1F393),
    (0x1F396, 0x1F397),
    (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F3F0),
    (0x1F3F3, 0x1F3F5),
    (0x1F3F7, 0x1F4FD),
    (0x1F4FF, 0x1F53D),
    (0x1F549, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F56F, 0x1F570),
    (0x1F573, 0x1F57A),
    (0x1F587, 0x1F587),
    (0x1F58A, 0x1F58D),
    (0x1F590, 0x1F590),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A5),
    (0x1F5A8, 0x1F5A8),
    (0x1F5B1, 0x1F5B2),
    (0x1F5BC, 0x1F5BC),
    (0x1F5C2, 0x1F5C4),
    (0x1F5D1, 0x1F5D3),
    (0x1F5DC, 0x1F5DE),
    (0x1F5E1, 0x1F5E1),
    (0x1F5E3, 0x1F5E3),
    (0x1F5E8, 0x1F5E8),
    (0x1F5EF, 0x1F5EF),
    (0x1F5F3, 0x1F5F3),
    (0x1F5FA, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CB, 0x1F6D2),
    (0x1F6D5, 0x1F6D9),
    (0x1F6DC, 0x1F6E5),
    (0x1F6E9, 0x1F6E9),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F0, 0x1F6F0),
    (0x1F6F3, 0x1F6FC),
    (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FA7C),
    (0x1FA80, 0x1FAC6),
    (0x1FAC8, 0x1FAC8),
    (0x1FACC, 0x1FADD),
    (0x1FADF, 0x1FAEB),
    (0x1FAEF, 0x1FAFA),
)
_EMOJI_LOWS = [low for low, _ in _EMOJI_PROPERTY]


def _has_emoji_property(char: str) -> bool:
    at = bisect.bisect_right(_EMOJI_LOWS, ord(char)) - 1
    return at >= 0 and ord(char) <= _EMOJI_PROPERTY[at][1]


def _one_emoji_end(text: str, start: int) -> int:
    """Where the single emoji (with its modifiers) starting at ``start`` ends; 0 if none."""
    char = text[start : start + 1]
    if not char:
        return 0
    if char in _KEYCAP_BASES:  # 1️⃣: a digit, # or * only with the keycap mark
        end = start + 1 + (text[start + 1 : start + 2] == "\ufe0f")
        return end + 1 if text[end : end + 1] == "\u20e3" else 0
    if _within(char, _REGIONAL_INDICATORS):
        pair = text[start + 1 : start + 2]
        return start + 2 if pair and _within(pair, _REGIONAL_INDICATORS) else 0
    if not _has_emoji_property(char):
        return 0
    end = start + 1
    while end < len(text) and _within(text[end], _EMOJI_MODIFIERS):
        end += 1
    return end


def leading_icon(text: str) -> tuple[str, str]:
    """The emoji or ``:material/name:`` icon ``text`` starts with, and the rest.

    What an alert shows as its icon when it is given none (as Streamlit does):
    the separator (spaces, ``_`` or ``-``) after an emoji goes with it.

    Example:
        >>> leading_icon("🚨 Disk full"), leading_icon(":material/info: Note")
        (('🚨', 'Disk full'), (':material/info:', 'Note'))
        >>> leading_icon("No icon"), leading_icon("→ an arrow is text")
        (('', 'No icon'), ('', '→ an arrow is text'))
    """
    if text.startswith(":material"):
        found = re.match(r"(:[^:]+:)\s*(.*)", text, re.DOTALL)
        if found and re.fullmatch(_MATERIAL, found.group(1)):
            return found.group(1), found.group(2)
    end = _one_emoji_end(text, 0)
    while end and text[end : end + 1] == "\u200d":  # joined: one emoji (a family, a flag)
        joined = _one_emoji_end(text, end + 1)
        if not joined:
            break
        end = joined
    if not end:
        return "", text
    return text[:end], text[end:].lstrip("_ -")
