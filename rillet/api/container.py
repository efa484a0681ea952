"""Containers: every place on the page that ``st.*`` commands can write to.

``st.sidebar``, a column, a tab, a form, an ``st.empty()`` slot and the
handle each element command returns are all :class:`Container` objects.
They expose the ``st.*`` commands through the one table below: each entry
binds a plain command function to the container, so ``col.button(...)``
behaves exactly like ``st.button(...)`` written inside ``with col:``.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from rillet.api import alerts as _alerts
from rillet.api import buttons as _buttons
from rillet.api import choices as _choices
from rillet.api import data as _data
from rillet.api import layout as _layout
from rillet.api import pages as _pages
from rillet.api import status as _status
from rillet.api import text as _text
from rillet.api import text_inputs as _text_inputs
from rillet.api import write as _write
from rillet.api._command import command, lazy_module
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import SIDEBAR, Target
from rillet.runtime.interrupts import ScriptInterrupt

# The commands few apps use load on first use, to keep `import rillet` small.
if TYPE_CHECKING:
    from rillet.api import badges as _badges
    from rillet.api import button_groups as _button_groups
    from rillet.api import charts_builtin as _charts_builtin
    from rillet.api import charts_deck as _charts_deck
    from rillet.api import charts_diagrams as _charts_diagrams
    from rillet.api import charts_echarts as _charts_echarts
    from rillet.api import charts_plotly as _charts_plotly
    from rillet.api import charts_pyplot as _charts_pyplot
    from rillet.api import charts_vega as _charts_vega
    from rillet.api import chat as _chat
    from rillet.api import data_editor as _data_editor
    from rillet.api import dates as _dates
    from rillet.api import datetime_input as _datetime_input
    from rillet.api import feedback as _feedback
    from rillet.api import files as _files
    from rillet.api import frames as _frames
    from rillet.api import grid as _grid
    from rillet.api import help as _help
    from rillet.api import html as _html
    from rillet.api import media as _media
    from rillet.api import menus as _menus
    from rillet.api import numbers as _numbers
    from rillet.api import pagination as _pagination
    from rillet.api import paths as _paths
    from rillet.api import pdf as _pdf
    from rillet.api import placeholders as _placeholders
    from rillet.api import sliders as _sliders
    from rillet.api import tables as _tables
else:
    _chat = lazy_module("rillet.api.chat")
    _dates = lazy_module("rillet.api.dates")
    _files = lazy_module("rillet.api.files")
    _html = lazy_module("rillet.api.html")
    _media = lazy_module("rillet.api.media")
    _numbers = lazy_module("rillet.api.numbers")
    _sliders = lazy_module("rillet.api.sliders")
    _tables = lazy_module("rillet.api.tables")
    _badges = lazy_module("rillet.api.badges")
    _button_groups = lazy_module("rillet.api.button_groups")
    _charts_builtin = lazy_module("rillet.api.charts_builtin")
    _charts_deck = lazy_module("rillet.api.charts_deck")
    _charts_diagrams = lazy_module("rillet.api.charts_diagrams")
    _charts_echarts = lazy_module("rillet.api.charts_echarts")
    _charts_plotly = lazy_module("rillet.api.charts_plotly")
    _charts_pyplot = lazy_module("rillet.api.charts_pyplot")
    _charts_vega = lazy_module("rillet.api.charts_vega")
    _data_editor = lazy_module("rillet.api.data_editor")
    _datetime_input = lazy_module("rillet.api.datetime_input")
    _feedback = lazy_module("rillet.api.feedback")
    _frames = lazy_module("rillet.api.frames")
    _grid = lazy_module("rillet.api.grid")
    _help = lazy_module("rillet.api.help")
    _menus = lazy_module("rillet.api.menus")
    _pagination = lazy_module("rillet.api.pagination")
    _paths = lazy_module("rillet.api.paths")
    _pdf = lazy_module("rillet.api.pdf")
    _placeholders = lazy_module("rillet.api.placeholders")


class Container:
    """A place on the page; use it with ``with`` or call commands on it.

    Example:
        >>> import rillet as st
        >>> col1, col2 = st.columns(2)
        >>> col1.button("Left")
        >>> with col2:
        ...     st.write("Right")
    """

    def __init__(self, target: Target) -> None:
        self._target = target

    def __enter__(self) -> Container:
        context.get().targets.append(self._target)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        targets = context.get().targets
        if len(targets) > 1 and targets[-1] == self._target:
            targets.pop()

    def __repr__(self) -> str:
        return f"Container(path={list(self._target.path)})"

    # -- the command table ------------------------------------------------
    # text
    markdown = command(_text.markdown)
    title = command(_text.title)
    header = command(_text.header)
    subheader = command(_text.subheader)
    caption = command(_text.caption)
    text = command(_text.text)
    code = command(_text.code)
    latex = command(_text.latex)
    divider = command(_text.divider)
    write = command(_write.write_on_handle)
    help = command(_help.help)
    # data
    json = command(_data.json)
    metric = command(_data.metric)
    dataframe = command(_tables.dataframe)
    data_editor = command(_data_editor.data_editor)
    table = command(_tables.table)
    html = command(_html.html)
    iframe = command(_frames.iframe)
    # media
    image = command(_media.image)
    audio = command(_media.audio)
    video = command(_media.video)
    pdf = command(_pdf.pdf)
    # library charts
    plotly_chart = command(_charts_plotly.plotly_chart)
    pyplot = command(_charts_pyplot.pyplot)
    graphviz_chart = command(_charts_diagrams.graphviz_chart)
    mermaid_chart = command(_charts_diagrams.mermaid_chart)
    pydeck_chart = command(_charts_deck.pydeck_chart)
    map = command(_charts_deck.map)
    echarts_chart = command(_charts_echarts.echarts_chart)
    # Vega-Lite charts
    line_chart = command(_charts_builtin.line_chart)
    area_chart = command(_charts_builtin.area_chart)
    bar_chart = command(_charts_builtin.bar_chart)
    scatter_chart = command(_charts_builtin.scatter_chart)
    altair_chart = command(_charts_vega.altair_chart)
    vega_lite_chart = command(_charts_vega.vega_lite_chart)
    # status
    progress = command(_status.progress)
    spinner = command(_status.spinner)
    toast = command(_status.toast)
    balloons = command(_status.balloons)
    snow = command(_status.snow)
    status = command(_status.status)
    # chat
    chat_message = command(_chat.chat_message)
    chat_input = command(_chat.chat_input)
    write_stream = command(_chat.write_stream)
    # callouts
    success = command(_alerts.success)
    info = command(_alerts.info)
    warning = command(_alerts.warning)
    error = command(_alerts.error)
    exception = command(_alerts.exception)
    # layout
    container = command(_layout.container)
    columns = command(_layout.columns)
    expander = command(_layout.expander)
    tabs = command(_layout.tabs)
    popover = command(_layout.popover)
    empty = command(_layout.empty)
    grid = command(_grid.grid)
    space = command(_placeholders.space)
    skeleton = command(_placeholders.skeleton)
    form = command(_layout.form)
    # navigation
    page_link = command(_pages.page_link)
    # widgets
    button = command(_buttons.button)
    form_submit_button = command(_buttons.form_submit_button)
    checkbox = command(_choices.checkbox)
    toggle = command(_choices.toggle)
    radio = command(_choices.radio)
    selectbox = command(_choices.selectbox)
    multiselect = command(_choices.multiselect)
    slider = command(_sliders.slider)
    select_slider = command(_sliders.select_slider)
    text_input = command(_text_inputs.text_input)
    text_area = command(_text_inputs.text_area)
    color_picker = command(_text_inputs.color_picker)
    number_input = command(_numbers.number_input)
    date_input = command(_dates.date_input)
    time_input = command(_dates.time_input)
    datetime_input = command(_datetime_input.datetime_input)
    file_uploader = command(_files.file_uploader)
    camera_input = command(_files.camera_input)
    audio_input = command(_files.audio_input)
    download_button = command(_files.download_button)
    link_button = command(_buttons.link_button)
    path_input = command(_paths.path_input)
    pills = command(_button_groups.pills)
    segmented_control = command(_button_groups.segmented_control)
    feedback = command(_feedback.feedback)
    menu_button = command(_menus.menu_button)
    pagination = command(_pagination.pagination)
    badge = command(_badges.badge)


class OpenableContainer(Container):
    """A tab, expander or popover; ``open`` tells whether the user has it open.

    ``open`` is ``None`` unless the container tracks its state
    (``on_change="rerun"``, a callback, or ``bind``): then the script can
    skip work for what the user does not see.

    Example:
        >>> import rillet as st
        >>> details = st.expander("Details", key="details", on_change="rerun")
        >>> if details.open:
        ...     details.write("Only computed while open.")
    """

    def __init__(self, target: Target, open: bool | None = None) -> None:
        super().__init__(target)
        self.open = open


class StatusContainer(Container):
    """What ``st.status`` returns: a container whose label, state and openness can change.

    Used with ``with``, it turns ``"complete"`` (collapsed) when the block
    ends, or ``"error"`` when an exception leaves it, unless the state was
    set meanwhile.

    Example:
        >>> import rillet as st
        >>> with st.status("Downloading data...") as status:
        ...     st.write("Found the file.")
        ...     status.update(label="Download complete", expanded=False)
    """

    def __init__(self, target: Target, block: pb.Block, owner_fragment: str) -> None:
        super().__init__(target)
        self._block = block
        self._owner_fragment = owner_fragment

    def update(
        self,
        *,
        label: str | None = None,
        expanded: bool | None = None,
        state: _status.StatusState | None = None,
    ) -> None:
        """Change what the status shows; a label or state left as ``None`` keeps its value.

        As in Streamlit 1.67, an update that does not say ``expanded`` collapses it.
        """
        expander = self._block.expander
        if label is not None:
            expander.label = _status.status_label(label)
        expander.expanded = bool(expanded)
        if state is not None:
            expander.state = _status.status_state(state, "status(...).update")
        # The same block at the same path: the page keeps its children.
        delta = pb.Delta(path=self._target.path, fragment_id=self._owner_fragment)
        delta.add_block.CopyFrom(self._block)
        context.get().send(pb.ForwardMsg(delta=delta))

    def __enter__(self) -> StatusContainer:
        super().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        super().__exit__(exc_type, exc, tb)
        if self._block.expander.state != "running" or isinstance(exc, ScriptInterrupt):
            return
        self.update(state="error" if exc is not None else "complete", expanded=False)


DeltaGenerator = Container
sidebar = Container(Target((SIDEBAR,)))
