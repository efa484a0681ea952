"""rillet: turn a Python script into an app.

Use it as you would Streamlit::

    import rillet as st

    st.title("Hello")
    if st.button("Click me"):
        st.write("Clicked!")

This module only re-exports; a test pins ``__all__``.
"""

from rillet.api.alerts import error, exception, info, success, warning
from rillet.api.buttons import button, form_submit_button
from rillet.api.choices import checkbox, multiselect, radio, selectbox, toggle
from rillet.api.container import Container, DeltaGenerator, sidebar
from rillet.api.control import rerun, stop, switch_page
from rillet.api.data import json, metric
from rillet.api.fragments import dialog, fragment
from rillet.api.layout import columns, container, empty, expander, form, popover, tabs
from rillet.api.state import query_params, session_state
from rillet.api.text import caption, code, divider, header, latex, markdown, subheader, text, title
from rillet.api.write import write
from rillet.version import __version__

__all__ = [
    "Container",
    "DeltaGenerator",
    "__version__",
    "button",
    "caption",
    "checkbox",
    "code",
    "columns",
    "container",
    "dialog",
    "divider",
    "empty",
    "error",
    "exception",
    "expander",
    "form",
    "form_submit_button",
    "fragment",
    "header",
    "info",
    "json",
    "latex",
    "markdown",
    "metric",
    "multiselect",
    "popover",
    "query_params",
    "radio",
    "rerun",
    "selectbox",
    "session_state",
    "sidebar",
    "stop",
    "subheader",
    "success",
    "switch_page",
    "tabs",
    "text",
    "title",
    "toggle",
    "warning",
    "write",
]
