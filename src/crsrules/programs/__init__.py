"""The entry criteria of the three Express Entry programs, and whether a candidate can enter the pool.

A candidate enters the Express Entry pool by meeting the entry criteria of at least one program; the CRS score only
ranks candidates who do. :func:`program_eligibility` assesses all three on a day; :func:`fsw_eligibility`,
:func:`cec_eligibility` and :func:`fst_eligibility` assess one each (:mod:`~crsrules.programs.fsw`,
:mod:`~crsrules.programs.cec`, :mod:`~crsrules.programs.fst`).

The criteria are rules data (:attr:`crsrules.RuleSet.programs`): the ruleset pinned with ``rules=``, or else the one
in force on the day, decides them and whether occupations are judged by NOC 2016 or NOC 2021. The rules of evidence
(valid test results, ECAs, hours of work) are those of :func:`crsrules.factors`.

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
