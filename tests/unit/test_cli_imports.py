"""What each command imports: ``crsrules score FILE`` loads only what scoring a file needs (start-up time, issue 11).

Each case runs the command in a fresh interpreter and lists ``sys.modules`` at its end: a test of what is imported,
not a timed test (``benchmarks/run.py`` times the command).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import crsrules

SOURCE = Path(crsrules.__file__).parents[1]
ROOT = Path(__file__).parents[2]
DEVELOPER = str(ROOT / "examples" / "factors" / "single-software-developer.json")
STEM = str(ROOT / "examples" / "candidates" / "stem-developer-abroad.json")

# The command, then the modules it has imported, as JSON on standard error (its output is on standard output).
PROGRAM = """
import json, sys
from crsrules.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code
sys.stderr.write(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""

# What the rounds, the categories, the programs, the timeline, the advice and rows of factors (numpy) need.
NOT_FOR_ONE_FILE = (
    "numpy",
    "crsrules.draws",
    "crsrules.categories",
    "crsrules.programs",
    "crsrules.timeline",
    "crsrules.advice",
    "crsrules.invitations",
    "crsrules.batch",
    "crsrules._cli_batch",
    "crsrules.schema",
    "importlib.metadata",
)


def imported(*argv):
    """The exit status of ``crsrules ARGV`` and the modules it imported."""
    env = {**os.environ, "PYTHONPATH": str(SOURCE)}
    result = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-c", PROGRAM, *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = json.loads(result.stderr[result.stderr.index('{"status"') :])
    return found["status"], set(found["modules"])


@pytest.mark.parametrize(
    "argv",
    [
        ("score", DEVELOPER, "--rules", "2025-03-25"),
        ("score", DEVELOPER, "--on", "2025-06-01", "--format", "json"),
        ("score", STEM, "--on", "2026-03-01"),
    ],
    ids=["factors", "factors-json", "candidate"],
)
def test_score_imports_no_rounds_categories_programs_timeline_or_numpy(argv):
    """Scoring one file (factors or candidate) imports none of the modules of the other commands."""
    status, modules = imported(*argv)
    assert 0 == status
    assert {"crsrules.io", "crsrules.rules", "crsrules.scoring"} <= modules
    assert [] == [m for m in NOT_FOR_ONE_FILE if m in modules]


def test_a_factors_file_is_scored_without_the_candidate_path():
    """A factors file needs neither the derivation of factors from facts nor the candidate command's module."""
    _, modules = imported("score", DEVELOPER, "--rules", "2025-03-25")
    assert not {"crsrules.derive", "crsrules.evidence", "crsrules._api", "crsrules.cli._score_candidate"} & modules


def test_help_imports_no_command():
    """``crsrules --help`` builds the parser without importing any command's module."""
    status, modules = imported("--help")
    assert 0 == status
    assert [] == sorted(m for m in modules if m.startswith("crsrules.cli._") and m != "crsrules.cli._base")
    assert not {"crsrules.io", "crsrules.rules", "importlib.metadata", *NOT_FOR_ONE_FILE} & modules


def test_rows_of_factors_import_numpy():
    """Rows (JSON Lines, CSV) go to the batch scorer, the one score path that needs numpy."""
    status, modules = imported("score", "-", "--input-format", "jsonl", "--rules", "2025-03-25")
    assert 0 == status
    assert {"crsrules._cli_batch", "numpy"} <= modules


def test_version_alone_reads_the_package_metadata():
    """importlib.metadata (and the email package it loads) is imported for ``--version``, not for ``rules``."""
    status, modules = imported("rules")
    assert 0 == status
    assert not {"importlib.metadata", "numpy", "crsrules.draws"} & modules
    status, modules = imported("--version")
    assert 0 == status
    assert "importlib.metadata" in modules
