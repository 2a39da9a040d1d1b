"""Many profiles at once: :func:`score_columns` scores columns of factors, with numpy when it is installed.

The columns are the keys of a factors file flattened with dots (:data:`COLUMNS`): ``age``, ``education``,
``first_language.language``, ``first_language.listening``, ..., ``spouse.education``,
``spouse.first_language.speaking``, ``arranged_employment``, ... Enum columns hold the JSON string values.
numpy is optional (``pip install 'crsrules[numpy]'``): without it the same function runs in pure Python and returns
lists.

Example:
    >>> from crsrules.batch import score_columns
    >>> columns = {
    ...     "age": [29, 35],
    ...     "education": ["bachelors", "masters"],
    ...     "first_language.language": ["english", "french"],
    ...     "first_language.listening": [9, 7],
    ...     "first_language.reading": [9, 7],
    ...     "first_language.writing": [9, 7],
    ...     "first_language.speaking": [9, 7],
    ... }
    >>> [int(t) for t in score_columns(columns, rules="2025-03-25")["total"]]
    [379, 330]

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from crsrules.batch import _numpy
from crsrules.batch._columns import COLUMNS, SECTIONS, InvalidColumnError, _given, _PythonColumns, _read, _score_rows
from crsrules.errors import InvalidArgumentsError
from crsrules.rules import resolve

if TYPE_CHECKING:
    from crsrules.rules import RuleSet

__all__ = ["COLUMNS", "SECTIONS", "InvalidColumnError", "score_columns"]


def score_columns(
    columns: Mapping[str, Any] | Any,  # noqa: ANN401 (also a pandas DataFrame or a pyarrow Table)
    *,
    rules: RuleSet | str,
    numpy: bool | None = None,
) -> dict[str, Any]:
    """The total and the four sections of every row of *columns* under *rules*, one array (or list) each.

    Row ``i`` scores as ``crsrules.score(factors_i, rules=rules)`` would, where ``factors_i`` is the factors file that
    row ``i`` of the columns flattens. A missing optional column means none (no second language, no spouse, 0 years,
    false); in a row, an empty value (None, NaN, pandas' NA, or ``""`` in a string column) of an optional enum column
    means none. A row's columns of a language apply only where its ``.language`` is given, and the spouse's only where
    ``spouse.education`` is given; elsewhere their values are ignored. Language levels only: test results are
    converted first (:func:`crsrules.language.convert`).

    Args:
        columns: Column name to values: a dict of lists or of numpy arrays, a pandas DataFrame, a pyarrow Table. Every
            column has one value per row; :data:`COLUMNS` lists the names. ``age``, ``education`` and
            ``first_language.language`` are required.
        rules: A policy version or its id, such as ``"2025-03-25"``.
        numpy: Use numpy (True), or pure Python (False); by default numpy when it is installed.

    Returns:
        ``total``, ``core``, ``spouse``, ``skill_transferability`` and ``additional`` (:data:`SECTIONS`): numpy int64
        arrays with numpy, else lists of ints.

    Raises:
        InvalidColumnError: A column is unknown, a required one is missing, columns differ in length, or a row holds
            an impossible value: the error names the first such column in the order of :data:`COLUMNS` and its first
            bad row.
        InvalidValueError: *columns* is not a mapping of columns.
        InvalidArgumentsError: *numpy* is True but numpy is not installed.
        UnknownRulesetError: *rules* is not the id of any ruleset.
    """
    ruleset = resolve(on=None, rules=rules)
    installed = _numpy.installed()
    if numpy and not installed:
        raise InvalidArgumentsError("numpy=True, but numpy is not installed: pip install 'crsrules[numpy]'")
    given = _given(columns)
    if installed if numpy is None else numpy:
        return _numpy.score_arrays(_read(given, _numpy.NumpyColumns()), ruleset)
    return _score_rows(_read(given, _PythonColumns()), ruleset)
