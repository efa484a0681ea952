"""Magic: a bare expression statement in a script is written with st.write.

Like a notebook: ``df`` on its own line shows ``df``. Calls (``foo()``),
docstrings, ``yield`` and ``await`` are left alone; a bare tuple writes each
item. Function bodies write when called; a class body does not, though the
methods defined directly in it do. The rewrite happens once per file change,
at compile time.

Two options make the script's top level read more like a notebook cell:
``magic.displayRootDocString`` writes its docstring, and
``magic.displayLastExprIfNoSemicolon`` writes its last statement when that is
an expression of any kind (a call too, whatever it returns) not ended by ``;``.
"""

from __future__ import annotations

import ast

_MODULE = "__rillet_st__"


def add_magic(
    tree: ast.Module,
    source: str = "",
    *,
    root_docstring: bool = False,
    last_expression: bool = False,
) -> ast.Module:
    """Rewrite ``tree`` (parsed from ``source``) in place so bare expressions are written.

    Args:
        root_docstring: also write the module's docstring.
        last_expression: also write the module's last statement when it is
            an expression (a call too) and ``source`` shows no ``;`` after it.

    Example:
        >>> tree = add_magic(ast.parse("x = 2; x"))
        >>> "__rillet_st__.write(x)" in ast.unparse(tree)
        True
    """
    body = tree.body
    _rewrite_body(body, parent=tree)
    first = body[0] if body else None
    docstring = first if isinstance(first, ast.Expr) and _is_docstring(first, 0, tree) else None
    last = body[-1] if body else None
    if (
        last_expression
        and isinstance(last, ast.Expr)
        and last is not docstring
        and not _written(last)
        and not _ends_with_semicolon(last, source)
    ):
        body[-1] = _write_call(last)
    position = _import_position(tree)
    body.insert(position, _import_node())
    if root_docstring and docstring is not None:
        # Written after the imports: the docstring stays the module's
        # ``__doc__`` and ``from __future__`` imports stay first.
        body.insert(position + 1, _write_call(docstring))
    ast.fix_missing_locations(tree)
    return tree


def _written(node: ast.Expr) -> bool:
    call = node.value
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == _MODULE
    )


def _ends_with_semicolon(node: ast.stmt, source: str) -> bool:
    lines = source.splitlines()
    if node.end_lineno is None or node.end_col_offset is None or node.end_lineno > len(lines):
        return False
    line = lines[node.end_lineno - 1].encode()  # AST offsets count UTF-8 bytes
    return line[node.end_col_offset :].lstrip().startswith(b";")


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
    return not _is_docstring(ast.Expr(value=value), index, parent)


def _is_docstring(node: ast.stmt, index: int, parent: ast.AST) -> bool:
    return (
        index == 0
        and isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        and isinstance(parent, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    )


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
    if body and _is_docstring(body[0], 0, tree):
        position = 1  # after the module docstring
    while position < len(body):
        node = body[position]
        if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
            break
        position += 1
    return position


def _import_node() -> ast.Import:
    return ast.Import(names=[ast.alias(name="rillet", asname=_MODULE)])
