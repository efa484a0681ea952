"""AppTest: run an app without a browser and inspect what it shows.

The API follows Streamlit's ``AppTest`` so tests port by changing the import::

    from rillet.testing import AppTest

    at = AppTest.from_string('''
    import rillet as st
    if st.button("Go"):
        st.write("went")
    ''').run()
    at.button[0].click().run()
    assert at.markdown[0].value == "went"

Runs go through the real session and script runner, on the runner thread,
exactly as for a browser; only the socket is replaced by a list.
"""

from __future__ import annotations

import copy
import inspect
import pickle
import tempfile
import textwrap
import threading
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.client import ClientInfo
from rillet.runtime.interrupts import RerunData
from rillet.runtime.media import InMemoryMediaStorage
from rillet.runtime.outbox import Outbox
from rillet.runtime.pages import PageRegistry
from rillet.runtime.script_runner import ScriptCache
from rillet.runtime.session import App, Session
from rillet.runtime.uploads import InMemoryUploadStorage
from rillet.testing import elements
from rillet.testing.elements import Block, Element, ElementList, Widget
from rillet.testing.tree import Node, apply_delta, clear_stale, new_roots


class AppTestError(Exception):
    """A test asked for what a user could not do: change a disabled widget."""


class AppTest:
    """A headless run of one app.

    Use :meth:`from_file`, :meth:`from_string` or :meth:`from_function`,
    then :meth:`run`; change widgets and call ``run()`` again.

    An unchanged Streamlit app runs as it is: ``import streamlit`` in the
    script (and in the modules it imports) gets rillet for the duration of
    each run (``streamlit_alias=False`` leaves the import alone).

    Set before a run, as in Streamlit's AppTest: ``secrets``, ``query_params``,
    ``context`` (what ``st.context`` reports from the browser: ``locale``,
    ``timezone``, ``timezone_offset``, ``url``, ``is_embedded``, ``theme``),
    and ``args``/``kwargs`` for an app written as a function. The page is
    read through ``main``, ``sidebar``, one list per element kind
    (``at.button``, ``at.container``, ``at.form_submit_button``...) and
    ``get_by_key``.

    Example:
        >>> at = AppTest.from_string("import rillet as st; st.text(st.context.locale)")
        >>> at.context["locale"] = "de-DE"
        >>> at.run().text.values
        ['de-DE']
    """

    def __init__(
        self, script_path: Path, *, default_timeout: float = 3, streamlit_alias: bool = True
    ) -> None:
        self._script_path = Path(script_path).resolve()
        self.default_timeout = default_timeout
        self.secrets: dict[str, Any] = {}
        self.query_params: dict[str, Any] = {}
        # What st.context reports from the browser: timezone, timezone_offset,
        # locale, url, is_embedded and theme ("light" or "dark").
        self.context: dict[str, Any] = {}
        # What st.user holds during a run (Streamlit's AppTest starts with this
        # one claim); st.logout in the script leaves {"is_logged_in": False}.
        self.user: dict[str, Any] = {"email": "test@example.com"}
        # The arguments an app written as a function is called with, read at each run.
        self.args: Sequence[Any] | None = None
        self.kwargs: dict[str, Any] | None = None
        self._streamlit_alias = streamlit_alias
        self._lock = threading.Lock()
        self._received: list[pb.ForwardMsg] = []
        self._roots: list[Node] = new_roots()
        self._page_hash = ""
        self._app = App(
            main_script=self._script_path,
            media=InMemoryMediaStorage(),
            uploads=InMemoryUploadStorage(),
            pages=PageRegistry(self._script_path),
            scripts=ScriptCache(),
        )
        self._app.services["secrets_override"] = self.secrets
        self._session = Session(self._app, Outbox(self._receive))
        self._widgets: list[Widget] = []
        # Buttons clicked for the last run, with what the click sent (True, or a
        # menu button's option): they read it until the next run.
        self._triggered: dict[str, Any] = {}
        # Wrappers keep pending widget changes, so each node gets one per run.
        self._wrappers: dict[int, tuple[Node, Element | Block]] = {}
        self._calls_function = False

    # -- constructors -------------------------------------------------------

    @classmethod
    def from_file(
        cls, script_path: str | Path, *, default_timeout: float = 3, streamlit_alias: bool = True
    ) -> AppTest:
        """Test the app in ``script_path`` (relative paths resolve from the caller's folder)."""
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).parent
            path = caller / path if (caller / path).exists() else path.resolve()
        if not path.is_file():
            raise FileNotFoundError(f"AppTest.from_file: no script at {str(path)!r}.")
        return cls(path, default_timeout=default_timeout, streamlit_alias=streamlit_alias)

    @classmethod
    def from_string(
        cls, script: str, *, default_timeout: float = 3, streamlit_alias: bool = True
    ) -> AppTest:
        """Test an app written inline."""
        folder = Path(tempfile.mkdtemp(prefix="rillet-apptest-"))
        path = folder / "app.py"
        path.write_text(textwrap.dedent(script), encoding="utf-8")
        return cls(path, default_timeout=default_timeout, streamlit_alias=streamlit_alias)

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        streamlit_alias: bool = True,
    ) -> AppTest:
        """Test an app written as a function: its body is the script.

        The function is called with ``at.args`` and ``at.kwargs`` as they are
        at each run (``args`` and ``kwargs`` to start with).
        """
        source = textwrap.dedent(inspect.getsource(script))
        call = (
            f"\n__a, __k = __import__('pickle').loads("
            f"__import__('pathlib').Path(__file__).with_suffix('.args').read_bytes())"
            f"\n{script.__name__}(*__a, **__k)\n"
        )
        at = cls.from_string(
            source + call, default_timeout=default_timeout, streamlit_alias=streamlit_alias
        )
        at.args, at.kwargs = args, kwargs
        at._calls_function = True
        return at

    # -- running ------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script once with the widget values set since the last run."""
        timeout = self.default_timeout if timeout is None else timeout
        if self._calls_function:
            arguments = (tuple(self.args or ()), dict(self.kwargs or {}))
            self._script_path.with_suffix(".args").write_bytes(pickle.dumps(arguments))
        self._session.client = _client_info(self.context)
        states = pb.WidgetStates()
        triggered: dict[str, Any] = {}
        submitting = {
            w.form_id
            for w in self._widgets
            if isinstance(w, elements.Button) and w.form_id and w._pending() is True
        }
        for widget in self._widgets:
            pending = widget._pending()
            if pending is not elements._UNSET and widget.disabled:
                raise AppTestError(
                    f"Cannot update a disabled {widget.type} widget ({widget.label!r}): "
                    "a user cannot interact with a disabled widget in the browser either."
                )
            if widget.form_id and widget.form_id not in submitting:
                # As in a browser: a form's changes wait for its submit
                # button, and are dropped otherwise (Streamlit's AppTest too).
                pending = elements._UNSET
            if pending is elements._UNSET:
                spec = self._session.state.widget(widget.id)
                if isinstance(widget, elements.Button) or (spec is not None and spec.is_trigger):
                    continue  # a trigger (button, chat input) is sent only when used
                value = self._session.state.widget_value(widget.id)
            else:
                value = pending
                if isinstance(widget, elements.Button) and value:
                    triggered[widget.id] = value
            try:
                state = self._session.state.widget_state(widget.id, value)
            except (ValueError, TypeError, IndexError):
                if pending is not elements._UNSET:
                    raise
                # A value set through session state that the widget cannot
                # show: the server holds it, and the widget fits it when it runs.
                continue
            states.widgets.append(state)
        query = "&".join(
            f"{k}={v}"
            for k, vs in self.query_params.items()
            for v in (vs if isinstance(vs, list) else [vs])
        )
        data = RerunData(widget_states=states, page_hash=self._page_hash, query_string=query)
        self._triggered = triggered
        self._session.user_info = copy.deepcopy(self.user)
        with _alias(self._streamlit_alias), _script_dir_on_path(self._script_path.parent):
            self._session.request_rerun(data)
            finished = self._session.runner.wait_idle(timeout)
        if not finished:
            self._session.runner.request_stop()
            self._session.runner.wait_idle(1.0)
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
        self._absorb()
        self.user = dict(self._session.user_info or {})
        return self

    def switch_page(self, page_path: str) -> AppTest:
        """Make the next run show another page (a path relative to the main script)."""
        self._page_hash = self._session.pages.find(page_path).page_hash
        return self

    def _receive(self, msgs: list[pb.ForwardMsg]) -> None:
        with self._lock:
            self._received.extend(msgs)

    def _absorb(self) -> None:
        with self._lock:
            msgs, self._received = self._received, []
        run_id = ""
        for msg in msgs:
            kind = msg.WhichOneof("type")
            if kind == "script_started":
                if run_id:  # st.rerun(): the run now shown saw no click nor chat message
                    self._triggered = {}
                    self.__dict__.pop("_chat_sent", None)
                run_id = msg.script_started.run_id
            elif kind == "delta":
                apply_delta(self._roots, msg.delta, run_id)
            elif kind == "clear_stale":
                clear_stale(self._roots, msg.clear_stale.run_id, msg.clear_stale.fragment_id)
            elif kind == "page_info":
                self._page_hash = msg.page_info.page_hash or self._page_hash
                self.query_params = _parse_query(msg.page_info.query_string)
        self._wrappers = {}
        self._widgets = [w for w in self._root_block()._walk() if isinstance(w, Widget)]

    # -- what the page shows --------------------------------------------------

    def _root_block(self) -> Block:
        return Block(Node(block=pb.Block(), children=dict(enumerate(self._roots))), self)

    @property
    def main(self) -> Block:
        return Block(self._roots[0], self)

    @property
    def sidebar(self) -> Block:
        return Block(self._roots[1], self)

    @property
    def session_state(self) -> SessionStateView:
        return SessionStateView(self)

    def get(self, element_type: str) -> Sequence[Any]:
        return self._root_block().get(element_type)

    def __getattr__(self, name: str) -> Any:
        # Every accessor of a Block (at.button, at.markdown, ...) works on
        # the whole page too.
        if name.startswith("_") or not hasattr(Block, name):
            raise AttributeError(name)
        return getattr(self._root_block(), name)

    def __repr__(self) -> str:
        return f"AppTest({self._script_path.name})"


class SessionStateView(MutableMapping[str, Any]):
    """``at.session_state``: read and set the session's values between runs."""

    _at: AppTest

    def __init__(self, at: AppTest) -> None:
        object.__setattr__(self, "_at", at)

    def __getitem__(self, key: str) -> Any:
        state = self._at._session.state
        if key in state:
            return state[key]
        spec = state.widget(key)
        if spec is not None:
            return state.widget_value(key)
        return state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._at._session.state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._at._session.state[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._at._session.state)

    def __len__(self) -> int:
        return len(self._at._session.state)

    def __contains__(self, key: object) -> bool:
        return key in self._at._session.state

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def filtered_state(self) -> dict[str, Any]:
        return self._at._session.state.to_dict()


# AppTest.context keys, with the type each takes (as in Streamlit's AppTest).
_CONTEXT_KEYS: dict[str, type] = {
    "timezone": str,
    "timezone_offset": int,
    "locale": str,
    "url": str,
    "is_embedded": bool,
    "theme": str,
}


def _client_info(context: Any) -> ClientInfo:
    """What ``st.context`` reports in a run, from ``AppTest.context``."""
    if not isinstance(context, dict):
        raise AppTestError(f"AppTest.context must be a dict, not {type(context).__name__}.")
    fields: dict[str, Any] = {}
    for key, value in context.items():
        wanted = _CONTEXT_KEYS.get(key)
        if wanted is None:
            raise AppTestError(
                f"AppTest.context does not take {key!r}; it takes {', '.join(_CONTEXT_KEYS)}."
            )
        if value is None:
            continue
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            raise AppTestError(
                f"AppTest.context[{key!r}] must be a {wanted.__name__}, not {type(value).__name__}."
            )
        if key == "theme" and value not in ("light", "dark"):
            raise AppTestError(
                f"AppTest.context['theme'] must be 'light' or 'dark', not {value!r}."
            )
        fields[key] = value
    return ClientInfo(**fields)


def _parse_query(query: str) -> dict[str, Any]:
    from urllib.parse import parse_qs

    parsed = parse_qs(query, keep_blank_values=True)
    return {k: v if len(v) > 1 else v[0] for k, v in parsed.items()}


class _alias:
    """Let ``import streamlit`` resolve to rillet for the run, when asked."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.installed = False

    def __enter__(self) -> None:
        if self.enabled:
            from rillet.compat import install_streamlit_alias

            self.installed = install_streamlit_alias()

    def __exit__(self, *exc: object) -> None:
        # Only for the run: the real streamlit package (if installed) must
        # import normally again in the test process.
        if self.installed:
            from rillet.compat import uninstall_streamlit_alias

            uninstall_streamlit_alias()


class _script_dir_on_path:
    """The script's folder on ``sys.path`` for the run, so ``import helpers`` finds its
    local modules as under ``rillet run`` (and Streamlit's AppTest); removed afterwards."""

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder)
        self.added = False

    def __enter__(self) -> None:
        import sys

        if self.folder not in sys.path:
            sys.path.insert(0, self.folder)
            self.added = True

    def __exit__(self, *exc: object) -> None:
        import sys

        if self.added and self.folder in sys.path:
            sys.path.remove(self.folder)


__all__ = ["AppTest", "Element", "ElementList"]
