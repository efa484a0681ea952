"""A frame inside the app's page can reach the webview's message channel, never the bridge.

WebKit offers ``window.webkit.messageHandlers`` (pywebview's ``jsBridge``)
to every frame of the WebKitGTK window, and Qt WebEngine may offer its web
channel transport to frames too. A component frame calls every bridge method
straight through whatever channel its frame has; nothing happens (no dialog,
no browser, the drop stays unclaimed), while the app's own page still can.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rillet_shell.bridge import KEY_DELIVERY_JS, DesktopBridge

# -- the bridge object, without a window ------------------------------------------------


class FakeWindow:
    def __init__(self, url: str) -> None:
        self.url = url
        self.dialogs: list[int] = []
        self.scripts: list[str] = []

    def get_current_url(self) -> str:
        return self.url

    def create_file_dialog(self, dialog_type: int, **kwargs: Any) -> Any:
        self.dialogs.append(int(dialog_type))
        return ("/home/ada/chosen.csv",)

    def run_js(self, script: str) -> None:
        self.scripts.append(script)


def test_every_bridge_method_refuses_a_call_without_the_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    dropped = tmp_path / "report.csv"
    dropped.write_text("a,b\n")
    window = FakeWindow("http://127.0.0.1:4321/")  # the app's own page shows
    opened: list[str] = []
    bridge = DesktopBridge(window, open_url=lambda url: opened.append(url) or True)
    bridge._serve("http://127.0.0.1:4321", "token")
    bridge.drops.record([str(dropped)])
    closed: list[bool] = []
    bridge.close_dialogs = lambda: closed.append(True)
    with caplog.at_level("INFO", logger="rillet_shell.bridge"):
        for key in ("", "not-the-key", bridge._key[:-1], None, 42):
            assert bridge.request(key, "open_file") == []  # type: ignore[arg-type]
            assert bridge.save_url(key, "/media/a.csv", "a.csv") == ""  # type: ignore[arg-type]
            assert bridge.open_external(key, "https://example.com/") is False  # type: ignore[arg-type]
            assert bridge.dropped_paths(key, []) == []  # type: ignore[arg-type]
            assert bridge.dropped_paths(key, [["report.csv", 4]]) == []  # type: ignore[arg-type]
            assert bridge.close_dialog(key) is None  # type: ignore[arg-type]
    assert (window.dialogs, opened, closed) == ([], [], [])
    refusals = [r for r in caplog.records if "without the bridge key" in r.getMessage()]
    assert len(refusals) == 1  # logged once, however many calls
    # With the key, the same page gets what it asks for; the drop was never claimed.
    assert bridge.dropped_paths(bridge._key, []) == [str(dropped)]
    assert bridge.request(bridge._key, "open_file") == ["/home/ada/chosen.csv"]
    assert bridge.open_external(bridge._key, "https://example.com/")
    bridge.close_dialog(bridge._key)
    assert (window.dialogs, opened, closed) == ([10], ["https://example.com/"], [True])


def test_the_key_is_handed_to_the_apps_page_only() -> None:
    window = FakeWindow("https://elsewhere.example/")
    bridge = DesktopBridge(window)
    assert not bridge.hand_key(window)  # before the server runs
    bridge._serve("http://127.0.0.1:4321", "token")
    assert not bridge.hand_key(window)  # another site's page
    window.url = "http://127.0.0.1:4321/?page=2"
    assert bridge.hand_key(window)
    assert window.scripts == [KEY_DELIVERY_JS % json.dumps(bridge._key)]
    assert len(bridge._key) >= 40
    assert DesktopBridge(window)._key != bridge._key  # one per launch


def test_a_drop_the_page_reported_is_only_claimed_by_name_and_size(tmp_path: Path) -> None:
    from rillet_shell.bridge import DropRecord

    secret = tmp_path / "id_rsa"
    secret.write_text("key")
    record = DropRecord()
    # pywebview's DOM drop event comes from the page, where a frame may forge one.
    record.record([str(secret)], named_only=True)
    assert record.take([]) == []
    assert record.take([("id_rsa", 3)]) == [str(secret)]


# -- real windows ------------------------------------------------------------------------

# `rillet desktop` with what the bridge would do to the machine written down
# in $CALLS instead: pywebview's file dialog (answering $DROPPED) and the
# system browser. The bridge starts with $DROPPED recorded as an OS drop on
# the window that stays claimable for ten minutes.
RECORDING = """
import json, os, sys, webbrowser
import webview
from rillet_shell import bridge

def note(*what):
    with open(os.environ["CALLS"], "a") as log:
        log.write(json.dumps(what) + "\\n")

def create_file_dialog(self, dialog_type=10, directory="", allow_multiple=False,
                       save_filename="", file_types=()):
    note("dialog", int(dialog_type))
    return (os.environ["DROPPED"],)

def open_url(url, *args, **kwargs):
    note("browser", url)
    return True

webview.Window.create_file_dialog = create_file_dialog
webbrowser.open = open_url
init = bridge.DesktopBridge.__init__

def init_with_a_drop(self, window, **kwargs):
    init(self, window, open_url=open_url)
    self.drops = bridge.DropRecord(window=600)
    self.drops.record([os.environ["DROPPED"]])

bridge.DesktopBridge.__init__ = init_with_a_drop
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""

# A frame that calls every bridge method through each channel it has, with no
# key, an empty one and a guessed one, then tells the page what it found. Qt's
# channel is spoken raw (QWebChannel's JSON protocol). It runs in two frames:
# components.html (in the desktop window a sandboxed frame of its own opaque
# origin) and components.iframe of another local site (no sandbox).
ATTACK = """<p>attack</p><script>
(async () => {
  const found = {
    where: location.protocol === "http:" ? "site" : "inline",
    webkit: !!(window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.jsBridge),
    qt: !!(window.qt && window.qt.webChannelTransport),
    pywebview: typeof window.pywebview,
  };
  const look = (name, read) => { try { found[name] = read(); } catch (e) { found[name] = e.name; } };
  look("parentBridge", () => typeof parent.rilletDesktop);
  look("parentKey", () => typeof parent.__rilletBridgeKey);
  const file = [%(name)s, %(size)d];
  const calls = [];
  for (const key of [null, "", "guess"]) {
    const k = key === null ? [] : [key];
    calls.push(["request", [...k, "open_file", "t", [], ""]],
               ["request", [...k, "save_file", "t", [], "x.txt"]],
               ["save_url", [...k, "/", "x.html"]],
               ["open_external", [...k, "https://evil.example/"]],
               ["dropped_paths", [...k, []]],
               ["dropped_paths", [...k, [file]]],
               ["close_dialog", [...k]]);
  }
  let sent = 0;
  if (found.webkit) {
    for (const [name, params] of calls) {
      window.webkit.messageHandlers.jsBridge.postMessage(
        JSON.stringify({ funcName: name, params, id: "attack" + sent++ }));
    }
  }
  if (found.qt) {
    const transport = window.qt.webChannelTransport;
    const init = await new Promise((resolve) => {
      transport.onmessage = (m) => { const d = JSON.parse(m.data); if (d.id === 0) resolve(d.data); };
      transport.send(JSON.stringify({ type: 3, id: 0 }));
    });
    const external = init && init.external;
    const method = external && external.methods.find((m) => m[0] === "call");
    found.qtExternal = !!method;
    if (method) {
      for (const [name, params] of calls) {
        transport.send(JSON.stringify({ type: 6, object: "external", method: method[1],
          args: [name, JSON.stringify(params), "attack" + sent], id: 1 + sent++ }));
      }
    }
  }
  found.sent = sent;
  parent.postMessage({ rilletAttack: found }, "*");
})();
</script>"""

APP = """
import rillet as st
import rillet.components.v1 as components
st.write("ready")
if st.button("Attack"):
    components.html({attack!r}, height=60)
    components.iframe({site!r}, height=60)
    st.write("attacked")
"""

LISTEN_JS = (
    "window.__attack = []; window.addEventListener('message', (e) => {"
    " if (e.data && e.data.rilletAttack) window.__attack.push(e.data.rilletAttack); });"
    " true"
)


def _calls(path: Path) -> list[list[Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def _until(read: Callable[[], Any], what: str, app: Any, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = read()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what} never happened; the log says:\n{app.log_text()}")


def _attack_then_use(app: Any, tmp_path: Path, dropped: Path) -> dict[str, dict[str, Any]]:
    """Let a component frame attack, check nothing happened, then use the bridge from the page."""
    calls = tmp_path / "calls.jsonl"
    page = app.wait_text("ready")
    page.eval(LISTEN_JS)
    app.click("Attack")
    reports = json.loads(
        _until(
            lambda: page.eval("window.__attack.length == 2 && JSON.stringify(window.__attack)"),
            "both frames' reports",
            app,
        )
    )
    found = {report["where"]: report for report in reports}
    assert sorted(found) == ["inline", "site"]
    if any(report["sent"] for report in reports):  # a frame did reach a channel to the shell
        _until(lambda: "without the bridge key" in app.log_text(), "the refusal", app)
    time.sleep(1.0)  # calls still on their way would have shown by now
    assert _calls(calls) == [], app.log_text()  # no dialog, no browser
    assert app.log_text().count("without the bridge key") <= 1  # logged once at most
    assert "dialog (" not in app.log_text()
    assert "path(s) given" not in app.log_text()
    for report in reports:  # the page is another origin to either frame
        assert report["parentBridge"] == report["parentKey"] == "SecurityError", report
        assert report["pywebview"] == "undefined", report  # pywebview's API: the top frame only
    # The app's own page still can; the drop the frame asked for was never handed out.
    claim = f"[[{json.dumps(dropped.name)}, {dropped.stat().st_size}]]"
    page.eval(
        f"window.rilletDesktop.droppedPaths({claim}).then((p) => window.__claimed = JSON.stringify(p));"
        " window.rilletDesktop.request('open_file', 'Data', [], '')"
        ".then((p) => window.__chosen = JSON.stringify(p));"
        " window.rilletDesktop.openExternal('https://docs.python.org/'); true"
    )
    assert json.loads(_until(lambda: page.eval("window.__claimed"), "the claim", app)) == [
        str(dropped)
    ]
    assert json.loads(_until(lambda: page.eval("window.__chosen"), "the dialog", app)) == [
        str(dropped)
    ]
    _until(lambda: len(_calls(calls)) == 2, "the page's calls", app)
    assert sorted(map(tuple, _calls(calls))) == [
        ("browser", "https://docs.python.org/"),
        ("dialog", 10),
    ]
    return found


@pytest.fixture
def attack_app(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The attacking app's source, the site its second frame shows, and the dropped file."""
    import http.server
    import threading

    dropped = tmp_path / "dropped.csv"
    dropped.write_text("pin\n1234\n")
    attack = ATTACK % {"name": json.dumps(dropped.name), "size": dropped.stat().st_size}
    site = tmp_path / "site"
    site.mkdir()
    (site / "attack.html").write_text(f"<!doctype html><html><body>{attack}</body></html>")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/attack.html"
    yield APP.format(attack=attack, site=url), dropped
    server.shutdown()
    server.server_close()


def _env(desktop_env: dict[str, str], tmp_path: Path, dropped: Path) -> dict[str, str]:
    return {**desktop_env, "CALLS": str(tmp_path / "calls.jsonl"), "DROPPED": str(dropped)}


@pytest.mark.desktop
def test_a_component_frame_in_the_gtk_window_cannot_start_bridge_calls(
    launch_gtk: Callable[..., Any],
    write_app: Callable[..., Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
    attack_app: tuple[str, Path],
) -> None:
    source, dropped = attack_app
    env = _env(desktop_env, tmp_path, dropped)
    app = launch_gtk(str(write_app(source)), env=env, command=["-c", RECORDING])
    found = _attack_then_use(app, tmp_path, dropped)
    # WebKit gives every frame pywebview's message handler: both frames sent every call.
    assert [found[w]["webkit"] for w in ("inline", "site")] == [True, True], found
    assert found["inline"]["sent"] == found["site"]["sent"] == 21
    assert "without the bridge key" in app.log_text()


@pytest.mark.desktop
def test_a_component_frame_in_the_qt_window_cannot_start_bridge_calls(
    launch: Callable[..., Any],
    write_app: Callable[..., Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
    attack_app: tuple[str, Path],
) -> None:
    source, dropped = attack_app
    env = _env(desktop_env, tmp_path, dropped)
    app = launch(str(write_app(source)), env=env, command=["-c", RECORDING])
    found = _attack_then_use(app, tmp_path, dropped)
    # Qt WebEngine gives its web channel transport to the main frame only.
    assert [found[w]["qt"] for w in ("inline", "site")] == [False, False], found


FRAME_APP = """
import rillet as st
import rillet.components.v1 as components
st.write("ready")
components.html("<p style='height:200px'>a component</p>", height=220)
st.write("end")
"""


# The system browser replaced: it records each URL in $FAKE_BROWSER_LOG.
FAKE_BROWSER = """
import os, webbrowser

def open_url(url, *args, **kwargs):
    with open(os.environ["FAKE_BROWSER_LOG"], "a") as log:
        log.write(url + "\\n")
    return True

webbrowser.open = open_url
"""


@pytest.mark.desktop
@pytest.mark.parametrize("target", ["iframe", "background"])
def test_a_file_dropped_where_no_drop_target_takes_it_in_the_qt_window_is_not_opened(
    launch: Callable[..., Any],
    write_app: Callable[..., Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
    target: str,
) -> None:
    from test_drops import FAKE_OS_DROP

    secret = tmp_path / "secret.txt"
    secret.write_text("pin 1234")
    trigger = tmp_path / "drop.json"
    opened = tmp_path / "browser.txt"
    app = launch(
        str(write_app(FRAME_APP)),
        env={**desktop_env, "DROP_TRIGGER": str(trigger), "FAKE_BROWSER_LOG": str(opened)},
        command=["-c", FAKE_BROWSER + FAKE_OS_DROP],
    )
    page = app.wait_text("end")
    app_url = page.eval("location.href")
    where = "document.querySelector('iframe')" if target == "iframe" else "document.body"
    x, y = page.eval(
        f"(() => {{ const r = {where}.getBoundingClientRect();"
        " return [Math.round(r.x + 5 + r.width / 2), Math.round(r.bottom - 5)]; })()"
        if target == "background"
        else f"(() => {{ const r = {where}.getBoundingClientRect();"
        " return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })()"
    )
    trigger.write_text(json.dumps({"paths": [str(secret)], "x": x, "y": y}))
    _until(Path(f"{trigger}.done").exists, "the drop", app)
    # Chromium opens a file drop nobody takes as a new window; pywebview would
    # hand it to the system browser.
    _until(
        lambda: (
            f"a dropped file (or a link to one) is not opened: {secret.as_uri()}" in app.log_text()
        ),
        "the refused window",
        app,
    )
    time.sleep(0.5)
    assert not opened.exists()
    page = app.page(url_prefix="http")
    assert page.eval("location.href") == app_url
    assert "pin 1234" not in page.text()


PATH_APP = """
import rillet as st
chosen = st.path_input("Data file")
st.write(f"chosen={chosen}")
"""


@pytest.mark.desktop
def test_the_client_passes_the_key_itself_where_the_shell_injects_no_adapter(
    launch: Callable[..., Any],
    write_app: Callable[..., Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
) -> None:
    # Windows and macOS: no adapter script; the client calls pywebview's API itself.
    dropped = tmp_path / "dropped.csv"
    dropped.write_text("a\n")
    no_adapter = "from rillet_shell import qt_hooks\nqt_hooks.CLIENT_ADAPTER_JS = ''\n"
    app = launch(
        str(write_app(PATH_APP)),
        env=_env(desktop_env, tmp_path, dropped),
        command=["-c", no_adapter + RECORDING],
    )
    page = app.wait_text("chosen=None")
    assert page.eval("typeof window.rilletDesktop") == "undefined"
    app.click("Choose file")
    app.wait_text(f"chosen={dropped}")
    assert _calls(tmp_path / "calls.jsonl") == [["dialog", 10]]
    assert "without the bridge key" not in app.log_text()
