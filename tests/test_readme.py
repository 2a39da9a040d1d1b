"""The README's test command is the one .ci/run runs (its Python examples are checked by test_docs.py)."""

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    """.ci/run runs exactly the README's test command."""
    command = re.search(r"Run the whole test suite.*?```sh\n(.*?)\n```", README, flags=re.DOTALL).group(1)
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
