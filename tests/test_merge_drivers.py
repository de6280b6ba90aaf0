"""The merge driver for the shared test cast merges per top-level statement (tools/merge_blocks.py)."""

import ast
import subprocess
import sys
from pathlib import Path

DRIVER = Path(__file__).resolve().parents[1] / "tools" / "merge_blocks.py"

BASE = """from a import A

ROWS = {
    "one": 1,
}


def build_world(world):
    _add_one(world)
    return world


def _add_one(world):
    world.one = 1
"""
OURS = (
    BASE.replace('    "one": 1,\n', '    "one": 1,\n    "two": 2,\n').replace(
        "    _add_one(world)\n", "    _add_one(world)\n    _add_two(world)\n"
    )
    + "\n\ndef _add_two(world):\n    world.two = 2\n"
)
THEIRS = (
    BASE.replace('    "one": 1,\n', '    "one": 10,\n    "three": 3,\n').replace(
        "    _add_one(world)\n", "    _add_one(world)\n    _add_three(world)\n"
    )
    + "\n\ndef _add_three(world):\n    world.three = 3\n"
)


def merge(tmp_path, base, ours, theirs):
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.py"
        path.write_text(text)
        paths.append(str(path))
    code = subprocess.call([sys.executable, str(DRIVER), *paths])  # noqa: S603
    return code, (tmp_path / "ours.py").read_text()


def test_both_sides_rows_calls_and_functions_are_kept(tmp_path):
    code, result = merge(tmp_path, BASE, OURS, THEIRS)
    assert code == 0
    namespace = {}
    exec(compile(ast.parse(result.replace("from a import A\n", "")), "merged", "exec"), namespace)  # noqa: S102
    assert namespace["ROWS"] == {"one": 10, "two": 2, "three": 3}  # theirs changed "one", ours did not

    class World:
        pass

    world = namespace["build_world"](World())
    assert (world.one, world.two, world.three) == (1, 2, 3)
    assert result.count("return world") == 1


def test_a_row_both_sides_changed_differently_is_left_to_a_person(tmp_path):
    ours = BASE.replace('"one": 1', '"one": 2')
    theirs = BASE.replace('"one": 1', '"one": 3')
    code, result = merge(tmp_path, BASE, ours, theirs)
    assert code == 1
    assert "<<<<<<< ours" in result and '"one": 2' in result and '"one": 3' in result


def test_lines_added_inside_a_block_and_names_added_to_one_import_meet(tmp_path):
    base = (
        "from apps.demo import (\n    a,\n    b,\n)\n\n\ndef handle():\n    with x():\n        a.seed()\n"
        "        b.seed()\n    print('done')\n"
    )
    ours = base.replace("    b,\n", "    b,\n    c,\n").replace(
        "        b.seed()\n", "        b.seed()\n        c.seed()\n"
    )
    theirs = base.replace("    a,\n", "    a,\n    d,\n").replace(
        "        a.seed()\n", "        a.seed()\n        d.seed()\n"
    )
    code, result = merge(tmp_path, base, ours, theirs)
    assert code == 0
    assert "from apps.demo import (\n    a,\n    b,\n    c,\n    d,\n)\n" in result
    assert result.count("from apps.demo import") == 1
    assert "        a.seed()\n        d.seed()\n        b.seed()\n        c.seed()\n    print('done')\n" in result
