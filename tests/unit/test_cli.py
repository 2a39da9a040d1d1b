"""The crsrules command: readable output, JSON output, and exit status 2 with a short message on bad input."""

import io
import json
from datetime import date
from pathlib import Path

import pytest

import crsrules
from crsrules.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "factors"
DEVELOPER = str(EXAMPLES / "single-software-developer.json")
CANDIDATES = Path(__file__).parents[2] / "examples" / "candidates"
STEM = str(CANDIDATES / "stem-developer-abroad.json")
NURSE = str(CANDIDATES / "healthcare-worker-in-canada-with-spouse.json")


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
    """crsrules rules lists every version with its changes; --format json too."""
    code, out, _ = run(capsys, "rules")
    assert 0 == code
    assert out.count("\n20") >= 5
    assert "2026-02-18  (in force)" in out
    assert "            categories: physicians\n" in out
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert [
        "2015-01-01", "2016-11-19", "2017-06-06", "2018-12-01", "2019-10-01", "2020-10-27", "2022-07-28", "2022-11-16",
        "2023-05-31", "2023-12-11", "2024-01-01", "2024-01-30", "2025-02-27", "2025-03-25", "2025-12-08", "2026-02-18",
    ] == [r["id"] for r in json.loads(out)]  # fmt: skip
    assert [r.id for r in crsrules.available_rulesets()] == [r["id"] for r in json.loads(out)]
    assert [[], ["physicians"]] == [r["category_changes"] for r in json.loads(out)][-3:-1]


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
    """argparse errors (a bad date, both --on and --rules for factors) exit 2 too."""
    assert 2 == run(capsys, "score", DEVELOPER, "--on", "yesterday")[0]
    code, out, err = run(capsys, "score", DEVELOPER, "--on", "2020-01-01", "--rules", "2017-06-06")
    assert (2, "") == (code, out)
    assert "crsrules: error: for a factors file give --on or --rules, not both" in err


# --- candidate files ------------------------------------------------------------------------------------------------


def test_score_takes_a_candidates_facts_on_the_date(capsys):
    """A candidate file is scored on --on, under the rules in force that day; each line says where it comes from."""
    code, out, err = run(capsys, "score", STEM, "--on", "2026-03-01")
    assert (0, "") == (code, err)
    assert "CRS score: 478   (ruleset 2026-02-18" in out
    assert "Candidate's facts taken on 2026-03-01" in out
    assert "      from: IELTS General Training test of 2025-01-18\n" in out
    assert "      from: born 1996-04-12: 29 on 2026-03-01\n" in out
    age_line, evidence = out.splitlines()[4:6]
    assert age_line.strip().startswith("age")
    assert evidence.startswith("      from: born")


def test_the_date_moves_a_candidates_score(capsys):
    """A day after the 30th birthday the age points drop (the facts are taken on --on)."""
    before = run(capsys, "score", STEM, "--on", "2026-04-11", "--format", "json")[1]
    after = run(capsys, "score", STEM, "--on", "2026-04-12", "--format", "json")[1]
    assert 5 == json.loads(before)["total"] - json.loads(after)["total"]


def test_score_a_candidate_as_json_has_the_evidence(capsys):
    """The JSON is ScoreBreakdown.as_dict(): every line has its evidence."""
    code, out, _ = run(capsys, "score", NURSE, "--on", "2026-03-01", "--format", "json")
    data = json.loads(out)
    assert 0 == code
    assert {"total", "core", "spouse", "skill_transferability", "additional", "rules_id", "lines"} == set(data)
    assert data["total"] == sum(line["points"] for line in data["lines"])
    evidence = {line["factor"]: line["evidence"] for line in data["lines"]}
    assert "CELPIP-General test of 2024-11-09" == evidence["first_official_language"]
    assert evidence["spouse_official_language"].startswith("spouse: IELTS General Training test of 2025-02-22")


def test_score_a_candidate_as_json_has_the_evidence_as_records(capsys):
    """Scored from a candidate, each JSON line also has its evidence as records (Derivation.conditions, as_dict),
    whose messages make its words."""
    data = json.loads(run(capsys, "score", NURSE, "--on", "2026-03-01", "--format", "json")[1])
    for line in data["lines"]:
        assert line["evidence"] == "; ".join(c["message"] for c in line["conditions"])
        assert all(c["code"].startswith("evidence.") for c in line["conditions"])
    (language,) = next(x["conditions"] for x in data["lines"] if x["factor"] == "first_official_language")
    assert (language["met"], language["values"]["test"], language["values"]["tested_on"]) == (
        True, "celpip_general", "2024-11-09")  # fmt: skip
    factors = json.loads(run(capsys, "score", DEVELOPER, "--rules", "2025-03-25", "--format", "json")[1])
    assert all("conditions" not in line for line in factors["lines"])  # a factors file has no evidence


def test_a_candidate_may_pin_the_rules_as_well_as_the_date(capsys):
    """For a candidate --on is the day of the facts and --rules the ruleset: both are allowed together."""
    code, out, err = run(capsys, "score", STEM, "--on", "2026-03-01", "--rules", "2022-11-16", "--format", "json")
    assert (0, "") == (code, err)
    data = json.loads(out)
    assert "2022-11-16" == data["rules_id"]
    assert "born 1996-04-12: 29 on 2026-03-01" == data["lines"][0]["evidence"]


def test_a_factors_file_has_no_evidence(capsys):
    """Factors are the answers themselves: no 'from:' lines, and empty evidence in JSON."""
    out = run(capsys, "score", DEVELOPER, "--rules", "2025-03-25")[1]
    assert "from:" not in out
    data = json.loads(run(capsys, "score", DEVELOPER, "--rules", "2025-03-25", "--format", "json")[1])
    assert {""} == {line["evidence"] for line in data["lines"]}


def test_score_a_candidate_from_standard_input(capsys, monkeypatch):
    """'-' reads the candidate from standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO(Path(STEM).read_text(encoding="utf-8")))
    code, out, _ = run(capsys, "score", "-", "--on", "2026-03-01")
    assert 0 == code
    assert "CRS score: 478" in out


def test_score_a_candidate_today_warns_when_stale(capsys, monkeypatch):
    """Without --on a candidate's facts are taken today; a date past the checked rules is a warning, not an error."""
    monkeypatch.setattr("crsrules.cli._today", lambda: date(2026, 12, 1))
    code, out, err = run(capsys, "score", STEM)
    assert 0 == code
    assert "Candidate's facts taken on 2026-12-01" in out
    assert err.startswith("crsrules: warning: the CRS rules were last confirmed in force on")
    assert "Traceback" not in err


# --- timeline -------------------------------------------------------------------------------------------------------


def test_timeline_lists_each_change_with_its_reasons(capsys):
    """Each change: its date, the score before and after with the difference, the ruleset, and the reasons."""
    code, out, err = run(capsys, "timeline", STEM, "--from", "2026-01-01", "--until", "2027-06-30")
    assert 0 == code
    assert "2026-04-12  478 -> 473 (-5)  ruleset 2026-02-18\n    age 29 -> 30\n" in out
    assert "2027-01-18  473 -> 240 (-233)  ruleset 2026-02-18\n" in out
    assert "first official language: english CLB 10/10/9/10 -> none valid" in out
    assert err.startswith("crsrules: warning: ")  # 2027 is past the last day the rules were confirmed


def test_timeline_before_the_stale_date_has_no_warning(capsys):
    """A window within the confirmed rules prints no warning."""
    code, out, err = run(capsys, "timeline", NURSE, "--from", "2025-01-01", "--until", "2026-08-01")
    assert (0, "") == (code, err)
    assert "Canadian work: 1 -> 2 completed years in the window" in out


def test_timeline_json(capsys):
    """The JSON has the window and each change in the form of ScoreChange.as_dict()."""
    code, out, _ = run(capsys, "timeline", NURSE, "--from", "2026-01-01", "--until", "2027-06-30", "--format", "json")
    data = json.loads(out)
    assert 0 == code
    assert {"from": "2026-01-01", "until": "2027-06-30"} == {k: data[k] for k in ("from", "until")}
    assert data["changes"]
    for change in data["changes"]:
        assert {"on", "before", "after", "delta", "rules_id", "reasons"} == set(change)
        assert change["after"] - change["before"] == change["delta"]
        assert change["reasons"]
    first, second = data["changes"][:2]
    assert first["after"] == second["before"]


def test_timeline_without_a_change(capsys):
    """A window with no change says so."""
    code, out, err = run(capsys, "timeline", STEM, "--from", "2026-05-01", "--until", "2026-06-01")
    assert (0, "") == (code, err)
    assert "no change between 2026-05-01 and 2026-06-01\n" == out
    code, out, _ = run(capsys, "timeline", STEM, "--from", "2026-05-01", "--until", "2026-06-01", "--format", "json")
    assert [] == json.loads(out)["changes"]


def test_timeline_starts_today_by_default(capsys, monkeypatch):
    """Without --from the window starts today."""
    monkeypatch.setattr("crsrules.cli._today", lambda: date(2026, 4, 1))
    code, out, _ = run(capsys, "timeline", STEM, "--until", "2026-05-01")
    assert 0 == code
    assert out.startswith("Score changes after 2026-04-01 up to 2026-05-01:")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["timeline", DEVELOPER, "--until", "2027-01-01"], "is a factors file: a timeline needs a candidate file"),
        (["timeline", STEM, "--from", "2026-06-01", "--until", "2026-05-01"], "--until (2026-05-01) is before --from"),
        (["timeline", STEM, "--from", "2014-01-01", "--until", "2015-06-01"], "no CRS rules in force on 2014-01-01"),
        (["timeline", STEM, "--from", "2015-01-01", "--until", "2199-12-31"], "at most 100 years"),
        (["score", STEM, "--on", "2026-03-01", "--rules", "2026-01-01"], "unknown ruleset '2026-01-01'"),
    ],
)
def test_bad_candidate_commands_exit_2(capsys, argv, message):
    """Factors given to timeline, a window backwards or too early or too long, an unknown ruleset: exit 2."""
    code, out, err = run(capsys, *argv)
    assert (2, "") == (code, out)
    assert err.startswith("crsrules: error: ")
    assert message in err
    assert "Traceback" not in err


def test_facts_before_the_birth_date_exit_2(capsys):
    """Taking the facts before the candidate was born is an error of crsrules, not a traceback."""
    code, out, err = run(capsys, "score", STEM, "--on", "1990-01-01", "--rules", "2015-01-01")
    assert (2, "") == (code, out)
    assert err.startswith("crsrules: error: ")
    assert "Traceback" not in err


@pytest.mark.parametrize("until", ["2027-13-01", "tomorrow", "2027-6-30"])
def test_timeline_bad_until_date_exits_2(capsys, until):
    """--until must be an ISO date (argparse's usage error, status 2)."""
    code, out, err = run(capsys, "timeline", STEM, "--until", until)
    assert (2, "") == (code, out)
    assert "crsrules timeline: error: argument --until: not an ISO date such as 2025-03-25" in err


def test_timeline_needs_until(capsys):
    """--until is required."""
    code, _, err = run(capsys, "timeline", STEM)
    assert 2 == code
    assert "--until" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"birth_date": "1990-01-01", "jobs": [{"noc": "2123", "in_canada": true, "start": "2020-01-01"}]}',
         "'noc' must be a NOC 2021 code: a string of five digits such as '21231' (got '2123') @ $.jobs[0]"),
        ('{"birth_date": "1990-01-01", "age": 35}', "unknown key @ $.age"),
        ('{"jobs": []}', "required field missing @ $.birth_date"),
        ('{"birth_date": "1990-01-01", "marital_status": "never_married", "spouse": {"accompanying": true}}',
         "'spouse' must be None when the marital status is 'never_married'"),
        ("[]", "expected an object, got an array @ $"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("command", [["score", "--on", "2026-03-01"], ["timeline", "--until", "2026-06-01"]])
def test_malformed_candidate_files_exit_2_with_every_problem(capsys, tmp_path, content, message, command):
    """A malformed candidate file is an error with its JSON path, for score and timeline alike."""
    path = tmp_path / "candidate.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, command[0], str(path), *command[1:])
    assert (2, "") == (code, out)
    assert err.startswith("crsrules: error: invalid ")
    assert message in err
    assert "Traceback" not in err


# --- schema ---------------------------------------------------------------------------------------------------------


def test_schema_prints_the_candidate_schema_by_default(capsys):
    """crsrules schema prints JSON: the candidate schema unless factors is asked for."""
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert 0 == code
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert ["birth_date"] == schema["required"]
    assert schema == json.loads(run(capsys, "schema", "candidate")[1])
    factors = json.loads(run(capsys, "schema", "factors")[1])
    assert ["age", "education", "first_language"] == factors["required"]


def test_schema_of_an_unknown_kind_exits_2(capsys):
    """Only candidate and factors have schemas."""
    code, out, err = run(capsys, "schema", "ruleset")
    assert (2, "") == (code, out)
    assert "invalid choice" in err


# eligibility, invited, draws, occupation


def test_eligibility_lists_programs_and_categories(capsys):
    """crsrules eligibility shows whether the candidate is in the pool, the programs met and every category."""
    code, out, err = run(capsys, "eligibility", str(CANDIDATES / "stem-developer-abroad.json"), "--on", "2026-03-01")
    assert (0, "") == (code, err)
    assert "in the pool: yes" in out
    assert "Programs met: Federal Skilled Worker Program" in out
    assert "Categories in force:" in out
    code, out, _ = run(capsys, "eligibility", str(CANDIDATES / "stem-developer-abroad.json"), "--on", "2026-03-01",
                       "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert {"on", "programs", "categories"} == set(data)
    assert "stem" in {c["category"] for c in data["categories"]}


def test_invited_lists_the_rounds_that_would_have_invited(capsys):
    """crsrules invited replays the rounds since a date; JSON gives each verdict with its reasons."""
    path = str(CANDIDATES / "healthcare-worker-in-canada-with-spouse.json")
    code, out, _ = run(capsys, "invited", path, "--since", "2025-11-01", "--format", "json")
    rounds = json.loads(out)
    assert 0 == code
    assert rounds
    assert all(r["invited"] and r["score"] >= r["cutoff"] for r in rounds)
    code, out, _ = run(capsys, "invited", path, "--since", "2025-11-01")
    assert "would have invited this candidate" in out


def test_draws_filters_and_formats(capsys):
    """crsrules draws filters by category and year; csv and json carry the same rounds."""
    code, out, _ = run(capsys, "draws", "--category", "stem", "--year", "2023")
    assert 0 == code
    assert "  254  2023-07-05     500   486  STEM occupations (Version 1)" in out
    assert out.endswith("2 rounds, 6,400 invitations\n")
    _, out, _ = run(capsys, "draws", "--kind", "cec", "--year", "2015", "--format", "json")
    assert ["3"] == [d["number"] for d in json.loads(out)][:1]
    _, out, _ = run(capsys, "draws", "--kind", "cec", "--year", "2015", "--format", "csv")
    assert out.startswith("number,date,kind,")
    assert 2 == run(capsys, "draws", "--kind", "lottery")[0]


def test_occupation_by_code_and_by_words(capsys):
    """crsrules occupation finds a unit group by its code or by words of its title; an unknown code exits 2."""
    assert "21211  Data scientists  (TEER 1" in run(capsys, "occupation", "21211")[1]
    assert "21211  Data scientists" in run(capsys, "occupation", "data", "scientists")[1]
    code, out, err = run(capsys, "occupation", "21299")
    assert (2, "") == (code, out)
    assert "21231" in err
    assert 2 == run(capsys, "occupation", "no", "such", "title", "anywhere")[0]


def test_candidate_commands_refuse_a_factors_file(capsys):
    """eligibility and invited need a candidate file."""
    factors = str(EXAMPLES / "single-software-developer.json")
    assert 2 == run(capsys, "eligibility", factors)[0]
    assert 2 == run(capsys, "invited", factors, "--since", "2024-01-01")[0]


def test_eligibility_invited_and_timeline_take_a_pinned_version(capsys):
    """--rules ID applies one version to the facts of the day; an unknown id is a usage error (exit 2)."""
    path = str(CANDIDATES / "stem-developer-abroad.json")
    code, out, err = run(capsys, "eligibility", path, "--on", "2024-06-01", "--rules", "2025-03-25")
    assert (0, "") == (code, err)
    assert "On 2024-06-01 (ruleset 2025-03-25)" in out
    assert "(stem-2025)" in out
    code, out, _ = run(capsys, "eligibility", path, "--on", "2024-06-01")
    assert "(ruleset 2024-01-30)" in out
    assert "(stem-2024)" in out
    timeline = ("timeline", path, "--from", "2025-01-01", "--until", "2026-01-01")
    for command in (("invited", path, "--since", "2025-01-01"), timeline):
        code, _, err = run(capsys, *command, "--rules", "2025-3-25")
        assert 2 == code
        assert "2025-03-25" in err
        code, _, err = run(capsys, *command, "--rules", "2025-03-25")
        assert (0, "") == (code, err)
