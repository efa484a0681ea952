"""The alias table decides every module and public name of Streamlit 1.67.

Streamlit's modules are walked programmatically (``pkgutil.walk_packages``),
so a module or a public name a new Streamlit release adds fails here until
``rillet/compat/table.py`` decides it.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.util
import pkgutil
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import rillet
from rillet import compat
from rillet.compat.table import BELOW, MODULES, ROOT_GONE, Forward, Gone, Shim

streamlit = pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

# Names Streamlit has and rillet does not have yet, each with the issue that
# adds it. The lead prunes this set as the issues land; any other missing
# name fails the tests below. Root names are bare, others are full paths.
PENDING = {
    # issue 10: data
    # (the typing names point at rillet.typing until their issue says where they live)
    "streamlit.typing.ButtonColumnClickState": "issue 10",
    "streamlit.typing.DataEditorState": "issue 10",
    # issue 11: charts
    "streamlit.typing.EChartsState": "issue 11",
    "streamlit.typing.PlotlyState": "issue 11",
    "streamlit.typing.PydeckState": "issue 11",
}

_SKIPPED = (".proto.", ".vendor", ".static")


def streamlit_modules() -> list[str]:
    """Every public module of the installed Streamlit (no private parts, no generated protos)."""
    found = ["streamlit"]
    for info in pkgutil.walk_packages(streamlit.__path__, "streamlit.", onerror=lambda _: None):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        if any(s in info.name + "." for s in _SKIPPED):
            continue
        found.append(info.name)
    return found


def public_names(module_name: str) -> set[str]:
    """The names a Streamlit module offers: ``__all__``, or what its source defines.

    Read from the source, not ``dir()``: a module's imports of typing
    helpers or other libraries are not names it offers. A package also
    offers what its ``__init__`` imports from its own modules.
    """
    source = streamlit_source(module_name)
    assert source is not None, module_name
    tree = ast.parse(source.read_text(encoding="utf-8"))
    is_package = source.name == "__init__.py"
    names: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
                for t in node.targets:
                    if isinstance(t, ast.Name) and t.id == "__all__":
                        names.clear()
                        names.update(ast.literal_eval(node.value))
                        raise StopIteration
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                if node.value is not None:
                    names.add(node.target.id)
            elif isinstance(node, ast.ImportFrom) and is_package:
                internal = node.level > 0 or (node.module or "").startswith("streamlit")
                if internal:
                    names.update(
                        a.asname or a.name for a in node.names if a.asname in (None, a.name)
                    )
            elif isinstance(node, ast.If):
                test = node.test
                if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
                    continue
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)

    with contextlib.suppress(StopIteration):  # __all__ found: it is the answer
        visit(tree.body)
    return {n for n in names if not n.startswith("_")}


def streamlit_source(module_name: str) -> Path | None:
    """The file of one of the installed Streamlit's modules (found without importing it)."""
    base = Path(streamlit.__file__).parent.joinpath(*module_name.split(".")[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def decision(path: str) -> Shim | Forward | Gone | str | None:
    """The table's answer for ``path``: its entry, the advice of an ancestor, or None."""
    if path in MODULES:
        return MODULES[path]
    parent = path
    while "." in parent:
        parent = parent.rpartition(".")[0]
        if isinstance(MODULES.get(parent), Gone):
            return MODULES[parent]
        if parent in BELOW:
            return BELOW[parent]
    return None


def shims() -> Iterator[tuple[str, Shim]]:
    for path, entry in MODULES.items():
        if isinstance(entry, Shim):
            yield path, entry


@pytest.fixture
def alias() -> Iterator[types.ModuleType]:
    assert compat.install_streamlit_alias()
    try:
        yield importlib.import_module("streamlit")
    finally:
        compat.uninstall_streamlit_alias()


# ------------------------------------------------------------- completeness


def test_every_streamlit_module_is_decided_by_the_table() -> None:
    undecided = [m for m in streamlit_modules()[1:] if decision(m) is None]
    assert undecided == [], f"add these to rillet/compat/table.py: {undecided}"


def test_every_public_name_of_a_shimmed_module_is_mapped_or_declared_internal() -> None:
    problems = {}
    for path, shim in shims():
        if streamlit_source(path) is None:
            continue  # an older path apps still use (not in 1.67)
        undecided = public_names(path) - set(shim.names) - set(shim.internal)
        if undecided:
            problems[path] = sorted(undecided)
    assert problems == {}, f"decide these names in rillet/compat/table.py: {problems}"


def test_every_mapped_name_exists_in_rillet_unless_pending() -> None:
    missing = {
        f"{path}.{name}": target
        for path, shim in shims()
        for name, target in shim.names.items()
        if not compat.available(target) and f"{path}.{name}" not in PENDING
    }
    assert missing == {}


def test_forwarded_modules_offer_streamlits_names_once_they_exist() -> None:
    for path, entry in MODULES.items():
        if not isinstance(entry, Forward):
            continue
        name = path.rpartition(".")[2]
        if importlib.util.find_spec(entry.target) is None:
            assert name in PENDING, f"{entry.target} is missing and {name} is not pending"
            continue
        target = importlib.import_module(entry.target)
        assert public_names(path) - set(dir(target)) == set()


def test_pending_names_are_still_missing() -> None:
    """A name that landed must leave PENDING, so the set stays honest."""
    landed = []
    for name in PENDING:
        if "." not in name:
            import rillet

            entry = MODULES.get(f"streamlit.{name}")
            target = entry.target if isinstance(entry, Forward) else None
            if name in rillet.__all__ or (target and importlib.util.find_spec(target)):
                landed.append(name)
            continue
        module, _, attribute = name.rpartition(".")
        entry = MODULES.get(module)
        if isinstance(entry, Shim) and compat.available(entry.names[attribute]):
            landed.append(name)
    assert landed == [], f"remove these from PENDING: {landed}"


# --------------------------------------------------------------- the root


def test_every_public_name_of_streamlit_resolves_under_the_alias(
    alias: types.ModuleType,
) -> None:
    # `streamlit.streamlit` is the package itself, left behind by its own imports.
    names = [n for n in dir(streamlit) if not n.startswith("_") and n != "streamlit"]
    unresolved = []
    for name in names:
        if name in PENDING or name in ROOT_GONE:
            continue
        entry = decision(f"streamlit.{name}")
        if isinstance(entry, (Gone, str)):
            continue  # an internal module: the alias says what to use instead
        if not hasattr(alias, name):
            unresolved.append(name)
    assert unresolved == []


def test_from_streamlit_import_gives_the_same_object_as_the_submodule(
    alias: types.ModuleType,
) -> None:
    for path, entry in MODULES.items():
        if isinstance(entry, Gone) or path.count(".") != 1:
            continue
        name = path.rpartition(".")[2]
        try:
            module = importlib.import_module(path)
        except ModuleNotFoundError:
            assert name in PENDING
            continue
        namespace: dict[str, object] = {}
        exec(f"from streamlit import {name} as value", namespace)
        if not isinstance(getattr(streamlit, name), types.ModuleType):
            # st.navigation: the command, as in Streamlit, not the package
            assert namespace["value"] is getattr(alias, name) is getattr(rillet, name)
            continue
        assert namespace["value"] is module is getattr(alias, name), path


def test_runtime_under_the_alias_is_the_streamlit_runtime_not_rillets(
    alias: types.ModuleType,
) -> None:
    from streamlit import runtime

    assert runtime.exists() is False
    assert runtime.scriptrunner.get_script_run_ctx() is None
    import streamlit.runtime.scriptrunner as scriptrunner

    assert scriptrunner is runtime.scriptrunner
    with pytest.raises(RuntimeError, match="no app is running"):
        runtime.get_instance()


def test_streamlits_exception_names_catch_what_rillet_raises(alias: types.ModuleType) -> None:
    import streamlit.errors as errors

    from rillet.runtime.errors import RilletAPIException

    for name in public_names("streamlit.errors") - {"util"}:
        assert isinstance(getattr(errors, name), type), name
    with pytest.raises(errors.StreamlitValueError):
        raise RilletAPIException("bad")


@pytest.mark.parametrize(
    ("statement", "error", "words"),
    [
        (
            "import streamlit.web.server.websocket_headers",
            ModuleNotFoundError,
            "st.context.headers",
        ),
        (
            "from streamlit.runtime.scriptrunner import ScriptRunner",
            ImportError,
            "get_script_run_ctx",
        ),
        ("from streamlit import App", ImportError, "rillet run"),
        ("import streamlit.proto.Alert_pb2", ModuleNotFoundError, "rillet.protocol"),
        (
            "from streamlit.elements.lib.mutable_status_container import StatusContainer",
            ModuleNotFoundError,
            "st.* command",
        ),
        ("import streamlit.runtime.forward_msg_queue", ModuleNotFoundError, "get_script_run_ctx"),
    ],
)
def test_a_path_rillet_lacks_fails_naming_it_and_what_to_use(
    alias: types.ModuleType, statement: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as caught:
        exec(statement, {})
    message = str(caught.value)
    assert words in message
    assert statement.split()[1].split(".")[-1] in message or "streamlit" in message


def test_feature_checks_with_hasattr_stay_quiet(alias: types.ModuleType) -> None:
    import streamlit.runtime.scriptrunner as scriptrunner

    assert hasattr(scriptrunner, "get_script_run_ctx")
    assert not hasattr(scriptrunner, "ScriptRunner")
    assert getattr(alias, "App", None) is None
    assert not hasattr(alias, "no_such_command")


def test_apps_that_look_beside_streamlits_files_find_nothing_to_patch(
    alias: types.ModuleType,
) -> None:
    folder = Path(alias.__file__).parent
    assert folder == Path(compat.__file__).parent
    assert not (folder / "static" / "index.html").exists()
