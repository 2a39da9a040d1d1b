"""The summary inputs of the CRS: :class:`Factors`, the answers the official CRS tool asks for.

A calculator builds :class:`Factors` directly. Every class is frozen and keyword-only; use :func:`attrs.evolve` for
what-ifs. Closed sets are enums whose string values are the JSON form.
"""

from __future__ import annotations

import warnings
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from crsrules import _validation as v
from crsrules.errors import InvalidValueError

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "ArrangedEmployment",
    "CanadianEducation",
    "Education",
    "Factors",
    "LanguageLevels",
    "OfficialLanguage",
    "SpouseFactors",
]

#: The highest CLB/NCLC level a result can convert to (CELPIP goes to 12; the CRS tables stop at "10 or more").
MAX_CLB = 12


class Education(Enum):
    """Level of education: the eight levels of the CRS education factor, lowest first.

    Names follow the options of IRCC's CRS tool.

    .. versionadded:: 0.1.0
    """

    #: Less than secondary school (high school).
    LESS_THAN_SECONDARY = "less_than_secondary"
    #: Secondary diploma (high school graduation).
    SECONDARY = "secondary"
    #: One-year program at a university, college, trade or technical school, or other institute.
    ONE_YEAR = "one_year"
    #: Two-year program at a university, college, trade or technical school, or other institute.
    TWO_YEAR = "two_year"
    #: Bachelor's degree, or another program of three or more years.
    BACHELORS = "bachelors"
    #: Two or more certificates, diplomas or degrees, one of them for a program of three or more years.
    TWO_OR_MORE = "two_or_more"
    #: Master's degree, or professional degree needed to practise a licensed profession (entry-to-practice).
    MASTERS = "masters"
    #: Doctoral level university degree (PhD).
    DOCTORAL = "doctoral"

    @property
    def label(self) -> str:
        """A short English label, as used in score breakdowns."""
        return _EDUCATION_LABELS[self]

    @property
    def rank(self) -> int:
        """0 for the lowest level, 7 for the highest."""
        return _EDUCATION_RANK[self]


_EDUCATION_LABELS = {
    Education.LESS_THAN_SECONDARY: "less than secondary school",
    Education.SECONDARY: "secondary school",
    Education.ONE_YEAR: "one-year post-secondary credential",
    Education.TWO_YEAR: "two-year post-secondary credential",
    Education.BACHELORS: "bachelor's degree or other credential of 3+ years",
    Education.TWO_OR_MORE: "two or more post-secondary credentials, one of 3+ years",
    Education.MASTERS: "master's or entry-to-practice professional degree",
    Education.DOCTORAL: "doctoral degree",
}


_EDUCATION_RANK = {level: rank for rank, level in enumerate(Education)}


class OfficialLanguage(Enum):
    """Canada's official languages. CLB levels are for English, NCLC levels for French.

    .. versionadded:: 0.1.0
    """

    ENGLISH = "english"
    FRENCH = "french"

    @property
    def scale(self) -> str:
        """The name of the level scale: ``"CLB"`` for English, ``"NCLC"`` for French."""
        return "CLB" if self is OfficialLanguage.ENGLISH else "NCLC"


class ArrangedEmployment(Enum):
    """A qualifying offer of arranged employment, by the kind of occupation.

    .. versionadded:: 0.1.0
    """

    #: Senior management: NOC major group 00 (NOC 2016 0011-0016; NOC 2021 00010-00015).
    SENIOR_MANAGEMENT = "senior_management"
    #: Any other skilled occupation (NOC 2016 0, A or B; NOC 2021 TEER 0 outside major group 00, or TEER 1, 2, 3).
    OTHER_SKILLED = "other_skilled"


class CanadianEducation(Enum):
    """A Canadian post-secondary credential that earns the additional points for education in Canada.

    .. versionadded:: 0.1.0
    """

    #: A credential from a one- or two-year program.
    ONE_OR_TWO_YEARS = "one_or_two_years"
    #: A credential from a program of three years or more, or a master's, professional or doctoral degree.
    THREE_YEARS_OR_MORE = "three_years_or_more"

    @property
    def minimum_education(self) -> Education:
        """The lowest education level that includes such a credential."""
        return Education.ONE_YEAR if self is CanadianEducation.ONE_OR_TWO_YEARS else Education.BACHELORS


_clb = v.whole_number(0, MAX_CLB, f"a CLB/NCLC level 0-{MAX_CLB}")
_years = v.whole_number(0, 60, "a whole number of years 0-60")


# The converters of the enum fields, which accept their JSON strings too: one named function each, which type
# checkers read as the type the field accepts.


def _education(value: Education | str) -> Education:
    return v.to_member(Education, value)


def _official_language(value: OfficialLanguage | str) -> OfficialLanguage:
    return v.to_member(OfficialLanguage, value)


def _arranged_employment(value: ArrangedEmployment | str | None) -> ArrangedEmployment | None:
    return v.to_member(ArrangedEmployment, value)


def _canadian_education(value: CanadianEducation | str | None) -> CanadianEducation | None:
    return v.to_member(CanadianEducation, value)


@frozen(kw_only=True)
class LanguageLevels:
    """CLB (English) or NCLC (French) levels in the four abilities of one official language.

    Levels run from 0 to 12; anything below 4 earns no CRS points, and the tables stop at "10 or more".
    Build it from levels, or from a test result with :func:`crsrules.language.convert`.

    Example:
        >>> LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=8, writing=9, speaking=10).minimum
        8

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The language may be given as its string value.
    """

    #: The official language: English (CLB levels) or French (NCLC levels).
    language: OfficialLanguage = field(converter=_official_language, validator=v.member_of(OfficialLanguage))
    #: The level in listening, 0-12.
    listening: int = field(validator=_clb)
    #: The level in reading, 0-12.
    reading: int = field(validator=_clb)
    #: The level in writing, 0-12.
    writing: int = field(validator=_clb)
    #: The level in speaking, 0-12.
    speaking: int = field(validator=_clb)

    @property
    def minimum(self) -> int:
        """The lowest of the four levels (the CRS's "in all four abilities" thresholds compare this)."""
        return min(self.listening, self.reading, self.writing, self.speaking)

    @classmethod
    def from_test(  # noqa: PLR0913 (one argument per ability, plus the test, its date and the TEF scale)
        cls,
        test: Any,  # noqa: ANN401 (a LanguageTest or its value; deprecated shim)
        *,
        listening: float,
        reading: float,
        writing: float,
        speaking: float,
        tested_on: date,
        tef_scale: Any = None,  # noqa: ANN401 (a TefScale, its value or None; deprecated shim)
    ) -> LanguageLevels:
        """Convert a test result to CLB/NCLC levels (see :func:`crsrules.language.convert`).

        For TEF Canada, *tef_scale* names the column the scores come from; by default it follows the test date.

        Raises:
            InvalidValueError: A score is impossible for the test.
            TestNotAcceptedError: IRCC did not accept the test on *tested_on*.

        .. deprecated:: 0.2.0
           The conversion charts are rules of each policy version, and the model holds no rules: use
           :func:`crsrules.language.convert` (the same arguments, plus ``rules=``).
        """
        warnings.warn(
            "LanguageLevels.from_test is deprecated since 0.2.0: use crsrules.language.convert (same arguments)",
            DeprecationWarning,
            stacklevel=2,
        )
        # An upward import, for this deprecated method only (listed in the layers contract).
        from crsrules.language import convert  # noqa: PLC0415

        return convert(
            test,
            listening=listening,
            reading=reading,
            writing=writing,
            speaking=speaking,
            tested_on=tested_on,
            tef_scale=tef_scale,
        )


def _other_language(instance: Factors, _attribute: attrs.Attribute[Any], value: LanguageLevels | None) -> None:
    if value is None:
        return
    if instance.first_language is None:
        raise InvalidValueError(
            "second_language", value.language.value, "None when there is no first language", code="inconsistent"
        )
    if value.language is instance.first_language.language:
        raise InvalidValueError(
            "second_language",
            value.language.value,
            f"the other official language than the first ({instance.first_language.language.value})",
            code="inconsistent",
        )


def _within_education(instance: Factors, _attribute: attrs.Attribute[Any], value: CanadianEducation | None) -> None:
    if value is None:
        return
    needs = value.minimum_education
    if instance.education.rank < needs.rank:
        raise InvalidValueError(
            "canadian_education",
            value.value,
            f"a credential no higher than the education level {instance.education.value!r} "
            f"({value.value!r} needs education {needs.value!r} or higher)",
            code="inconsistent",
        )


@frozen(kw_only=True)
class SpouseFactors:
    """The factors of an accompanying spouse or common-law partner who is not a Canadian citizen or PR.

    Only such a spouse moves the principal applicant to the "with spouse" columns and earns spouse points (rule E1).

    .. versionadded:: 0.1.0
    """

    #: The spouse's level of education.
    education: Education = field(converter=_education, validator=v.member_of(Education))
    #: The spouse's results in one official language (the tool asks for the first), or None without a valid test.
    first_language: LanguageLevels | None = field(
        default=None, validator=v.instance(LanguageLevels, "LanguageLevels", optional=True)
    )
    #: Completed years of skilled Canadian work in the last 10 years.
    canadian_work_years: int = field(default=0, validator=_years)


@frozen(kw_only=True)
class Factors:
    """The summary inputs of a CRS score: the questions IRCC's CRS tool asks.

    The enums accept their string values (``education="bachelors"``).

    Example:
        >>> english = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)
        >>> f = Factors(age=29, education=Education.BACHELORS, first_language=english, foreign_work_years=3)
        >>> f.spouse is None
        True

    .. versionadded:: 0.1.0
    """

    #: Age in completed years (17 or less earns nothing, 45 or more nothing).
    age: int = field(validator=v.whole_number(0, 120, "an age in years 0-120"))
    #: The highest credential that counts (Canadian, or foreign with an ECA under 5 years old).
    education: Education = field(converter=_education, validator=v.member_of(Education))
    #: Levels in the first official language; None when there is no valid test result (no language points).
    first_language: LanguageLevels | None = field(
        validator=v.instance(LanguageLevels, "LanguageLevels", optional=True)
    )
    #: Levels in the other official language, if tested.
    second_language: LanguageLevels | None = field(
        default=None,
        validator=[v.instance(LanguageLevels, "LanguageLevels", optional=True), _other_language],
    )
    #: Completed years of skilled Canadian work in the last 10 years.
    canadian_work_years: int = field(default=0, validator=_years)
    #: Completed years of skilled foreign work in the last 10 years.
    foreign_work_years: int = field(default=0, validator=_years)
    #: A certificate of qualification in a trade from a Canadian province, territory or federal body.
    certificate_of_qualification: bool = field(default=False, validator=v.boolean)
    #: The accompanying spouse or partner who is not a Canadian citizen or PR; None scores "without spouse" (E1).
    spouse: SpouseFactors | None = field(
        default=None, validator=v.instance(SpouseFactors, "SpouseFactors", optional=True)
    )
    #: A nomination certificate from a province or territory.
    provincial_nomination: bool = field(default=False, validator=v.boolean)
    #: A qualifying offer of arranged employment, by kind of occupation.
    arranged_employment: ArrangedEmployment | None = field(
        default=None, converter=_arranged_employment, validator=v.member_of(ArrangedEmployment, optional=True)
    )
    #: A Canadian post-secondary credential that meets the conditions for the Canadian-education points.
    canadian_education: CanadianEducation | None = field(
        default=None,
        converter=_canadian_education,
        validator=[v.member_of(CanadianEducation, optional=True), _within_education],
    )
    #: A brother or sister in Canada (citizen or PR, 18 or older), of the applicant or the accompanying spouse.
    sibling_in_canada: bool = field(default=False, validator=v.boolean)
