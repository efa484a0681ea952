from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from rillet.runtime.config import (
    OPTIONS,
    Config,
    ConfigError,
    Layer,
    config_file_paths,
    env_var_names,
)

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "home"
    project = tmp_path / "project"
    home.mkdir()
    project.mkdir()
    return home, project


def test_defaults_match_the_option_table() -> None:
    config = Config.defaults()
    assert config.get("server.port") == 8501
    assert config.get("server.maxUploadSize") == 200
    assert config.get("server.enableXsrfProtection") is None
    assert config.get("client.toolbarMode") == "auto"
    assert config.get("desktop.width") == 1100
    assert config.source("server.port").layer is Layer.DEFAULT


def test_option_table_is_well_formed() -> None:
    names = [o.name for o in OPTIONS]
    assert len(names) == len(set(names))
    for option in OPTIONS:
        assert option.description.strip(), option.name
        assert option.default is None or isinstance(option.default, option.type), option.name


def test_layers_apply_in_precedence_order(dirs: tuple[Path, Path]) -> None:
    home, project = dirs
    write(home / ".streamlit" / "config.toml", "[server]\nport = 1001\nmaxUploadSize = 1\n")
    write(home / ".rillet" / "config.toml", "[server]\nport = 1002\nmaxMessageSize = 2\n")
    write(project / ".streamlit" / "config.toml", "[server]\nport = 1003\nheadless = true\n")
    write(project / ".rillet" / "config.toml", "[server]\nport = 1004\nbaseUrlPath = 'x'\n")
    config = Config.load(project, env={}, home=home)
    assert config.get("server.port") == 1004
    assert config.get("server.maxUploadSize") == 1
    assert config.get("server.maxMessageSize") == 2
    assert config.get("server.headless") is True
    assert config.source("server.maxUploadSize").layer is Layer.USER_FILE
    assert config.source("server.port").where == str(project / ".rillet" / "config.toml")

    config = Config.load(project, env={"STREAMLIT_SERVER_PORT": "1005"}, home=home)
    assert config.get("server.port") == 1005
    env = {"STREAMLIT_SERVER_PORT": "1005", "RILLET_SERVER_PORT": "1006"}
    config = Config.load(project, env=env, home=home)
    assert config.get("server.port") == 1006
    config = Config.load(project, env=env, home=home, flags={"server.port": "1007"})
    assert config.get("server.port") == 1007
    assert config.source("server.port").layer is Layer.FLAG


def test_script_folder_overrides_working_directory(tmp_path: Path) -> None:
    cwd, script_dir = tmp_path / "cwd", tmp_path / "app"
    write(cwd / ".streamlit" / "config.toml", "[theme]\nbase = 'dark'\nfont = 'serif'\n")
    write(script_dir / ".streamlit" / "config.toml", "[theme]\nbase = 'light'\n")
    config = Config.load([cwd, script_dir], env={}, home=tmp_path / "nohome")
    assert config.get("theme.base") == "light"
    assert config.get("theme.font") == "serif"


def test_config_file_paths_skip_duplicates(tmp_path: Path) -> None:
    user, project = config_file_paths("config.toml", [tmp_path, tmp_path], home=tmp_path / "h")
    assert project == [
        tmp_path / ".streamlit" / "config.toml",
        tmp_path / ".rillet" / "config.toml",
    ]
    assert user[-1] == tmp_path / "h" / ".rillet" / "config.toml"


def test_env_var_names_split_camel_case() -> None:
    assert env_var_names("server.port") == ("RILLET_SERVER_PORT", "STREAMLIT_SERVER_PORT")
    assert env_var_names("server.enableXsrfProtection")[0] == (
        "RILLET_SERVER_ENABLE_XSRF_PROTECTION"
    )
    assert env_var_names("server.enableCORS")[0] == "RILLET_SERVER_ENABLE_CORS"
    assert env_var_names("server.baseUrlPath")[0] == "RILLET_SERVER_BASE_URL_PATH"


def test_env_values_are_coerced() -> None:
    config = Config()
    config.apply_env(
        {
            "RILLET_SERVER_HEADLESS": "yes",
            "RILLET_SERVER_ENABLE_XSRF_PROTECTION": "false",
            "RILLET_SERVER_CORS_ALLOWED_ORIGINS": "https://a.test, https://b.test",
            "RILLET_SERVER_ADDRESS": "",
        }
    )
    assert config.get("server.headless") is True
    assert config.get("server.enableXsrfProtection") is False
    assert config.get("server.corsAllowedOrigins") == ("https://a.test", "https://b.test")
    assert config.get("server.address") is None


def test_bad_value_names_option_value_and_source() -> None:
    with pytest.raises(ConfigError) as info:
        Config.load(Path("/nonexistent"), env={"RILLET_SERVER_PORT": "abc"}, home=Path("/x"))
    assert str(info.value) == (
        "Config option server.port expects an int, got 'abc' (from RILLET_SERVER_PORT)"
    )


def test_bad_choice_lists_accepted_values() -> None:
    with pytest.raises(ConfigError, match=r"one of 'auto', 'watchdog', 'poll', 'none'"):
        Config.from_flags({"server.fileWatcherType": "inotify"})


def test_bool_option_rejects_numbers_from_toml(dirs: tuple[Path, Path]) -> None:
    home, project = dirs
    path = write(project / ".rillet" / "config.toml", "[server]\nheadless = 3\n")
    with pytest.raises(ConfigError, match=f"expects a bool, got 3 \\(from {path}"):
        Config.load(project, env={}, home=home)


def test_invalid_toml_names_file_and_line(dirs: tuple[Path, Path]) -> None:
    home, project = dirs
    path = write(project / ".rillet" / "config.toml", "[server]\nport = = 3\n")
    with pytest.raises(ConfigError) as info:
        Config.load(project, env={}, home=home)
    assert str(path) in str(info.value)
    assert "line 2" in str(info.value)


def test_unknown_option_in_file_logs_a_warning(
    dirs: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    home, project = dirs
    path = write(
        project / ".streamlit" / "config.toml", "[server]\nprot = 1\n[mapbox]\ntoken='x'\n"
    )
    with caplog.at_level(logging.WARNING, logger="rillet.runtime.config"):
        config = Config.load(project, env={}, home=home)
    assert config.get("server.port") == 8501
    messages = [r.getMessage() for r in caplog.records]
    assert any(str(path) in m and "server.prot" in m and "server.port" in m for m in messages)
    assert any("mapbox.token" in m for m in messages)


def test_unknown_option_suggests_close_matches() -> None:
    config = Config.defaults()
    with pytest.raises(ConfigError, match=r"Did you mean: server\.port"):
        config.get("server.prot")
    with pytest.raises(ConfigError, match="Unknown config option 'nope'"):
        config.set("nope", 1)
    with pytest.raises(ConfigError):
        Config.from_flags({"server.prot": 1})


def test_runtime_set_wins_and_is_reported() -> None:
    config = Config.from_flags({"client.showErrorDetails": "true"})
    config.set("client.showErrorDetails", False)
    assert config.get("client.showErrorDetails") is False
    assert config.source("client.showErrorDetails").layer is Layer.RUNTIME
    # A later flag does not override a runtime value.
    config.apply_flags({"client.showErrorDetails": True})
    assert config.get("client.showErrorDetails") is False


def test_server_options_cannot_be_set_at_runtime() -> None:
    config = Config.defaults()
    with pytest.raises(ConfigError) as info:
        config.set("server.port", 9000)
    message = str(info.value)
    assert "server.port" in message
    assert "--server.port" in message
    assert "RILLET_SERVER_PORT" in message
    assert config.get("server.port") == 8501
    config.set("server.port", 9000, where="flag")
    assert config.get("server.port") == 9000


def test_typed_getters() -> None:
    config = Config.defaults()
    assert config.get_int("server.port") == 8501
    assert config.get_bool("runner.magicEnabled") is True
    assert config.get_str("server.address") is None
    with pytest.raises(ConfigError, match="use get_int"):
        config.get_str("server.port")


def test_show_is_valid_toml_with_current_values() -> None:
    config = Config.from_flags(
        {"server.port": 9000, "theme.primaryColor": 'red"ish', "server.cookieSecret": "s3cret"}
    )
    text = config.show()
    assert "# TCP port the server listens on" in text
    assert "# Set by: --server.port" in text
    assert "s3cret" not in text
    parsed = tomllib.loads(text)
    assert parsed["server"]["port"] == 9000
    assert parsed["theme"]["primaryColor"] == 'red"ish'
    assert parsed["browser"]["gatherUsageStats"] is False
    assert "address" not in parsed["server"]
    sections = [line for line in text.splitlines() if line.startswith("[")]
    assert len(sections) == len(set(sections))
