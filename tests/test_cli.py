"""The rillet command: flags, errors, subcommands, and a real `rillet run`."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from rillet import cli, compat
from rillet.version import __version__


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["app.py"], ({}, ["app.py"], [])),
        (["app.py", "--server.port", "8502"], ({"server.port": "8502"}, ["app.py"], [])),
        (["--server.port=8502", "app.py"], ({"server.port": "8502"}, ["app.py"], [])),
        (
            ["app.py", "--theme.base", "dark", "--server.headless=true", "x"],
            ({"theme.base": "dark", "server.headless": "true"}, ["app.py", "x"], []),
        ),
        (
            ["app.py", "--", "--server.port", "1", "-v"],
            ({}, ["app.py"], ["--server.port", "1", "-v"]),
        ),
        (["app.py", "--server.address="], ({"server.address": ""}, ["app.py"], [])),
    ],
)
def test_split_option_flags(tokens, expected) -> None:
    assert cli.split_option_flags(tokens) == expected


def test_flag_without_value_is_an_error() -> None:
    with pytest.raises(cli.CliError, match=r"--server\.port needs a value"):
        cli.split_option_flags(["app.py", "--server.port"])


def test_flags_become_config_overrides(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = cli.load_config(
        [tmp_path], {"server.port": "8502", "server.runOnSave": "true", "theme.base": "dark"}
    )
    assert config.get("server.port") == 8502
    assert config.get("server.runOnSave") is True
    assert config.get("theme.base") == "dark"
    assert str(config.source("server.port")) == "--server.port"


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"rillet {__version__}"


def test_missing_script_is_a_usage_error(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.py"
    assert cli.main(["run", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rillet: error: app file")
    assert "nope.py" in err and "does not exist" in err


def test_folder_instead_of_script_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert cli.main(["run", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_unknown_option_suggests_the_right_one(tmp_path: Path, capsys) -> None:
    app = tmp_path / "app.py"
    app.write_text("")
    assert cli.main(["run", str(app), "--server.prot", "9"]) == 2
    assert "Did you mean: server.port" in capsys.readouterr().err


def test_bad_option_value_names_option_and_value(tmp_path: Path, capsys) -> None:
    app = tmp_path / "app.py"
    app.write_text("")
    assert cli.main(["run", str(app), "--server.port=eighty"]) == 2
    err = capsys.readouterr().err
    assert "server.port" in err and "'eighty'" in err


def test_config_show_includes_flags(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["config", "show", "--server.port", "9123"]) == 0
    out = capsys.readouterr().out
    assert "[server]" in out
    assert "port = 9123" in out
    assert "# Set by: --server.port" in out


def test_cache_clear_empties_the_persist_dir(tmp_path: Path, monkeypatch, capsys) -> None:
    from rillet.runtime.caching.storage import DiskStore

    monkeypatch.chdir(tmp_path)
    root = tmp_path / "cache"
    store = DiskStore(root / "fn")
    store.set("ab" * 16, b"value")
    (root / "notes.txt").write_text("not a cache file")
    assert list(root.rglob("*.rillet-cache"))
    assert cli.main(["cache", "clear", f"--cache.persistDir={root}"]) == 0
    assert not list(root.rglob("*.rillet-cache"))
    assert (root / "notes.txt").exists()
    assert str(root) in capsys.readouterr().out


def test_default_port_moves_on_when_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        sockets, notice = cli.bind_port("127.0.0.1", port, asked=None)
        try:
            bound = sockets[0].getsockname()[1]
            assert bound > port
            assert notice == f"Port {port} is in use by another program; using port {bound}."
        finally:
            for s in sockets:
                s.close()


def test_asked_port_that_is_taken_is_an_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(
            cli.CliError, match=f"cannot listen on port {port} \\(set by --server.port\\)"
        ):
            cli.bind_port("127.0.0.1", port, asked="--server.port")


def test_hello_path_names_where_it_looked(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cli, "__file__", str(tmp_path / "rillet" / "cli.py"))
    with pytest.raises(cli.CliError, match="hello sample is not installed"):
        cli.hello_app_path()


def test_no_command_prints_help(capsys) -> None:
    assert cli.main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_urls_show_the_network_address_when_bound_to_one(tmp_path: Path) -> None:
    config = cli.load_config([tmp_path], {"server.address": "10.1.2.3"})
    assert cli.app_urls(config, 8501) == [
        ("Local URL", "http://localhost:8501"),
        ("Network URL", "http://10.1.2.3:8501"),
    ]
    loopback = cli.load_config([tmp_path], {"server.address": "127.0.0.1"})
    assert cli.app_urls(loopback, 8501) == [("Local URL", "http://localhost:8501")]


def test_urls_end_with_the_base_path(tmp_path: Path) -> None:
    config = cli.load_config(
        [tmp_path], {"server.address": "10.1.2.3", "server.baseUrlPath": "/apps/demo"}
    )
    assert cli.app_urls(config, 8501) == [
        ("Local URL", "http://localhost:8501/apps/demo/"),
        ("Network URL", "http://10.1.2.3:8501/apps/demo/"),
    ]


def test_a_bad_base_path_stops_rillet_run_before_serving(tmp_path: Path, capsys) -> None:
    app = tmp_path / "app.py"
    app.write_text("import rillet as st\n")
    argv = list(sys.argv)
    code = cli.main(["run", str(app), "--server.baseUrlPath", "my app", "--server.port", "0"])
    err = capsys.readouterr().err
    assert code != 0
    assert "server.baseUrlPath 'my app' is not a URL path" in err
    # Nothing of the app's run is left behind in this process.
    assert sys.argv == argv
    assert not compat.streamlit_alias_installed()


APP = """
import json, sys
from collections.abc import Callable
from pathlib import Path
Path(sys.argv[0]).with_name("argv.json").write_text(json.dumps(sys.argv[1:]))
"""


def test_rillet_run_serves_passes_script_args_and_stops_on_sigterm(
    tmp_path: Path, free_port: Callable[[], int]
) -> None:
    app = tmp_path / "app.py"
    app.write_text(APP)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rillet", "run", str(app), "--server.port", str(port),
         "--server.headless=true", "--server.address", "127.0.0.1", "--", "one", "--two"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        lines = []
        while not any("Local URL" in line for line in lines):
            line = proc.stdout.readline()
            assert line, "rillet run exited early"
            lines.append(line)
        assert f"http://localhost:{port}" in "".join(lines)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_rillet/health", timeout=5) as r:
            assert r.read() == b"ok"
        _run_once(port)
        deadline = time.monotonic() + 10
        while not (tmp_path / "argv.json").exists():
            assert time.monotonic() < deadline, "the script never ran"
            time.sleep(0.02)
        assert json.loads((tmp_path / "argv.json").read_text()) == ["one", "--two"]
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Stopping..." in out
    assert "Traceback" not in err


def _run_once(port: int) -> None:
    """Open a session and ask for one run, as the client does."""
    import websockets.sync.client

    from rillet.protocol import rillet_pb2 as pb

    url = f"ws://127.0.0.1:{port}/_rillet/stream"
    with websockets.sync.client.connect(url, open_timeout=5) as ws:
        first = pb.ForwardBatch.FromString(ws.recv(timeout=5))
        assert first.msgs[0].WhichOneof("type") == "new_session"
        ws.send(pb.BackMsg(rerun=pb.RerunRequest()).SerializeToString())
        while True:
            batch = pb.ForwardBatch.FromString(ws.recv(timeout=10))
            if any(m.WhichOneof("type") == "script_finished" for m in batch.msgs):
                return
