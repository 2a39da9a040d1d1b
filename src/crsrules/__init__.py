"""Score Express Entry candidates under the Comprehensive Ranking System (CRS) rules in force on any date.

crsrules is not legal advice: IRCC's official tool and instructions govern.

Names are loaded on first use (PEP 562): ``import crsrules`` imports no submodule, and ``from crsrules import X``
imports only what X needs.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType

# typing is not imported at run time (it would cost more than the rest of ``import crsrules``).
TYPE_CHECKING = False

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time the names come from __getattr__
    from typing import Any

    from crsrules import advice, draws
    from crsrules._api import score, total
    from crsrules._validation import EARLIEST_DATE, LATEST_DATE
    from crsrules.advice import ActionKind, Improvement, Outlook, improvements, outlook
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
        UserDataWarning,
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

# Where each public name lives: the module imported the first time the name is asked for.
_LAZY: dict[str, str] = {
    "ActionKind": "crsrules.advice",
    "AdaptabilityElement": "crsrules.programs",
    "ArrangedEmployment": "crsrules.model",
    "available_category_versions": "crsrules.categories",
    "available_rulesets": "crsrules.rules",
    "CanadianEducation": "crsrules.model",
    "Candidate": "crsrules.candidate",
    "Category": "crsrules.categories",
    "category_eligibility": "crsrules.categories",
    "category_version": "crsrules.categories",
    "category_versions": "crsrules.categories",
    "CategoryEligibility": "crsrules.categories",
    "CategoryNotInForceError": "crsrules.categories",
    "CategoryVersion": "crsrules.categories",
    "cec_eligibility": "crsrules.programs",
    "CecAssessment": "crsrules.programs",
    "Certificate": "crsrules.candidate",
    "Condition": "crsrules.conditions",
    "Credential": "crsrules.candidate",
    "CRSRulesError": "crsrules.errors",
    "data_status": "crsrules.draws",
    "DataStatus": "crsrules.draws",
    "Derivation": "crsrules.derive",
    "derive": "crsrules.derive",
    "Detail": "crsrules.conditions",
    "Draw": "crsrules.draws",
    "DrawDataError": "crsrules.draws",
    "DrawKind": "crsrules.draws",
    "dump_candidate": "crsrules.io",
    "dump_factors": "crsrules.io",
    "EARLIEST_DATE": "crsrules._validation",
    "Education": "crsrules.model",
    "eligible_categories": "crsrules.categories",
    "Employer": "crsrules.candidate",
    "ERROR_CODES": "crsrules.errors",
    "ErrorDetail": "crsrules.errors",
    "Factor": "crsrules.headings",
    "factors": "crsrules.derive",
    "Factors": "crsrules.model",
    "fst_eligibility": "crsrules.programs",
    "FstAssessment": "crsrules.programs",
    "fsw_eligibility": "crsrules.programs",
    "FswAssessment": "crsrules.programs",
    "FswFactor": "crsrules.programs",
    "get_rules": "crsrules.rules",
    "GridLine": "crsrules.programs",
    "Improvement": "crsrules.advice",
    "improvements": "crsrules.advice",
    "InvalidArgumentsError": "crsrules.errors",
    "InvalidCandidateError": "crsrules.errors",
    "InvalidFactorsError": "crsrules.errors",
    "InvalidJSONError": "crsrules.errors",
    "InvalidValueError": "crsrules.errors",
    "invitation": "crsrules.invitations",
    "InvitationCheck": "crsrules.invitations",
    "Job": "crsrules.candidate",
    "JobOffer": "crsrules.candidate",
    "LanguageLevels": "crsrules.model",
    "LanguageResult": "crsrules.candidate",
    "LanguageTest": "crsrules.language",
    "LATEST_DATE": "crsrules._validation",
    "Line": "crsrules.scoring",
    "load_candidate": "crsrules.io",
    "load_factors": "crsrules.io",
    "MaritalStatus": "crsrules.candidate",
    "NoDistributionError": "crsrules.draws",
    "Nomination": "crsrules.candidate",
    "Occupation": "crsrules.occupations",
    "occupation": "crsrules.occupations",
    "OfficialLanguage": "crsrules.model",
    "Outlook": "crsrules.advice",
    "outlook": "crsrules.advice",
    "Program": "crsrules.programs",
    "program_eligibility": "crsrules.programs",
    "ProgramEligibility": "crsrules.programs",
    "Province": "crsrules.candidate",
    "Relative": "crsrules.candidate",
    "RelativeKind": "crsrules.candidate",
    "rounds_invited": "crsrules.invitations",
    "rules_in_force": "crsrules.rules",
    "RuleSet": "crsrules.rules",
    "RulesNotInForceError": "crsrules.errors",
    "score": "crsrules._api",
    "ScoreBreakdown": "crsrules.scoring",
    "ScoreChange": "crsrules.timeline",
    "Scorer": "crsrules.scoring",
    "scorer": "crsrules.scoring",
    "search_occupations": "crsrules.occupations",
    "Section": "crsrules.headings",
    "SectionPoints": "crsrules.scoring",
    "Sibling": "crsrules.candidate",
    "Spouse": "crsrules.candidate",
    "SpouseFactors": "crsrules.model",
    "StaleRulesWarning": "crsrules.errors",
    "TefScale": "crsrules.language",
    "TestNotAcceptedError": "crsrules.errors",
    "timeline": "crsrules.timeline",
    "total": "crsrules._api",
    "UnknownDrawError": "crsrules.draws",
    "UnknownOccupationError": "crsrules.occupations",
    "UnknownRoundNameError": "crsrules.categories",
    "UnknownRulesetError": "crsrules.errors",
    "UserDataWarning": "crsrules.errors",
    "version_for_round_name": "crsrules.categories",
}
_SUBMODULES = frozenset({"advice", "draws"})


def __getattr__(name: str) -> Any:  # noqa: ANN401 (any public name)
    """A public name, imported from its module on first use (then kept in the module's namespace)."""
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = import_module(f"crsrules.{name}")
    elif name == "__version__":
        value = _version()
    else:
        msg = f"module 'crsrules' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


class _Package(ModuleType):
    """The package's module type: ``derive`` and ``timeline`` are both functions and submodules of the same name.

    Importing a submodule sets it as an attribute of its package; these two properties keep the public functions
    under their names whatever is imported when (as the eager imports of 0.1 did).
    """

    @property
    def derive(self) -> Any:  # noqa: ANN401 (the function crsrules.derive.derive)
        """:func:`crsrules.derive.derive`."""
        return import_module("crsrules.derive").derive

    @derive.setter
    def derive(self, _submodule: object) -> None:
        pass  # the import system records the submodule crsrules.derive here: the function keeps the name

    @property
    def timeline(self) -> Any:  # noqa: ANN401 (the function crsrules.timeline.timeline)
        """:func:`crsrules.timeline.timeline`."""
        return import_module("crsrules.timeline").timeline

    @timeline.setter
    def timeline(self, _submodule: object) -> None:
        pass  # likewise for crsrules.timeline


sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    """The public names, for tab completion."""
    return sorted({*globals(), *__all__})


def _version() -> str:
    """The installed version, from the package metadata (importlib.metadata is imported only when asked for)."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("crsrules")
    except PackageNotFoundError:  # pragma: no cover (running from a source tree that is not installed)
        return "0.0.0+unknown"


__all__ = [  # noqa: RUF022 (in plain sorted order, which tests/test_package.py checks)
    "ActionKind",
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
    "Improvement",
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
    "Outlook",
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
    "advice",
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
    "improvements",
    "invitation",
    "load_candidate",
    "load_factors",
    "occupation",
    "outlook",
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
