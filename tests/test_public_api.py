"""The public surface: ``rillet.__all__`` is pinned, and importing it stays light."""

from __future__ import annotations

import json
import subprocess
import sys

import rillet

# Update this list when a command lands (keep it sorted): a change to the
# public surface should be a deliberate, reviewed diff.
EXPECTED = [
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

# Heavy or unrelated packages that `import rillet` must never pull in; they
# are imported inside the command that needs them.
FORBIDDEN = [
    "pandas",
    "numpy",
    "pyarrow",
    "PIL",
    "tornado",
    "rillet_server",
    "rillet_shell",
    "rillet_packaging",
    "rillet.testing",
    "streamlit",
    "PyQt6",
    "webview",
    "asyncio",
]


def test_all_is_sorted_and_pinned() -> None:
    assert rillet.__all__ == sorted(rillet.__all__)
    assert rillet.__all__ == EXPECTED


def test_every_exported_name_exists() -> None:
    missing = [name for name in rillet.__all__ if not hasattr(rillet, name)]
    assert missing == []


def test_every_public_command_has_a_docstring_with_an_example() -> None:
    undocumented = [
        name
        for name in rillet.__all__
        if callable(getattr(rillet, name))
        and not isinstance(getattr(rillet, name), type)
        and "Example" not in (getattr(rillet, name).__doc__ or "")
    ]
    assert undocumented == []


def test_import_rillet_loads_no_heavy_packages() -> None:
    code = "import json, sys; import rillet; print(json.dumps(sorted(m for m in sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))

    heavy = sorted(
        name for name in loaded if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    )
    assert heavy == []
    assert "google.protobuf" in loaded  # the wire protocol is the one dependency paid for
