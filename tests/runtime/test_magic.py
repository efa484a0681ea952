"""Magic: bare expressions in a script are written with st.write."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.config import Config
from rillet.runtime.interrupts import RerunData
from rillet.runtime.magic import add_magic
from rillet.runtime.outbox import run_now
from rillet.runtime.runtime import Runtime
from rillet.runtime.script_runner import ScriptCache
from rillet.testing import AppTest


def _magic(source: str) -> str:
    return ast.unparse(add_magic(ast.parse(source)))


def _shown(source: str) -> list[str]:
    at = AppTest.from_string(source).run()
    assert list(at.exception) == []
    return [m.value for m in at.markdown]


def test_a_bare_expression_is_written() -> None:
    assert _shown('import rillet as st\n"hello"\n42\nx = 3\nx * 2\n') == [
        "hello",
        "`42`",
        "`6`",
    ]


def test_a_bare_tuple_writes_its_items_together() -> None:
    assert _shown('import rillet as st\n"total:", 3\n') == ["total: `3`"]


def test_module_function_and_class_docstrings_are_not_written() -> None:
    source = '''
"""Module docstring."""
import rillet as st

def f():
    """Function docstring."""
    return 1

class C:
    """Class docstring."""

f()
"shown"
'''
    assert _shown(source) == ["shown"]


def test_calls_are_not_written() -> None:
    source = 'import rillet as st\nlen("abc")\nst.markdown("explicit")\nprint("x")\n'
    assert _shown(source) == ["explicit"]


def test_expressions_inside_blocks_and_functions_are_written() -> None:
    source = """
import rillet as st

if True:
    "in if"
else:
    "not reached"
for i in range(2):
    f"loop {i}"
while False:
    "never"
with st.container():
    "in with"
try:
    "in try"
    raise ValueError
except ValueError:
    "in except"
finally:
    "in finally"

def show():
    x = "in function"
    x

show()
match 3:
    case 3:
        "in match"
"""
    assert _shown(source) == [
        "in if",
        "loop 0",
        "loop 1",
        "in with",
        "in try",
        "in except",
        "in finally",
        "in function",
        "in match",
    ]


def test_yield_and_await_statements_are_left_alone() -> None:
    rewritten = _magic("def gen():\n    yield 1\n\nasync def co():\n    await thing\n")

    assert "write" not in rewritten
    assert "yield 1" in rewritten and "await thing" in rewritten


def test_the_import_goes_after_the_docstring_and_future_imports() -> None:
    rewritten = _magic('"""Doc."""\nfrom __future__ import annotations\nx = 1\nx\n')

    lines = rewritten.splitlines()
    assert lines[:3] == [
        '"""Doc."""',
        "from __future__ import annotations",
        "import rillet as __rillet_st__",
    ]
    assert lines[-1] == "__rillet_st__.write(x)"


def test_a_script_with_a_future_import_still_compiles_and_runs() -> None:
    assert _shown('from __future__ import annotations\nimport rillet as st\n"ok"\n') == ["ok"]


def _shown_with(source: str, **options: bool) -> list[str]:
    at = AppTest.from_string(source)
    at._session.app.scripts = ScriptCache(**options)
    at.run()
    assert list(at.exception) == []
    return [m.value for m in at.markdown]


def test_the_root_docstring_is_written_when_asked() -> None:
    source = '"""Sales report."""\nfrom __future__ import annotations\nimport rillet as st\n'
    assert _shown_with(source, root_docstring=True) == ["Sales report."]
    assert _shown(source) == []  # off by default


@pytest.mark.parametrize(
    ("last_line", "shown"),
    [
        ("len([1, 2])", ["`2`"]),  # a call too
        ("print('hi')", ["`None`"]),  # whatever it returns
        ("len([1, 2]);", []),  # a semicolon silences it
        ("len([1, 2])  # a comment", ["`2`"]),
        ("if True:\n    len([1])", []),  # only the top level's last statement
        ("len([1])\nx = 2", []),  # which must be an expression
        ('"""Only a docstring."""', []),
    ],
)
def test_the_last_expression_is_written_unless_it_ends_with_a_semicolon(
    last_line: str, shown: list[str]
) -> None:
    source = f"import rillet as st\n{last_line}\n"
    if last_line.startswith('"""'):
        source = f"{last_line}\nimport rillet as st\n"
    assert _shown_with(source, last_expression=True) == shown
    assert _shown(source) == []  # off by default


def test_the_magic_options_come_from_the_config(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text('"""Doc."""\nlen([1, 2])\n')
    config = Config.from_flags(
        {"magic.displayRootDocString": True, "magic.displayLastExprIfNoSemicolon": True}
    )
    runtime = Runtime(script, config)
    frames: list[bytes] = []
    try:
        session = runtime.connect(frames.append, run_now)
        session.request_rerun(RerunData(widget_states=pb.WidgetStates()))
        assert session.runner.wait_idle(5)
    finally:
        runtime.shutdown()
    bodies = [
        msg.delta.new_element.markdown.body
        for frame in frames
        for msg in pb.ForwardBatch.FromString(frame).msgs
        if msg.HasField("delta") and msg.delta.new_element.HasField("markdown")
    ]
    assert bodies == ["Doc.", "`2`"]
