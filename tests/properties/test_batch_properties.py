"""crsrules.batch.score_columns against score(), row by row, on every version, with numpy and in pure Python."""

import math

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crsrules
from crsrules.batch import COLUMNS, SECTIONS, InvalidColumnError, score_columns
from crsrules.testing.strategies import factors

RULESETS = crsrules.available_rulesets()
ABILITIES = ("listening", "reading", "writing", "speaking")
ENGINES = pytest.mark.parametrize("use_numpy", [True, False], ids=["numpy", "python"])


@st.composite
def profiles(draw, max_size=12):
    """Valid Factors over the whole range the model allows (ages to 120, work years to 60)."""
    years = st.integers(0, 12) | st.integers(0, 60)
    rows = []
    for f in draw(st.lists(factors(max_age=120), min_size=0, max_size=max_size)):
        spouse = f.spouse if f.spouse is None else attrs.evolve(f.spouse, canadian_work_years=draw(years))
        rows.append(attrs.evolve(f, canadian_work_years=draw(years), foreign_work_years=draw(years), spouse=spouse))
    return rows


def flat(f):
    """The row of *f*: the keys of its factors file flattened with dots; None where a value is absent."""
    row = {}

    def language(prefix, levels):
        row[f"{prefix}.language"] = None if levels is None else levels.language.value
        for a in ABILITIES:
            row[f"{prefix}.{a}"] = None if levels is None else getattr(levels, a)

    row["age"] = f.age
    row["education"] = f.education.value
    language("first_language", f.first_language)
    language("second_language", f.second_language)
    row["canadian_work_years"] = f.canadian_work_years
    row["foreign_work_years"] = f.foreign_work_years
    row["certificate_of_qualification"] = f.certificate_of_qualification
    row["spouse.education"] = None if f.spouse is None else f.spouse.education.value
    language("spouse.first_language", None if f.spouse is None else f.spouse.first_language)
    row["spouse.canadian_work_years"] = None if f.spouse is None else f.spouse.canadian_work_years
    row["provincial_nomination"] = f.provincial_nomination
    row["arranged_employment"] = None if f.arranged_employment is None else f.arranged_employment.value
    row["canadian_education"] = None if f.canadian_education is None else f.canadian_education.value
    row["sibling_in_canada"] = f.sibling_in_canada
    assert tuple(row) == COLUMNS
    return row


DEFAULTS = {"canadian_work_years": 0, "foreign_work_years": 0, "certificate_of_qualification": False,
            "provincial_nomination": False, "sibling_in_canada": False}  # fmt: skip
GROUPS = ("second_language.", "spouse.first_language.", "spouse.")


def columns_of(rows, drop):
    """Columns as lists; a column, or a group of them, that holds only its default is left out where *drop* says."""
    columns = {name: [row[name] for row in rows] for name in COLUMNS}
    for name, default in DEFAULTS.items():
        if drop(name) and all(value == default for value in columns[name]):
            del columns[name]
    for prefix in GROUPS:
        group = [name for name in columns if name.startswith(prefix)]
        if drop(prefix) and all(value is None for name in group for value in columns[name]):
            for name in group:
                del columns[name]
    return columns


def as_arrays(columns):
    """numpy arrays: numbers as int64 (0 where absent), strings as a numpy string array ("" for none)."""
    arrays = {}
    for name, values in columns.items():
        if any(isinstance(v, str) for v in values) or name.endswith(("language", "education", "employment")):
            arrays[name] = np.array(["" if v is None else v for v in values], dtype=str)
        elif any(isinstance(v, bool) for v in values):
            arrays[name] = np.array(values, dtype=bool)
        else:
            arrays[name] = np.array([0 if v is None else v for v in values], dtype=np.int64)
    return arrays


def expected(rows, ruleset):
    breakdowns = [crsrules.score(f, rules=ruleset) for f in rows]
    return {name: [getattr(b, name) for b in breakdowns] for name in SECTIONS}


def check(columns, rows, use_numpy):
    for ruleset in RULESETS:
        answer = score_columns(columns, rules=ruleset, numpy=use_numpy)
        assert list(answer) == list(SECTIONS)
        wanted = expected(rows, ruleset)
        for name in SECTIONS:
            if use_numpy:
                assert answer[name].dtype == np.int64
            else:
                assert isinstance(answer[name], list)
            assert wanted[name] == [int(points) for points in answer[name]], (ruleset.id, name)


@ENGINES
@given(rows=profiles(), drop=st.functions(like=lambda _name: True, returns=st.booleans(), pure=True))
def test_lists_score_as_score_does_on_every_row_and_version(rows, drop, use_numpy):
    check(columns_of([flat(f) for f in rows], drop), rows, use_numpy)


@ENGINES
@given(rows=profiles(), drop=st.functions(like=lambda _name: True, returns=st.booleans(), pure=True))
def test_numpy_arrays_score_as_score_does_on_every_row_and_version(rows, drop, use_numpy):
    check(as_arrays(columns_of([flat(f) for f in rows], drop)), rows, use_numpy)


@ENGINES
@given(rows=profiles(), categorical=st.booleans())
def test_a_dataframe_scores_as_score_does(rows, categorical, use_numpy):
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(columns_of([flat(f) for f in rows], lambda _name: True), columns=None)
    if categorical:
        for name in frame.columns:
            if frame[name].dtype == object or str(frame[name].dtype) in {"str", "string"}:
                frame[name] = frame[name].astype("category")
    check(frame, rows, use_numpy)


@ENGINES
@given(rows=profiles())
def test_a_pyarrow_table_scores_as_score_does(rows, use_numpy):
    pyarrow = pytest.importorskip("pyarrow")
    columns = columns_of([flat(f) for f in rows], lambda _name: True)
    table = pyarrow.table({name: pyarrow.array(values) for name, values in columns.items()}) if rows else None
    if table is not None:
        check(table, rows, use_numpy)


# One impossible value, anywhere: both engines raise the same error, for the same input.

BAD = st.sampled_from([-1, 13, 61, 121, 3.5, math.nan, math.inf, "x", "", None, True, False, "english", "french",
                       "masters", "senior_management", "three_years_or_more", 7.0])  # fmt: skip


def outcome(columns, use_numpy):
    try:
        answer = score_columns(columns, rules="2025-03-25", numpy=use_numpy)
    except InvalidColumnError as error:
        return ("error", error.column, error.row, error.problems)
    return ("scores", {name: [int(v) for v in values] for name, values in answer.items()})


@given(rows=profiles(max_size=6).filter(bool), data=st.data(), bad=BAD, arrays=st.booleans())
def test_both_engines_raise_the_same_error_at_the_same_row(rows, data, bad, arrays):
    """A value put anywhere gives the same error (column, first bad row, message), or the same scores, both ways."""
    columns = columns_of([flat(f) for f in rows], lambda _name: False)
    name = data.draw(st.sampled_from(COLUMNS))
    row = data.draw(st.integers(0, len(rows) - 1))
    columns[name][row] = bad
    if arrays:
        columns = {k: np.asarray(v) for k, v in columns.items()}
    assert outcome(columns, use_numpy=False) == outcome(columns, use_numpy=True)
