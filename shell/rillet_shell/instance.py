"""One window per app: a second launch hands its arguments to the first and exits.

The first instance of an app listens on a loopback port and writes a small
handshake file, ``<app key>.json`` under platformdirs' ``user_runtime_dir``
(readable by the user only), holding its pid, that port and a random secret.
A later launch of the same app reads the file, connects, sends the secret
with its arguments, and exits once the first instance answers ``ok``. When
nobody answers (the first instance crashed and left its file behind), the
new launch takes over and becomes the first instance.

The check-and-claim happens under an OS file lock, so two launches started
at the same moment cannot both become "the first".
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import secrets
import selectors
import socket
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_MAX_MESSAGE = 64 * 1024
_CONNECT_TIMEOUT = 2.0


def default_runtime_dir() -> Path:
    import platformdirs

    # platformdirs warns when XDG_RUNTIME_DIR is unset and falls back to a
    # per-user folder under /tmp, which is what we want anyway.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir("rillet", appauthor=False)) / "instances"


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(path, "a+b") as handle:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_private(path: Path, data: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".instance-", dir=path.parent)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class SingleInstance:
    """The first-instance claim of one app.

    Args:
        key: the app's key (``geometry.app_key(script)``).
        directory: where handshake files live (default: the user runtime dir).

    Example:
        >>> first = SingleInstance("abc", Path(tempfile.mkdtemp()))
        >>> first.claim([], on_message=lambda argv: None)
        True
        >>> SingleInstance("abc", first.directory).claim(["data.csv"], on_message=print)
        False
        >>> first.close()
    """

    def __init__(self, key: str, directory: Path | None = None) -> None:
        self.key = key
        self.directory = directory or default_runtime_dir()
        self.path = self.directory / f"{key}.json"
        self._secret = secrets.token_urlsafe(32)
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def claim(self, argv: Sequence[str], on_message: Callable[[list[str]], None]) -> bool:
        """Become the app's first instance, or hand ``argv`` to the running one.

        Args:
            argv: this launch's arguments for the app.
            on_message: called (on a background thread) with the arguments
                of each later launch, once this instance is the first.

        Returns:
            ``True`` when this is now the first instance (keep running);
            ``False`` when the running instance took ``argv`` (exit).
        """
        with _file_lock(self.directory / f"{self.key}.lock"):
            if self._forward(list(argv)):
                return False
            self._listen(on_message)
            assert self._listener is not None
            _write_private(
                self.path,
                {
                    "pid": os.getpid(),
                    "port": self._listener.getsockname()[1],
                    "secret": self._secret,
                },
            )
        return True

    def _forward(self, argv: list[str]) -> bool:
        try:
            info = json.loads(self.path.read_text(encoding="utf-8"))
            port, secret = int(info["port"]), str(info["secret"])
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("ignoring unreadable instance file %s: %s", self.path, error)
            return False
        message = json.dumps({"secret": secret, "argv": argv}).encode("utf-8") + b"\n"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=_CONNECT_TIMEOUT) as conn:
                conn.sendall(message)
                answer = conn.makefile("rb").readline(64)
        except OSError as error:
            log.info("the instance in %s does not answer (%s); taking over", self.path, error)
            return False
        return answer.strip() == b"ok"

    def _listen(self, on_message: Callable[[list[str]], None]) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.setblocking(False)
        self._listener = listener
        self._thread = threading.Thread(
            target=self._serve, args=(listener, on_message), name="rillet-instance", daemon=True
        )
        self._thread.start()

    def _serve(self, listener: socket.socket, on_message: Callable[[list[str]], None]) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(listener, selectors.EVENT_READ)
            while not self._stop.is_set():
                if not selector.select(timeout=0.1):
                    continue
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                with conn:
                    argv = self._read_message(conn)
                    if argv is None:
                        continue
                    with contextlib.suppress(OSError):
                        conn.sendall(b"ok\n")
                try:
                    on_message(argv)
                except Exception:
                    log.exception("handling a second launch failed")

    def _read_message(self, conn: socket.socket) -> list[str] | None:
        conn.settimeout(_CONNECT_TIMEOUT)
        try:
            line = conn.makefile("rb").readline(_MAX_MESSAGE)
            message = json.loads(line)
            secret, argv = message["secret"], message["argv"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        # Security: any local process can connect to a loopback port; only one
        # that could read our private handshake file knows the secret.
        if not isinstance(secret, str) or not hmac.compare_digest(
            secret.encode("utf-8"), self._secret.encode("utf-8")
        ):
            log.warning("refused a handshake with a wrong secret")
            return None
        if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
            return None
        return argv

    def close(self) -> None:
        """Stop listening and remove the handshake file if it is still ours."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(1.0)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with contextlib.suppress(OSError, ValueError, KeyError):
            info = json.loads(self.path.read_text(encoding="utf-8"))
            if info.get("pid") == os.getpid() and info.get("secret") == self._secret:
                self.path.unlink()
