#!/usr/bin/env python3
"""Git merge driver for the shared test cast (tests/world.py, tests/access/*.py) and the demo seed's modules.

Parallel branches each add a top-level block to these files (a dict of rows, an `_add_<app>(world)` function and
its call, an import), usually at the same place, so a line merge conflicts on nearly every pair, and keeping
"both sides" of a hunk cuts a dict or a function in two. This driver merges per top-level statement instead:

- a statement only one side added or changed (against the common base) is taken from that side;
- a dict literal both sides grew is merged per key (a key one side changed wins); a list literal by item;
- a function both sides grew by adding lines (`build_world`, `seed_demo.handle`) gets both, each new line after
  the line it follows on its side; an import both sides grew imports the union of the names;
- anything else both sides changed differently is a conflict, left as git's markers for a person.

Registered by `make setup` (git config merge.blocks.driver) and .gitattributes.
Usage: merge_blocks.py BASE OURS THEIRS  (writes the result into OURS, as git expects; exit 1 on a conflict).
"""

import ast
import subprocess
import sys


def blocks(source: str) -> tuple[list[str], dict[str, ast.stmt], list[tuple[str, ast.stmt]]]:
    """The file as (lines, named statements, the statements in order with their names)."""
    tree = ast.parse(source)
    ordered = []
    for node in tree.body:
        ordered.append((name_of(node, source), node))
    return source.splitlines(keepends=True), dict(ordered), ordered


def name_of(node: ast.stmt, source: str) -> str:
    if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
        return f"def {node.name}"
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return f"= {node.targets[0].id}"
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return f"= {node.target.id}"
    if isinstance(node, ast.ImportFrom) and not any(a.asname for a in node.names):
        return f"from {'.' * node.level}{node.module}"
    return "stmt " + ast.get_source_segment(source, node)


def text(lines: list[str], node: ast.stmt) -> str:
    start = node.lineno - 1
    if getattr(node, "decorator_list", None):
        start = node.decorator_list[0].lineno - 1
    return "".join(lines[start : node.end_lineno])


def merge_dict(base_src, ours_src, theirs_src) -> str | None:
    """Per-key merge of a top-level `NAME = {...}` (or `NAME: T = {...}`); None if it is not one."""
    parsed = []
    for src in (base_src, ours_src, theirs_src):
        node = ast.parse(src).body[0] if src else None
        value = getattr(node, "value", None)
        if src and not isinstance(value, ast.Dict):
            return None
        parsed.append((src, value))

    def entries(src, value):
        if value is None:
            return {}
        lines = src.splitlines(keepends=True)
        found = {}
        for k, v in zip(value.keys, value.values, strict=True):
            key = ast.get_source_segment(src, k) if k is not None else "**" + ast.get_source_segment(src, v)
            first = (k or v).lineno - 1
            found[key] = "".join(lines[first : v.end_lineno]).rstrip().rstrip(",") + ",\n"
        return found

    base, ours, theirs = (entries(*p) for p in parsed)
    result = dict(ours)
    for key, item in theirs.items():
        if key not in ours or (ours[key] != item and base.get(key) == ours[key]):
            result[key] = item
        elif ours[key] != item and base.get(key) != item:
            return None
    for key in base:
        if key in ours and key not in theirs and base[key] == ours[key]:
            del result[key]
    ours_lines = ours_src.splitlines(keepends=True)
    value = parsed[1][1]
    head = "".join(ours_lines[: value.lineno - 1]) + ours_lines[value.lineno - 1][: value.col_offset] + "{\n"
    return head + "".join(result.values()) + "}\n"


def merge_list(base_src, ours_src, theirs_src) -> str | None:
    """A top-level `NAME = [...]` both sides grew: ours, then the items only theirs added (INSTALLED_APPS, urls)."""
    parsed = []
    for src in (base_src, ours_src, theirs_src):
        node = ast.parse(src).body[0] if src else None
        value = getattr(node, "value", None)
        if src and not isinstance(value, ast.List):
            return None
        parsed.append((src, value))

    def items(src, value):
        if value is None:
            return []
        lines = src.splitlines(keepends=True)
        return ["".join(lines[e.lineno - 1 : e.end_lineno]).rstrip().rstrip(",") + ",\n" for e in value.elts]

    base, ours, theirs = (items(*p) for p in parsed)
    if any(item not in theirs for item in base if item in ours):
        return None  # theirs removed something: a person decides
    added = [item for item in theirs if item not in base and item not in ours]
    ours_lines = ours_src.splitlines(keepends=True)
    value = parsed[1][1]
    head = "".join(ours_lines[: value.lineno - 1]) + ours_lines[value.lineno - 1][: value.col_offset] + "[\n"
    return head + "".join(ours + added) + "]\n"


def merge_calls(base_src, ours_src, theirs_src) -> str | None:
    """A function whose body both sides grew only by adding whole lines: keep ours, and put each line only theirs
    added right after the line it follows in theirs (so it lands inside the same block, at the same depth)."""
    base_lines, ours_lines, theirs_lines = (s.splitlines(keepends=True) for s in (base_src, ours_src, theirs_src))
    if any(line not in ours_lines for line in base_lines) or any(line not in theirs_lines for line in base_lines):
        return None
    result = list(ours_lines)
    for i, line in enumerate(theirs_lines):
        if line in base_lines or line in ours_lines:
            continue
        previous = next((theirs_lines[j] for j in range(i - 1, -1, -1) if theirs_lines[j] in result), None)
        at = result.index(previous) + 1 if previous is not None else len(result)
        # after ours' own additions at that place, so both sides' new lines keep their order
        while at < len(result) and result[at] not in base_lines and result[at] not in theirs_lines:
            at += 1
        result.insert(at, line)
    return "".join(result)


def merge_import(base_src, ours_src, theirs_src) -> str | None:
    """``from x import (a, b)`` both sides grew: one statement importing the union of the names, sorted."""
    nodes = [ast.parse(src).body[0] if src else None for src in (base_src, ours_src, theirs_src)]
    if not all(isinstance(n, ast.ImportFrom) for n in nodes[1:]) or nodes[1].module != nodes[2].module:
        return None
    base = {a.name for a in nodes[0].names} if isinstance(nodes[0], ast.ImportFrom) else set()
    ours, theirs = ({a.name for a in n.names} for n in nodes[1:])
    if any(alias.asname for n in nodes[1:] for alias in n.names):
        return None
    names = sorted((ours | theirs) - ((base - ours) | (base - theirs)))
    body = "".join(f"    {name},\n" for name in names)
    return f"from {'.' * nodes[1].level}{nodes[1].module or ''} import (\n{body})\n"


def main(base_path: str, ours_path: str, theirs_path: str) -> int:
    sources = []
    for path in (base_path, ours_path, theirs_path):
        with open(path, encoding="utf-8") as handle:
            sources.append(handle.read())
    try:
        (b_lines, base, _), (o_lines, ours, ordered), (t_lines, theirs, t_ordered) = (blocks(s) for s in sources)
    except SyntaxError:
        return fallback(base_path, ours_path, theirs_path)
    out: list[str] = []
    conflict = False
    last_end = 0
    taken = set()
    for name, node in ordered:
        start = (node.decorator_list[0].lineno if getattr(node, "decorator_list", None) else node.lineno) - 1
        out.append("".join(o_lines[last_end:start]))  # comments and blank lines between statements
        last_end = node.end_lineno
        taken.add(name)
        mine = text(o_lines, node)
        other = text(t_lines, theirs[name]) if name in theirs else None
        old = text(b_lines, base[name]) if name in base else None
        if other is None:
            out.append("" if old == mine else mine)  # theirs deleted it and we did not change it
            continue
        if other in (mine, old):
            out.append(mine)
        elif mine == old:
            out.append(other)
        else:
            merged = (
                merge_import(old, mine, other)
                or merge_dict(old, mine, other)
                or merge_list(old, mine, other)
                or merge_calls(old or "", mine, other)
            )
            if merged is None:
                conflict = True
                merged = f"<<<<<<< ours\n{mine}=======\n{other}>>>>>>> theirs\n"
            out.append(merged)
        # statements theirs added right after this one go here, in their order
        names = [n for n, _ in t_ordered]
        for later in names[names.index(name) + 1 :]:
            if later in ours or later in base:
                break
            out.append("\n\n" if later.startswith("def") else "\n")
            out.append(text(t_lines, theirs[later]))
            taken.add(later)
    out.append("".join(o_lines[last_end:]))
    for name, node in t_ordered:  # added by theirs before anything both have (rare)
        if name not in taken and name not in base:
            out.append("\n" + text(t_lines, node))
    result = "".join(out)
    with open(ours_path, "w", encoding="utf-8") as handle:
        handle.write(result)
    return 1 if conflict else 0


def fallback(base_path, ours_path, theirs_path) -> int:
    # not Python (a file mid-rewrite): git's own line merge, with its conflict markers
    return subprocess.call(["git", "merge-file", ours_path, base_path, theirs_path])  # noqa: S603, S607


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
