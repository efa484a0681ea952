"""Small ``streamlit.*`` helpers apps import: logging, the demo's code view, page names, images."""

from __future__ import annotations

import inspect
import logging
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def get_logger(name: str) -> logging.Logger:
    """A standard logger named ``name`` (``streamlit.logger.get_logger``).

    Example:
        >>> get_logger("my_app").name
        'my_app'
    """
    return logging.getLogger(name)


def set_log_level(level: str | int) -> None:
    """Set the level of rillet's own loggers (``"debug"``, ``"info"``, ... or a number).

    Example:
        >>> set_log_level("warning")
    """
    value = level.upper() if isinstance(level, str) else level
    logging.getLogger("rillet").setLevel(value)


def show_code(demo: Callable[..., Any]) -> None:
    """Show the source of ``demo`` below it, with a sidebar switch (the demo app's helper).

    Example:
        >>> def demo():
        ...     pass
        >>> show_code(demo)  # inside a running app  # doctest: +SKIP
    """
    import rillet as st

    if st.sidebar.checkbox("Show code", True):
        st.markdown("## Code")
        lines = inspect.getsource(demo).splitlines()
        body = textwrap.dedent("\n".join(lines[1:]))  # the body, without the def line
        st.code(body, language="python")


def page_icon_and_name(script_path: Path) -> tuple[str, str]:
    """The icon and name a ``pages/`` file shows under (``"2_🎈_Balloons.py"``: 🎈, Balloons).

    Example:
        >>> page_icon_and_name(Path("pages/2_🎈_Balloons.py"))
        ('🎈', 'Balloons')
    """
    from rillet.runtime.pages import page_from_file

    page = page_from_file(Path(script_path))
    return page.icon, page.title


# Emoji a page may be given at random: pictures that read well at favicon size.
_RANDOM_EMOJI = [
    "🎈",
    "🚀",
    "🌟",
    "🎯",
    "🧭",
    "🌈",
    "🍀",
    "🌻",
    "🐙",
    "🦊",
    "🐢",
    "🦉",
    "🐳",
    "🍉",
    "🍋",
    "🍩",
    "🎨",
    "🎲",
    "🧩",
    "🔭",
    "🧪",
    "📚",
    "📈",
    "🗺️",
    "🏔️",
    "🌊",
    "🔥",
    "⚡",
    "💡",
    "🎵",
    "🛰️",
    "🪁",
    "🧁",
    "🌵",
    "🍄",
    "🐝",
    "🦋",
    "🐧",
    "🦄",
    "🌙",
]


def get_random_emoji() -> str:
    """One emoji picked at random (``page_icon="random"``, st-pages' ``icon = "random"``).

    Example:
        >>> get_random_emoji() in _RANDOM_EMOJI
        True
    """
    import random

    return random.choice(_RANDOM_EMOJI)


def image_to_url(
    image: Any,
    layout_config: Any = None,
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    image_id: str = "",
) -> str:
    """The URL an image is served from (what component packages hand their frontend).

    Takes what ``st.image`` takes: a URL, a path, bytes, a PIL image or a
    NumPy array. ``layout_config`` and ``image_id`` are accepted for
    Streamlit's signature; the URL does not depend on them.

    Example:
        >>> image_to_url("https://example.com/cat.png")
        'https://example.com/cat.png'
    """
    from rillet.api.media import image_url

    return image_url(image, clamp, channels, output_format)


@dataclass(frozen=True)
class LayoutConfig:
    """An element's size (``streamlit.elements.lib.layout_utils.LayoutConfig``).

    Component packages build one to hand to :func:`image_to_url`, whose
    URL does not depend on it.

    Example:
        >>> LayoutConfig(width="content").width
        'content'
    """

    width: int | str | None = None
    height: int | str | None = None
    text_alignment: str | None = None


def main_container() -> Any:
    """``st._main``: the page's main area, writing wherever ``st.*`` would write now.

    As Streamlit's root container, it follows the innermost ``with`` block
    of the run (a column, a form...), and is the main area outside one.
    Its ``_get_delta_path_str()`` gives where its next element goes.

    Example:
        >>> main_container()
        Container(path=[0])
    """
    from rillet.api.container import Container
    from rillet.runtime import context
    from rillet.runtime.context import MAIN, Target

    class _Active(Container):
        @property
        def _target(self) -> Target:
            ctx = context.get_or_none()
            return ctx.targets[-1] if ctx is not None and ctx.targets else Target((MAIN,))

        @_target.setter
        def _target(self, value: Target) -> None:
            pass

        def _get_delta_path_str(self) -> str:
            # Streamlit's private method, which component packages (streamlit-pdf,
            # streamlit-extras' three_viewer) call for a media file's
            # "coordinates": the place the next element takes, as "[0, 2]".
            ctx = context.get_or_none()
            target = self._target
            if ctx is None or target.is_slot:
                return str(list(target.path))
            return str([*target.path, ctx.cursors.get(target.path, 0)])

        def _skeleton(self, height: Any = None) -> Any:
            # Streamlit's old name for st.skeleton, which streamlit-extras looks for.
            from rillet.api.placeholders import skeleton

            return skeleton(height=height)

    return _Active(Target((MAIN,)))


def bottom_container() -> Any:
    """``st._bottom``: Streamlit's old name for ``st.bottom``.

    Example:
        >>> bottom_container() is __import__("rillet").bottom
        True
    """
    import rillet

    return rillet.bottom


def event_container() -> Any:
    """``st._event``: the page's event area, outside the layout.

    Component packages mount components that draw nothing there (cookie and
    local-storage managers, script runners), so they take no room on the
    page. Inside a fragment, what it holds belongs to the fragment.

    Example:
        >>> event_container()
        Container(path=[2])
    """
    from rillet.api.container import Container
    from rillet.runtime import context
    from rillet.runtime.context import EVENT, Target

    class _Event(Container):
        @property
        def _target(self) -> Target:
            ctx = context.get_or_none()
            return Target((EVENT,), fragment_id=ctx.target.fragment_id if ctx else "")

        @_target.setter
        def _target(self, value: Target) -> None:
            pass

    return _Event(Target((EVENT,)))


def current_form_id(container: Any) -> str:
    """The id of the form ``container`` writes into, or ``""`` (``form_utils.current_form_id``).

    Example:
        >>> current_form_id(main_container())
        ''
    """
    target = getattr(container, "_target", None)
    return str(getattr(target, "form_id", ""))


def is_in_form(container: Any) -> bool:
    """Whether ``container`` writes into a form (``form_utils.is_in_form``).

    Example:
        >>> is_in_form(main_container())
        False
    """
    return current_form_id(container) != ""
