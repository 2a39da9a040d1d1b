"""crsrules.batch.score_columns: the columns it takes, what it does without numpy, and the errors it raises."""

import math

import numpy as np
import pytest

import crsrules
from crsrules.batch import COLUMNS, InvalidColumnError, _numpy, score_columns

ENGINES = pytest.mark.parametrize("use_numpy", [True, False], ids=["numpy", "python"])


def base(**changes):
    """Two rows: a single bachelor with CLB 9, and a French-speaking master with a spouse."""
    columns = {
        "age": [29, 35],
        "education": ["bachelors", "masters"],
        "first_language.language": ["english", "french"],
        "first_language.listening": [9, 7],
        "first_language.reading": [9, 7],
        "first_language.writing": [9, 7],
        "first_language.speaking": [9, 7],
        "spouse.education": [None, "secondary"],
    }
    columns.update(changes)
    return columns


def totals(columns, **kwargs):
    return [int(t) for t in score_columns(columns, rules="2025-03-25", **kwargs)["total"]]


def score(**kwargs):
    return crsrules.score(crsrules.Factors(**kwargs), rules="2025-03-25").total


def english(level):
    return crsrules.LanguageLevels(
        language=crsrules.OfficialLanguage.ENGLISH, listening=level, reading=level, writing=level, speaking=level
    )


def error(columns, use_numpy):
    with pytest.raises(InvalidColumnError) as caught:
        score_columns(columns, rules="2025-03-25", numpy=use_numpy)
    return caught.value


@ENGINES
def test_columns_are_the_flattened_keys_of_a_factors_file(use_numpy):
    assert "spouse.first_language.speaking" in COLUMNS
    assert ("age", "education", "first_language.language") == COLUMNS[:3]
    french = crsrules.LanguageLevels(
        language=crsrules.OfficialLanguage.FRENCH, listening=7, reading=7, writing=7, speaking=7
    )
    spouse = crsrules.SpouseFactors(education=crsrules.Education.SECONDARY)
    assert [
        score(age=29, education=crsrules.Education.BACHELORS, first_language=english(9)),
        score(age=35, education=crsrules.Education.MASTERS, first_language=french, spouse=spouse),
    ] == totals(base(), numpy=use_numpy)


@ENGINES
def test_empty_values_mean_none_and_ignored_columns_may_hold_anything(use_numpy):
    """None, NaN and "" are none in an optional column; levels of a row without that language are not read."""
    columns = base(**{
        "spouse.education": ["", math.nan],
        "spouse.canadian_work_years": [999, None],
        "second_language.language": [None, ""],
        "second_language.listening": ["n/a", -1],
        "arranged_employment": [math.nan, None],
    })  # fmt: skip
    expected = totals(base(**{"spouse.education": [None, None]}), numpy=use_numpy)
    assert expected == totals(columns, numpy=use_numpy)


@ENGINES
def test_whole_floats_count_as_numbers_and_bools_do_not(use_numpy):
    assert totals(base(), numpy=use_numpy) == totals(base(age=[29.0, 35.0]), numpy=use_numpy)
    e = error(base(age=[29, True]), use_numpy)
    assert ("age", 1) == (e.column, e.row)
    assert "'age' must be an age in years 0-120 (got True) @ row 1" in str(e)


@ENGINES
@pytest.mark.parametrize(
    ("changes", "column", "row", "message"),
    [
        ({"age": [29, 130]}, "age", 1, "'age' must be an age in years 0-120 (got 130) @ row 1"),
        ({"education": ["bachelors", "phd"]}, "education", 1, "'education' must be one of 'less_than_secondary'"),
        ({"first_language.reading": [13, 7]}, "first_language.reading", 0, "a CLB/NCLC level 0-12 (got 13) @ row 0"),
        ({"first_language.reading": [9, 7.5]}, "first_language.reading", 1, "(got 7.5) @ row 1"),
        (
            {"second_language.language": ["english", None], "second_language.listening": [9, None],
             "second_language.reading": [9, None], "second_language.writing": [9, None],
             "second_language.speaking": [9, None]},
            "second_language.language", 0, "must be the other official language than the first (english)",
        ),
        ({"canadian_education": [None, "three_years_or_more"], "education": ["bachelors", "two_year"]},
         "canadian_education", 1, "'three_years_or_more' needs education 'bachelors' or higher"),
        ({"sibling_in_canada": [False, 1]}, "sibling_in_canada", 1, "must be true or false (got 1)"),
        ({"spouse.first_language.language": [None, "english"]}, "spouse.first_language.listening", 1,
         "is missing: it is needed where 'spouse.first_language.language' is given @ row 1"),
    ],
)  # fmt: skip
def test_an_impossible_value_names_its_column_and_first_bad_row(changes, column, row, message, use_numpy):
    e = error(base(**changes), use_numpy)
    assert (column, row) == (e.column, e.row)
    assert message in str(e)
    assert isinstance(e, crsrules.InvalidFactorsError)
    assert isinstance(e, ValueError)


@ENGINES
def test_unknown_missing_and_uneven_columns_are_errors(use_numpy):
    e = error(base(**{"first_langauge.reading": [1, 2]}), use_numpy)
    assert ("first_langauge.reading", None) == (e.column, e.row)
    assert "did you mean 'first_language.reading'?" in str(e)
    columns = base()
    del columns["first_language.language"]
    assert "first_language.language" == error(columns, use_numpy).column
    e = error(base(**{"spouse.canadian_work_years": [1, 2, 3]}), use_numpy)
    assert "'spouse.canadian_work_years' has 3 rows; 'age' has 2" in str(e)
    columns = base(**{"spouse.first_language.listening": [1, 2]})
    assert "needs the column 'spouse.first_language.language'" in str(error(columns, use_numpy))


def test_the_first_bad_column_in_the_order_of_a_factors_file_wins():
    e = error(base(sibling_in_canada=["yes", False], education=["bachelors", "none"], age=[29, 300]), use_numpy=False)
    assert ("age", 1) == (e.column, e.row)
    e = error(base(sibling_in_canada=["yes", False], education=["bachelors", "none"]), use_numpy=True)
    assert ("education", 1) == (e.column, e.row)


def test_not_a_mapping_is_an_error():
    with pytest.raises(crsrules.InvalidValueError):
        score_columns([1, 2, 3], rules="2025-03-25")
    with pytest.raises(crsrules.UnknownRulesetError):
        score_columns(base(), rules="2025-13-01")


def test_without_numpy_the_same_function_returns_lists(monkeypatch):
    with_numpy = score_columns(base(), rules="2025-03-25")
    assert isinstance(with_numpy["total"], np.ndarray)
    monkeypatch.setattr(_numpy, "np", None)
    without = score_columns(base(), rules="2025-03-25")
    assert isinstance(without["total"], list)
    assert {k: v.tolist() for k, v in with_numpy.items()} == without
    with pytest.raises(crsrules.InvalidArgumentsError, match=r"crsrules\[numpy\]"):
        score_columns(base(), rules="2025-03-25", numpy=True)


def test_numpy_string_arrays_and_categoricals_take_the_fast_paths():
    arrays = {k: np.array(["" if x is None else x for x in v]) for k, v in base().items()}
    arrays.update({k: np.array(v) for k, v in base().items() if k.startswith(("age", "first_language.l"))})
    arrays = {k: (v.astype(np.int64) if k not in {"education", "first_language.language", "spouse.education"} else v)
              for k, v in arrays.items()}  # fmt: skip
    assert totals(base()) == totals(arrays)
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(base())
    for name in ("education", "first_language.language", "spouse.education"):
        frame[name] = frame[name].astype("category")
    assert totals(base()) == totals(frame)
    frame["education"] = pandas.Categorical(["bachelors", "doctorate"])
    e = error(frame, use_numpy=True)
    assert ("education", 1) == (e.column, e.row)


@ENGINES
def test_a_list_among_the_values_is_an_impossible_value(use_numpy):
    e = error(base(education=[[1], "masters"]), use_numpy)
    assert ("education", 0) == (e.column, e.row)
    e = error(base(age=[29, [1]]), use_numpy)
    assert ("age", 1) == (e.column, e.row)


@ENGINES
def test_pandas_string_columns_with_missing_values(use_numpy):
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(base())
    for dtype in ("string", "str", "object"):
        frame["spouse.education"] = pandas.Series([None, "secondary"], dtype=dtype)
        assert totals(base()) == totals(frame, numpy=use_numpy)
    frame["education"] = pandas.Series(["bachelors", None], dtype="string")
    e = error(frame, use_numpy)
    assert ("education", 1) == (e.column, e.row)


def test_long_numpy_columns_read_in_chunks_as_in_pure_python():
    """Rows past the first chunks of strings and of scoring: the same scores and errors as pure Python."""
    rows = 40_000
    arrays = {k: np.resize(np.array(["" if x is None else x for x in v]), rows) for k, v in base().items()}
    for k in ("age", *(f"first_language.{a}" for a in ("listening", "reading", "writing", "speaking"))):
        arrays[k] = arrays[k].astype(np.int64)
    expected = totals({k: v.tolist() for k, v in arrays.items()}, numpy=False)
    assert expected == totals(arrays)
    assert expected == totals({**arrays, "education": arrays["education"].astype(">U12")})
    for name, bad in (("education", "masterz"), ("spouse.education", "secondarY"), ("age", 121)):
        changed = {**arrays, name: arrays[name].copy()}
        changed[name][rows - 3 :] = bad
        e = error(changed, use_numpy=True)
        assert (name, rows - 3, e.problems) == (error(changed, use_numpy=False).column, e.row, e.problems)
