"""The entry criteria of the three Express Entry programs, and whether a candidate can enter the pool.

A candidate enters the Express Entry pool by meeting the entry criteria of at least one program; the CRS score only
ranks candidates who do. :func:`program_eligibility` assesses all three on a day; :func:`fsw_eligibility`,
:func:`cec_eligibility` and :func:`fst_eligibility` assess one each.

- :mod:`crsrules.programs.fsw`: the Federal Skilled Worker Program, its minimums and its 67-point selection grid.
- :mod:`crsrules.programs.cec`: the Canadian Experience Class.
- :mod:`crsrules.programs.fst`: the Federal Skilled Trades Program (its NOC 2021 list of trades is [UNCONFIRMED]).

Each module holds its rules as data, every number once with its source, and documents the choices crsrules makes
where the sources are silent. The ruleset in force on the day (:func:`crsrules.rules_in_force`) decides whether
occupations are judged by NOC 2016 (before 2022-11-16) or NOC 2021; the rules of evidence (valid test results, ECAs,
hours of work) are those of :func:`crsrules.factors`.

crsrules is not legal advice: IRCC's instructions govern.
"""

from crsrules.headings import Program
from crsrules.programs._eligibility import ProgramEligibility, program_eligibility
from crsrules.programs.cec import CecAssessment, cec_eligibility
from crsrules.programs.fst import FstAssessment, fst_eligibility
from crsrules.programs.fsw import AdaptabilityElement, FswAssessment, FswFactor, GridLine, fsw_eligibility

__all__ = [
    "AdaptabilityElement",
    "CecAssessment",
    "FstAssessment",
    "FswAssessment",
    "FswFactor",
    "GridLine",
    "Program",
    "ProgramEligibility",
    "cec_eligibility",
    "fst_eligibility",
    "fsw_eligibility",
    "program_eligibility",
]
