"""Score Express Entry candidates under the Comprehensive Ranking System (CRS) rules in force on any date.

crsrules is not legal advice: IRCC's official tool and instructions govern.
"""

from crsrules import draws
from crsrules._api import score, total
from crsrules._validation import EARLIEST_DATE, LATEST_DATE
from crsrules.candidate import (
    Candidate,
    Certificate,
    Credential,
    Employer,
    Job,
    JobOffer,
    LanguageResult,
    MaritalStatus,
    Nomination,
    Province,
    Relative,
    RelativeKind,
    Sibling,
    Spouse,
)
from crsrules.categories import (
    Category,
    CategoryEligibility,
    CategoryNotInForceError,
    CategoryVersion,
    UnknownRoundNameError,
    available_category_versions,
    category_eligibility,
    category_version,
    category_versions,
    eligible_categories,
    version_for_round_name,
)
from crsrules.conditions import Condition, Detail
from crsrules.derive import Derivation, derive, factors
from crsrules.draws import (
    DataStatus,
    Draw,
    DrawDataError,
    DrawKind,
    NoDistributionError,
    UnknownDrawError,
    UserDataWarning,
    data_status,
)
from crsrules.errors import (
    ERROR_CODES,
    CRSRulesError,
    ErrorDetail,
    InvalidArgumentsError,
    InvalidCandidateError,
    InvalidFactorsError,
    InvalidJSONError,
    InvalidValueError,
    RulesNotInForceError,
    StaleRulesWarning,
    TestNotAcceptedError,
    UnknownRulesetError,
)
from crsrules.headings import Factor, Section
from crsrules.invitations import InvitationCheck, invitation, rounds_invited
from crsrules.io import dump_candidate, dump_factors, load_candidate, load_factors
from crsrules.language import LanguageTest, TefScale
from crsrules.model import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    LanguageLevels,
    OfficialLanguage,
    SpouseFactors,
)
from crsrules.occupations import Occupation, UnknownOccupationError, occupation, search_occupations
from crsrules.programs import (
    AdaptabilityElement,
    CecAssessment,
    FstAssessment,
    FswAssessment,
    FswFactor,
    GridLine,
    Program,
    ProgramEligibility,
    cec_eligibility,
    fst_eligibility,
    fsw_eligibility,
    program_eligibility,
)
from crsrules.rules import RuleSet, available_rulesets, get_rules, rules_in_force
from crsrules.scoring import Line, ScoreBreakdown, Scorer, SectionPoints, scorer
from crsrules.timeline import ScoreChange, timeline


def __getattr__(name: str) -> str:
    """``__version__``, read from the package metadata when first asked for (importing crsrules does not read it)."""
    if name != "__version__":
        msg = f"module 'crsrules' has no attribute {name!r}"
        raise AttributeError(msg)
    # Only here: importlib.metadata costs more to import than the rest of what crsrules needs at import time.
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        found = version("crsrules")
    except PackageNotFoundError:  # pragma: no cover (running from a source tree that is not installed)
        found = "0.0.0+unknown"
    globals()["__version__"] = found
    return found


__all__ = [  # noqa: RUF022 (in plain sorted order, which tests/test_package.py checks)
    "AdaptabilityElement",
    "ArrangedEmployment",
    "CRSRulesError",
    "CanadianEducation",
    "Candidate",
    "Category",
    "CategoryEligibility",
    "CategoryNotInForceError",
    "CategoryVersion",
    "CecAssessment",
    "Certificate",
    "Condition",
    "Credential",
    "DataStatus",
    "Derivation",
    "Detail",
    "Draw",
    "DrawDataError",
    "DrawKind",
    "EARLIEST_DATE",
    "ERROR_CODES",
    "Education",
    "Employer",
    "ErrorDetail",
    "Factor",
    "Factors",
    "FstAssessment",
    "FswAssessment",
    "FswFactor",
    "GridLine",
    "InvalidArgumentsError",
    "InvalidCandidateError",
    "InvalidFactorsError",
    "InvalidJSONError",
    "InvalidValueError",
    "InvitationCheck",
    "Job",
    "JobOffer",
    "LATEST_DATE",
    "LanguageLevels",
    "LanguageResult",
    "LanguageTest",
    "Line",
    "MaritalStatus",
    "NoDistributionError",
    "Nomination",
    "Occupation",
    "OfficialLanguage",
    "Program",
    "ProgramEligibility",
    "Province",
    "Relative",
    "RelativeKind",
    "RuleSet",
    "RulesNotInForceError",
    "ScoreBreakdown",
    "ScoreChange",
    "Scorer",
    "Section",
    "SectionPoints",
    "Sibling",
    "Spouse",
    "SpouseFactors",
    "StaleRulesWarning",
    "TefScale",
    "TestNotAcceptedError",
    "UnknownDrawError",
    "UnknownOccupationError",
    "UnknownRoundNameError",
    "UnknownRulesetError",
    "UserDataWarning",
    "__version__",
    "available_category_versions",
    "available_rulesets",
    "category_eligibility",
    "category_version",
    "category_versions",
    "cec_eligibility",
    "data_status",
    "derive",
    "draws",
    "dump_candidate",
    "dump_factors",
    "eligible_categories",
    "factors",
    "fst_eligibility",
    "fsw_eligibility",
    "get_rules",
    "invitation",
    "load_candidate",
    "load_factors",
    "occupation",
    "program_eligibility",
    "rounds_invited",
    "rules_in_force",
    "score",
    "scorer",
    "search_occupations",
    "timeline",
    "total",
    "version_for_round_name",
]
