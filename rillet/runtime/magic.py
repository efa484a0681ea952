"""Magic: a bare expression statement in a script is written with st.write.

Like a notebook: ``df`` on its own line shows ``df``. Calls (``foo()``),
docstrings, ``yield`` and ``await`` are left alone; a bare tuple writes each
item. Function bodies write when called; a class body does not, though the
methods defined directly in it do. The rewrite happens once per file change,
at compile time.
"""

from __future__ import annotations

import ast

_MODULE = "__rillet_st__"


def add_magic(tree: ast.Module) -> ast.Module:
    """Rewrite ``tree`` in place so bare expressions are written."""
    _rewrite_body(tree.body, parent=tree)
    tree.body.insert(_import_position(tree), _import_node())
    ast.fix_missing_locations(tree)
    return tree


def _rewrite_body(body: list[ast.stmt], parent: ast.AST) -> None:
    for index, node in enumerate(body):
        if isinstance(node, ast.Expr):
            if _should_write(node.value, index, parent):
                body[index] = _write_call(node)
            continue
        if isinstance(node, ast.ClassDef):
            _rewrite_methods(node)
            continue
        for name in ("body", "orelse", "finalbody"):
            child = getattr(node, name, None)
            if isinstance(child, list) and child and isinstance(child[0], ast.stmt):
                _rewrite_body(child, parent=node)
        for handler in getattr(node, "handlers", []):
            _rewrite_body(handler.body, parent=handler)
        for case in getattr(node, "cases", []):
            _rewrite_body(case.body, parent=case)


def _rewrite_methods(cls: ast.ClassDef) -> None:
    # A class body runs when the class is defined, so its bare expressions
    # are declarations, not output; only the methods defined right in it
    # write, when they are called (as in Streamlit).
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _rewrite_body(node.body, parent=node)


def _should_write(value: ast.expr, index: int, parent: ast.AST) -> bool:
    if isinstance(value, (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)):
        return False
    is_docstring = (
        index == 0
        and isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and isinstance(parent, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    )
    return not is_docstring


def _write_call(node: ast.Expr) -> ast.Expr:
    args = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
    call = ast.Call(
        func=ast.Attribute(
            value=ast.Name(id=_MODULE, ctx=ast.Load()), attr="write", ctx=ast.Load()
        ),
        args=list(args),
        keywords=[],
    )
    return ast.copy_location(ast.Expr(value=call), node)


def _import_position(tree: ast.Module) -> int:
    position = 0
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        position = 1  # after the module docstring
    while position < len(body):
        node = body[position]
        if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
            break
        position += 1
    return position


def _import_node() -> ast.Import:
    return ast.Import(names=[ast.alias(name="rillet", asname=_MODULE)])
