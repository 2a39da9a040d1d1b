"""From dated facts to the CRS inputs: :func:`factors` applies the rules of evidence on a date.

The numbers (2 years for a language result, 5 for an ECA, 10 years of work, 30 hours a week, 1,560 hours a year, ...)
live in the version's :class:`~crsrules.rules.Evidence`; the counting that categories and programs share is in
:mod:`crsrules.evidence`. This package holds the CRS reasoning, rule by rule (E1-E10, E13, E16 of the reference), in
``_counting``, and the evidence it gives for each factor, as records with stable codes and in words, in ``_records``.
Choices where IRCC's texts are silent are documented where they are made:

- First official language (E16): the one the candidate names if it has a valid result; otherwise the language whose
  choice as first gives the higher score (ties go to English, as in IRCC's tool, which lists English first).
- Work: completed years are whole multiples of 1,560 hours within the 10 years before the date, so 364 days of
  full-time work (52 weeks of 30 hours) make a year.
- Facts given without a detail the rules look at are taken the way that earns the points, and the evidence says so
  (in words, and as an ``evidence.assumed`` detail): a credential without a completion date is counted as obtained;
  a Canadian credential without its months of full-time study in Canada is taken to have the 8 needed (E5); a job
  offer without an offer date is taken to be in force until it ends; a sibling without a birth date is taken to be
  18 or older (E13). A credential without a completion date gets no COVID-19 distance-learning relief (E4), which
  depends on the dates of study.
"""

from __future__ import annotations

from crsrules.derive._counting import derive, factors
from crsrules.derive._records import Derivation
from crsrules.evidence import (
    CountedResult,
    age_on,
    anniversary,
    continuous_periods,
    counted_credentials,
    skilled_occupation,
    valid_language_results,
    work_hours,
)

__all__ = [
    "CountedResult",
    "Derivation",
    "age_on",
    "anniversary",
    "continuous_periods",
    "counted_credentials",
    "derive",
    "factors",
    "skilled_occupation",
    "valid_language_results",
    "work_hours",
]
