"""Every command's `icon` takes one emoji or a Material icon, and says so otherwise."""

from __future__ import annotations

import pytest

from tests.api.apps import app, error

COMMANDS = [
    "st.button('B', icon={icon!r})",
    "st.success('ok', icon={icon!r})",
    "st.toast('saved', icon={icon!r})",
    "st.expander('More', icon={icon!r})",
    "st.popover('More', icon={icon!r})",
    "st.download_button('Get', b'x', icon={icon!r})",
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("icon", ["🔥", "👍🏽", "🇺🇸", "1️⃣", ":material/thumb_up:", None])
def test_an_emoji_or_a_material_icon_is_accepted(command: str, icon: str | None) -> None:
    assert list(app(command.format(icon=icon)).exception) == []


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("icon", ["fire", ":fire:", "🔥🔥", 5])
def test_anything_else_names_the_argument_and_what_it_takes(command: str, icon: object) -> None:
    message = error(command.format(icon=icon))
    assert "`icon`" in message
    assert repr(icon) in message
    assert "a single emoji, a ':material/icon_name:' icon or None" in message


def test_a_material_name_in_the_wrong_case_says_how_names_are_written() -> None:
    message = error("st.button('B', icon=':material/Thumb Up:')")
    assert "lower_snake_case" in message
