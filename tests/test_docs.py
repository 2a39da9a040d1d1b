"""The Python examples in the README and the docs run and print what their comments say.

Blocks fenced as ```python are run; blocks fenced as ```py are illustrative (placeholders, hypothetical modules).
A block whose first line is ``# requires: pandas, dask.dataframe`` (modules, then anything in parentheses) runs only
where those modules import: without them the rest of its page is skipped, since later blocks build on it.
"""

import importlib
import re
import warnings
from pathlib import Path

import pytest

import crsrules

ROOT = Path(__file__).parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
PAGES = [p for p in PAGES if "_generated" not in p.parts and "_build" not in p.parts]


def _blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)


def _missing(block: str) -> list[str]:
    """The modules that the block's ``# requires:`` line names and that do not import here."""
    line = re.match(r"#\s*requires:\s*([\w., ]+)", block)
    missing = []
    for name in re.split(r"[,\s]+", line.group(1).strip()) if line else ():
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_print_what_they_say(page, capsys, monkeypatch):
    """Every ```python block of a page runs in one namespace; `print(...)  # text` must print exactly `text`."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for block in _blocks(page):
        if missing := _missing(block):
            pytest.skip(f"the optional {', '.join(missing)} not installed (pip install 'crsrules[dataframes]')")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
            # Dask's own use of deprecated pandas (set_index(inplace=True) in to_parquet) is not the example's.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"dask\.")
            exec(compile(block, str(page), "exec"), namespace)  # noqa: S102 (our own docs)
        printed = capsys.readouterr().out.splitlines()
        for expected in re.findall(r"^\s*print\(.*\)\s+#\s*(.+)$", block, flags=re.MULTILINE):
            assert expected.strip() in printed


def test_a_block_that_requires_a_missing_module_is_skipped():
    """The ``# requires:`` line: modules that import are not missing, others are."""
    assert [] == _missing("# requires: json, importlib.util (the standard library)\nprint(1)\n")
    assert ["no_such_module"] == _missing("# requires: json, no_such_module\n")
    assert [] == _missing("import json\n# requires: no_such_module\n")  # only a first line counts
