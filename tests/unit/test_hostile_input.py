"""Hostile input (issue 9): the command never crashes or floods, the loaders name the field and what is expected.

Problems 2 (the command's side), 3, 4, 5 and 6 of the issue, each with a regression test.
"""

import io
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

import crsrules
from crsrules.cli import DEFAULT_MAX_INPUT_BYTES, main
from crsrules.errors import InvalidCandidateError, InvalidFactorsError, InvalidValueError, short_repr
from crsrules.io import is_candidate_data, load_candidate, load_factors

SOURCE = Path(crsrules.__file__).parents[1]
STEM = Path(__file__).parents[2] / "examples" / "candidates" / "stem-developer-abroad.json"
LEVELS = {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
FACTORS = {"age": 29, "education": "bachelors", "first_language": LEVELS}
IELTS = {"test": "ielts_general", "tested_on": "2025-01-18", "listening": 8.5, "reading": 8.0, "writing": 7.0,
         "speaking": 7.5}  # fmt: skip
BAD_JOB = {"noc": "x", "in_canada": "y", "start": "z"}


def run(capsys, *argv):
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def score_text(capsys, tmp_path, text, *argv):
    """Run ``crsrules score`` on a file holding *text* (a str, or bytes written as they are)."""
    path = tmp_path / "input.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return run(capsys, "score", str(path), *(argv or ("--rules", "2025-03-25")))


def assert_one_short_error(code, out, err, *fragments, status=2):
    """Exit *status*, nothing on standard output, one short message, no traceback."""
    assert (status, "") == (code, out), err
    assert err.startswith("crsrules")
    assert "Traceback" not in err
    assert len(err) < 2_000
    for fragment in fragments:
        assert fragment in err


def run_process(shell_redirections, *argv, stdin=None):
    """Run ``python -m crsrules`` in a shell with *shell_redirections*, such as ``>&-``."""
    env = {**os.environ, "PYTHONPATH": str(SOURCE)}
    command = f'"$0" -m crsrules "$@" {shell_redirections}'
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        ["/bin/sh", "-c", command, sys.executable, *argv],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# --- 3. unparseable input and closed or full streams ---------------------------------------------------------------


def test_a_number_of_more_than_4300_digits_is_a_short_error(capsys, tmp_path):
    """Python's int() refuses such a literal with a ValueError: the command reports it, with its place."""
    code, out, err = score_text(capsys, tmp_path, '{"age": ' + "9" * 5_000 + "}")
    assert_one_short_error(code, out, err, "more than 4,300 digits at line 1, column 9")


@pytest.mark.parametrize("depth", [80, 2_000, 100_000])
def test_deeply_nested_json_is_a_short_error(capsys, tmp_path, depth):
    """About 1,000 levels made json raise RecursionError; fewer are refused as well, never explored."""
    code, out, err = score_text(capsys, tmp_path, '{"age": ' + "[" * depth + "]" * depth + "}")
    assert_one_short_error(code, out, err, "nested too deeply")


def test_json_nested_as_deep_as_a_candidate_file_is_read(capsys, tmp_path):
    """The depth limit is far above the deepest candidate file (a spouse's test result: 4 levels)."""
    code, _, err = score_text(capsys, tmp_path, '{"age": ' + "[" * 60 + "]" * 60 + "}")
    assert 2 == code
    assert "nested" not in err
    assert "@ $.age" in err


@pytest.mark.parametrize(
    "raw",
    [b"\xff\xfe{\x00}\x00", '{"age": 30}'.encode("utf-16"), b'{"education": "ma\xeetrise"}', b"\x80"],
)
def test_bytes_that_are_not_utf8_are_a_short_error(capsys, tmp_path, raw):
    """Any encoding but UTF-8 is refused with the offset of the first bad byte."""
    code, out, err = score_text(capsys, tmp_path, raw)
    assert_one_short_error(code, out, err, "not UTF-8 text (byte ")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"age": 999, "age": 29}', "the key 'age' twice @ $"),
        ('{"birth_date": "1990-01-01", "jobs": [{"start": "2020-01-01", "noc": "21231", "start": "2021-01-01"}]}',
         "the key 'start' twice @ $.jobs[0]"),
        ('{"birth_date": "1990-01-01", "spouse": {"accompanying": true, "accompanying": false}}',
         "the key 'accompanying' twice @ $.spouse"),
        ('{"a b": {"x": 1, "x": 2}}', "the key 'x' twice @ $['a b']"),
    ],
)  # fmt: skip
def test_a_key_given_twice_is_an_error_naming_the_key_and_its_path(capsys, tmp_path, text, fragment):
    """{"age": 999, "age": 29} scored 29: a key given twice is now an error, never a silent choice."""
    code, out, err = score_text(capsys, tmp_path, text)
    assert_one_short_error(code, out, err, fragment)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(capsys, tmp_path, constant):
    """Python's json reads them; JSON has no such numbers."""
    code, out, err = score_text(capsys, tmp_path, f'{{"age": {constant}}}')
    assert_one_short_error(code, out, err, f"{constant} is not a JSON number")


def test_a_closed_stdin_is_a_short_error(capsys, monkeypatch):
    """'-' with standard input closed (``<&-``): Python's sys.stdin is None."""
    monkeypatch.setattr("sys.stdin", None)
    code, out, err = run(capsys, "score", "-", "--rules", "2025-03-25")
    assert_one_short_error(code, out, err, "cannot read standard input: it is closed")


def test_a_closed_stdout_is_a_short_error(capsys, monkeypatch):
    """``crsrules rules >&-``: Python's sys.stdout is None."""
    monkeypatch.setattr("sys.stdout", None)
    with pytest.raises(SystemExit) as info:
        main(["rules"])
    assert 2 == info.value.code
    assert "crsrules: error: cannot write to standard output: it is closed\n" == capsys.readouterr().err


class _Failing(io.StringIO):
    def __init__(self, error):
        super().__init__()
        self.error = error

    def write(self, _text):
        raise self.error


def test_a_full_device_is_a_short_error(capsys, monkeypatch):
    """``crsrules rules > /dev/full``: the write fails with ENOSPC."""
    monkeypatch.setattr("sys.stdout", _Failing(OSError(28, "No space left on device")))
    with pytest.raises(SystemExit) as info:
        main(["rules"])
    assert 2 == info.value.code
    assert "crsrules: error: cannot write to standard output: No space left on device\n" == capsys.readouterr().err


def test_a_closed_pipe_ends_quietly(capsys, monkeypatch):
    """``crsrules draws | head -1``: the reader left; Python's convention, status 1 and nothing said."""
    monkeypatch.setattr("sys.stdout", _Failing(BrokenPipeError(32, "Broken pipe")))
    with pytest.raises(SystemExit) as info:
        main(["draws"])
    assert 1 == info.value.code
    assert "" == capsys.readouterr().err


@pytest.mark.parametrize(
    ("redirections", "argv", "message"),
    [
        (">&-", ["rules"], "cannot write to standard output: it is closed"),
        ("<&-", ["score", "-", "--rules", "2025-03-25"], "cannot read standard input: it is closed"),
        ("> /dev/full", ["rules"], "cannot write to standard output: No space left on device"),
        ("> /dev/full", ["--help"], "cannot write to standard output: No space left on device"),
    ],
)
def test_closed_and_full_streams_in_a_real_process(redirections, argv, message):
    """The same, as the shell does it: one line on standard error, status 2, nothing at exit."""
    if "/dev/full" in redirections and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = run_process(redirections, *argv)
    assert (2, f"crsrules: error: {message}\n") == (result.returncode, result.stderr)


def test_a_reader_that_leaves_early_gets_no_traceback():
    """``crsrules draws | head -1`` in a real process: no traceback, no "Exception ignored" at exit."""
    result = run_process("| head -1", "draws")
    assert "" == result.stderr
    assert result.stdout.startswith("    1  2015-01-31")


# --- 2. (the command's side) an unexpected error is one line, status 1 ----------------------------------------------


def test_an_unexpected_error_is_one_line_with_status_1(capsys, monkeypatch):
    """A bug is reported in one line, with status 1, never as a traceback."""

    def broken(_args, _out):
        raise RuntimeError("x" * 10_000)

    monkeypatch.setitem(crsrules.cli._COMMANDS, "rules", broken)  # noqa: SLF001 (the command table)
    code, out, err = run(capsys, "rules")
    assert_one_short_error(code, out, err, "internal error: RuntimeError: xxx", "please report it", status=1)
    assert 1 == err.count("\n")
    assert len(err) < 300


def test_a_date_past_the_calendar_is_never_a_traceback(capsys):
    """--on 9999-12-31 with a job raised OverflowError: now a bad-input message naming the supported range."""
    code, out, err = run(capsys, "score", str(STEM), "--on", "9999-12-31")
    assert_one_short_error(code, out, err, status=2)
    assert "2199-12-31" in err
    assert 1 == err.count("\n")


# --- 3. the input size limit ---------------------------------------------------------------------------------------


def test_a_50_mb_file_is_refused_fast_with_bounded_memory(capsys, tmp_path):
    """Only the limit and one byte more are read: a 50 MB file costs no more than a 5 MB one."""
    path = tmp_path / "big.json"
    with path.open("wb") as file:
        file.write(b'{"birth_date": "' + b"x" * 50_000_000 + b'"}')
    tracemalloc.start()
    started = time.perf_counter()
    code, out, err = run(capsys, "score", str(path), "--on", "2025-06-01")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert_one_short_error(code, out, err, "larger than the input size limit of 5,000,000 bytes", "--max-input-bytes",
                           "CRSRULES_MAX_INPUT_BYTES")  # fmt: skip
    assert elapsed < 3
    assert peak < 3 * DEFAULT_MAX_INPUT_BYTES


def test_the_limit_is_set_by_option_or_environment(capsys, monkeypatch):
    """--max-input-bytes, else CRSRULES_MAX_INPUT_BYTES, else 5,000,000 bytes; a bad setting is named."""
    size = STEM.stat().st_size
    code, _, err = run(capsys, "score", str(STEM), "--on", "2026-03-01", "--max-input-bytes", str(size - 1))
    assert_one_short_error(code, "", err, f"input size limit of {size - 1:,} bytes")
    monkeypatch.setenv("CRSRULES_MAX_INPUT_BYTES", str(size - 1))
    code, _, err = run(capsys, "eligibility", str(STEM), "--on", "2026-03-01")
    assert_one_short_error(code, "", err, f"input size limit of {size - 1:,} bytes")
    code, out, _ = run(capsys, "score", str(STEM), "--on", "2026-03-01", "--max-input-bytes", str(size))
    assert (0, True) == (code, "CRS score: 478" in out)
    monkeypatch.setenv("CRSRULES_MAX_INPUT_BYTES", "5 MB")
    code, _, err = run(capsys, "timeline", str(STEM), "--until", "2026-06-01")
    assert_one_short_error(code, "", err, "CRSRULES_MAX_INPUT_BYTES: not a number of bytes such as 5000000: '5 MB'")
    code, _, err = run(capsys, "invited", str(STEM), "--max-input-bytes", "0")
    assert 2 == code
    assert "argument --max-input-bytes: not a number of bytes" in err


def test_the_limit_applies_to_standard_input(capsys, monkeypatch):
    """'-' reads at most the limit and one byte more."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b" " * 2_000 + STEM.read_bytes())))
    code, out, err = run(capsys, "score", "-", "--on", "2026-03-01", "--max-input-bytes", "1000")
    assert_one_short_error(code, out, err, "standard input is larger than the input size limit of 1,000 bytes")


@pytest.mark.parametrize("command", ["score", "timeline", "eligibility", "invited"])
def test_the_help_documents_the_limit(capsys, command):
    """Each command that reads a file says how to change the limit."""
    code, out, _ = run(capsys, command, "--help")
    assert 0 == code
    assert "--max-input-bytes N" in out
    assert "CRSRULES_MAX_INPUT_BYTES" in out


# --- 4. draws --year -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("0", "not a year 1 to 9999: 0"),
        ("-1", "not a year 1 to 9999: -1"),
        ("10000", "not a year 1 to 9999: 10000"),
        ("12345678901234567890", "not a year 1 to 9999: 12345678901234567890"),
        ("9" * 5_000, "not a year such as 2023: '99999"),
        ("2023.5", "not a year such as 2023: '2023.5'"),
        ("2014", "--year 2014: the rounds of invitations known to crsrules are from 2015 to "),
        ("9999", "--year 9999: the rounds of invitations known to crsrules are from 2015 to "),
    ],
)
def test_draws_year_is_range_checked(capsys, year, message):
    """--year 0 listed every round; -1, 10000 and a 20-digit year printed a traceback."""
    code, out, err = run(capsys, "draws", "--year", year)
    assert (2, "") == (code, out)
    assert message in err
    assert "Traceback" not in err
    assert len(err) < 1_000


def test_draws_year_still_filters(capsys):
    """A year the data covers lists its rounds only."""
    code, out, _ = run(capsys, "draws", "--year", "2023", "--format", "json")
    years = {d["date"][:4] for d in json.loads(out)}
    assert (0, {"2023"}) == (code, years)


# --- 5. bounded error output ---------------------------------------------------------------------------------------


def test_echoed_values_are_shortened():
    """A 50 MB string, a number too long to print and a deep list each come back in at most 60 characters."""
    huge = "x" * 50_000_000
    message = str(InvalidValueError("reading", huge, "a CLB level 0-12"))
    assert message.startswith("'reading' must be a CLB level 0-12 (got 'xxxx")
    assert message.endswith("...)")
    assert len(message) < 120
    assert "a whole number of about 5001 digits" == short_repr(10**5000)
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    assert len(short_repr(deep)) <= 60


def test_the_list_of_problems_is_capped():
    """The message lists the first 20 problems and counts the others; all stay in .problems."""
    error = InvalidFactorsError([f"problem {i} @ $" for i in range(1_000)])
    message = str(error)
    assert message.startswith("invalid factors (1000 problems):\n  problem 0 @ $\n")
    assert "problem 19 @ $\n  ... and 980 more" in message
    assert "problem 20 @" not in message
    assert 1_000 == len(error.problems)


def test_480000_invalid_jobs_are_rejected_fast_with_bounded_output():
    """45 s, 2 GB and 45 MB of messages before: an array stops being checked after 20 invalid items."""
    data = {"birth_date": "1990-01-01", "jobs": [BAD_JOB] * 480_000}
    started = time.perf_counter()
    with pytest.raises(InvalidCandidateError) as info:
        load_candidate(data)
    assert time.perf_counter() - started < 2
    problems = info.value.problems
    stopped = "checking stopped at 20 invalid items: the 479,980 items after index 19 are unchecked @ $.jobs"
    assert stopped == problems[0]
    assert "must be true or false (got 'y') @ $.jobs[19].in_canada" in problems
    assert len(problems) < 50
    assert len(str(info.value)) < 3_000


def test_a_file_full_of_invalid_jobs_is_rejected_fast_by_the_command(capsys, tmp_path):
    """The same through the command, just under the size limit."""
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps({"birth_date": "1990-01-01", "jobs": [BAD_JOB] * 100_000}), encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run(capsys, "score", str(path), "--on", "2025-06-01")
    assert time.perf_counter() - started < 3
    assert_one_short_error(code, out, err, "the 99,980 items after index 19 are unchecked @ $.jobs", "... and ")


def test_an_array_with_few_invalid_items_lists_them_all():
    """Up to 20 invalid items, each problem is listed, and none of the others is hidden."""
    data = {"birth_date": "1990-01-01", "jobs": [BAD_JOB] * 20}
    with pytest.raises(InvalidCandidateError) as info:
        load_candidate(data)
    assert 40 == len(info.value.problems)
    assert not any("unchecked" in p for p in info.value.problems)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"birth_date": "1990-01-01", "marital_status": "x" * 50_000_000}, "(got 'xxxxxx"),
        ({"birth_date": "x" * 50_000_000}, "(got 'xxxxxx"),
        ({"birth_date": "1990-01-01", "marital_status": 10**5000}, "(got a whole number of about 5001 digits)"),
        ({"birth_date": "1990-01-01", "jobs": [{"noc": "9" * 10_000_000, "in_canada": True, "start": "2020-01-01"}]},
         "'noc' must be a NOC 2021 code"),
    ],
)  # fmt: skip
def test_a_huge_value_is_echoed_short_by_the_loader(data, fragment):
    """Each problem stays short, whatever the size of the value it names."""
    with pytest.raises(InvalidCandidateError) as info:
        load_candidate(data)
    (problem,) = info.value.problems
    assert fragment in problem
    assert len(problem) < 400


def test_many_unknown_keys_are_named_five_at_most():
    """A file with 100,000 unknown keys names the first five and counts the others."""
    data = {"birth_date": "1990-01-01", **{f"key{i:06}": 1 for i in range(100_000)}, "k" * 10_000: 1}
    with pytest.raises(InvalidCandidateError) as info:
        load_candidate(data)
    named = [f"unknown key @ $.key{i:06}" for i in range(5)]
    assert (*named, "99,996 more unknown keys (not listed) @ $") == info.value.problems


def test_a_huge_whole_number_in_factors_is_a_named_problem():
    """A Python caller may pass a number Python cannot print: the message describes it instead."""
    with pytest.raises(InvalidFactorsError) as info:
        load_factors({**FACTORS, "first_language": {**LEVELS, "reading": 10**5000}})
    assert "(got a whole number of about 5001 digits) @ $.first_language" in str(info.value)


# --- 6. messages that name the field and what is expected -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"birth_date": "1990-01-01", "spouse": []}, "expected an object, got an array @ $.spouse"),
        ({"birth_date": "1990-01-01", "nomination": "x"}, "expected an object, got a string @ $.nomination"),
        ({"birth_date": "1990-01-01", "job_offer": 3}, "expected an object, got a number @ $.job_offer"),
        ({"birth_date": "1990-01-01", "jobs": [[]]}, "expected an object, got an array @ $.jobs[0]"),
        ({"birth_date": "1990-01-01", "certificate_of_qualification": True},
         "expected an object, got true or false @ $.certificate_of_qualification"),
        ({"birth_date": "1990-01-01", "language_results": ["ielts"]},
         "expected an object, got a string @ $.language_results[0]"),
        ({"birth_date": "1990-01-01", "jobs": {}}, "expected an array, got an object @ $.jobs"),
        ({"birth_date": "1990-01-01", "marital_status": []}, "(got []) @ $.marital_status"),
    ],
)  # fmt: skip
def test_a_wrong_kind_of_value_says_what_is_expected(data, problem):
    """'list' object has no attribute 'keys' was the message: now the kind expected and the kind given."""
    with pytest.raises(InvalidCandidateError) as info:
        load_candidate(data)
    (only,) = info.value.problems
    assert only.endswith(problem)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({**FACTORS, "spouse": []}, "expected an object, got an array @ $.spouse"),
        ({**FACTORS, "first_language": []},
         "expected an object (CLB/NCLC levels or a test result), got an array @ $.first_language"),
    ],
)  # fmt: skip
def test_a_wrong_kind_of_value_in_factors_says_what_is_expected(data, problem):
    """The same for a factors file."""
    with pytest.raises(InvalidFactorsError) as info:
        load_factors(data)
    assert (problem,) == info.value.problems


def test_a_400_digit_band_names_its_field_and_the_scale():
    """'int too large to convert to float' was the message: now the ability, the scale and the value, shortened."""
    data = {"birth_date": "1990-01-01", "language_results": [{**IELTS, "listening": 10**400 - 1}]}
    with pytest.raises(InvalidCandidateError) as info:
        load_candidate(data)
    expected = ("'listening' must be an IELTS General Training band 0.0-9.0 in steps of 0.5 "
                "(got a whole number of 400 digits) @ $.language_results[0].listening")  # fmt: skip
    assert (expected,) == info.value.problems
    with pytest.raises(InvalidFactorsError, match=r"'reading' must be an IELTS .* @ \$\.first_language"):
        load_factors({**FACTORS, "first_language": {**IELTS, "reading": -(10**400)}})


def test_a_400_digit_band_in_a_file(capsys, tmp_path):
    """The same through the command: the literal is read, and reported with its field."""
    text = json.dumps({"birth_date": "1990-01-01", "language_results": [IELTS]}).replace("8.5", "9" * 400)
    code, out, err = score_text(capsys, tmp_path, text, "--on", "2025-06-01")
    assert_one_short_error(code, out, err, "'listening' must be an IELTS General Training band", "400 digits")


@pytest.mark.parametrize(
    "data",
    [
        {"spouse": {"accompanying": True}},
        {"jobs": []},
        {"credentials": [], "spouse": None},
        {"language_results": []},
        {"certificate_of_qualification": {"issued_on": "2020-01-01"}},
        {"spouse": {"jobs": []}, "certificate_of_qualification": {"issued_on": "2020-01-01"}},
    ],
)
def test_a_candidate_file_without_birth_date_is_read_as_one(capsys, tmp_path, data):
    """A spouse with 'accompanying' made the file a factors file, whose message never said birth_date was missing."""
    assert is_candidate_data(data)
    code, out, err = score_text(capsys, tmp_path, json.dumps(data), "--on", "2025-06-01")
    assert_one_short_error(code, out, err, "invalid candidate", "required field missing @ $.birth_date")


@pytest.mark.parametrize(
    "data",
    [
        {"spouse": {"education": "bachelors"}},
        {"certificate_of_qualification": True},
        {"jobs": [], "age": 30},
        {"spouse": {"accompanying": True, "first_language": LEVELS}},
        {},
        {"spouse": []},
    ],
)
def test_a_factors_file_or_a_mixed_one_is_still_read_as_factors(data):
    """Anything of a factors file keeps a file without birth_date a factors file, as before."""
    assert not is_candidate_data(data)
