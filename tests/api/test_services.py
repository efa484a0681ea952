"""st.secrets, st.cache_data/cache_resource, st.get_option/set_option, clear cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import rillet as st
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import services
from rillet.runtime.config import Config
from rillet.runtime.secrets import Secrets
from rillet.testing import AppTest

SHOW_SECRETS = """
import rillet as st
st.text(st.secrets["db"]["user"])
st.text(st.secrets.db.password)
st.text(repr(("token" in st.secrets, st.secrets.get("missing", "-"), len(st.secrets))))
"""


def test_apptest_secrets_override_wins() -> None:
    at = AppTest.from_string(SHOW_SECRETS)
    at.secrets["db"] = {"user": "ann", "password": "pw"}
    at.secrets["token"] = "t"
    at.run()
    assert at.text.values == ["ann", "pw", "(True, '-', 2)"]


def test_secrets_come_from_the_app_service_then_the_files(tmp_path: Path) -> None:
    at = AppTest.from_string(SHOW_SECRETS)
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text('token = "t"\n[db]\nuser = "bo"\npassword = "x"\n', encoding="utf-8")
    at._app.services[services.SECRETS] = Secrets([secrets_file], environ={})
    at.run()
    assert at.text.values == ["bo", "x", "(True, '-', 2)"]


def test_secrets_are_read_only_and_missing_keys_are_clear() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        try:
            st.secrets.x = 1
        except TypeError as exc:
            st.text(str(exc))
        st.secrets["nope"]
        """
    )
    at.secrets["a"] = "1"
    at.run()
    assert at.text.values == ["st.secrets is read-only; edit the secrets.toml file instead"]
    assert "nope" in at.exception[0].value


def test_secrets_outside_a_run_read_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".rillet").mkdir()
    (tmp_path / ".rillet" / "secrets.toml").write_text('[api]\nkey = "k"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(services, "_PROCESS", {})
    assert st.secrets.api.key == "k"
    assert st.secrets.to_dict() == {"api": {"key": "k"}}
    assert st.secrets.load_if_toml_exists()


def test_secrets_load_if_toml_exists_is_false_without_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(services, "_PROCESS", {})
    assert st.secrets.load_if_toml_exists() is False


def test_get_and_set_option_use_the_apps_config() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.text(repr(st.get_option("client.showErrorDetails")))
        st.set_option("client.showErrorDetails", False)
        st.text(repr(st.get_option("client.showErrorDetails")))
        """
    )
    at._app.services[services.CONFIG] = Config.defaults()
    at.run()
    assert at.text.values == ["'full'", "False"]
    assert at._app.services[services.CONFIG].get("client.showErrorDetails") is False
    # Another app's config is untouched.
    other = AppTest.from_string(
        'import rillet as st\nst.text(repr(st.get_option("client.showErrorDetails")))'
    )
    other._app.services[services.CONFIG] = Config.defaults()
    assert other.run().text.values == ["'full'"]


def test_option_errors_are_api_errors() -> None:
    at = AppTest.from_string('import rillet as st\nst.get_option("server.prot")')
    at._app.services[services.CONFIG] = Config.defaults()
    assert "server.port" in at.run().exception[0].value
    at = AppTest.from_string('import rillet as st\nst.set_option("server.port", 1)')
    at._app.services[services.CONFIG] = Config.defaults()
    assert "cannot be changed while it runs" in at.run().exception[0].value


def test_options_outside_a_run_use_a_process_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".rillet").mkdir()
    (tmp_path / ".rillet" / "config.toml").write_text('[theme]\nbase = "dark"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(services, "_PROCESS", {})
    assert st.get_option("theme.base") == "dark"
    st.set_option("theme.base", "light")
    assert st.get_option("theme.base") == "light"


def test_runtime_puts_its_config_in_the_services(tmp_path: Path) -> None:
    from rillet.runtime.runtime import Runtime

    script = tmp_path / "app.py"
    script.write_text("", encoding="utf-8")
    config = Config.defaults()
    runtime = Runtime(script, config)
    try:
        assert runtime.app.services[services.CONFIG] is config
    finally:
        runtime.shutdown()


def test_cache_decorators_are_the_caching_modules() -> None:
    from rillet.runtime import caching

    assert st.cache_data is caching.cache_data
    assert st.cache_resource is caching.cache_resource


def test_cache_data_works_in_an_app_and_shows_a_spinner_on_a_miss() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        calls = st.session_state.setdefault("calls", [])
        @st.cache_data(show_spinner="Loading rows")
        def rows(n):
            calls.append(n)
            return list(range(n))
        st.text(repr(rows(3)))
        """
    )
    sent: list[pb.ForwardMsg] = []
    receive = at._receive
    at._session.outbox.attach(lambda m: (sent.extend(m), receive(m)), lambda fn: fn())
    st.cache_data.clear()
    at.run()
    at.run()
    assert at.text.values == ["[0, 1, 2]"]
    assert at.session_state.calls == [3]
    spinners = [
        m.delta.transient.spinner.text
        for m in sent
        if m.WhichOneof("type") == "delta" and m.delta.transient.WhichOneof("type") == "spinner"
    ]
    assert spinners == ["Loading rows"]
    # The spinner is gone once the run ends.
    assert not at.get("spinner") and not at.get("empty")


def test_clear_cache_message_clears_both_caches() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        calls = st.session_state.setdefault("calls", [])
        @st.cache_data(show_spinner=False)
        def data():
            calls.append("data")
            return 1
        @st.cache_resource(show_spinner=False)
        def resource():
            calls.append("resource")
            return object()
        data(), resource()
        """
    )
    st.cache_data.clear()
    st.cache_resource.clear()
    at.run().run()
    assert at.session_state.calls == ["data", "resource"]
    at._session.handle_back_msg(pb.BackMsg(clear_cache=True).SerializeToString())
    at.run()
    assert at.session_state.calls == ["data", "resource", "data", "resource"]
