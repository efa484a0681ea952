"""Every common element's geometry, type and colours beside Streamlit 1.67's.

``test_side_by_side.py`` compares widget values, element boxes and buttons;
this file goes element by element through the rest of what a page shows.
Four sample apps (text and markdown, widgets, layout blocks, the sidebar)
run unchanged under ``streamlit run`` and under rillet, each in the light
and the dark theme, at the same viewport. Two readings are compared:

* the flow: every top-level child of the main column (and of the sidebar),
  in page order, by height, vertical gap to the one before, left edge and
  width;
* the parts: a named piece of each element (a heading's text, an alert's
  box, a chip, a tab, a slider's thumb value...) found by our class and by
  Streamlit's ``data-testid``, by width, height, left edge in the page,
  font size, weight and face (sans or mono), and the colours of its text,
  background and border.

Element kinds compared: title, header and subheader (with dividers and
anchors), markdown (paragraph with bold, italics, code, link and coloured
text, lists, blockquote, table, fenced code), st.code, st.json, st.caption,
st.divider, st.badge, st.info/success/warning/error (icons), st.exception,
text, number, date and time inputs, text_area, selectbox, multiselect and
its chips, slider and select_slider (value label, ticks), checkbox, toggle,
horizontal radio, pills, segmented_control, feedback, file_uploader,
page_link, color_picker, expander, tabs, columns, container(border=True),
form and its submit button, status, chat_message, chat_input, st.table,
st.image with caption, progress, metric (delta arrows and colours, border,
chart) and the sidebar (width, title, markdown, input, button, slider,
radio, expander, alert).

Differences that remain on purpose are listed in ``KNOWN`` with the reason;
everything else must be within the tolerances below. Screenshots of both
pages go under ``$RILLET_ARTEFACTS/rillet-side-by-side/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_side_by_side import (
    ARTEFACTS,
    VIEWPORT,
    _rgb,
    streamlit_serving,
)

pytestmark = pytest.mark.browser
pytest.importorskip("streamlit")

# Sizes and positions (px): beyond ~2 px a person sees it.
PX = 2.5
# Colour channels (0-255): the palettes are our own, picked to match.
COLOUR = 12

APPS: dict[str, str] = {
    "text": """
        import streamlit as st
        st.title("Title", anchor="t1")
        st.header("Header divider", divider="blue")
        st.subheader("Sub gray", divider="gray")
        st.header("Plain header", anchor=False)
        st.markdown('''Para with **bold**, *em*, `code`, a [link](https://example.com) and :red[red text].

        - one
        - two
            - nested

        1. first
        2. second

        > quoted line

        | a | b |
        |---|---|
        | 1 | 2 |
        ''')
        st.markdown("# Big one\\n\\nText under\\n\\n## Second\\n\\n### Third\\n\\n#### Fourth\\n\\nEnd para")
        st.text("plain  text line")
        st.code("def f(x):\\n    return x + 1", language="python")
        st.json({"a": 1, "b": [1, 2], "c": {"d": "e"}})
        st.caption("A caption line")
        st.divider()
        st.badge("New", color="green")
        st.info("Info alert")
        st.success("Success alert", icon="✅")
        st.warning("Warning alert")
        st.error("Error alert")
        st.write("ready")
        """,
    "widgets": """
        import datetime
        import streamlit as st
        st.text_input("Text", "Ada")
        st.number_input("Number", value=3)
        st.date_input("Date", datetime.date(2026, 1, 31))
        st.time_input("Time", datetime.time(8, 45))
        st.text_area("Area", "Some text")
        st.selectbox("Select", ["Oslo", "Lima"])
        st.multiselect("Multi", ["cheese", "olives", "ham"], ["cheese", "ham"])
        st.slider("Slider", 0, 100, 40)
        st.select_slider("SelSlider", ["xs", "s", "m", "l"], "m")
        st.checkbox("Check", True)
        st.toggle("Toggle", True)
        st.radio("Radio", ["A", "B", "C"], horizontal=True)
        st.pills("Pills", ["x", "y", "z"], default="x")
        st.segmented_control("Seg", ["one", "two"], default="one")
        st.feedback("stars")
        st.file_uploader("Upload")
        st.page_link("https://example.com", label="Page link", icon="🏠")
        st.color_picker("Color", "#00aa00")
        st.write("ready")
        """,
    "blocks": """
        import numpy as np
        import streamlit as st
        with st.expander("Expander", expanded=True):
            st.write("inside expander")
        with st.expander("Closed"):
            st.write("hidden")
        one, two = st.tabs(["Tab one", "Tab two"])
        one.write("in tab one")
        a, b, c = st.columns(3)
        a.write("col a")
        b.write("col b")
        c.write("col c")
        with st.container(border=True):
            st.write("bordered")
        with st.form("f"):
            st.text_input("In form")
            st.form_submit_button("Submit")
        with st.status("Status done", state="complete", expanded=True):
            st.write("step")
        with st.chat_message("user"):
            st.write("hello user")
        with st.chat_message("assistant"):
            st.write("hello bot")
        st.table({"a": [1, 2], "b": ["x", "y"]})
        st.image(np.zeros((40, 80, 3), dtype=np.uint8), caption="An image")
        st.progress(0.4, text="Progress")
        st.metric("Metric", "42", "+3")
        st.metric("Down", "10", "-2", delta_color="inverse", border=True)
        st.metric("Off", "5", "1", delta_color="off")
        st.chat_input("Say")
        st.write("ready")
        """,
    "sidebar": """
        import streamlit as st
        with st.sidebar:
            st.title("Side title")
            st.markdown("Side **text**")
            st.text_input("Side input", "v")
            st.button("Side button")
            st.slider("Side slider", 0, 10, 3)
            st.radio("Side radio", ["a", "b"])
            st.expander("Side exp").write("x")
            st.info("side info")
            st.header("Side header")
            st.subheader("Side sub")
            st.caption("Side caption")
            st.code("x = 1")
            st.metric("Side metric", "1", "2")
            st.divider()
            st.checkbox("Side check")
        st.write("ready")
        """,
    "more": """
        import time
        import streamlit as st
        ticker = st.empty()
        st.badge("Warn", icon=":material/warning:", color="orange")
        st.exception(ValueError("bad value"))
        with st.status("Failed", state="error"):
            st.write("x")
        st.metric("Chart", "5", "1", chart_data=[1, 3, 2, 4], border=True)
        st.feedback("thumbs")
        a, b = st.columns(2, gap="medium")
        a.write("medium a")
        b.write("medium b")
        st.date_input("Date", (), help="Pick")
        with st.form("g", border=True):
            st.checkbox("In form")
            st.form_submit_button("Send", type="primary")
        st.toast("Toasted", icon="🎉")
        st.write("ready")
        with st.spinner("Working"):
            for _ in range(200):  # the spinner shows while this runs; each step may stop the run
                time.sleep(0.1)
                ticker.empty()
        """,
    "nav": """
        import streamlit as st
        def home():
            st.write("home page")
            st.write("ready")
        def other():
            st.write("other")
        page = st.navigation([st.Page(home, title="Home", icon="🏠"), st.Page(other, title="Other page")])
        page.run()
        """,
}
THEMES = ("light", "dark")

# The flow: top-level children of the main column and of the sidebar, shown ones only.
FLOW = {
    "rillet": {
        "main": ".rl-main-block > .rl-vertical > *",
        "sidebar": "[data-testid=stSidebarUserContent] > .rl-vertical > *",
    },
    "streamlit": {
        "main": "[data-testid=stMainBlockContainer] > [data-testid=stVerticalBlock] > *",
        "sidebar": "[data-testid=stSidebarUserContent] > div > [data-testid=stVerticalBlock] > *",
    },
}

# app -> part name -> (our selector, Streamlit's). "@n" picks the n-th match.
PARTS: dict[str, dict[str, tuple[str, str]]] = {
    "text": {
        "title": (".rl-main h1 .rl-markdown", "[data-testid=stHeading] h1 > span"),
        "header": (".rl-main h2 .rl-markdown", "[data-testid=stHeading] h2 > span"),
        "header divider": (".rl-heading-divider", "[data-testid=stHeadingDivider]"),
        "subheader": (".rl-main h3 .rl-markdown", "[data-testid=stHeading] h3 > span"),
        "subheader divider": (".rl-heading-divider@1", "[data-testid=stHeadingDivider]@1"),
        "paragraph": (".rl-markdown p", "[data-testid=stMarkdownContainer] > p"),
        "bold": (".rl-markdown p strong", "[data-testid=stMarkdownContainer] p strong"),
        "inline code": (".rl-markdown p code", "[data-testid=stMarkdownContainer] p code"),
        "link": (".rl-markdown p a", "[data-testid=stMarkdownContainer] p a"),
        "red text": (".rl-markdown .rl-fg-red", ".stMarkdownColoredText"),
        "list": (".rl-markdown ul", "[data-testid=stMarkdownContainer] ul"),
        "list item": (".rl-markdown ul li", "[data-testid=stMarkdownContainer] ul li"),
        "ordered list": (".rl-markdown ol", "[data-testid=stMarkdownContainer] ol"),
        "blockquote": (".rl-markdown blockquote", "[data-testid=stMarkdownContainer] blockquote"),
        "md table cell": (".rl-markdown td", "[data-testid=stMarkdownContainer] td"),
        "md table head": (".rl-markdown th", "[data-testid=stMarkdownContainer] th"),
        "md h1": (".rl-markdown h1", "[data-testid=stMarkdown] h1"),
        "md h4": (".rl-markdown h4", "[data-testid=stMarkdown] h4"),
        "text element": (".rl-text pre", "[data-testid=stText] span"),
        "code block": (
            ".rl-code pre",
            "[data-testid=stElementContainer] > [data-testid=stCode] pre",
        ),
        "code text": (
            ".rl-code code",
            "[data-testid=stElementContainer] > [data-testid=stCode] code",
        ),
        "code keyword": (
            ".rl-code .hljs-keyword",
            "[data-testid=stElementContainer] > [data-testid=stCode] .keyword",
        ),
        "code function": (
            ".rl-code .hljs-title",
            "[data-testid=stElementContainer] > [data-testid=stCode] .function",
        ),
        "code number": (
            ".rl-code .hljs-number",
            "[data-testid=stElementContainer] > [data-testid=stCode] .number",
        ),
        "json": (".rl-json", "[data-testid=stJson]"),
        "json key": (".rl-json-key", "[data-testid=stJson] .object-key"),
        "json number": (".rl-json-number", "[data-testid=stJson] .variable-value > div"),
        "json string": (".rl-json-string", "[data-testid=stJson] .string-value"),
        "caption": (".rl-caption p", "[data-testid=stCaptionContainer] p"),
        "divider": ("hr.rl-divider", "[data-testid=stMarkdownContainer] hr"),
        "badge": (".rl-badge", ".stMarkdownBadge"),
        "info": (".rl-alert-info", "[data-testid=stAlertContainer]"),
        "info text": (".rl-alert-info p", "[data-testid=stAlertContentInfo] p"),
        "success": (".rl-alert-success", "[data-testid=stAlertContainer]@1"),
        "success icon": (".rl-alert-success .rl-icon", "[data-testid=stAlertDynamicIcon]"),
        "success text": (".rl-alert-success p", "[data-testid=stAlertContentSuccess] p"),
        "warning": (".rl-alert-warning", "[data-testid=stAlertContainer]@2"),
        "warning text": (".rl-alert-warning p", "[data-testid=stAlertContentWarning] p"),
        "error": (".rl-alert-error", "[data-testid=stAlertContainer]@3"),
        "error text": (".rl-alert-error p", "[data-testid=stAlertContentError] p"),
    },
    "widgets": {
        "label": (".rl-text-input .rl-label .rl-markdown", "[data-testid=stTextInput] label p"),
        "text input": (".rl-text-input input", "[data-testid=stTextInputRootElement]"),
        "number input": (".rl-number", "[data-testid=stNumberInputContainer]"),
        "number step": (".rl-stepper", "[data-testid=stNumberInputStepDown]"),
        "date input": (".rl-date-input .rl-input", "[data-testid=stDateInputField]"),
        "time input": (".rl-time-input .rl-combo", "[data-testid=stTimeInputTimeDisplay]"),
        "text area": (".rl-textarea", "[data-testid=stTextAreaRootElement]"),
        "selectbox": (
            ".rl-selectbox .rl-combo",
            "[data-testid=stSelectbox] .react-aria-ComboBox > div",
        ),
        "multiselect": (
            ".rl-multiselect .rl-combo",
            "[data-testid=stMultiSelect] .react-aria-ComboBox > div",
        ),
        "chip": (".rl-chip", "[data-testid=stMultiSelectTagsContainer] > span > span"),
        "chip text": (
            ".rl-chip-text",
            "[data-testid=stMultiSelectTagsContainer] > span > span > span",
        ),
        "slider value": (".rl-slider-value", "[data-testid=stSliderThumbValue] p"),
        "slider tick": (".rl-slider-bounds span", "[data-testid=stSliderTickBar] p"),
        "checkbox label": (
            ".rl-checkbox .rl-label",
            "[data-testid=stCheckbox] [data-testid=stMarkdownContainer] p",
        ),
        "toggle label": (
            ".rl-toggle .rl-label",
            "[data-testid=stCheckbox] [data-testid=stMarkdownContainer] p@1",
        ),
        "radio option": (".rl-radio-option", "[data-testid=stRadioOption]"),
        "chosen radio": (".rl-radio-option input", "[data-testid=stRadioOption] > div > div"),
        "other radio": (".rl-radio-option input@1", "[data-testid=stRadioOption] > div > div@2"),
        "pill": (".rl-pills .rl-group-button", "[data-testid=stButtonGroup] button"),
        "segment": (
            ".rl-segmented-control .rl-group-button",
            "[data-testid=stButtonGroup] button@3",
        ),
        "feedback star": (".rl-feedback-button", "[data-testid=stFeedbackButton]"),
        "dropzone": (".rl-dropzone", "[data-testid=stFileUploaderDropzone]"),
        "page link": (".rl-page-link", "[data-testid=stPageLink-NavLink]"),
        "page link text": (".rl-page-link .rl-markdown", "[data-testid=stPageLink-NavLink] p"),
        "colour swatch": (".rl-color", "[data-testid=stColorPickerBlock]"),
    },
    "blocks": {
        "expander": (".rl-expander", "[data-testid=stExpander] details"),
        "expander summary": (".rl-expander summary", "[data-testid=stExpander] summary"),
        "expander label": (
            ".rl-expander summary .rl-markdown",
            "[data-testid=stExpander] summary p",
        ),
        "tab": (".rl-tab", "[data-testid=stTab]"),
        "tab label": (".rl-tab .rl-markdown", "[data-testid=stTab] p"),
        "other tab": (".rl-tab@1", "[data-testid=stTab]@1"),
        "tab panel": (".rl-tabpanel", "[data-testid=stTabPanel]"),
        "column": (".rl-column", "[data-testid=stColumn]"),
        "column 2": (".rl-column@1", "[data-testid=stColumn]@1"),
        "bordered container": (
            ".rl-main-block > .rl-vertical > .rl-bordered",
            "[data-testid=stLayoutWrapper] > [data-testid=stVerticalBlock]",
        ),
        "form": (".rl-form", "[data-testid=stForm]"),
        "status summary": (".rl-status summary", "[data-testid=stExpander] summary@2"),
        "chat message": (".rl-chat-message", "[data-testid=stChatMessage]"),
        "chat avatar": (".rl-avatar", "[data-testid=stChatMessageAvatarUser]"),
        "assistant avatar": (".rl-avatar@1", "[data-testid=stChatMessageAvatarAssistant]"),
        "table head cell": (".rl-dg-table th", "[data-testid=stTable] th"),
        "table cell": (".rl-dg-table td", "[data-testid=stTable] td"),
        "image caption": (".rl-image figcaption", "[data-testid=stImageCaption]"),
        "image caption text": (
            ".rl-image figcaption .rl-markdown",
            "[data-testid=stImageCaption] p",
        ),
        "progress label": (".rl-progress p", "[data-testid=stProgress] p"),
        "progress track": (".rl-progress-track", "[data-testid=stProgressBarTrack]"),
        "metric label": (".rl-metric-label", "[data-testid=stMetricLabel]"),
        "metric value": (".rl-metric-value", "[data-testid=stMetricValue]"),
        "metric delta": (".rl-metric-delta", "[data-testid=stMetricDelta]"),
        "metric inverse delta": (".rl-metric-delta@1", "[data-testid=stMetricDelta]@1"),
        "metric off delta": (".rl-metric-delta@2", "[data-testid=stMetricDelta]@2"),
        "bordered metric": (".rl-metric.rl-bordered", "[data-testid=stMetric]@1"),
        "chat input": (".rl-chat-input", "[data-testid=stChatInput] > div"),
        "chat send": (".rl-chat-send", "[data-testid=stChatInputSubmitButton]"),
        "chat input box": (".rl-chat-input textarea", "[data-testid=stChatInputTextArea]"),
    },
    "sidebar": {
        "sidebar": (".rl-sidebar", "[data-testid=stSidebar]"),
        "sidebar content": (
            ".rl-sidebar .rl-vertical",
            "[data-testid=stSidebarUserContent] [data-testid=stVerticalBlock]",
        ),
        "sidebar title": (".rl-sidebar h1 .rl-markdown", "[data-testid=stSidebar] h1 > span"),
        "sidebar text": (
            ".rl-sidebar .rl-markdown p",
            "[data-testid=stSidebar] [data-testid=stMarkdownContainer] > p",
        ),
        "sidebar input": (
            ".rl-sidebar input.rl-input",
            "[data-testid=stSidebar] [data-testid=stTextInputRootElement]",
        ),
        "sidebar button": (
            ".rl-sidebar .rl-button",
            "[data-testid=stSidebar] button[data-testid=stBaseButton-secondary]",
        ),
        "sidebar expander": (".rl-sidebar summary", "[data-testid=stSidebar] summary"),
        "sidebar header": (".rl-sidebar h2 .rl-markdown", "[data-testid=stSidebar] h2 > span"),
        "sidebar subheader": (".rl-sidebar h3 .rl-markdown", "[data-testid=stSidebar] h3 > span"),
        "sidebar caption": (
            ".rl-sidebar .rl-caption p",
            "[data-testid=stSidebar] [data-testid=stCaptionContainer] p",
        ),
        "sidebar metric value": (
            ".rl-sidebar .rl-metric-value",
            "[data-testid=stSidebar] [data-testid=stMetricValue]",
        ),
        "sidebar alert": (
            ".rl-sidebar .rl-alert",
            "[data-testid=stSidebar] [data-testid=stAlertContainer]",
        ),
    },
    "more": {
        "icon badge": (".rl-badge", ".stMarkdownBadge"),
        "exception": (".rl-exception", "[data-testid=stException] [data-testid=stAlertContainer]"),
        "exception name": (".rl-exception-type", "[data-testid=stExceptionMessage] span"),
        "status icon": (".rl-status-icon", "[data-testid=stExpanderIconError]"),
        "status label": (".rl-status summary .rl-markdown", "[data-testid=stExpander] summary p"),
        "chart metric": (".rl-metric", "[data-testid=stMetric]"),
        "metric chart": (".rl-metric-chart", "[data-testid=stMetricChart]"),
        "thumb": (".rl-feedback-button", "[data-testid=stFeedbackButton]"),
        "medium column": (".rl-column@1", "[data-testid=stColumn]@1"),
        "help icon": (".rl-date-input .rl-help", "[data-testid=stTooltipIcon]"),
        "form": (".rl-form", "[data-testid=stForm]"),
        "form checkbox": (".rl-form .rl-label", "[data-testid=stForm] [data-testid=stCheckbox] p"),
        "primary submit": (
            ".rl-form .rl-button-primary",
            "[data-testid=stBaseButton-primaryFormSubmit]",
        ),
        "spinner text": (".rl-spinner .rl-markdown", "[data-testid=stSpinner] p"),
        "toast": (".rl-toast", "[data-testid=stToast]"),
    },
    "nav": {
        "nav link": (".rl-nav-link.rl-current", "[data-testid=stSidebarNavLink]"),
        "nav link text": (".rl-nav-link.rl-current", "[data-testid=stSidebarNavLink] p"),
        "other nav link": (".rl-nav-link@1", "[data-testid=stSidebarNavLink] p@1"),
        "page content": (
            "[data-testid=stSidebarUserContent] > .rl-vertical",
            "[data-testid=stSidebarUserContent] [data-testid=stVerticalBlock]",
        ),
    },
}

# "app part property" -> why it still differs (also matched as "* part property").
_INLINE_HEADING = (
    "Streamlit's heading text is an inline span whose box is the face's content area"
    " (58 px for 44 px type); ours is one line box. The heading elements' boxes, and so"
    " every gap, match (the flow checks them)."
)
_SEMIBOLD = (
    "The bundled faces are regular and bold only (fonts stay as they are), so weight 600"
    " draws with the bold face, about 3 % wider than Streamlit's semibold."
)
_SLIDER_TEXT = (
    "Our thumb value and tick labels are 14 px text on their own short lines, placed so the"
    " text sits where Streamlit's does (tuned in 94b4756); Streamlit's boxes are 22.4 px lines."
)
_FADED = (
    "Streamlit fades captions, quotes and idle stars to 60 % of the body text (3.9:1 on"
    " white, under WCAG AA's 4.5:1); ours keep AA contrast, which the axe test checks."
)
_HELP_ICON = (
    "Our help mark is a 16 px ring around a '?' in the muted text colour; Streamlit's is a"
    " 16 px icon drawing. Same box, same place (the right end of the label row)."
)
_NAV_TEXT = (
    "Streamlit's link text is its own 19 px paragraph inside the 28 px link; ours is the"
    " link's own text, so its box is the link's. Size, weight and colour are compared."
)
_JSON_TEXT = (
    "Streamlit's viewer writes a key as separate quote and name spans on 22 px lines"
    " followed by ' : '; ours writes \"a\": on the row's 22 px line in one span."
    " Rows, indents and colours match."
)
_CAPTION_BOX = (
    "Streamlit's caption paragraph spans the caption box with its text centred; ours is"
    " the centred text's own box. The text sits at the same place."
)
KNOWN: dict[str, str] = {
    "text title h": _INLINE_HEADING,
    "text header h": _INLINE_HEADING,
    "text subheader h": _INLINE_HEADING,
    "sidebar sidebar title h": _INLINE_HEADING,
    "sidebar sidebar header h": _INLINE_HEADING,
    "sidebar sidebar header w": _SEMIBOLD,
    "sidebar sidebar caption color": _FADED,
    "text header w": _SEMIBOLD,
    "text subheader w": _SEMIBOLD,
    "sidebar sidebar title w": _SEMIBOLD,
    "text caption color": _FADED,
    "text blockquote color": _FADED,
    "widgets feedback star color": _FADED,
    "text code text w": (
        "Streamlit's code element carries 16 px of right padding inside the block; the"
        " text and the block are as wide as ours."
    ),
    "text json face": (
        "Streamlit's JSON box is set in the sans face but every key and value in it is"
        " monospace, as all of ours."
    ),
    "text json key w": _JSON_TEXT,
    "text json key h": _JSON_TEXT,
    "text json number x": _JSON_TEXT,
    "text json number h": _JSON_TEXT,
    "text json string x": _JSON_TEXT,
    "blocks image caption text color": _FADED,
    "blocks image caption color": (
        "Streamlit fades the paragraph inside its caption box, not the box (whose own"
        " colour is the body text's); the text is compared as image caption text."
    ),
    "blocks image caption text x": _CAPTION_BOX,
    "blocks image caption text w": _CAPTION_BOX,
    "text divider color": (
        "Streamlit's rule paints without a border or background colour of its own, so its"
        " computed colours say nothing; sampled from both screenshots the rule is the same"
        " colour (light 220,216,212 against our 219,215,211; dark 74,71,66 on both)."
    ),
    "text success icon h": (
        "Our icon box is the first line's 24 px height with the 18 px glyph centred in it;"
        " Streamlit's box is the glyph. The glyph and the text start at the same places."
    ),
    "widgets slider value h": _SLIDER_TEXT,
    "widgets slider tick h": _SLIDER_TEXT,
    "widgets slider value background": (
        "Streamlit draws the value label inside the thumb's element, so the colour behind"
        " it reads as the thumb's; on screen both labels sit on the page background."
    ),
    "widgets slider tick x": (
        "Streamlit's track, and its tick labels, are inset 6 px (half its thumb) from the"
        " column; ours span the column with the range input's own thumb inset."
    ),
    "widgets page link color": (
        "The anchor's own colour is the browser's link default on Streamlit's side; the"
        " text inside it (page link text) carries the colour, compared there."
    ),
    "widgets chosen radio background": (
        "Our chosen radio paints the primary colour and its white dot as one gradient,"
        " which a computed background colour does not show; the screenshots match."
    ),
    "widgets colour swatch color": (
        "Ours is the native colour input, which paints its swatch inside; Streamlit's is a"
        " div filled with the colour. Both show the colour in a 40 px square."
    ),
    "widgets colour swatch background": "As the swatch's colour: a native input against a filled div.",
    "blocks table head cell w": (
        "The browser shares a table's width between columns by content; the two tables"
        " split 704 px 346/357 against Streamlit's 354/349."
    ),
    "blocks table cell w": "As the head cells: the columns split the same width by content.",
    "more main[1] height": (
        "Streamlit adds a row of Copy / Ask Google / Ask ChatGPT links under an exception;"
        " rillet links to no outside site, so its exception box is one row shorter."
    ),
    "more exception h": "As the flow: no row of outside links under the exception.",
    "more exception name h": (
        "Our exception name is a bold span on the 24 px line of the message beside it;"
        " Streamlit's is a 21 px span. The text starts at the same place."
    ),
    "more thumb color": _FADED,
    "more help icon size": _HELP_ICON,
    "more help icon border": _HELP_ICON,
    "more help icon color": _HELP_ICON,
    "more help icon border colour": _HELP_ICON,
    "nav nav link text x": _NAV_TEXT,
    "nav nav link text w": _NAV_TEXT,
    "nav nav link text h": _NAV_TEXT,
    "nav other nav link x": _NAV_TEXT,
    "nav other nav link w": _NAV_TEXT,
    "nav other nav link h": _NAV_TEXT,
    "sidebar sidebar h": (
        "Our sidebar starts under the 48 px app header; Streamlit's spans the window and"
        " holds its own header. Its content starts at the same height (the flow checks it)."
    ),
}

# Colours are read as a person sees them: translucent backgrounds laid over
# what is behind them, text and borders faded by every ancestor's opacity.
READ = """([flow, parts]) => {
  const pick = (spec) => {
    const [sel, n] = spec.split('@');
    return [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length)[Number(n || 0)];
  };
  const parse = (c) => {
    const n = (c.match(/[\\d.]+/g) || []).map(Number);
    const scale = c.startsWith('color(') ? 255 : 1;
    return [n[0] * scale, n[1] * scale, n[2] * scale, n.length > 3 ? n[3] : 1];
  };
  const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3])).concat(1);
  const behind = (e) => {
    const layers = [];
    for (let a = e; a; a = a.parentElement) {
      const bg = parse(getComputedStyle(a).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    return layers.reduceRight((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const opacity = (e) => {
    let o = 1;
    for (let a = e; a; a = a.parentElement) o *= Number(getComputedStyle(a).opacity);
    return o;
  };
  const css = (rgb) => `rgb(${rgb.slice(0, 3).map(Math.round).join(', ')})`;
  const face = (s) => /mono|code/i.test(s.fontFamily.split(',')[0]) ? 'mono' : 'sans';
  const read = (e) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    const bg = behind(e);
    const faded = (c) => { const p = parse(c); p[3] *= opacity(e); return css(over(p, bg)); };
    const side = ['Top', 'Left', 'Bottom', 'Right'].find(
      k => parseFloat(s[`border${k}Width`]) && s[`border${k}Style`] !== 'none');
    return {x: r.x, y: r.y, w: r.width, h: r.height, size: parseFloat(s.fontSize),
      weight: Number(s.fontWeight), face: face(s), color: faded(s.color), background: css(bg),
      border: side ? parseFloat(s[`border${side}Width`]) : 0,
      'border colour': side ? faded(s[`border${side}Color`]) : 'none'};
  };
  const out = {flow: {}, parts: {}};
  for (const [where, sel] of Object.entries(flow)) {
    out.flow[where] = [...document.querySelectorAll(sel)]
      .filter(e => e.getBoundingClientRect().height > 0)
      .map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; });
  }
  for (const [name, spec] of Object.entries(parts)) {
    const e = pick(spec);
    out.parts[name] = e ? read(e) : null;
  }
  return out;
}"""


@pytest.fixture(scope="module")
def streamlit_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Streamlit serving each app in each theme: "app-theme" -> URL."""
    sources = {f"{app}-{base}": (source, base) for app, source in APPS.items() for base in THEMES}
    with streamlit_serving(tmp_path_factory.mktemp("streamlit_more"), sources) as urls:
        yield urls


def measure(page: Any, url: str, side: str, app: str, shot: str) -> dict[str, Any]:
    """The flow and the parts of ``app`` as ``side`` ("rillet" or "streamlit") draws it at ``url``."""
    page.set_viewport_size(VIEWPORT)
    page.goto(url)
    ready = page.get_by_text("ready", exact=True)
    try:
        ready.wait_for(timeout=30_000)
    except Exception:  # a first load lost under a busy machine: load the page once more
        page.reload()
        ready.wait_for(timeout=60_000)
    if side == "streamlit":
        page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')")
    else:  # markdown shows as plain text until its lazy chunk has loaded
        page.wait_for_function("() => !document.querySelector('.rl-markdown-plain')")
    page.wait_for_timeout(700)  # fonts, icons and late layout settle
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"more-{shot}-{side}.png"), full_page=True)
    index = 0 if side == "rillet" else 1
    parts = {name: pair[index] for name, pair in PARTS[app].items()}
    return dict(page.evaluate(READ, [FLOW[side], parts]))


def _flow_differences(app: str, ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """Heights, gaps, left edges and widths of the top-level elements, pairwise."""
    problems: list[str] = []
    for where in ("main", "sidebar"):
        mine, other = ours[where], theirs[where]
        if len(mine) != len(other):
            problems.append(f"{app} {where}: {len(mine)} elements; Streamlit's has {len(other)}")
            continue
        for index, ((x, y, w, h), (tx, ty, tw, th)) in enumerate(zip(mine, other, strict=True)):
            checks = {"height": (h, th), "left": (x, tx)}
            if tw > 0.9 * max(box[2] for box in other):  # Streamlit's box spans the column
                checks["width"] = (w, tw)
            if index:
                checks["gap above"] = (
                    y - sum(mine[index - 1][1::2]),
                    ty - sum(other[index - 1][1::2]),
                )
            for what, (a, b) in checks.items():
                key = f"{app} {where}[{index}] {what}"
                if abs(a - b) > PX and not _known(key):
                    problems.append(f"{key}: {a:.1f} px; Streamlit's {b:.1f}")
    return problems


def _known(key: str) -> bool:
    _, rest = key.split(" ", 1)
    return key in KNOWN or f"* {rest}" in KNOWN


def _part_differences(
    app: str, ours: dict[str, Any], theirs: dict[str, Any], left: tuple[float, float]
) -> list[str]:
    problems: list[str] = []
    for name in PARTS[app]:
        mine, other = ours[name], theirs[name]
        if other is None:
            problems.append(f"{app} {name}: Streamlit's selector found nothing (the test is stale)")
            continue
        if mine is None:
            problems.append(f"{app} {name}: not found in our page")
            continue
        mine = {**mine, "x": mine["x"] - left[0]}
        other = {**other, "x": other["x"] - left[1]}
        for prop in ("x", "w", "h", "size"):
            if abs(mine[prop] - other[prop]) > PX and not _known(f"{app} {name} {prop}"):
                problems.append(
                    f"{app} {name} {prop}: {mine[prop]:.1f}; Streamlit's {other[prop]:.1f}"
                )
        for prop in ("weight", "face", "border"):
            if mine[prop] != other[prop] and not _known(f"{app} {name} {prop}"):
                problems.append(f"{app} {name} {prop}: {mine[prop]}; Streamlit's {other[prop]}")
        for prop in ("color", "background", "border colour"):
            a, b = mine[prop], other[prop]
            far = (a == "none") != (b == "none") or (
                a != "none"
                and max(abs(p - q) for p, q in zip(_rgb(a), _rgb(b), strict=True)) > COLOUR
            )
            if far and not _known(f"{app} {name} {prop}"):
                problems.append(f"{app} {name} {prop}: {a}; Streamlit's {b}")
    return problems


@pytest.mark.parametrize("base", THEMES)
@pytest.mark.parametrize("app", list(APPS))
def test_elements_match_streamlits_geometry_type_and_colours(
    app: str, base: str, streamlit_pages: dict[str, str], serve: Any, page: Any
) -> None:
    theirs = measure(page, streamlit_pages[f"{app}-{base}"], "streamlit", app, f"{app}-{base}")
    served = serve(
        APPS[app].replace("import streamlit as st", "import rillet as st"), theme__base=base
    )
    ours = measure(page, served.url, "rillet", app, f"{app}-{base}")
    left = (ours["flow"]["main"][0][0], theirs["flow"]["main"][0][0])
    problems = _flow_differences(app, ours["flow"], theirs["flow"]) if base == "light" else []
    problems += _part_differences(app, ours["parts"], theirs["parts"], left)
    assert problems == [], "\n".join(problems)


def test_known_differences_name_a_compared_part() -> None:
    names = {f"{app} {part}" for app, parts in PARTS.items() for part in parts}
    parts = {name.split(" ", 1)[1] for name in names}
    for key in KNOWN:
        app, rest = key.split(" ", 1)
        subject = re.sub(
            r" (x|w|h|size|weight|face|border|color|background|border colour)$", "", rest
        )
        assert (app == "*" and subject in parts) or f"{app} {subject}" in names or "[" in rest, key
