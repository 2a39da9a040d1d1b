"""The command's errors for programs (issue 10): with --format json, a JSON object with the records; --version."""

import json
from importlib.metadata import version
from pathlib import Path

import pytest

import crsrules
from crsrules.cli import main

STEM = str(Path(__file__).parents[2] / "examples" / "candidates" / "stem-developer-abroad.json")


def run(capsys, *argv):
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def write(tmp_path, text):
    path = tmp_path / "input.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_invalid_data_is_a_json_object_of_records_on_standard_error(capsys, tmp_path):
    """Exit status 2, nothing on standard output, and on standard error the error, its message and its records."""
    path = write(tmp_path, '{"birth_date": "1990-01-01", "jobs": [{"noc": "21231", "in_canada": true, '
                           '"start": "2020-01-01", "hours_per_weak": 40}]}')  # fmt: skip
    code, out, err = run(capsys, "score", path, "--on", "2025-06-01", "--format", "json")
    assert (2, "") == (code, out)
    document = json.loads(err)
    assert ["error", "message", "errors"] == list(document)
    assert "InvalidCandidateError" == document["error"]
    assert document["message"].startswith("invalid candidate (1 problem):")
    assert [{"path": "$.jobs[0].hours_per_weak", "code": "unknown_key",
             "message": "unknown key (did you mean 'hours_per_week'?)", "value": "40",
             "did_you_mean": ["hours_per_week"]}] == document["errors"]  # fmt: skip


@pytest.mark.parametrize("command", [["score", "--on", "2025-06-01"], ["timeline", "--until", "2026-01-01"],
                                     ["eligibility"], ["invited", "--since", "2025-01-01"]])  # fmt: skip
def test_every_command_that_reads_a_file_reports_records(capsys, tmp_path, command):
    """score, timeline, eligibility and invited alike."""
    path = write(tmp_path, '{"birth_date": "1990-01-01", "marital_status": "maried"}')
    code, out, err = run(capsys, command[0], path, *command[1:], "--format", "json")
    (record,) = json.loads(err)["errors"]
    assert (2, "", "not_allowed", "married") == (code, out, record["code"], record["did_you_mean"][0])


@pytest.mark.parametrize(
    ("text", "code", "path"),
    [
        ('{"age": 29, "age": 30}', "duplicate_key", "$"),
        ('{"age": NaN}', "not_json", "$"),
        ('{"age": ' + "[" * 100 + "]" * 100 + "}", "too_deep", "$"),
    ],
)
def test_a_file_that_is_not_json_has_its_record_too(capsys, tmp_path, text, code, path):
    """The problems of the text itself are records as well, with the message the text format prints."""
    file = write(tmp_path, text)
    status, _, err = run(capsys, "score", file, "--rules", "2025-03-25", "--format", "json")
    document = json.loads(err)
    assert (2, "InvalidJSONError") == (status, document["error"])
    assert [(code, path)] == [(e["code"], e["path"]) for e in document["errors"]]
    _, _, text_err = run(capsys, "score", file, "--rules", "2025-03-25")
    assert f"crsrules: error: {document['message']}\n" == text_err


def test_a_file_over_the_limit_is_a_usage_error_with_its_record(capsys, tmp_path):
    """The size limit is the command's: the message says how to raise it, and the record says too_large."""
    path = write(tmp_path, '{"age": 29}')
    code, _, err = run(capsys, "score", path, "--max-input-bytes", "5", "--format", "json")
    document = json.loads(err)
    assert (2, "usage", "too_large") == (code, document["error"], document["errors"][0]["code"])
    assert "--max-input-bytes" in document["message"]


def test_other_errors_have_no_records(capsys, tmp_path):
    """An unknown ruleset or a bad combination of options: the error and its message, and no records."""
    code, _, err = run(capsys, "score", STEM, "--rules", "2025-13-01", "--format", "json")
    document = json.loads(err)
    assert (2, "UnknownRulesetError", []) == (code, document["error"], document["errors"])
    assert "did you mean" in document["message"].lower()
    code, _, err = run(capsys, "invited", write(tmp_path, '{"birth_date": "1990-01-01"}'), "--format", "json")
    assert (2, {"error": "usage", "message": "give --since: the candidate file has no profile_submitted_at",
                "errors": []}) == (code, json.loads(err))  # fmt: skip


def test_a_command_line_argparse_cannot_read_is_json_too(capsys):
    """A bad option value, with --format json anywhere on the line: a JSON object; without it, argparse's text."""
    code, out, err = run(capsys, "score", STEM, "--on", "2025-02-30", "--format", "json")
    document = json.loads(err)
    assert (2, "", "usage") == (code, out, document["error"])
    assert "argument --on: not an ISO date such as 2025-03-25: '2025-02-30'" == document["message"]
    code, _, err = run(capsys, "draws", "--format=json", "--year", "x")
    assert (2, "usage") == (code, json.loads(err)["error"])
    code, _, err = run(capsys, "score", STEM, "--on", "2025-02-30")
    assert 2 == code
    assert err.startswith("usage: crsrules score ")
    assert err.endswith("crsrules score: error: argument --on: not an ISO date such as 2025-03-25: '2025-02-30'\n")


def test_text_errors_are_unchanged(capsys, tmp_path):
    """Without --format json, the message is the one line it was."""
    path = write(tmp_path, '{"birth_date": "1990-01-01", "marital_status": "maried"}')
    code, _, err = run(capsys, "score", path, "--on", "2025-06-01")
    assert 2 == code
    assert err.startswith("crsrules: error: invalid candidate (1 problem):\n  must be one of 'never_married', ")
    assert err.endswith("(got 'maried'): did you mean 'married', 'never_married'? @ $.marital_status\n")


def test_version_names_the_package_and_its_rules(capsys):
    """crsrules --version: the installed version, the newest policy version and the last date checked."""
    code, out, err = run(capsys, "--version")
    assert (0, "") == (code, err)
    latest = crsrules.available_rulesets()[-1].id
    expected = (f"crsrules {version('crsrules')}\nnewest policy version {latest}, rules checked up to "
                f"{crsrules.rules.LAST_KNOWN_DATE.isoformat()}\n")  # fmt: skip
    assert expected == out


def test_importing_crsrules_does_not_read_the_package_metadata():
    """__version__ is read when asked for: importing crsrules stays cheap."""
    import subprocess
    import sys

    source = Path(crsrules.__file__).parents[1]
    script = "import sys, crsrules; print('importlib.metadata' in sys.modules, crsrules.__version__ != '')"
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script], env={"PYTHONPATH": str(source)}, capture_output=True, text=True, check=True
    )
    assert "False True\n" == result.stdout
