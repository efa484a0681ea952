from __future__ import annotations

from pathlib import Path

import pytest

from rillet.runtime.secrets import (
    MissingSecretError,
    Secrets,
    SecretSection,
    SecretsFileError,
    SecretsNotFoundError,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(
        tmp_path / "app" / ".streamlit" / "secrets.toml",
        'api_key = "k1"\nport = 5\n[db]\nuser = "ann"\npassword = "hunter2"\n',
    )
    return tmp_path / "app"


def make(project: Path, environ: dict[str, str] | None = None) -> Secrets:
    env = {} if environ is None else environ
    return Secrets.for_project([project], home=project.parent / "home", environ=env)


def test_dict_and_attribute_access(project: Path) -> None:
    secrets = make(project)
    assert secrets["db"]["user"] == "ann"
    assert secrets.db.user == "ann"
    assert secrets.api_key == "k1"
    assert isinstance(secrets.db, SecretSection)
    assert "db" in secrets and "nope" not in secrets
    assert len(secrets) == 3
    assert sorted(secrets) == ["api_key", "db", "port"]
    assert secrets.get("nope") is None
    assert secrets.get("port") == 5
    assert secrets.db == {"user": "ann", "password": "hunter2"}


def test_to_dict_is_a_plain_deep_copy(project: Path) -> None:
    secrets = make(project)
    data = secrets.to_dict()
    assert data == {"api_key": "k1", "port": 5, "db": {"user": "ann", "password": "hunter2"}}
    assert type(data["db"]) is dict
    data["db"]["user"] = "eve"
    assert secrets.db.user == "ann"


def test_secrets_are_read_only(project: Path) -> None:
    secrets = make(project)
    with pytest.raises(TypeError):
        secrets["api_key"] = "x"  # type: ignore[index,unused-ignore]
    with pytest.raises(TypeError, match="read-only"):
        secrets.api_key = "x"
    with pytest.raises(TypeError, match="read-only"):
        secrets.db.user = "x"


def test_files_are_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    secrets = Secrets([path], environ={})
    write(path, 'token = "late"\n')
    assert secrets.token == "late"


def test_later_files_override_and_tables_merge(tmp_path: Path) -> None:
    home, project = tmp_path / "home", tmp_path / "app"
    write(home / ".rillet" / "secrets.toml", 'a = "home"\n[db]\nuser = "u0"\nhost = "h0"\n')
    write(project / ".streamlit" / "secrets.toml", 'a = "st"\n[db]\nuser = "u1"\n')
    write(project / ".rillet" / "secrets.toml", 'b = "rl"\n[db]\nport = 1\n')
    secrets = Secrets.for_project([project], home=home, environ={})
    assert secrets.to_dict() == {
        "a": "st",
        "b": "rl",
        "db": {"user": "u1", "host": "h0", "port": 1},
    }
    assert secrets.files == (
        home / ".rillet" / "secrets.toml",
        project / ".streamlit" / "secrets.toml",
        project / ".rillet" / "secrets.toml",
    )


def test_missing_key_names_key_and_files(project: Path) -> None:
    secrets = make(project)
    with pytest.raises(KeyError) as info:
        secrets["nope"]
    message = str(info.value)
    assert "'nope'" in message
    assert str(project / ".streamlit" / "secrets.toml") in message
    assert str(project / ".rillet" / "secrets.toml") in message
    with pytest.raises(AttributeError, match=r"st\.secrets\.db has no key 'host'"):
        _ = secrets.db.host
    assert not hasattr(secrets, "nope")
    assert isinstance(info.value, MissingSecretError)


def test_no_secrets_file_lists_paths_searched(tmp_path: Path) -> None:
    paths = [tmp_path / "a" / "secrets.toml", tmp_path / "b" / "secrets.toml"]
    secrets = Secrets(paths, environ={})
    with pytest.raises(FileNotFoundError) as info:
        secrets["db"]
    assert isinstance(info.value, SecretsNotFoundError)
    assert all(str(p) in str(info.value) for p in paths)
    with pytest.raises(FileNotFoundError):
        _ = secrets.db
    assert not secrets.load()


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "secrets.toml", 'ok = "1"\npassword = "unterminated\n')
    with pytest.raises(SecretsFileError) as info:
        Secrets([path], environ={}).load()
    assert str(path) in str(info.value)
    assert "line 2" in str(info.value)
    assert "unterminated" not in str(info.value)


def test_repr_shows_keys_never_values(project: Path) -> None:
    secrets = make(project)
    assert repr(secrets) == "Secrets(not loaded)"
    secrets.load()
    assert "hunter2" not in repr(secrets) and "k1" not in repr(secrets)
    assert "api_key" in repr(secrets)
    assert "hunter2" not in repr(secrets.db)
    assert "password" in repr(secrets.db)


def test_top_level_strings_are_exported_to_environ(project: Path) -> None:
    environ: dict[str, str] = {}
    secrets = make(project, environ)
    assert environ == {}
    secrets.load()
    assert environ == {"api_key": "k1"}
    secrets.reload()
    assert environ == {}


def test_reload_reads_changed_files(project: Path) -> None:
    path = project / ".streamlit" / "secrets.toml"
    secrets = make(project)
    assert secrets.api_key == "k1"
    write(path, 'api_key = "k2"\n')
    assert secrets.api_key == "k1"
    assert not secrets.file_changed(project / "app.py")
    assert secrets.file_changed(path)
    assert secrets.api_key == "k2"


def test_arrays_of_tables_are_sections_and_lists_are_copies(tmp_path: Path) -> None:
    path = write(tmp_path / "secrets.toml", 'hosts = ["a", "b"]\n[[users]]\nname = "x"\n')
    secrets = Secrets([path], environ={})
    secrets.hosts.append("c")
    assert secrets.hosts == ["a", "b"]
    assert secrets.users[0].name == "x"
    assert secrets.to_dict()["users"] == [{"name": "x"}]


def test_from_mapping_needs_no_files() -> None:
    secrets = Secrets.from_mapping({"token": "t", "db": {"user": "ann"}})
    assert secrets.db.user == "ann"
    secrets.reload()
    assert secrets.token == "t"
    with pytest.raises(KeyError, match="'nope'"):
        secrets["nope"]
