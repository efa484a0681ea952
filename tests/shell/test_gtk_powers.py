"""Desktop powers in real windows under Xvfb: the camera for the app's own page, downloads through
the native save dialog, and files dragged from another program (WebKitGTK; the camera on Qt too).

What is real and what stands in, per test:

- camera: the webview's own test devices (WebKitGTK's ``enable-mock-capture-devices``,
  Chromium's ``--use-fake-device-for-media-stream``); the permission request, the shell's
  decision and the page's ``getUserMedia`` answer are the real ones.
- downloads: pywebview's own GTK download handler opens the real ``GtkFileChooserDialog``;
  the test only fills in the dialog's folder and name and presses Save, from a timer in the
  app's process, as a user would.
- drops: a second X client (a small GTK program offering the files as a file manager does:
  ``text/uri-list``, ``UTF8_STRING``, ``text/plain``) is dragged onto the window with real
  pointer events from the X server's XTEST extension: press on the program, move over the
  window's drop target, release. The XDND protocol, WebKitGTK's drop, the shell's drop
  record and the page's claim are the real ones. WebKitGTK 2.50 hands the page's drop
  event no files for such a drop (types ``text/uri-list`` and ``text/html``, 0 files,
  ``getData('text/uri-list')`` empty), so pywebview's ``pywebviewFullPath``, matched by the
  DOM files' names, has nothing to match: the shell reads the drop's URIs on the WebView
  widget itself (``gtk_hooks``) and the page's drop target claims them.
"""

from __future__ import annotations

import ctypes
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.desktop

LaunchGtk = Callable[..., Any]

# `rillet desktop` whose WebKitGTK view has the engine's test cameras and microphones.
GTK_MOCK_DEVICES = """
import sys
from rillet_shell import gtk_hooks

attach = gtk_hooks.GtkWindow.attach

def attach_with_test_devices(self):
    attach(self)
    self.view.webview.get_settings().set_property("enable-mock-capture-devices", True)

gtk_hooks.GtkWindow.attach = attach_with_test_devices
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""

CAMERA_JS = """(async () => {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({video: true, audio: true});
    const kinds = stream.getTracks().map((t) => t.kind).sort().join(',');
    stream.getTracks().forEach((t) => t.stop());
    window.__camera = 'granted:' + kinds;
  } catch (error) {
    window.__camera = 'refused:' + error.name;
  }
})(); true"""

NOTIFICATION_JS = """(async () => {
  window.__notify = await Notification.requestPermission();
})(); true"""


def _page_value(page: Any, name: str, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.eval(f"window.{name} === undefined ? null : window.{name}")
        if value is not None:
            return value
        time.sleep(0.05)
    raise AssertionError(f"the page never set {name}")


def test_gtk_window_gives_the_apps_page_its_camera_and_refuses_notifications(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path]
) -> None:
    app = launch_gtk(
        str(write_app("import rillet as st\nst.write('ready')\n")),
        command=["-c", GTK_MOCK_DEVICES],
    )
    page = app.wait_text("ready")
    page.eval(CAMERA_JS)
    assert _page_value(page, "__camera") == "granted:audio,video"
    page.eval(NOTIFICATION_JS)
    assert _page_value(page, "__notify") == "denied"
    assert "granted UserMediaPermissionRequest for http://127.0.0.1:" in app.log_text()


def test_qt_window_gives_the_apps_page_its_camera(
    launch: Callable[..., Any], write_app: Callable[[str], Path], desktop_env: dict[str, str]
) -> None:
    flags = desktop_env["QTWEBENGINE_CHROMIUM_FLAGS"] + " --use-fake-device-for-media-stream"
    app = launch(
        str(write_app("import rillet as st\nst.write('ready')\n")),
        env={**desktop_env, "QTWEBENGINE_CHROMIUM_FLAGS": flags},
    )
    page = app.wait_text("ready")
    page.eval(CAMERA_JS)
    assert _page_value(page, "__camera") == "granted:audio,video"


# `rillet desktop` unchanged, plus a user at the keyboard: when pywebview's GTK
# save dialog opens, fill in $SAVE_FOLDER and $SAVE_NAME and press its Save
# button; note the name the dialog suggested in $SAVE_LOG.
GTK_SAVE_AS_USER = """
import os, sys
from rillet_shell import gtk_hooks

attach = gtk_hooks.GtkWindow.attach

def attach_with_a_user(self):
    attach(self)
    from gi.repository import GLib, Gtk

    def answer(dialog):
        dialog.set_current_folder(os.environ["SAVE_FOLDER"])
        dialog.set_current_name(os.environ["SAVE_NAME"])
        dialog.response(Gtk.ResponseType.OK)
        return False

    def look():
        for window in Gtk.Window.list_toplevels():
            if isinstance(window, Gtk.FileChooserDialog) and window.get_visible():
                if not getattr(window, "_answered", False):
                    window._answered = True
                    with open(os.environ["SAVE_LOG"], "a") as log:
                        log.write(f"{window.get_title()}|{window.get_current_name()}\\n")
                    GLib.timeout_add(300, answer, window)
        return True

    GLib.timeout_add(100, look)

gtk_hooks.GtkWindow.attach = attach_with_a_user
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""


def test_gtk_window_saves_a_download_where_the_native_save_dialog_says(
    launch_gtk: LaunchGtk,
    write_app: Callable[[str], Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    log = tmp_path / "save-dialog.txt"
    env = {
        **desktop_env,
        "SAVE_FOLDER": str(folder),
        "SAVE_NAME": "scores-copy.csv",
        "SAVE_LOG": str(log),
    }
    source = (
        "import rillet as st\n"
        "st.download_button('Download', 'name,score\\nAda,10\\n', file_name='scores.csv')\n"
    )
    app = launch_gtk(str(write_app(source)), env=env, command=["-c", GTK_SAVE_AS_USER])
    app.wait_text("Download")
    app.click("Download")
    target = folder / "scores-copy.csv"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (
        target.exists() and target.read_text() == "name,score\nAda,10\n"
    ):
        time.sleep(0.1)
    assert target.read_text() == "name,score\nAda,10\n", app.output()
    # The dialog was the save dialog, and it suggested the download's own name.
    assert log.read_text().splitlines() == ["Save file|scores.csv"]
    assert list(folder.iterdir()) == [target]


# -- a real drop from another X client ----------------------------------------

# A stand-in for a file manager: one window at $X,$Y offering $PATHS as a file
# manager does; prints "ready" once it is on screen.
FILE_MANAGER = """
import os, sys, urllib.parse
import gi
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk

paths = sys.argv[1:]
uris = [urllib.parse.urljoin("file:", urllib.parse.quote(p)) for p in paths]
window = Gtk.Window(title="files")
window.set_default_size(160, 120)
window.move(int(os.environ["X"]), int(os.environ["Y"]))
box = Gtk.EventBox()
box.add(Gtk.Label(label="drag me"))
window.add(box)
targets = [Gtk.TargetEntry.new(t, 0, i)
           for i, t in enumerate(("text/uri-list", "UTF8_STRING", "text/plain"))]
box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, targets, Gdk.DragAction.COPY)

def give(widget, context, data, info, when):
    if info == 0:
        data.set_uris(uris)
    else:
        data.set_text("\\r\\n".join(uris) + "\\r\\n", -1)

box.connect("drag-data-get", give)
window.connect("destroy", Gtk.main_quit)
window.connect("map-event", lambda *_: print("ready", flush=True))
window.show_all()
Gtk.main()
"""


class Pointer:
    """The X server's pointer, moved and clicked through XTEST (as real input devices are)."""

    def __init__(self, display: str) -> None:
        try:
            self.x11 = ctypes.CDLL("libX11.so.6")
            self.xtst = ctypes.CDLL("libXtst.so.6")
        except OSError as error:
            pytest.skip(f"no libX11/libXtst to drive the pointer: {error}")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                                   ctypes.c_int, ctypes.c_ulong]  # fmt: skip
        self.xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                   ctypes.c_ulong]  # fmt: skip
        self.display = self.x11.XOpenDisplay(display.encode())
        if not self.display:
            pytest.skip(f"cannot open display {display}")

    def move(self, x: int, y: int) -> None:
        self.xtst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
        self.x11.XFlush(self.display)

    def button(self, pressed: bool) -> None:
        self.xtst.XTestFakeButtonEvent(self.display, 1, int(pressed), 0)
        self.x11.XFlush(self.display)

    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 20) -> None:
        self.move(*start)
        time.sleep(0.2)
        self.button(True)
        time.sleep(0.2)
        for i in range(1, steps + 1):
            self.move(
                start[0] + (end[0] - start[0]) * i // steps,
                start[1] + (end[1] - start[1]) * i // steps,
            )
            time.sleep(0.05)
        time.sleep(0.5)  # the drop target answers XdndPosition
        self.move(*end)
        time.sleep(0.3)
        self.button(False)

    def close(self) -> None:
        self.x11.XCloseDisplay(self.display)


@pytest.fixture
def pointer(x_display: str) -> Iterator[Pointer]:
    device = Pointer(x_display)
    yield device
    device.close()


@pytest.fixture
def file_manager(
    desktop_env: dict[str, str], tmp_path: Path
) -> Iterator[Callable[[list[Path], int, int], None]]:
    started: list[subprocess.Popen[str]] = []

    def start(paths: list[Path], x: int, y: int) -> None:
        proc = subprocess.Popen(
            [sys.executable, "-c", FILE_MANAGER, *map(str, paths)],
            env={**desktop_env, "X": str(x), "Y": str(y)},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        started.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.3)

    yield start
    for proc in started:
        proc.kill()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


DROP_APP = """
import rillet as st
import rillet.components.v1 as components
for label in ("Data", "Other"):
    files = st.file_uploader(label, type="csv", accept_multiple_files=True)
    st.write(f"{label} count={len(files)}")
    for f in files:
        st.write(f"{label} name={f.name} path={f.path} bytes={f.read()!r}")
components.html("<p style='height:150px'>a component</p>", height=160)
prompt = st.chat_input("Ask", accept_file=True)
if prompt is not None:
    st.write(f"chat files={[str(f.path) for f in prompt.files]}")
"""

# The middle of the n-th element matching a CSS selector, on the screen.
SCREEN_CENTRE_JS = """JSON.stringify((() => {
  const r = document.querySelectorAll(%r)[%d].getBoundingClientRect();
  return [Math.round(window.screenX + r.x + r.width / 2),
          Math.round(window.screenY + r.y + r.height / 2)];
})())"""


def _screen_centre(page: Any, selector: str, index: int = 0) -> tuple[int, int]:
    page.eval(f"document.querySelectorAll({selector!r})[{index}].scrollIntoView(); true")
    time.sleep(0.2)
    x, y = json.loads(page.eval(SCREEN_CENTRE_JS % (selector, index)))
    return x, y


def _wait_log(app: Any, text: str, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = str(app.log_text())
        if text in log:
            return log
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never logged:\n{app.log_text()}")


def test_a_file_dragged_from_another_program_reaches_the_script_by_its_real_path(
    launch_gtk: LaunchGtk,
    write_app: Callable[[str], Path],
    pointer: Pointer,
    file_manager: Callable[[list[Path], int, int], None],
    tmp_path: Path,
) -> None:
    folder = tmp_path / "my data"
    folder.mkdir()
    report = folder / "report 1.csv"
    report.write_text("a,b\n1,2\n")
    app = launch_gtk(str(write_app(DROP_APP)), "--width", "900", "--height", "700")
    page = app.wait_text("Other count=0")
    file_manager([report], 1300, 1000)
    # Onto the second upload area: the drop goes to the target under the pointer.
    pointer.drag((1380, 1060), _screen_centre(page, ".rl-dropzone", 1))
    try:
        page = app.wait_text(f"Other name=report 1.csv path={report} bytes=b'a,b\\n1,2\\n'")
    except AssertionError:
        raise AssertionError(app.log_text()) from None
    assert "Other count=1" in page.text()
    assert "Data count=0" in page.text()
    log = app.log_text()
    assert "drop on the window: 1 local file(s) recorded" in log
    assert "dropped files: the latest drop's files asked, 1 path(s) given" in log


def test_files_dropped_on_a_component_iframe_are_not_recorded_but_the_chat_input_gets_its_own(
    launch_gtk: LaunchGtk,
    write_app: Callable[[str], Path],
    pointer: Pointer,
    file_manager: Callable[[list[Path], int, int], None],
    tmp_path: Path,
) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("pin\n1234\n")
    notes = tmp_path / "notes.csv"
    notes.write_text("x\n")
    app = launch_gtk(str(write_app(DROP_APP)), "--width", "900", "--height", "700")
    page = app.wait_text("Other count=0")
    file_manager([secret], 1300, 1000)
    pointer.drag((1380, 1060), _screen_centre(page, "iframe"))
    _wait_log(app, "drop outside the app's page (http://127.0.0.1:")
    # WebKit's own answer to a file drop nobody takes, at times, is to load the
    # file in the window: the shell refuses it, so the app stays.
    time.sleep(1.0)
    assert page.eval("location.protocol") == "http:", app.log_text()
    # Nothing to claim, even by the app's own page asking at once.
    page.eval(
        "window.rilletDesktop.droppedPaths([]).then((p) => window.__claimed = JSON.stringify(p));"
        " true"
    )
    assert _page_value(page, "__claimed") == "[]"
    assert "local file(s) recorded" not in app.log_text()
    # The chat input is a drop target too: it attaches the files by their paths.
    file_manager([notes], 1300, 800)
    pointer.drag((1380, 860), _screen_centre(page, ".rl-chat-input"))
    _wait_log(app, "dropped files: the latest drop's files asked, 1 path(s) given")
    page.eval("document.querySelector('.rl-chat-send[aria-label=Send]').click(); true")
    page = app.wait_text(f"chat files={[str(notes)]}")
    assert str(secret) not in page.text()


def test_the_shell_reads_a_drops_local_paths_and_where_it_landed() -> None:
    from rillet_shell.gtk_hooks import drop_lands_in_app, local_paths

    uris = ["file:///tmp/my%20data/r%C3%A9sum%C3%A9.csv", "https://example.com/a.csv", "x"]
    assert local_paths(uris) == ["/tmp/my data/résumé.csv"]
    app = "http://127.0.0.1:8501"
    assert drop_lands_in_app(app, f"{app} SECTION")
    assert not drop_lands_in_app(app, f"{app} iframe")
    assert not drop_lands_in_app(app, f"{app} EMBED")
    assert not drop_lands_in_app(app, "http://127.0.0.1:8502 DIV")
    assert not drop_lands_in_app(None, f"{app} DIV")


def test_a_page_that_saw_no_files_claims_the_latest_drop_once(tmp_path: Path) -> None:
    from rillet_shell.bridge import DropRecord

    class Clock:
        now = 100.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    first, second, third = (tmp_path / name for name in ("a.csv", "b.csv", "c.csv"))
    for path in (first, second, third):
        path.write_text("x")
    record = DropRecord(window=5.0, clock=clock)
    record.record([str(first)])
    clock.now += 1
    assert record.record([str(second), str(third), str(tmp_path)]) == 2  # folders are not files
    assert record.take([]) == [str(second), str(third)]  # the latest drop, all of its files
    assert record.take([]) == [str(first)]  # then the one before, while it is recent
    assert record.take([]) == []
    record.record([str(first)])
    clock.now += 6
    assert record.take([]) == []  # too old


# -- native dialogs and the splash, in the WebKitGTK window ---------------------

# pywebview's cross-platform dialog call (Window.create_file_dialog) answered
# with $FAKE_DIALOG_ANSWER; everything from the page to the script is real.
GTK_FAKE_DIALOG = """
import json, os, sys
import webview

def create_file_dialog(self, dialog_type=10, directory="", allow_multiple=False,
                       save_filename="", file_types=()):
    with open(os.environ["FAKE_DIALOG_LOG"], "a") as log:
        log.write(json.dumps([int(dialog_type), list(file_types)]) + "\\n")
    return tuple(json.loads(os.environ["FAKE_DIALOG_ANSWER"]))

webview.Window.create_file_dialog = create_file_dialog
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""

PATH_APPS = """
import rillet as st
chosen = st.path_input("Data file", file_types=["csv"])
st.write(f"chosen={chosen}")
f = st.file_uploader("Upload", type="csv")
if f is not None:
    st.write(f"uploaded={f.path} bytes={f.read()!r}")
"""


def test_gtk_window_path_input_and_uploader_get_the_dialogs_real_path(
    launch_gtk: LaunchGtk,
    write_app: Callable[[str], Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
) -> None:
    chosen = tmp_path / "my data" / "report.csv"
    chosen.parent.mkdir()
    chosen.write_text("a,b\n1,2\n")
    env = {
        **desktop_env,
        "FAKE_DIALOG_LOG": str(tmp_path / "dialogs.jsonl"),
        "FAKE_DIALOG_ANSWER": json.dumps([str(chosen)]),
    }
    app = launch_gtk(str(write_app(PATH_APPS)), env=env, command=["-c", GTK_FAKE_DIALOG])
    page = app.wait_text("chosen=None")
    app.click("Choose file")
    app.wait_text(f"chosen={chosen}")
    page.eval("document.querySelector('input[type=file]').click(); true")
    app.wait_text(f"uploaded={chosen} bytes=b'a,b\\n1,2\\n'")
    calls = [json.loads(line) for line in (tmp_path / "dialogs.jsonl").read_text().splitlines()]
    assert calls == [[10, ["Accepted files (*.csv)", "All files (*.*)"]]] * 2


# `rillet desktop` whose server takes $SERVER_DELAY seconds longer to start.
SLOW_SERVER = """
import os, sys, time
import rillet_server

start = rillet_server.Server.start_in_thread

def slow_start(self, *args, **kwargs):
    time.sleep(float(os.environ["SERVER_DELAY"]))
    return start(self, *args, **kwargs)

rillet_server.Server.start_in_thread = slow_start
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""


def test_gtk_window_shows_the_splash_while_the_server_starts(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path], desktop_env: dict[str, str]
) -> None:
    app = launch_gtk(
        str(write_app("import rillet as st\nst.write('ready')\n")),
        env={**desktop_env, "SERVER_DELAY": "4"},
        command=["-c", SLOW_SERVER],
    )
    splash = app.wait_text("Starting", url_prefix="", timeout=30)
    assert "ready" not in splash.text()
    app.wait_text("ready")
