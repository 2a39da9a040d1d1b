"""The crsrules command: readable output, JSON output, and exit status 2 with a short message on bad input."""

import json
from pathlib import Path

import pytest

from crsrules.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "factors"
DEVELOPER = str(EXAMPLES / "single-software-developer.json")


def run(capsys, *argv):
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def test_score_prints_a_breakdown_table(capsys):
    """The text format shows the total, every section and the ruleset."""
    code, out, err = run(capsys, "score", DEVELOPER, "--rules", "2025-03-25")
    assert (0, "") == (code, err)
    assert "CRS score: 518" in out
    assert "ruleset 2025-03-25" in out
    assert "C. Skill transferability factors" in out
    assert "(earned 25)" in out


def test_score_json_has_the_breakdown_names(capsys):
    """The JSON format has the same names as ScoreBreakdown."""
    code, out, _ = run(capsys, "score", DEVELOPER, "--on", "2023-01-01", "--format", "json")
    data = json.loads(out)
    assert 0 == code
    assert {"total", "core", "spouse", "skill_transferability", "additional", "rules_id", "lines"} == set(data)
    assert "2022-11-16" == data["rules_id"]
    assert data["total"] == sum(line["points"] for line in data["lines"])


def test_score_without_a_date_uses_today_and_warns_when_stale(capsys):
    """With neither --on nor --rules the rules in force today apply; staleness is a warning, not an error."""
    code, out, _ = run(capsys, "score", DEVELOPER)
    assert 0 == code
    assert "CRS score:" in out


def test_rules_lists_every_ruleset(capsys):
    """crsrules rules lists the six rulesets with their changes; --format json too."""
    code, out, _ = run(capsys, "rules")
    assert 0 == code
    assert out.count("\n20") >= 5
    assert "2025-03-25  (in force)" in out
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert ["2015-01-01", "2016-11-19", "2017-06-06", "2020-10-27", "2022-11-16", "2025-03-25"] == [
        r["id"] for r in json.loads(out)
    ]


@pytest.mark.parametrize(
    ("content", "argv", "message"),
    [
        (None, ["--rules", "2025-03-25"], "cannot read"),
        ("{not json", ["--rules", "2025-03-25"], "not valid JSON"),
        ('{"age": 30}', ["--rules", "2025-03-25"], "required field missing @ $.education"),
        ('{"age": 30, "education": "x", "first_language": {}}', ["--rules", "2025-03-25"], "problems"),
        (None, ["--rules", "2025-13-01"], "unknown ruleset"),
        (None, ["--on", "2014-06-01"], "no CRS rules in force on 2014-06-01"),
    ],
)
def test_bad_input_exits_2_with_a_short_message(capsys, tmp_path, content, argv, message):
    """Missing files, bad JSON, invalid factors, unknown rulesets and early dates exit 2 without a traceback."""
    path = tmp_path / "factors.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    elif "cannot read" not in message:
        path.write_text(Path(DEVELOPER).read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "score", str(path), *argv)
    assert 2 == code
    assert "" == out
    assert message in err
    assert "Traceback" not in err


def test_bad_arguments_exit_2(capsys):
    """argparse errors (a bad date, both --on and --rules) exit 2 too."""
    assert 2 == run(capsys, "score", DEVELOPER, "--on", "yesterday")[0]
    assert 2 == run(capsys, "score", DEVELOPER, "--on", "2020-01-01", "--rules", "2017-06-06")[0]
