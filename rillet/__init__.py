"""rillet: turn a Python script into an app.

Use it as you would Streamlit::

    import rillet as st

    st.title("Hello")
    if st.button("Click me"):
        st.write("Clicked!")

This module only re-exports (a few lazily); a test pins ``__all__``.
"""

import importlib
from typing import TYPE_CHECKING, Any

from rillet.api.alerts import error, exception, info, success, warning
from rillet.api.buttons import button, form_submit_button, link_button
from rillet.api.choices import checkbox, multiselect, radio, selectbox, toggle
from rillet.api.container import Container, DeltaGenerator, sidebar
from rillet.api.control import rerun, stop, switch_page
from rillet.api.data import json, metric
from rillet.api.fragments import dialog, fragment
from rillet.api.layout import columns, container, empty, expander, form, popover, tabs
from rillet.api.pages import Page, navigation, page_link, set_page_config
from rillet.api.services import get_option, secrets, set_option
from rillet.api.state import query_params, session_state
from rillet.api.status import balloons, progress, snow, spinner, status, toast
from rillet.api.text import caption, code, divider, header, latex, markdown, subheader, text, title
from rillet.api.text_inputs import color_picker, text_area, text_input
from rillet.api.write import write
from rillet.version import __version__

if TYPE_CHECKING:
    from rillet import column_config, connections
    from rillet.api import desktop
    from rillet.api.badges import badge
    from rillet.api.button_groups import pills, segmented_control
    from rillet.api.charts_builtin import area_chart, bar_chart, line_chart, scatter_chart
    from rillet.api.charts_deck import map, pydeck_chart
    from rillet.api.charts_diagrams import graphviz_chart, mermaid_chart
    from rillet.api.charts_echarts import echarts_chart
    from rillet.api.charts_plotly import plotly_chart
    from rillet.api.charts_pyplot import pyplot
    from rillet.api.charts_vega import altair_chart, vega_lite_chart
    from rillet.api.chat import chat_input, chat_message, write_stream
    from rillet.api.container_types import bottom
    from rillet.api.context_info import context
    from rillet.api.data_editor import data_editor
    from rillet.api.dates import date_input, time_input
    from rillet.api.datetime_input import datetime_input
    from rillet.api.echo import echo
    from rillet.api.feedback import feedback
    from rillet.api.files import audio_input, camera_input, download_button, file_uploader
    from rillet.api.frames import iframe
    from rillet.api.grid import grid
    from rillet.api.help import help
    from rillet.api.html import html
    from rillet.api.logo import logo
    from rillet.api.media import audio, image, video
    from rillet.api.menus import menu_button
    from rillet.api.numbers import number_input
    from rillet.api.pagination import pagination
    from rillet.api.paths import path_input
    from rillet.api.pdf import pdf
    from rillet.api.placeholders import skeleton, space
    from rillet.api.sliders import select_slider, slider
    from rillet.api.tables import dataframe, table
    from rillet.api.user import login, logout, user
    from rillet.connections.factory import connection
    from rillet.runtime.caching import cache_data, cache_resource

# Loaded on first use, to keep `import rillet` small: the caching package
# costs about as much as every other command together, and st.context is
# read by few apps.
_LAZY = {
    "altair_chart": "rillet.api.charts_vega",
    "area_chart": "rillet.api.charts_builtin",
    "badge": "rillet.api.badges",
    "bar_chart": "rillet.api.charts_builtin",
    "cache_data": "rillet.runtime.caching",
    "cache_resource": "rillet.runtime.caching",
    "connection": "rillet.connections.factory",
    "context": "rillet.api.context_info",
    "data_editor": "rillet.api.data_editor",
    "datetime_input": "rillet.api.datetime_input",
    "echarts_chart": "rillet.api.charts_echarts",
    "feedback": "rillet.api.feedback",
    "graphviz_chart": "rillet.api.charts_diagrams",
    "grid": "rillet.api.grid",
    "help": "rillet.api.help",
    "iframe": "rillet.api.frames",
    "line_chart": "rillet.api.charts_builtin",
    "map": "rillet.api.charts_deck",
    "menu_button": "rillet.api.menus",
    "mermaid_chart": "rillet.api.charts_diagrams",
    "pagination": "rillet.api.pagination",
    "path_input": "rillet.api.paths",
    "pdf": "rillet.api.pdf",
    "pills": "rillet.api.button_groups",
    "plotly_chart": "rillet.api.charts_plotly",
    "pydeck_chart": "rillet.api.charts_deck",
    "pyplot": "rillet.api.charts_pyplot",
    "scatter_chart": "rillet.api.charts_builtin",
    "segmented_control": "rillet.api.button_groups",
    "skeleton": "rillet.api.placeholders",
    "space": "rillet.api.placeholders",
    "vega_lite_chart": "rillet.api.charts_vega",
    "audio": "rillet.api.media",
    "audio_input": "rillet.api.files",
    "bottom": "rillet.api.container_types",
    "camera_input": "rillet.api.files",
    "chat_input": "rillet.api.chat",
    "chat_message": "rillet.api.chat",
    "dataframe": "rillet.api.tables",
    "date_input": "rillet.api.dates",
    "download_button": "rillet.api.files",
    "echo": "rillet.api.echo",
    "file_uploader": "rillet.api.files",
    "html": "rillet.api.html",
    "image": "rillet.api.media",
    "login": "rillet.api.user",
    "logo": "rillet.api.logo",
    "logout": "rillet.api.user",
    "user": "rillet.api.user",
    "number_input": "rillet.api.numbers",
    "select_slider": "rillet.api.sliders",
    "slider": "rillet.api.sliders",
    "table": "rillet.api.tables",
    "time_input": "rillet.api.dates",
    "video": "rillet.api.media",
    "write_stream": "rillet.api.chat",
}
# Names that are modules themselves (st.column_config, st.desktop...).
_LAZY_MODULES = {
    "column_config": "rillet.column_config",
    "components": "rillet.components",
    "connections": "rillet.connections",
    "desktop": "rillet.api.desktop",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        value = importlib.import_module(_LAZY_MODULES[name])
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'rillet' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Container",
    "DeltaGenerator",
    "Page",
    "__version__",
    "altair_chart",
    "area_chart",
    "audio",
    "audio_input",
    "badge",
    "balloons",
    "bar_chart",
    "bottom",
    "button",
    "cache_data",
    "cache_resource",
    "camera_input",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "column_config",
    "columns",
    "connection",
    "connections",
    "container",
    "context",
    "data_editor",
    "dataframe",
    "date_input",
    "datetime_input",
    "desktop",
    "dialog",
    "divider",
    "download_button",
    "echarts_chart",
    "echo",
    "empty",
    "error",
    "exception",
    "expander",
    "feedback",
    "file_uploader",
    "form",
    "form_submit_button",
    "fragment",
    "get_option",
    "graphviz_chart",
    "grid",
    "header",
    "help",
    "html",
    "iframe",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "login",
    "logo",
    "logout",
    "map",
    "markdown",
    "menu_button",
    "mermaid_chart",
    "metric",
    "multiselect",
    "navigation",
    "number_input",
    "page_link",
    "pagination",
    "path_input",
    "pdf",
    "pills",
    "plotly_chart",
    "popover",
    "progress",
    "pydeck_chart",
    "pyplot",
    "query_params",
    "radio",
    "rerun",
    "scatter_chart",
    "secrets",
    "segmented_control",
    "select_slider",
    "selectbox",
    "session_state",
    "set_option",
    "set_page_config",
    "sidebar",
    "skeleton",
    "slider",
    "snow",
    "space",
    "spinner",
    "status",
    "stop",
    "subheader",
    "success",
    "switch_page",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "user",
    "vega_lite_chart",
    "video",
    "warning",
    "write",
    "write_stream",
]
