"""crsrules score over many factors rows (issue 11, item 4): JSON Lines and CSV in, one result per row out."""

import csv
import io
import json

import pytest

import crsrules
from crsrules._cli_batch import _Progress
from crsrules.batch import COLUMNS
from crsrules.cli import main

ENGLISH = {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
GOOD = {"age": 29, "education": "bachelors", "first_language": ENGLISH}
NOMINATED = {**GOOD, "age": 35, "provincial_nomination": True}
BAD = {"age": 300, "education": "bachelors", "first_language": ENGLISH}


def run(capsys, *argv):
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def expected(document):
    b = crsrules.score(crsrules.load_factors(document), rules="2025-03-25")
    return [b.total, b.core, b.spouse, b.skill_transferability, b.additional]


def write_jsonl(tmp_path, *documents, name="rows.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(d) + "\n" for d in documents))
    return path


def test_jsonl_rows_give_one_json_line_each(tmp_path, capsys):
    path = write_jsonl(tmp_path, GOOD, NOMINATED)
    code, out, err = run(capsys, "score", str(path), "--rules", "2025-03-25")
    assert (code, err) == (0, "")
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in results] == [1, 2]
    assert [[r[k] for k in ("total", "core", "spouse", "skill_transferability", "additional")] for r in results] == [
        expected(GOOD),
        expected(NOMINATED),
    ]
    assert {r["rules_id"] for r in results} == {"2025-03-25"}


def test_csv_rows_by_dotted_columns_and_csv_out(tmp_path, capsys):
    path = tmp_path / "rows.csv"
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["age", "education", *(f"first_language.{k}" for k in ENGLISH), "provincial_nomination",
                         "spouse.education", "spouse.canadian_work_years"])  # fmt: skip
        writer.writerow([29, "bachelors", *ENGLISH.values(), "false", "", "3"])  # no spouse: the 3 is ignored
        writer.writerow([35, "bachelors", *ENGLISH.values(), "true", "", ""])
    code, out, err = run(capsys, "score", str(path), "--rules", "2025-03-25", "--format", "csv")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["line"] for r in rows] == ["2", "3"]
    assert [int(rows[0][k]) for k in ("total", "core", "spouse", "skill_transferability", "additional")] == expected(
        GOOD
    )
    assert int(rows[1]["total"]) == expected(NOMINATED)[0]


def test_the_flag_overrides_the_extension(tmp_path, capsys):
    path = write_jsonl(tmp_path, GOOD, name="rows.txt")
    code, out, _ = run(capsys, "score", str(path), "--input-format", "jsonl", "--rules", "2025-03-25")
    assert code == 0
    assert json.loads(out)["total"] == expected(GOOD)[0]


def test_the_first_bad_row_stops_with_its_line_and_problems(tmp_path, capsys):
    path = write_jsonl(tmp_path, GOOD, BAD, GOOD)
    code, out, err = run(capsys, "score", str(path), "--rules", "2025-03-25")
    assert (code, out) == (2, "")
    assert "rows.jsonl line 2:" in err
    assert "$.age" in err
    assert "Traceback" not in err


def test_keep_going_skips_bad_rows_and_reports_them_at_the_end(tmp_path, capsys):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + "{not json\n" + json.dumps(BAD) + "\n\n" + json.dumps(GOOD) + "\n")
    code, out, err = run(capsys, "score", str(path), "--rules", "2025-03-25", "--keep-going")
    assert code == 0
    assert [json.loads(line)["line"] for line in out.splitlines()] == [1, 5]
    assert "skipped 2 bad row(s)" in err
    assert "line 2:" in err
    assert "line 3:" in err


def test_a_bad_csv_cell_names_its_column_and_line(tmp_path, capsys):
    path = tmp_path / "rows.csv"
    path.write_text("age,education,first_language.language,first_language.listening,first_language.reading,"
                    "first_language.writing,first_language.speaking\nabc,bachelors,english,9,9,9,9\n")  # fmt: skip
    code, _, err = run(capsys, "score", str(path), "--rules", "2025-03-25")
    assert code == 2
    assert "line 2:" in err
    assert "$.age" in err


@pytest.mark.parametrize(
    ("header", "message"),
    [("age,bogus", "unknown CSV column 'bogus'"), ("age,age", "given twice")],
)
def test_csv_headers_are_checked(tmp_path, capsys, header, message):
    path = tmp_path / "rows.csv"
    path.write_text(header + "\n1,2\n")
    code, _, err = run(capsys, "score", str(path))
    assert code == 2
    assert message in err


def test_a_row_of_the_wrong_width_is_bad(tmp_path, capsys):
    path = tmp_path / "rows.csv"
    path.write_text("age,education\n1\n")
    code, _, err = run(capsys, "score", str(path), "--rules", "2025-03-25")
    assert code == 2
    assert "1 cells for 2 columns" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "text"], "--format text is for one file"),
        (["--on", "2025-05-01", "--rules", "2025-03-25"], "--on or --rules, not both"),
    ],
)
def test_options_that_do_not_fit_rows(tmp_path, capsys, argv, message):
    path = write_jsonl(tmp_path, GOOD)
    code, _, err = run(capsys, "score", str(path), *argv)
    assert code == 2
    assert message in err


def test_row_formats_are_not_for_one_file(tmp_path, capsys):
    path = tmp_path / "factors.json"
    path.write_text(json.dumps(GOOD))
    code, _, err = run(capsys, "score", str(path), "--format", "csv")
    assert code == 2
    assert "are for many rows" in err


def test_standard_input_and_a_missing_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(GOOD) + "\n"))
    code, out, _ = run(capsys, "score", "-", "--input-format", "jsonl", "--rules", "2025-03-25")
    assert code == 0
    assert json.loads(out)["total"] == expected(GOOD)[0]
    code, _, err = run(capsys, "score", str(tmp_path / "none.csv"))
    assert code == 2
    assert "cannot read" in err


def test_a_row_over_the_size_limit_is_bad(tmp_path, capsys):
    path = write_jsonl(tmp_path, GOOD)
    code, _, err = run(capsys, "score", str(path), "--max-input-bytes", "20", "--keep-going")
    assert code == 0
    assert "skipped 1 bad row(s)" in err


def test_the_progress_bar_shows_only_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    progress = _Progress("rows.csv")
    progress.size = 100
    source = io.BytesIO(b"x" * 100)
    source.seek(50)
    progress.show(2_000, source)
    progress.done()
    assert "50%" in terminal.getvalue()
    assert "2,000 rows" in terminal.getvalue()
    monkeypatch.setattr("sys.stderr", io.StringIO())
    quiet = _Progress("rows.csv")
    quiet.show(2_000, source)
    assert quiet.stream is None


def test_every_column_is_read(tmp_path, capsys):
    document = {
        **GOOD,
        "second_language": {"language": "french", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
        "canadian_work_years": 2,
        "foreign_work_years": 3,
        "certificate_of_qualification": True,
        "spouse": {"education": "masters", "first_language": {**ENGLISH}, "canadian_work_years": 1},
        "provincial_nomination": False,
        "arranged_employment": "other_skilled",
        "canadian_education": "one_or_two_years",
        "sibling_in_canada": True,
    }
    row = []
    for name in COLUMNS:
        value = document
        for key in name.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        row.append("" if value is None else str(value).lower() if isinstance(value, bool) else value)
    path = tmp_path / "rows.csv"
    with path.open("w", newline="") as file:
        csv.writer(file).writerows([COLUMNS, row])
    code, out, err = run(capsys, "score", str(path), "--rules", "2025-03-25")
    assert (code, err) == (0, "")
    assert json.loads(out)["total"] == expected(document)[0]
