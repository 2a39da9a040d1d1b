"""Score Express Entry candidates under the Comprehensive Ranking System (CRS) rules in force on any date.

crsrules is not legal advice: IRCC's official tool and instructions govern.
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from crsrules.errors import (
    CRSRulesError,
    InvalidArgumentsError,
    InvalidFactorsError,
    InvalidValueError,
    RulesNotInForceError,
    StaleRulesWarning,
    TestNotAcceptedError,
    UnknownRulesetError,
)
from crsrules.headings import Factor, Section
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
from crsrules.rules import RuleSet, available_rulesets, get_rules, rules_in_force
from crsrules.scoring import Line, ScoreBreakdown, score

try:
    __version__ = _version("crsrules")
except PackageNotFoundError:  # pragma: no cover (running from a source tree that is not installed)
    __version__ = "0.0.0+unknown"

__all__ = [
    "ArrangedEmployment",
    "CRSRulesError",
    "CanadianEducation",
    "Education",
    "Factor",
    "Factors",
    "InvalidArgumentsError",
    "InvalidFactorsError",
    "InvalidValueError",
    "LanguageLevels",
    "LanguageTest",
    "Line",
    "OfficialLanguage",
    "RuleSet",
    "RulesNotInForceError",
    "ScoreBreakdown",
    "Section",
    "SpouseFactors",
    "StaleRulesWarning",
    "TefScale",
    "TestNotAcceptedError",
    "UnknownRulesetError",
    "__version__",
    "available_rulesets",
    "get_rules",
    "rules_in_force",
    "score",
]
