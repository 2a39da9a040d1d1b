"""The columns of :func:`crsrules.batch.score_columns`: their names, their checks, and the pure-Python engine.

Both engines read the columns through the same checks, in the order of :data:`COLUMNS`, so that both raise the same
error; the pure-Python one then scores each row as a :class:`~crsrules.Factors`.
"""

from __future__ import annotations

import difflib
import math
import numbers
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, cast

from crsrules.errors import InvalidFactorsError, InvalidValueError
from crsrules.model import (
    MAX_CLB,
    ArrangedEmployment,
    CanadianEducation,
    Education,
    OfficialLanguage,
)
from crsrules.scoring import _scorer

if TYPE_CHECKING:
    from crsrules.rules import RuleSet

__all__ = ["COLUMNS", "SECTIONS", "InvalidColumnError"]

#: The keys of the answer of :func:`~crsrules.batch.score_columns`: the total and the four sections.
SECTIONS = ("total", "core", "spouse", "skill_transferability", "additional")

_ABILITIES = ("listening", "reading", "writing", "speaking")


class InvalidColumnError(InvalidFactorsError):
    """A column of :func:`~crsrules.batch.score_columns` that is unknown or missing, or an impossible value in a row.

    Its one problem reads like those of :func:`crsrules.load_factors`, with the row in place of a JSON path:
    ``'age' must be an age in years 0-120 (got 130) @ row 17``.

    Attributes:
        column: The column's name, such as ``"first_language.reading"``.
        row: The position of the first bad row (0 for the first row), or None for a column that is unknown or missing
            as a whole.

    .. versionadded:: 0.2.0
    """

    def __init__(self, column: str, row: int | None, problem: str) -> None:
        self.column = column
        self.row = row
        super().__init__([problem if row is None else f"{problem} @ row {row}"])


class _Spec(NamedTuple):
    """One column: its kind, what it allows, its default, and the column that says in which rows it applies."""

    name: str
    #: "whole", "flag" or "choice".
    kind: str
    #: What is allowed, in words (as the model's validators say it).
    allowed: str
    low: int = 0
    high: int = 0
    #: The enum of a choice; its codes are 1, 2, ... in the enum's order, and 0 is none.
    enum: type[Enum] | None = None
    #: A choice that can be none in a row (None, NaN, pandas' NA or the empty string).
    nullable: bool = False
    #: The column must be given.
    required: bool = False
    #: The column whose value (not none) makes this one apply in a row; elsewhere this one is ignored.
    parent: str | None = None
    #: The column has no default: it must be given where it applies.
    needed: bool = False


def _choice(name: str, enum: type[Enum], *, nullable: bool, required: bool = False, parent: str | None = None) -> _Spec:
    allowed = "one of " + ", ".join(repr(m.value) for m in enum) + (" or empty" if nullable else "")
    return _Spec(name, "choice", allowed, enum=enum, nullable=nullable, required=required, parent=parent)


def _levels(prefix: str, *, required: bool = False, parent: str | None = None) -> list[_Spec]:
    language = f"{prefix}.language"
    return [
        _choice(language, OfficialLanguage, nullable=True, required=required, parent=parent),
        *(_Spec(f"{prefix}.{a}", "whole", f"a CLB/NCLC level 0-{MAX_CLB}", 0, MAX_CLB, parent=language, needed=True)
          for a in _ABILITIES),
    ]  # fmt: skip


def _years(name: str, parent: str | None = None) -> _Spec:
    return _Spec(name, "whole", "a whole number of years 0-60", 0, 60, parent=parent)


# In the order of a factors file: an error names the first bad column in this order, and its first bad row.
_SPECS: tuple[_Spec, ...] = (
    _Spec("age", "whole", "an age in years 0-120", 0, 120, required=True),
    _choice("education", Education, nullable=False, required=True),
    *_levels("first_language", required=True),
    *_levels("second_language"),
    _years("canadian_work_years"),
    _years("foreign_work_years"),
    _Spec("certificate_of_qualification", "flag", "true or false"),
    _choice("spouse.education", Education, nullable=True),
    *_levels("spouse.first_language", parent="spouse.education"),
    _years("spouse.canadian_work_years", parent="spouse.education"),
    _Spec("provincial_nomination", "flag", "true or false"),
    _choice("arranged_employment", ArrangedEmployment, nullable=True),
    _choice("canadian_education", CanadianEducation, nullable=True),
    _Spec("sibling_in_canada", "flag", "true or false"),
)
_BY_NAME = {spec.name: spec for spec in _SPECS}

#: Every column :func:`~crsrules.batch.score_columns` knows, in the order of a factors file.
COLUMNS: tuple[str, ...] = tuple(_BY_NAME)

_EDUCATION = tuple(Education)
_LANGUAGE = tuple(OfficialLanguage)
_ARRANGED = tuple(ArrangedEmployment)
_CANADIAN = tuple(CanadianEducation)
_FRENCH_CODE = 1 + _LANGUAGE.index(OfficialLanguage.FRENCH)
_ENGLISH_CODE = 1 + _LANGUAGE.index(OfficialLanguage.ENGLISH)
# The lowest education rank (0-7) each Canadian credential needs, by its code (0 for none).
_CANADIAN_NEEDS = (0, *(c.minimum_education.rank for c in _CANADIAN))


# Reading the columns: the same checks in the same order for both engines, so that both raise the same error.


def _given(columns: object) -> dict[str, Any]:
    """The given columns by name, each known; their lengths are checked as they are read."""
    names: Any
    if hasattr(columns, "column_names"):  # a pyarrow Table or RecordBatch
        names = columns.column_names
    elif hasattr(columns, "keys"):  # a Mapping, a pandas DataFrame
        names = columns.keys()
    else:
        raise InvalidValueError("columns", columns, "a mapping of column names to columns, a DataFrame or a Table")
    given = {str(name): columns[name] for name in names}  # type: ignore[index]
    for name in given:
        if name not in _BY_NAME:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problem = f"{name!r} is not a column of factors{hint}: crsrules.batch.COLUMNS lists them"
            raise InvalidColumnError(name, None, problem)
    for spec in _SPECS:
        if spec.required and spec.name not in given:
            raise InvalidColumnError(spec.name, None, f"{spec.name!r} is a required column (missing)")
        if spec.name in given and spec.parent is not None and spec.parent not in given:
            raise InvalidColumnError(spec.name, None, f"{spec.name!r} needs the column {spec.parent!r}")
    return given


def _is_empty(value: object) -> bool:
    """None, NaN, pandas' NA, or the empty string: no value."""
    pandas = sys.modules.get("pandas")
    if value is None or (pandas is not None and value is getattr(pandas, "NA", None)):
        return True  # NA first: it is neither equal nor unequal to "" (NA == "" is NA, which has no truth value)
    if value == "":
        return True
    return isinstance(value, float) and math.isnan(value)


def _whole(value: object, low: int, high: int) -> int | None:
    """*value* as a whole number from *low* to *high*, or None (a bool is not a number; 3.0 is 3)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    if not isinstance(value, numbers.Integral) and not (math.isfinite(value) and float(value).is_integer()):
        return None
    number = int(value)  # type: ignore[call-overload]  # a whole Real: an int, a numpy integer, or a float like 3.0
    return number if low <= number <= high else None


def _flag(value: object) -> int | None:
    numpy = sys.modules.get("numpy")
    if isinstance(value, bool) or (numpy is not None and isinstance(value, numpy.bool_)):
        return int(value)
    return None


def _lookup(spec: _Spec) -> dict[object, int]:
    """The codes of a choice's values: 1, 2, ... in the enum's order; 0 for an empty value."""
    assert spec.enum is not None  # noqa: S101 (a choice has its enum)
    codes: dict[object, int] = {m.value: i for i, m in enumerate(spec.enum, start=1)}
    return {**codes, None: 0, "": 0} if spec.nullable else codes


def _coder(spec: _Spec) -> Callable[[object], int | None]:
    """The function that gives the code of one value of *spec* (None for an impossible value)."""
    if spec.kind == "whole":
        low, high = spec.low, spec.high

        def whole(value: object) -> int | None:
            if type(value) is int:  # the common case, first
                return value if low <= value <= high else None
            return _whole(value, low, high)

        return whole
    if spec.kind == "flag":
        return _flag
    lookup = _lookup(spec)
    nullable = spec.nullable

    def choice(value: object) -> int | None:
        try:
            code = lookup.get(value)
        except TypeError:  # unhashable
            return None
        if code is None and nullable and _is_empty(value):
            return 0
        return code

    return choice


def _fail(spec: _Spec, row: int, value: object) -> InvalidColumnError:
    return InvalidColumnError(spec.name, row, f"{spec.name!r} must be {spec.allowed} (got {value!r})")


def _missing(spec: _Spec, row: int) -> InvalidColumnError:
    return InvalidColumnError(spec.name, row, f"{spec.name!r} is missing: it is needed where {spec.parent!r} is given")


def _other_problem(spec: _Spec, code: int, first_language: int, education: int) -> str | None:
    """What is wrong with a valid *code* of *spec* given the row's first language and education (the model's rules)."""
    if spec.name == "second_language.language" and code:
        if not first_language:
            return "empty when there is no first language"
        if first_language == code:
            return f"the other official language than the first ({_LANGUAGE[first_language - 1].value})"
    if spec.name == "canadian_education" and code:
        level = _EDUCATION[education - 1]
        needs = _CANADIAN[code - 1].minimum_education
        if level.rank < needs.rank:
            return (
                f"a credential no higher than the education level {level.value!r} "
                f"({_CANADIAN[code - 1].value!r} needs education {needs.value!r} or higher)"
            )
    return None


#: The columns whose values are checked against others of the row (_other_problem).
_CHECKED_WITH_OTHERS = frozenset({"second_language.language", "canadian_education"})


def _column_codes(
    spec: _Spec, items: Sequence[object], parent: Sequence[int] | None, read: Mapping[str, Sequence[int]]
) -> list[int]:
    """The codes of one column's values, row by row (0 where *parent* says the column does not apply).

    Raises:
        InvalidColumnError: At the first row whose value is impossible, else at the first row that breaks a rule
            between columns (*read* holds the codes of the columns before this one).
    """
    coder = _coder(spec)
    codes: list[int] = []
    for row, value in enumerate(items):
        if parent is not None and not parent[row]:
            codes.append(0)
            continue
        code = coder(value)
        if code is None:
            raise _fail(spec, row, value)
        codes.append(code)
    if spec.name in _CHECKED_WITH_OTHERS:
        first, education = read["first_language.language"], read["education"]
        for row, code in enumerate(codes):
            problem = _other_problem(spec, code, first[row], education[row])
            if problem is not None:
                raise InvalidColumnError(spec.name, row, f"{spec.name!r} must be {problem} (got {items[row]!r})")
    return codes


class _PythonColumns:
    """Reads each column into a list of codes, row by row."""

    def __init__(self) -> None:
        self.codes: dict[str, list[int]] = {}
        self.rows = 0

    def read(self, spec: _Spec, values: object | None) -> None:
        """Check *values* (None for a column not given) and keep their codes."""
        parent = None if spec.parent is None else self.codes[spec.parent]
        if values is None:
            needed = next((i for i, p in enumerate(parent) if p), None) if spec.needed and parent else None
            if needed is not None:
                raise _missing(spec, needed)
            self.codes[spec.name] = [0] * self.rows
            return
        items = _as_list(values)
        if spec.name == "age":
            self.rows = len(items)
        elif len(items) != self.rows:
            raise _length(spec, len(items), self.rows)
        self.codes[spec.name] = _column_codes(spec, items, parent, self.codes)


def _length(spec: _Spec, rows: int, expected: int) -> InvalidColumnError:
    return InvalidColumnError(spec.name, None, f"{spec.name!r} has {rows} rows; 'age' has {expected}")


def _as_list(values: Any) -> list[Any]:  # noqa: ANN401 (any column)
    if hasattr(values, "to_pylist"):  # pyarrow
        return list(values.to_pylist())
    if hasattr(values, "tolist"):  # numpy, pandas
        return list(values.tolist())
    return list(values)


class _Reader(Protocol):
    codes: Any

    def read(self, spec: _Spec, values: object | None) -> None: ...


def _read(given: Mapping[str, Any], reader: _Reader) -> Any:  # noqa: ANN401 (the reader's codes)
    for spec in _SPECS:
        reader.read(spec, given.get(spec.name))
    return reader.codes


# Scoring in pure Python: each row, checked already, becomes a light record with the attributes of a Factors (no
# second round of checks), scored by the ruleset's compiled scorer.


class _Levels(NamedTuple):
    """The attributes of a LanguageLevels that scoring reads."""

    language: OfficialLanguage
    listening: int
    reading: int
    writing: int
    speaking: int


class _Spouse(NamedTuple):
    """The attributes of a SpouseFactors that scoring reads."""

    education: Education
    first_language: _Levels | None
    canadian_work_years: int


class _Row(NamedTuple):
    """The attributes of a Factors that scoring reads, in the order of its fields."""

    age: int
    education: Education
    first_language: _Levels | None
    second_language: _Levels | None
    canadian_work_years: int
    foreign_work_years: int
    certificate_of_qualification: int
    spouse: _Spouse | None
    provincial_nomination: int
    arranged_employment: ArrangedEmployment | None
    canadian_education: CanadianEducation | None
    sibling_in_canada: int


def _languages(codes: Mapping[str, Sequence[int]], prefix: str) -> list[_Levels | None]:
    columns = (codes[f"{prefix}.language"], *(codes[f"{prefix}.{a}"] for a in _ABILITIES))
    return [
        _Levels(_LANGUAGE[language - 1], *levels) if language else None
        for language, *levels in zip(*columns, strict=True)
    ]


def _member(members: Sequence[Enum], code: int) -> Any:  # noqa: ANN401 (a member of the enum, or None for code 0)
    return members[code - 1] if code else None


def _score_rows(codes: Mapping[str, Sequence[int]], ruleset: RuleSet) -> dict[str, Any]:
    # The compiled scorer reads attributes only: a _Row reads as the Factors it stands for.
    sections = cast("Callable[[_Row], tuple[int, int, int, int, int]]", _scorer(ruleset)._sections)  # noqa: SLF001
    spouses = [
        _Spouse(_EDUCATION[education - 1], levels, years) if education else None
        for education, levels, years in zip(
            codes["spouse.education"],
            _languages(codes, "spouse.first_language"),
            codes["spouse.canadian_work_years"],
            strict=True,
        )
    ]
    rows = zip(
        codes["age"],
        [_EDUCATION[code - 1] for code in codes["education"]],
        _languages(codes, "first_language"),
        _languages(codes, "second_language"),
        codes["canadian_work_years"],
        codes["foreign_work_years"],
        codes["certificate_of_qualification"],
        spouses,
        codes["provincial_nomination"],
        [_member(_ARRANGED, code) for code in codes["arranged_employment"]],
        [_member(_CANADIAN, code) for code in codes["canadian_education"]],
        codes["sibling_in_canada"],
        strict=True,
    )
    points = [sections(_Row._make(row)) for row in rows]
    return {name: [row[i] for row in points] for i, name in enumerate(SECTIONS)}
