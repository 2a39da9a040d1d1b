"""A candidate's dated facts: :class:`Candidate` and its parts.

The model stores facts, never derived values: a date of birth, not an age; test scores and the test date, not CLB
levels; jobs with their dates and hours, not years of experience. :func:`crsrules.factors` derives the CRS inputs from
them on any date, the way IRCC counts them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable  # a real import: the annotations of the generated __init__ name it
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from crsrules import _validation as v
from crsrules.errors import InvalidValueError
from crsrules.language_tests import LanguageTest, TefScale, check_scores
from crsrules.model import Education, OfficialLanguage
from crsrules.occupations import NOC_2021_IN_USE_FROM, occupation

if TYPE_CHECKING:
    from collections.abc import Iterator

    from crsrules.model import Factors, LanguageLevels

__all__ = [
    "CREDENTIAL_LEVELS",
    "RELATIVE_KINDS",
    "Candidate",
    "Certificate",
    "Credential",
    "Employer",
    "Job",
    "JobOffer",
    "LanguageResult",
    "MaritalStatus",
    "Nomination",
    "Province",
    "Relative",
    "RelativeKind",
    "Sibling",
    "Spouse",
]


class MaritalStatus(Enum):
    """Marital status, as IRCC's profile asks it.

    .. versionadded:: 0.1.0
    """

    NEVER_MARRIED = "never_married"
    MARRIED = "married"
    COMMON_LAW = "common_law"
    LEGALLY_SEPARATED = "legally_separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    ANNULLED = "annulled"

    @property
    def has_partner(self) -> bool:
        """Married or common-law: the only statuses with a spouse or partner."""
        return self is MaritalStatus.MARRIED or self is MaritalStatus.COMMON_LAW


class Province(Enum):
    """The provinces and territories that nominate through Express Entry (Quebec runs its own selection).

    .. versionadded:: 0.1.0
    """

    AB = "AB"
    BC = "BC"
    MB = "MB"
    NB = "NB"
    NL = "NL"
    NS = "NS"
    NT = "NT"
    NU = "NU"
    ON = "ON"
    PE = "PE"
    SK = "SK"
    YT = "YT"


_noc_2021 = v.digit_code(5, "a NOC 2021 code: a string of five digits such as '21231'", known=occupation)
_noc_2016 = v.digit_code(4, "a NOC 2016 code: a string of four digits such as '2173'")


def _date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.a_date(attribute.name, value, path=(attribute.name,))


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        v.a_date(attribute.name, value, path=(attribute.name,))


def _tuple_of(cls: type, what: str) -> v.Validator:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            allowed = f"a list or tuple of {cls.__name__} objects (any iterable but a string or a mapping)"
            raise InvalidValueError(attribute.name, value, allowed, code="wrong_type")
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                raise InvalidValueError(f"{attribute.name}[{i}]", item, what, code="wrong_type")

    return check


def _not_before(other: str) -> v.Validator:
    """A date not before the date in the field *other* (an earlier field, so already checked)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: date | None) -> None:
        start = getattr(instance, other)
        if value is not None and start is not None and value < start:
            allowed = f"a date on or after {other} ({start.isoformat()})"
            raise InvalidValueError(
                attribute.name, value.isoformat(), allowed, path=(attribute.name,), code="inconsistent"
            )

    return check


# The converters of the enum fields (their JSON strings are accepted) and of the list fields (any iterable is).
# One named function each, which type checkers read as the type the field accepts.


def _education(value: Education | str) -> Education:
    return v.to_member(Education, value)


def _marital_status(value: MaritalStatus | str) -> MaritalStatus:
    return v.to_member(MaritalStatus, value)


def _province(value: Province | str | None) -> Province | None:
    return v.to_member(Province, value)


def _language_test(value: LanguageTest | str) -> LanguageTest:
    return v.to_member(LanguageTest, value)


def _tef_scale(value: TefScale | str | None) -> TefScale | None:
    return v.to_member(TefScale, value)


def _official_language(value: OfficialLanguage | str | None) -> OfficialLanguage | None:
    return v.to_member(OfficialLanguage, value)


def _credentials(value: Iterable[Credential]) -> tuple[Credential, ...]:
    return v.to_tuple(value)


def _language_results(value: Iterable[LanguageResult]) -> tuple[LanguageResult, ...]:
    return v.to_tuple(value)


def _jobs(value: Iterable[Job]) -> tuple[Job, ...]:
    return v.to_tuple(value)


def _siblings(value: Iterable[Sibling]) -> tuple[Sibling, ...]:
    return v.to_tuple(value)


def _relatives(value: Iterable[Relative]) -> tuple[Relative, ...]:
    return v.to_tuple(value)


def _relative_kind(value: RelativeKind | str) -> RelativeKind:
    return v.to_member(RelativeKind, value)


def _employer(value: Employer | str | None) -> Employer | None:
    return v.to_member(Employer, value)


_POST_SECONDARY = frozenset({Education.ONE_YEAR, Education.TWO_YEAR, Education.BACHELORS, Education.MASTERS,
                             Education.DOCTORAL})  # fmt: skip
#: The levels one credential can have, lowest first ("two or more" is what several credentials make together).
CREDENTIAL_LEVELS = (Education.SECONDARY, *sorted(_POST_SECONDARY, key=lambda e: e.rank))


_credential_level = v.member_of(
    Education,
    among=CREDENTIAL_LEVELS,
    allowed="one credential's level: one of " + ", ".join(repr(e.value) for e in CREDENTIAL_LEVELS),
)


@frozen(kw_only=True)
class Credential:
    """One certificate, diploma or degree.

    Two or more credentials make the "two or more" education level when one of them is from a program of three years
    or more; :func:`crsrules.factors` works that out. The level also gives the program's length: ``one_year``,
    ``two_year``, or ``bachelors`` for any program of three years or more.

    A Canadian credential earns the Canadian-education points (rules E4, E5) unless a fact given says otherwise: the
    months of full-time study in Canada are taken as the 8 needed when not given (``None``, the default), since a
    program studied in Canada has them; give ``full_time_months_in_canada`` to count them, and the flags for
    language training, an award requiring a return home or distance learning. The derivation's evidence says when
    the months were taken as given. (Until 0.2.0 the default was 0 months, which silently earned no points.)

    Example:
        >>> Credential(level="bachelors", completed_on=date(2016, 6, 1), in_canada=True).full_time_months_in_canada
        >>> Credential(level="masters", in_canada=True, distance_learning_over_half=True).level
        <Education.MASTERS: 'masters'>

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``completed_on`` may be omitted, ``full_time_months_in_canada`` defaults to None ("not given") instead of 0,
       ``distance_learning_over_half``; the level may be given as its string value.
    """

    #: The credential's level (``secondary``, ``one_year``, ``two_year``, ``bachelors``, ``masters``, ``doctoral``);
    #: ``masters`` includes an entry-to-practice professional degree (medicine, law, pharmacy, ...).
    level: Education = field(converter=_education, validator=_credential_level)
    #: The day the credential was obtained; it counts from then. None if not given: it is then counted as obtained
    #: on every date (the evidence says so), and the COVID-19 distance-learning relief, which depends on the dates of
    #: study, does not apply.
    completed_on: date | None = field(default=None, validator=_optional_date)
    #: Obtained from a Canadian institution (no ECA needed).
    in_canada: bool = field(default=False, validator=v.boolean)
    #: The issue date of the Educational Credential Assessment of a foreign credential (valid 5 years, rule E3); an
    #: ECA assesses a completed credential, so it is not before ``completed_on``.
    eca_issued_on: date | None = field(default=None, validator=[_optional_date, _not_before("completed_on")])
    #: The first day of the program (used for the 2020-03 to 2022-08 distance-learning relief, rule E4).
    started_on: date | None = field(default=None, validator=_optional_date)
    #: Canadian credentials: months of full-time enrolment while physically present in Canada (8 needed, rule E5).
    #: None if not given: taken as the 8 needed (the evidence says so).
    full_time_months_in_canada: int | None = field(
        default=None, validator=v.whole_number(0, 240, "a number of months 0-240", optional=True)
    )
    #: Canadian credentials: English or French as a second language made up more than half of the program (E5).
    language_training_over_half: bool = field(default=False, validator=v.boolean)
    #: Canadian credentials: more than half of the program was studied by distance learning (online, or from outside
    #: Canada). Such a credential earns no Canadian-education points (rule E4), but under the COVID-19 relief for
    #: study from 2020-03 to 2022-08 (policy versions from 2022-07-28).
    distance_learning_over_half: bool = field(default=False, validator=v.boolean)
    #: Canadian credentials: studied under a scholarship or award that required a return home to work (E5).
    award_requires_return: bool = field(default=False, validator=v.boolean)

    def __attrs_post_init__(self) -> None:
        if self.started_on is not None and self.completed_on is not None and self.started_on > self.completed_on:
            raise InvalidValueError(
                "completed_on",
                self.completed_on.isoformat(),
                "a date on or after started_on",
                path=("completed_on",),
                code="inconsistent",
            )
        if self.in_canada and self.eca_issued_on is not None:
            raise InvalidValueError(
                "eca_issued_on", self.eca_issued_on.isoformat(), "None for a Canadian credential", code="inconsistent"
            )

    @property
    def is_post_secondary(self) -> bool:
        """A credential above secondary school."""
        return self.level in _POST_SECONDARY


@frozen(kw_only=True)
class LanguageResult:
    """One official-language test result: the raw scores and the test date (valid 2 years, rule E10).

    Example:
        >>> LanguageResult(test="ielts_general", tested_on=date(2025, 3, 2), listening=8.0, reading=7.0, writing=7.0,
        ...                speaking=7.5).test
        <LanguageTest.IELTS_GENERAL: 'ielts_general'>

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The test and the TEF scale may be given as their string values.
    """

    #: The test.
    test: LanguageTest = field(converter=_language_test, validator=v.member_of(LanguageTest))
    #: The day of the test; the result counts from then for 2 years.
    tested_on: date = field(validator=_date)
    #: The listening result, on the test's scale (such as an IELTS band 0.0-9.0 in steps of 0.5).
    listening: float = field()
    #: The reading result, on the test's scale.
    reading: float = field()
    #: The writing result, on the test's scale.
    writing: float = field()
    #: The speaking result, on the test's scale.
    speaking: float = field()
    #: TEF Canada only: the column of the results the scores come from (by default, chosen by the test date).
    tef_scale: TefScale | None = field(
        default=None, converter=_tef_scale, validator=v.member_of(TefScale, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        # Every score must be a possible result of the test. Whether IRCC accepted the test on its date, and which
        # chart converts it, are rules, applied when the result is read (crsrules.language.levels).
        scores = {"listening": self.listening, "reading": self.reading, "writing": self.writing,
                  "speaking": self.speaking}  # fmt: skip
        check_scores(self.test, self.tef_scale, scores)

    @property
    def levels(self) -> LanguageLevels:
        """The CLB / NCLC levels, with the charts in force on the test date.

        .. deprecated:: 0.2.0
           Conversion is a rule of each policy version: use :func:`crsrules.language.levels`, which takes
           ``rules=``.
        """
        warnings.warn(
            "LanguageResult.levels is deprecated since 0.2.0: use crsrules.language.levels(result)",
            DeprecationWarning,
            stacklevel=2,
        )
        # An upward import, for this deprecated property only (listed in the layers contract).
        from crsrules.language import levels  # noqa: PLC0415

        return levels(self)

    @property
    def language(self) -> OfficialLanguage:
        """The official language the test measures."""
        return self.test.language


_hours = v.number(0, 168, "hours a week, more than 0 and at most 168", low_exclusive=True)


@frozen(kw_only=True)
class Job:
    """A period of work in one occupation with one employer (or self-employed).

    Give the NOC 2021 code; for work before 2022-11-16 the NOC 2016 code may be given as well (or alone), and it is
    what the rules before 2022-11-16 look at.

    .. versionadded:: 0.1.0
    """

    #: The NOC 2021 unit group, five digits such as ``"21231"``.
    noc: str | None = field(default=None, validator=_noc_2021)
    #: The NOC 2016 unit group, four digits such as ``"2173"`` (work before 2022-11-16 only).
    noc_2016: str | None = field(default=None, validator=_noc_2016)
    #: Work in Canada (Canadian work experience) or abroad (foreign work experience).
    in_canada: bool = field(validator=v.boolean)
    #: The first day of work.
    start: date = field(validator=_date)
    #: The last day of work, or None if ongoing.
    end: date | None = field(default=None, validator=[_optional_date, _not_before("start")])
    #: Hours a week; 30 or more is full time, less counts pro rata.
    hours_per_week: float = field(default=30, validator=_hours)
    #: Paid by wages or commission (unpaid work never counts; from 2016-11-19 the rules say so in words).
    paid: bool = field(default=True, validator=v.boolean)
    #: Self-employed (never Canadian work experience for the CRS).
    self_employed: bool = field(default=False, validator=v.boolean)
    #: Done while a full-time student (never Canadian work experience; foreign work still counts).
    while_full_time_student: bool = field(default=False, validator=v.boolean)

    def __attrs_post_init__(self) -> None:
        if self.noc is None and self.noc_2016 is None:
            raise InvalidValueError(
                "noc", None, "a NOC 2021 code (or a NOC 2016 code for work before 2022-11-16)", code="missing"
            )
        if self.noc is None and (self.end is None or self.end >= NOC_2021_IN_USE_FROM):
            raise InvalidValueError(
                "noc",
                None,
                "a NOC 2021 code for work on or after 2022-11-16 (a NOC 2016 code alone is accepted only for work "
                "that ended before 2022-11-16)",
                code="missing",
            )


@frozen(kw_only=True)
class Spouse:
    """The spouse or common-law partner, with their own facts.

    Only an accompanying spouse who is not a Canadian citizen or permanent resident moves the applicant to the "with
    spouse" columns and earns spouse points (rule E1).

    The model holds no birth date for the spouse, so nothing checks the spouse's facts against an age or a birth: each
    credential, result and job is checked on its own, as the candidate's are (an ECA not before its credential's
    completion, a job's end not before its start, every date in the supported range).

    .. versionadded:: 0.1.0
    """

    #: Will come to Canada with the applicant.
    accompanying: bool = field(validator=v.boolean)
    #: A Canadian citizen or permanent resident.
    canadian_citizen_or_pr: bool = field(default=False, validator=v.boolean)
    #: The spouse's certificates, diplomas and degrees (any iterable; kept as a tuple).
    credentials: tuple[Credential, ...] = field(
        default=(), converter=_credentials, validator=_tuple_of(Credential, "a Credential")
    )
    #: The spouse's official-language test results.
    language_results: tuple[LanguageResult, ...] = field(
        default=(), converter=_language_results, validator=_tuple_of(LanguageResult, "a LanguageResult")
    )
    #: The spouse's work, in Canada and abroad (only Canadian work earns spouse points).
    jobs: tuple[Job, ...] = field(default=(), converter=_jobs, validator=_tuple_of(Job, "a Job"))

    @property
    def counts(self) -> bool:
        """Whether this spouse puts the applicant in the "with spouse" columns (rule E1)."""
        return self.accompanying and not self.canadian_citizen_or_pr


@frozen(kw_only=True)
class Sibling:
    """A brother or sister (by blood, adoption, marriage or common-law) of the applicant or of the spouse (E13).

    A sibling earns the CRS points for a sibling in Canada and is also a relative in Canada for the FSW adaptability
    factor; the other relatives that factor counts are :class:`Relative` values. Give each person once.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``birth_date`` may be omitted.
    """

    #: The sibling's own birth date (before or after the candidate's): a sibling counts from the age of 18. None if
    #: not given: the sibling is taken to be 18 or older (the evidence says so).
    birth_date: date | None = field(default=None, validator=_optional_date)
    #: The day they became a Canadian citizen or permanent resident: not before their birth date.
    citizen_or_pr_since: date = field(validator=[_date, _not_before("birth_date")])
    #: A sibling of the spouse rather than of the applicant (counts only with an accompanying spouse).
    of_spouse: bool = field(default=False, validator=v.boolean)
    #: Lives in Canada.
    lives_in_canada: bool = field(default=True, validator=v.boolean)


@frozen(kw_only=True)
class Certificate:
    """A certificate of qualification in a trade from a Canadian province, territory or federal body.

    .. versionadded:: 0.1.0
    """

    #: The day the certificate was issued; it counts from then.
    issued_on: date = field(validator=_date)
    #: The trade's NOC 2021 code, if known.
    noc: str | None = field(default=None, validator=_noc_2021)


@frozen(kw_only=True)
class Nomination:
    """A provincial or territorial nomination certificate accepted in the Express Entry profile.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``province`` may be omitted or given as its string value.
    """

    #: The nominating province or territory (``"ON"``, ``"BC"``, ...), or None if not given: the points do not
    #: depend on it.
    province: Province | None = field(
        default=None, converter=_province, validator=v.member_of(Province, optional=True)
    )
    #: The day of the nomination; it counts from then.
    nominated_on: date = field(validator=_date)


class RelativeKind(Enum):
    """How a relative in Canada is related, as IRPR s. 83(5) lists the relatives of the FSW adaptability factor.

    Each is a relative by blood, marriage, common-law partnership or adoption, of the applicant or of the accompanying
    spouse or partner. A brother or sister is given as a :class:`Sibling` (which also earns the CRS points), never as
    a :class:`Relative`: ``SIBLING`` names their kind where a result says which relative counted.

    .. versionadded:: 0.2.0
    """

    #: A father or mother.
    PARENT = "parent"
    #: A grandparent.
    GRANDPARENT = "grandparent"
    #: A child.
    CHILD = "child"
    #: A grandchild.
    GRANDCHILD = "grandchild"
    #: A brother or sister (a child of a parent): give them in ``Candidate.siblings``.
    SIBLING = "sibling"
    #: An aunt or uncle (a child of a grandparent, other than a parent).
    AUNT_OR_UNCLE = "aunt_or_uncle"
    #: A niece or nephew (a grandchild of a parent, other than a child).
    NIECE_OR_NEPHEW = "niece_or_nephew"


#: The kinds a :class:`Relative` can have: every kind but a sibling (a :class:`Sibling`).
RELATIVE_KINDS = tuple(kind for kind in RelativeKind if kind is not RelativeKind.SIBLING)


@frozen(kw_only=True)
class Relative:
    """A relative in Canada other than a brother or sister, for the FSW adaptability factor (IRPR s. 83(5)).

    The relative counts on a day when they are 18 or older, a Canadian citizen or permanent resident and living in
    Canada; a relative of the spouse or partner counts only when the spouse or partner accompanies the applicant.
    Relatives earn no CRS points: only a brother or sister does, given as a :class:`Sibling`, which also counts as a
    relative in Canada for FSW. Give each person once.

    .. versionadded:: 0.2.0
    """

    #: How they are related: ``parent``, ``grandparent``, ``child``, ``grandchild``, ``aunt_or_uncle`` or
    #: ``niece_or_nephew`` (a brother or sister goes in ``siblings``).
    kind: RelativeKind = field(
        converter=_relative_kind,
        validator=v.member_of(
            RelativeKind,
            among=RELATIVE_KINDS,
            allowed="one of "
            + ", ".join(repr(k.value) for k in RELATIVE_KINDS)
            + " (a brother or sister is a Sibling, in Candidate.siblings)",
        )
    )
    #: The relative's own birth date (they count from their 18th birthday).
    birth_date: date = field(validator=_date)
    #: The day they became a Canadian citizen or permanent resident: not before their birth date.
    citizen_or_pr_since: date = field(validator=[_date, _not_before("birth_date")])
    #: A relative of the spouse or partner rather than of the applicant (counts only with an accompanying spouse).
    of_spouse: bool = field(default=False, validator=v.boolean)
    #: Lives in Canada.
    lives_in_canada: bool = field(default=True, validator=v.boolean)


class Employer(Enum):
    """Who makes a job offer, where a rule depends on it.

    .. versionadded:: 0.2.0
    """

    #: The Canadian Forces Recruiting Group, for a position in the Canadian Armed Forces (the skilled military
    #: recruits category needs an offer from it).
    CANADIAN_FORCES_RECRUITING_GROUP = "canadian_forces_recruiting_group"
    #: Any other employer.
    OTHER = "other"


@frozen(kw_only=True)
class JobOffer:
    """A qualifying offer of arranged employment (LMIA-supported or LMIA-exempt as the instructions define).

    The caller asserts that the offer qualifies; its NOC code decides its kind (senior management or other skilled).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``offered_on`` may be omitted.
    """

    #: The NOC 2021 code of the offered job.
    noc: str | None = field(default=None, validator=_noc_2021)
    #: The NOC 2016 code, for offers before 2022-11-16.
    noc_2016: str | None = field(default=None, validator=_noc_2016)
    #: The day the offer started to qualify, or None if not given: the offer is then taken to qualify on every date
    #: up to ``ends_on`` (the evidence says so).
    offered_on: date | None = field(default=None, validator=_optional_date)
    #: The last day it qualifies, if it ended.
    ends_on: date | None = field(default=None, validator=[_optional_date, _not_before("offered_on")])
    #: Who makes the offer, or None when not stated (the skilled military recruits category then does not check it).
    employer: Employer | None = field(
        default=None, converter=_employer, validator=v.member_of(Employer, optional=True)
    )
    #: How many months of employment the offer is for (1 to 600), or None when not stated or without a fixed term
    #: (the skilled military recruits category then does not check its length).
    duration_months: int | None = field(
        default=None, validator=v.whole_number(1, 600, "a number of months 1-600", optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.noc is None and self.noc_2016 is None:
            raise InvalidValueError(
                "noc", None, "a NOC 2021 code (or a NOC 2016 code for an offer before 2022-11-16)", code="missing"
            )


def _spouse_fits_status(instance: Candidate, _attribute: attrs.Attribute[Any], value: Spouse | None) -> None:
    if value is not None and not instance.marital_status.has_partner:
        allowed = f"None when the marital status is {instance.marital_status.value!r}"
        raise InvalidValueError("spouse", "a Spouse", allowed, code="inconsistent")


def _aware(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InvalidValueError(
            attribute.name, value, "a timezone-aware datetime (IRCC's tie-break times are UTC)", code="wrong_type"
        )
    v.in_range(attribute.name, value, path=(attribute.name,))


@frozen(kw_only=True)
class Candidate:
    """A candidate's facts, from which :func:`crsrules.factors` derives the CRS inputs on any date.

    The facts must be possible together: nothing is dated before ``birth_date`` (a credential's start, or its
    completion when no start is given, a test, a job's start, the certificate of qualification, the nomination, the
    job offer, the profile's submission). The later dates of each fact follow from these, since each fact checks its
    own order (an ECA not before the credential's completion, a job's end not before its start, ...). A sibling or
    a relative may be older or younger than the candidate. An impossible fact raises
    :class:`~crsrules.InvalidValueError` naming it, such as ``'jobs[0].start'``, with its
    :attr:`~crsrules.InvalidValueError.path`.

    The lists accept any iterable (``jobs=[job]``) and are kept as tuples; the enums accept their string values
    (``marital_status="married"``).

    Example:
        >>> from datetime import date
        >>> c = Candidate(
        ...     birth_date=date(1994, 5, 17),
        ...     credentials=(Credential(level=Education.BACHELORS, completed_on=date(2016, 6, 1),
        ...                             eca_issued_on=date(2024, 1, 10)),),
        ...     language_results=(LanguageResult(test=LanguageTest.IELTS_GENERAL, tested_on=date(2025, 3, 2),
        ...                                      listening=8.5, reading=7.5, writing=7.0, speaking=7.0),),
        ... )
        >>> import crsrules
        >>> crsrules.factors(c, on=date(2025, 6, 1)).age
        31

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Lists accept any iterable, enums their string values.
    """

    #: The candidate's date of birth: the age on any date follows from it.
    birth_date: date = field(validator=_date)
    #: Marital status, as IRCC's profile asks it; only ``married`` and ``common_law`` go with a spouse.
    marital_status: MaritalStatus = field(
        default=MaritalStatus.NEVER_MARRIED, converter=_marital_status, validator=v.member_of(MaritalStatus)
    )
    #: The spouse or common-law partner, with their own facts (only with a married or common-law status).
    spouse: Spouse | None = field(
        default=None, validator=[v.instance(Spouse, "a Spouse", optional=True), _spouse_fits_status]
    )
    #: Certificates, diplomas and degrees, Canadian or foreign (any iterable; kept as a tuple).
    credentials: tuple[Credential, ...] = field(
        default=(), converter=_credentials, validator=_tuple_of(Credential, "a Credential")
    )
    #: Official-language test results, in English and French; the best valid one in each language counts.
    language_results: tuple[LanguageResult, ...] = field(
        default=(), converter=_language_results, validator=_tuple_of(LanguageResult, "a LanguageResult")
    )
    #: The official language the candidate names as first; None lets crsrules pick the one worth more (rule E16).
    first_official_language: OfficialLanguage | None = field(
        default=None, converter=_official_language, validator=v.member_of(OfficialLanguage, optional=True)
    )
    #: Work, in Canada and abroad, each period with its occupation, dates and hours.
    jobs: tuple[Job, ...] = field(default=(), converter=_jobs, validator=_tuple_of(Job, "a Job"))
    #: A certificate of qualification in a trade from a Canadian province, territory or federal body.
    certificate_of_qualification: Certificate | None = field(
        default=None, validator=v.instance(Certificate, "a Certificate", optional=True)
    )
    #: A provincial or territorial nomination.
    nomination: Nomination | None = field(default=None, validator=v.instance(Nomination, "a Nomination", optional=True))
    #: A qualifying offer of arranged employment.
    job_offer: JobOffer | None = field(default=None, validator=v.instance(JobOffer, "a JobOffer", optional=True))
    #: Brothers and sisters of the applicant or the spouse, in Canada or not.
    siblings: tuple[Sibling, ...] = field(default=(), converter=_siblings, validator=_tuple_of(Sibling, "a Sibling"))
    #: When the Express Entry profile was submitted (timezone-aware; the tie-breaking rule orders by it).
    profile_submitted_at: datetime | None = field(default=None, validator=_aware)
    #: Relatives in Canada other than brothers and sisters (parents, grandparents, children, grandchildren, aunts,
    #: uncles, nieces, nephews), for the FSW adaptability factor; brothers and sisters go in ``siblings``.
    relatives: tuple[Relative, ...] = field(
        default=(), converter=_relatives, validator=_tuple_of(Relative, "a Relative")
    )

    def __attrs_post_init__(self) -> None:
        for path, value in self._first_dates():
            day = value.date() if isinstance(value, datetime) else value  # a time by its date where it was
            if day < self.birth_date:
                name = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).removeprefix(".")
                allowed = f"a date on or after the birth date ({self.birth_date.isoformat()})"
                raise InvalidValueError(name, value.isoformat(), allowed, path=path, code="inconsistent")

    def _first_dates(self) -> Iterator[tuple[tuple[str | int, ...], date]]:
        """The first date of each fact, with its path; a fact's later dates cannot be before it."""
        for i, credential in enumerate(self.credentials):
            if credential.started_on is not None:
                yield ("credentials", i, "started_on"), credential.started_on
            elif credential.completed_on is not None:
                yield ("credentials", i, "completed_on"), credential.completed_on
        for i, result in enumerate(self.language_results):
            yield ("language_results", i, "tested_on"), result.tested_on
        for i, job in enumerate(self.jobs):
            yield ("jobs", i, "start"), job.start
        if self.certificate_of_qualification is not None:
            yield ("certificate_of_qualification", "issued_on"), self.certificate_of_qualification.issued_on
        if self.nomination is not None:
            yield ("nomination", "nominated_on"), self.nomination.nominated_on
        if self.job_offer is not None and self.job_offer.offered_on is not None:
            yield ("job_offer", "offered_on"), self.job_offer.offered_on
        if self.profile_submitted_at is not None:
            yield ("profile_submitted_at",), self.profile_submitted_at

    def factors(self, *, on: date, rules: Any = None) -> Factors:  # noqa: ANN401 (a RuleSet or its id; deprecated)
        """The CRS inputs on *on*; see :func:`crsrules.factors`.

        .. deprecated:: 0.2.0
           The model holds facts only: use ``crsrules.factors(candidate, on=...)``.
        """
        warnings.warn(
            "Candidate.factors() is deprecated since 0.2.0: use crsrules.factors(candidate, on=...)",
            DeprecationWarning,
            stacklevel=2,
        )
        # An upward import, for this deprecated method only (listed in the layers contract).
        from crsrules.derive import factors  # noqa: PLC0415

        return factors(self, on=on, rules=rules)
