"""st.path_input and st.desktop.*: paths reach the script from the desktop window only."""

from __future__ import annotations

import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.interrupts import RerunData
from rillet.runtime.outbox import Outbox
from rillet.runtime.session import Session
from rillet.testing import AppTest
from tests.conftest import local_session

Status = pb.ScriptFinished.Status

SHOW_PATH = """
import rillet as st
p = st.path_input("Data", key="data", file_types=["csv"], default="/srv/default.csv")
st.write(repr(p))
"""


def _app(source: str, *, desktop: bool) -> AppTest:
    at = AppTest.from_string(source)
    at._session.desktop = desktop
    return at.run()


# -- st.path_input -------------------------------------------------------------


def test_path_input_returns_its_default_as_a_path() -> None:
    at = _app(SHOW_PATH, desktop=False)
    widget = at.path_input[0]
    assert widget.value == Path("/srv/default.csv")
    assert (widget.mode, widget.file_types) == ("file", [".csv"])
    assert at.markdown.values == [repr(Path("/srv/default.csv"))]


def test_a_browser_session_cannot_set_a_path(tmp_path: Path) -> None:
    at = _app(SHOW_PATH, desktop=False)
    at.path_input[0].set_value(str(tmp_path / "secret.txt")).run()
    assert at.markdown.values == [repr(Path("/srv/default.csv"))]
    assert at.session_state["data"] == Path("/srv/default.csv")


def test_a_desktop_session_gets_the_chosen_path(tmp_path: Path) -> None:
    at = _app(SHOW_PATH, desktop=True)
    at.path_input[0].set_value(str(tmp_path / "chosen.csv")).run()
    assert at.markdown.values == [repr(tmp_path / "chosen.csv")]


def test_a_cleared_path_input_gives_none(tmp_path: Path) -> None:
    at = _app(SHOW_PATH, desktop=True)
    at.path_input[0].set_value(str(tmp_path / "chosen.csv")).run()
    at.path_input[0].set_value(None).run()  # the window's clear button sends no paths
    assert at.markdown.values == ["None"]
    assert at.session_state["data"] is None


def test_a_relative_path_is_refused_even_from_the_desktop() -> None:
    at = _app(SHOW_PATH, desktop=True)
    at.path_input[0].set_value("../../etc/passwd").run()
    assert at.markdown.values == [repr(Path("/srv/default.csv"))]


def test_files_mode_gives_a_list_and_folder_mode_one_folder(tmp_path: Path) -> None:
    at = _app(
        """
        import rillet as st
        st.write(repr(st.path_input("Photos", mode="files")))
        st.write(repr(st.path_input("Out", mode="folder")))
        """,
        desktop=True,
    )
    assert at.markdown.values == ["[]", "None"]
    at.path_input[0].set_value([str(tmp_path / "a.png"), str(tmp_path / "b.png")])
    at.path_input[1].set_value(str(tmp_path)).run()
    assert at.markdown.values == [
        repr([tmp_path / "a.png", tmp_path / "b.png"]),
        repr(tmp_path),
    ]
    assert [w.mode for w in at.path_input] == ["files", "folder"]


def test_save_mode_suggests_the_defaults_file_name() -> None:
    at = _app(
        'import rillet as st\nst.path_input("Export", mode="save", default="~/out/report.csv")\n',
        desktop=False,
    )
    assert at.path_input[0].proto.kind == "save_file"
    assert at.path_input[0].proto.default_name == "report.csv"
    assert at.path_input[0].value == Path("~/out/report.csv").expanduser()


def test_the_script_may_set_a_path_through_session_state() -> None:
    at = _app(
        """
        import rillet as st
        if "out" not in st.session_state:
            st.session_state.out = "/data/out"
        st.write(repr(st.path_input("Out", mode="folder", key="out")))
        """,
        desktop=False,
    )
    assert at.markdown.values == [repr(Path("/data/out"))]
    at.run()  # the browser's echo of that value is no change
    assert at.markdown.values == [repr(Path("/data/out"))]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.path_input("P", mode="dir")', "`mode` must be 'file', 'files', 'folder' or 'save'"),
        ('st.path_input("P", mode="folder", file_types="csv")', "`file_types` must be None"),
        ('st.path_input("P", file_types=["*.csv"])', "`file_types` must be a file extension"),
        ('st.path_input("P", default=3)', "`default` must be a path"),
        ('st.path_input("P", mode="files", default=[1])', "`default` must be a list of paths"),
    ],
)
def test_path_input_names_a_bad_argument(call: str, message: str) -> None:
    at = _app(f"import rillet as st\n{call}\n", desktop=False)
    assert message in at.exception[0].message


# -- st.desktop.* outside the window -------------------------------------------


@pytest.mark.parametrize("function", ["open_file", "open_files", "open_folder", "save_file"])
def test_dialogs_outside_the_desktop_window_say_what_to_use(function: str) -> None:
    at = _app(f"import rillet as st\nst.desktop.{function}()\n", desktop=False)
    message = at.exception[0].message
    assert f"st.desktop.{function}()" in message
    assert "rillet desktop" in message
    assert "st.file_uploader" in message and "st.download_button" in message


# -- st.desktop.* in a desktop session -----------------------------------------


class DesktopClient:
    """A desktop session whose client is a list of messages; it answers dialog requests."""

    def __init__(self, script: Path) -> None:
        self.msgs: list[pb.ForwardMsg] = []
        self.requested = threading.Condition()
        self.session = local_session(script, self._deliver, desktop=True)

    def _deliver(self, msgs: list[pb.ForwardMsg]) -> None:
        with self.requested:
            self.msgs.extend(msgs)
            self.requested.notify_all()

    def run(self) -> None:
        self.session.request_rerun(RerunData(widget_states=pb.WidgetStates()))

    def next_request(self, after: int = 0) -> pb.DesktopRequest:
        with self.requested:
            assert self.requested.wait_for(lambda: len(self.requests()) > after, 5)
            return self.requests()[after]

    def requests(self) -> list[pb.DesktopRequest]:
        return [m.desktop_request for m in self.msgs if m.HasField("desktop_request")]

    def answer(self, request: pb.DesktopRequest, *paths: str) -> None:
        response = pb.DesktopResponse(
            request_id=request.request_id, paths=paths, cancelled=not paths
        )
        self.session.handle_back_msg(pb.BackMsg(desktop_response=response).SerializeToString())

    def wait(self) -> None:
        assert self.session.runner.wait_idle(5), "the run did not finish"

    def bodies(self) -> list[str]:
        return [
            m.delta.new_element.markdown.body
            for m in self.msgs
            if m.HasField("delta") and m.delta.new_element.HasField("markdown")
        ]

    def statuses(self) -> list[int]:
        return [m.script_finished.status for m in self.msgs if m.HasField("script_finished")]


@pytest.fixture
def desktop_client(tmp_path: Path) -> Iterator[Callable[[str], DesktopClient]]:
    made: list[DesktopClient] = []

    def make(source: str) -> DesktopClient:
        script = tmp_path / "app.py"
        script.write_text(textwrap.dedent(source), encoding="utf-8")
        made.append(DesktopClient(script))
        return made[-1]

    yield make
    for client in made:
        client.session.close()


def test_open_file_sends_a_request_and_returns_the_answered_path(
    desktop_client: Callable[[str], DesktopClient], tmp_path: Path
) -> None:
    client = desktop_client(
        """
        import rillet as st
        st.write(repr(st.desktop.open_file(title="Pick data", file_types=["CSV", ".tsv"])))
        """
    )
    client.run()
    request = client.next_request()
    assert (request.kind, request.title, list(request.file_types)) == (
        "open_file",
        "Pick data",
        [".csv", ".tsv"],
    )
    client.answer(request, str(tmp_path / "data.csv"))
    client.wait()
    assert client.bodies() == [repr(tmp_path / "data.csv")]
    assert [r.cancel for r in client.requests()] == [False]  # answered: nothing to withdraw


def test_each_dialog_kind_returns_its_shape(
    desktop_client: Callable[[str], DesktopClient], tmp_path: Path
) -> None:
    client = desktop_client(
        """
        import rillet as st
        st.write(repr(st.desktop.open_files()))
        st.write(repr(st.desktop.open_folder()))
        st.write(repr(st.desktop.save_file(default_name="report.csv")))
        """
    )
    client.run()
    files = client.next_request(0)
    client.answer(files, str(tmp_path / "a"), str(tmp_path / "b"))
    folder = client.next_request(1)
    client.answer(folder)  # cancelled
    save = client.next_request(2)
    assert (files.kind, folder.kind, save.kind, save.default_name) == (
        "open_files",
        "open_folder",
        "save_file",
        "report.csv",
    )
    client.answer(save, str(tmp_path / "report.csv"))
    client.wait()
    assert client.bodies() == [
        repr([tmp_path / "a", tmp_path / "b"]),
        "None",
        repr(tmp_path / "report.csv"),
    ]


def test_a_rerun_ends_the_wait_and_a_late_answer_is_dropped(
    desktop_client: Callable[[str], DesktopClient], tmp_path: Path
) -> None:
    client = desktop_client(
        """
        import rillet as st
        if "runs" not in st.session_state:
            st.session_state.runs = 0
        st.session_state.runs += 1
        if st.session_state.runs == 1:
            st.desktop.open_file()
            st.write("never")
        st.write(f"run {st.session_state.runs}")
        """
    )
    client.run()
    first = client.next_request()
    started = time.monotonic()
    client.run()
    client.wait()
    assert time.monotonic() - started < 2
    assert client.statuses() == [Status.RERUN, Status.SUCCESS]
    assert client.bodies() == ["run 2"]
    withdrawn = client.requests()[1]  # the window closes the dialog still open
    assert (withdrawn.request_id, withdrawn.cancel) == (first.request_id, True)
    client.answer(first, str(tmp_path / "late.csv"))  # nobody waits: no error, no run
    assert client.statuses() == [Status.RERUN, Status.SUCCESS]


def test_a_stop_request_ends_the_wait(desktop_client: Callable[[str], DesktopClient]) -> None:
    client = desktop_client("import rillet as st\nst.desktop.open_folder()\nst.write('never')\n")
    client.run()
    client.next_request()
    client.session.handle_back_msg(pb.BackMsg(stop=True).SerializeToString())
    client.wait()
    assert client.statuses() == [Status.STOPPED]
    asked, withdrawn = client.requests()
    assert (withdrawn.request_id, withdrawn.cancel) == (asked.request_id, True)


def test_closing_the_session_ends_the_wait(desktop_client: Callable[[str], DesktopClient]) -> None:
    client = desktop_client("import rillet as st\nst.desktop.open_file()\n")
    client.run()
    client.next_request()
    runner = client.session.runner
    assert runner.running
    started = time.monotonic()
    client.session.close()  # waits for the run to end (up to a second)
    assert not runner.running
    assert time.monotonic() - started < 1


def test_an_answer_for_another_session_wakes_nobody(
    desktop_client: Callable[[str], DesktopClient], tmp_path: Path
) -> None:
    one = desktop_client("import rillet as st\nst.write(repr(st.desktop.open_file()))\n")
    other = Session(one.session.app, Outbox(lambda msgs: None), desktop=True)
    one.run()
    request = one.next_request()
    stolen = pb.DesktopResponse(request_id=request.request_id, paths=[str(tmp_path / "x")])
    other.handle_back_msg(pb.BackMsg(desktop_response=stolen).SerializeToString())
    time.sleep(0.2)
    assert one.statuses() == []
    one.answer(request, str(tmp_path / "mine"))
    one.wait()
    assert one.bodies() == [repr(tmp_path / "mine")]
    other.close()
