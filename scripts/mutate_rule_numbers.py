"""One number at a time: change each number of the rules modules' tables and check that a rule test notices.

mutmut (``[tool.mutmut]`` in pyproject.toml) mutates the bodies of functions only, and the rules modules
(``src/crsrules/rules/y*.py``) are module-level data: the points, thresholds, caps, windows, charts and dates of the
law. This script changes each integer or float literal of those modules in turn (a year, month or day of a date
included), runs the tests mutmut runs (the same selection, stopping at the first failure), and lists every number
that no test notices. A number becomes itself plus 1, or minus 1 where plus 1 gives rules that cannot be built (a
threshold equal to the next one, a 13th month); a number that neither change leaves buildable is reported as caught
by the rules' own checks. The days the rules were last checked against their sources (``VERIFIED_ON``,
``verified_on=``) are not numbers of the law and are left alone.

Usage (from the project root, with the test dependencies installed)::

    python scripts/mutate_rule_numbers.py            # every rules module, two at a time
    python scripts/mutate_rule_numbers.py -j 1 y2019 # one module
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "src" / "crsrules" / "rules"
# Literals under these names are bookkeeping, not rules.
SKIPPED_NAMES = {"VERIFIED_ON", "verified_on"}


class Mutant(NamedTuple):
    """One number of a rules module, where it is, and what it may become (plus 1, then minus 1)."""

    module: str
    line: int
    start: int
    end: int
    old: str
    new: tuple[str, ...]


def _skipped_spans(tree: ast.Module) -> list[tuple[int, int]]:
    """Line spans of the assignments and keyword arguments named in SKIPPED_NAMES."""
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in SKIPPED_NAMES:
            spans.append((node.value.lineno, node.value.end_lineno or node.value.lineno))
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id in SKIPPED_NAMES for t in targets):
            spans.append((node.lineno, node.end_lineno or node.lineno))
    return spans


def mutants(module: str) -> list[Mutant]:
    """Every number of *module* with its value plus one."""
    source = (RULES / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    skipped = _skipped_spans(tree)
    lines = source.splitlines()
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
            continue
        if not isinstance(node.value, int | float) or node.end_col_offset is None:
            continue
        if any(first <= node.lineno <= last for first, last in skipped):
            continue
        old = lines[node.lineno - 1][node.col_offset : node.end_col_offset]
        changes = (repr(node.value + 1), repr(node.value - 1))
        found.append(Mutant(module, node.lineno, node.col_offset, node.end_col_offset, old, changes))
    return sorted(found)


def _selection() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    return [*config["pytest_add_cli_args_test_selection"], *config.get("pytest_add_cli_args", [])]


def _run(mutant: Mutant, copy: Path) -> tuple[Mutant, str, str]:
    """Apply *mutant* to the copy of the sources at *copy*, run the tests, restore the file.

    Returns the mutant, its outcome (``"killed"``, ``"survived"`` or ``"unbuildable"``) and the change tried.
    """
    target = copy / "crsrules" / "rules" / f"{mutant.module}.py"
    original = target.read_text(encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        for new in mutant.new:
            lines = original.splitlines(keepends=True)
            line = lines[mutant.line - 1]
            lines[mutant.line - 1] = line[: mutant.start] + new + line[mutant.end :]
            target.write_text("".join(lines), encoding="utf-8")
            importing = [sys.executable, "-c", "import crsrules"]
            built = subprocess.run(importing, env=env, capture_output=True, check=False)  # noqa: S603
            if built.returncode != 0:
                continue
            command = [sys.executable, "-m", "pytest", "-x", "-q", "--no-header", *_selection()]
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)  # noqa: S603
            return mutant, "killed" if done.returncode != 0 else "survived", new
    finally:
        target.write_text(original, encoding="utf-8")
    return mutant, "unbuildable", ""


def main() -> int:
    """Run every mutant of the modules named (default: all) and list the survivors; exit 1 if any survive."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="rules modules such as y2015 (default: all)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="mutants run at once (default 2)")
    options = parser.parse_args()
    modules = options.modules or sorted(p.stem for p in RULES.glob("y*.py"))
    todo = [m for module in modules for m in mutants(module)]
    print(f"{len(todo)} numbers in {', '.join(modules)}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for i in range(options.jobs):
            copy = Path(tmp) / str(i)
            shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
            copies.append(copy)
        free = list(copies)

        def work(mutant: Mutant) -> tuple[Mutant, str, str]:
            copy = free.pop()
            try:
                return _run(mutant, copy)
            finally:
                free.append(copy)

        survivors = []
        unbuildable = 0
        with ThreadPoolExecutor(max_workers=options.jobs) as pool:
            for mutant, outcome, new in pool.map(work, todo):
                where = f"{mutant.module}.py:{mutant.line}:{mutant.start + 1}"
                if outcome == "survived":
                    survivors.append(mutant)
                    print(f"SURVIVED {where}: {mutant.old} -> {new}", flush=True)
                elif outcome == "unbuildable":
                    unbuildable += 1
                    print(f"caught by the rules' checks {where}: {mutant.old} -> {' or '.join(mutant.new)}", flush=True)
    caught = len(todo) - len(survivors)
    print(f"{caught} of {len(todo)} numbers changed are caught ({unbuildable} by the rules' own checks); "
          f"{len(survivors)} survive")  # fmt: skip
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
