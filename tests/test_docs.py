"""The Python examples in the README and the docs run and print what their comments say.

Blocks fenced as ```python are run; blocks fenced as ```py are illustrative (placeholders, hypothetical modules).
"""

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


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_print_what_they_say(page, capsys, monkeypatch):
    """Every ```python block of a page runs in one namespace; `print(...)  # text` must print exactly `text`."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for block in _blocks(page):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
            exec(compile(block, str(page), "exec"), namespace)  # noqa: S102 (our own docs)
        printed = capsys.readouterr().out.splitlines()
        for expected in re.findall(r"^\s*print\(.*\)\s+#\s*(.+)$", block, flags=re.MULTILINE):
            assert expected.strip() in printed
