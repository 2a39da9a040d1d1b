"""The README's Python example runs and prints what its comments say; its test command is the one .ci/run runs."""

import re
import warnings
from pathlib import Path

import crsrules

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_python_example_prints_what_it_says(capsys):
    """Every ```python block runs; a trailing `# a b c` comment on a print line is its exact output."""
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    assert blocks
    for block in blocks:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
            exec(compile(block, "README.md", "exec"), {})  # noqa: S102 (our own README)
        printed = capsys.readouterr().out.splitlines()
        promised = [m.strip() for m in re.findall(r"^print\(.*\)\s+#\s*(.+)$", block, flags=re.MULTILINE)]
        for expected in promised:
            assert expected in printed


def test_ci_runs_the_readme_test_command():
    """.ci/run runs exactly the README's test command."""
    command = re.search(r"Run the whole test suite.*?```sh\n(.*?)\n```", README, flags=re.DOTALL).group(1)
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
