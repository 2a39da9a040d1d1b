"""Occupations: the NOC 2021 unit groups (code, title, TEER, broad category), and what crsrules knows of NOC 2016.

IRCC classifies work experience and job offers with the National Occupational Classification (NOC).
Since 2022-11-16 Express Entry uses NOC 2021 Version 1.0: five-digit codes whose first digit is the broad occupational
category and whose second digit is the TEER category (Training, Education, Experience and Responsibilities, 0 to 5).
The first two digits are the major group, three the sub-major group, four the minor group, five the unit group.
Work is skilled for Express Entry in TEER 0, 1, 2 or 3.
Before 2022-11-16 Express Entry used NOC 2016 (Version 1.3): four-digit codes with a skill type and a skill level, and
skilled work meant skill type 0 (management) or skill level A or B.

Coverage:
    - **NOC 2021**: all 516 unit groups of Version 1.0, with their official English titles, TEER and broad categories,
      shipped as package data (``crsrules/data/noc2021-unit-groups.csv``; ``crsrules/data/README.md`` gives its
      provenance and hash) and checked when first used. :func:`occupation` knows exactly those 516 codes.
      NOC 2026, announced for December 2026, is not covered.
    - **NOC 2016**: the structural rule only. crsrules ships **no list of NOC 2016 unit groups or titles** and **no
      concordance between NOC 2016 and NOC 2021** (one NOC 2016 unit group may correspond to several NOC 2021 ones),
      so it cannot convert a code from one version to the other. :class:`Noc2016Code` derives the skill type or level
      from the digits alone and accepts **any code of the right shape** (four digits that start with 0, or whose
      second digit is 0 to 7), whether or not NOC 2016 has such a unit group: crsrules cannot check that it exists.

The NOC 2016 rule: a code that starts with 0 is skill type 0 (management), and the second digit names the area of
management; major group 00 (0011 to 0016) is senior management. For every other code the first digit is the skill
type and the second the skill level: 0 or 1 is level A, 2 or 3 level B, 4 or 5 level C, 6 or 7 level D.
A second digit of 0 outside management is rare but real: major groups 30 (professional occupations in nursing, such
as 3012 registered nurses) and 40 (professional occupations in education services, such as 4011 university
professors) are skill level A. Every skill level is made of whole major groups, so the rule has no exceptions.
Checked against all NOC 2016 V1.3 codes of the correspondence table below: no other code starts with 0 outside
management, and no non-management code has a second digit of 8 or 9.

References:
    - Statistics Canada, National Occupational Classification (NOC) 2021 Version 1.0, approved as a departmental
      standard on 2021-08-10 and adopted by IRCC on 2022-11-16 (structure, broad categories, TEER):
      https://www23.statcan.gc.ca/imdb/p3VD.pl?Function=getVD&TVD=1322554
      and its introduction:
      https://www.statcan.gc.ca/eng/subjects/standard/noc/2021/introductionV1
    - Statistics Canada, correspondence table "NOC 2016 V1.3 to NOC 2021 V1.0" (English), the source of the
      unit-group list (its 516 distinct NOC 2021 codes and titles), as stored in the public repository
      bcgov/onet-noc2021-crosswalk, file ``data-raw/crosswalks/2026-03-02_noc2016v1_3-noc2021v1_0-eng.csv``:
      https://github.com/bcgov/onet-noc2021-crosswalk
    - NOC 2016 skill levels by second digit ("level A - 0 or 1; level B - 2 or 3; level C - 4 or 5; and level D - 6
      or 7"), from the introduction to NOC 2016 V1.3 as copied at
      https://leadersgroup-jobbank.com/noc-search-1
      and the same text in the NOC 2011 introduction as copied at
      https://admireimmigrationservices.com/single-post/2018/01/09/national-occupational-classification-noc-2011
    - Statistics Canada, Variant of NOC 2016 - Analysis by skill level ("no major groups are split between skill level
      categories"):
      http://www23.statcan.gc.ca/imdb/p3VD.pl?Function=getCET_Page&VD=331719&Item=395953
    - The project's research notes: ``reference/categories.md`` section 8 (NOC 2021) and ``reference/crs-points.md``
      sections 4 and 5 (arranged employment: 200 points for major group 00, 50 for other skilled work, from
      2016-11-19 to 2025-03-24; "skilled" = TEER 0 to 3 from 2022-11-16).
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from enum import Enum
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from crsrules import _validation as v
from crsrules.errors import CRSRulesError, InvalidValueError
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import attrs

__all__ = [
    "NOC_2021_IN_USE_FROM",
    "BroadCategory",
    "Noc2016Code",
    "Noc2016Skill",
    "Occupation",
    "UnknownOccupationError",
    "all_occupations",
    "noc2016_skill",
    "occupation",
    "search_occupations",
]

_DATA_PACKAGE = "crsrules.data"
_UNIT_GROUPS_FILE = "noc2021-unit-groups.csv"
_COLUMNS = ("noc_code", "title", "teer", "broad_category")

_NOC2021_FORM = "NOC 2021 codes are five-character strings with leading zeros kept, such as '21211' or '00012'"
_NOC2016_FORM = "NOC 2016 codes are four-character strings with leading zeros kept, such as '2171' or '0013'"

#: The day IRCC's economic programs moved from NOC 2016 to NOC 2021 (skill types and levels gave way to TEER
#: categories). The policy version of that day (``crsrules.rules.y2022``) takes its effective date from here, and a
#: job still going on that day must carry its NOC 2021 code. Source: IRCC, FSW program delivery instructions,
#: work experience (NOC 2016 to NOC 2021 on 2022-11-16).
NOC_2021_IN_USE_FROM = date(2022, 11, 16)

#: How many close codes an :class:`UnknownOccupationError` suggests at most.
_MAX_SUGGESTIONS = 5


class BroadCategory(Enum):
    """A NOC 2021 broad occupational category: the first digit of a code, which is also the enum's value.

    Example:
        >>> BroadCategory("3")
        <BroadCategory.HEALTH: '3'>
        >>> BroadCategory.HEALTH.title
        'Health occupations'

    .. versionadded:: 0.1.0
    """

    #: 0: Legislative and senior management occupations.
    LEGISLATIVE_AND_SENIOR_MANAGEMENT = "0"
    #: 1: Business, finance and administration occupations.
    BUSINESS_FINANCE_ADMINISTRATION = "1"
    #: 2: Natural and applied sciences and related occupations.
    NATURAL_AND_APPLIED_SCIENCES = "2"
    #: 3: Health occupations.
    HEALTH = "3"
    #: 4: Occupations in education, law and social, community and government services.
    EDUCATION_LAW_SOCIAL_GOVERNMENT = "4"
    #: 5: Occupations in art, culture, recreation and sport.
    ART_CULTURE_RECREATION_SPORT = "5"
    #: 6: Sales and service occupations.
    SALES_AND_SERVICE = "6"
    #: 7: Trades, transport and equipment operators and related occupations.
    TRADES_TRANSPORT_EQUIPMENT = "7"
    #: 8: Natural resources, agriculture and related production occupations.
    NATURAL_RESOURCES_AGRICULTURE = "8"
    #: 9: Occupations in manufacturing and utilities.
    MANUFACTURING_UTILITIES = "9"

    @property
    def title(self) -> str:
        """The category's English name in NOC 2021 V1.0, such as ``"Health occupations"``."""
        return _BROAD_CATEGORY_TITLES[self]


_BROAD_CATEGORY_TITLES = MappingProxyType(
    {
        BroadCategory.LEGISLATIVE_AND_SENIOR_MANAGEMENT: "Legislative and senior management occupations",
        BroadCategory.BUSINESS_FINANCE_ADMINISTRATION: "Business, finance and administration occupations",
        BroadCategory.NATURAL_AND_APPLIED_SCIENCES: "Natural and applied sciences and related occupations",
        BroadCategory.HEALTH: "Health occupations",
        BroadCategory.EDUCATION_LAW_SOCIAL_GOVERNMENT: (
            "Occupations in education, law and social, community and government services"
        ),
        BroadCategory.ART_CULTURE_RECREATION_SPORT: "Occupations in art, culture, recreation and sport",
        BroadCategory.SALES_AND_SERVICE: "Sales and service occupations",
        BroadCategory.TRADES_TRANSPORT_EQUIPMENT: "Trades, transport and equipment operators and related occupations",
        BroadCategory.NATURAL_RESOURCES_AGRICULTURE: (
            "Natural resources, agriculture and related production occupations"
        ),
        BroadCategory.MANUFACTURING_UTILITIES: "Occupations in manufacturing and utilities",
    }
)


def _is_digits(text: str, length: int) -> bool:
    # str.isdigit alone would accept other scripts' digits and superscripts.
    return len(text) == length and text.isascii() and text.isdigit()


def _noc2021_code_field(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(attribute.name, value, f"a string: {_NOC2021_FORM}")
    if not _is_digits(value, 5):
        raise InvalidValueError(attribute.name, value, f"five digits: {_NOC2021_FORM}")


def _title_field(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(attribute.name, value, "a non-empty string")


@frozen(kw_only=True)
class Occupation:
    """A NOC 2021 unit group: an occupation as IRCC classifies work experience since 2022-11-16.

    The code's first digit is the broad category and its second digit the TEER; the constructor checks that
    *teer* and *broad_category* agree with *code*. Use :func:`occupation` to look up one of the 516 unit groups.

    Example:
        >>> job = occupation("21211")
        >>> job.title, job.teer, job.broad_category.title
        ('Data scientists', 1, 'Natural and applied sciences and related occupations')
        >>> job.major_group, job.sub_major_group, job.minor_group, job.is_skilled
        ('21', '212', '2121', True)
        >>> str(occupation("00012"))
        '00012 Senior managers - financial, communications and other business services (TEER 0)'

    .. versionadded:: 0.1.0
    """

    #: The five-digit NOC 2021 code, as a string with leading zeros kept, such as ``"00012"``.
    code: str = field(validator=_noc2021_code_field)
    #: The official English title of the unit group in NOC 2021 V1.0.
    title: str = field(validator=_title_field)
    #: The TEER category, 0 (management) to 5; the code's second digit.
    teer: int = field(validator=v.whole_number(0, 5, "a TEER category 0-5"))
    #: The broad occupational category; the code's first digit.
    broad_category: BroadCategory = field(validator=v.member_of(BroadCategory))

    def __attrs_post_init__(self) -> None:
        # Cross-field checks run after the field validators, so the code is known to be five digits here.
        if self.teer != int(self.code[1]):
            allowed = f"the second digit of code {self.code!r}, {self.code[1]}"
            raise InvalidValueError("teer", self.teer, allowed)
        if self.broad_category.value != self.code[0]:
            allowed = f"the first digit of code {self.code!r}, BroadCategory({self.code[0]!r})"
            raise InvalidValueError("broad_category", self.broad_category, allowed)

    def __str__(self) -> str:
        return f"{self.code} {self.title} (TEER {self.teer})"

    @property
    def major_group(self) -> str:
        """The major group: the first two digits of the code, such as ``"21"``."""
        return self.code[:2]

    @property
    def sub_major_group(self) -> str:
        """The sub-major group: the first three digits of the code, such as ``"212"``."""
        return self.code[:3]

    @property
    def minor_group(self) -> str:
        """The minor group: the first four digits of the code, such as ``"2121"``."""
        return self.code[:4]

    @property
    def is_skilled(self) -> bool:
        """Whether this is skilled work for Express Entry since 2022-11-16: TEER 0, 1, 2 or 3."""
        return self.teer <= 3

    @property
    def is_senior_management(self) -> bool:
        """Whether the unit group is in major group 00 (00010 to 00015), senior management.

        An arranged-employment offer in major group 00 earned 200 CRS points, and any other skilled offer 50, from
        2016-11-19 until arranged employment stopped earning points on 2025-03-25.
        """
        return self.major_group == "00"


class UnknownOccupationError(CRSRulesError, LookupError):
    """A well-formed NOC 2021 code that names none of the 516 unit groups of NOC 2021 V1.0.

    Attributes:
        code: The code that was looked up.
        suggestions: Close codes, best first (possibly empty): codes of the same minor group (same first four
            digits), then of the same sub-major group (first three digits), nearest first, then codes that look
            alike (``difflib.get_close_matches``).

    Example:
        >>> occupation("21299")
        Traceback (most recent call last):
        ...
        crsrules.occupations.UnknownOccupationError: unknown NOC 2021 code '21299': no unit group of NOC 2021 V1.0 \
has it. Close codes: 21234 (Web developers and programmers), 21233 (Web designers), 21232 (Software developers and \
programmers), 21231 (Software engineers and designers), 21230 (Computer systems developers and programmers). \
search_occupations() finds codes by words of their titles.

    .. versionadded:: 0.1.0
    """

    def __init__(self, code: str, suggestions: Iterable[Occupation] = ()) -> None:
        close = tuple(suggestions)
        self.code = code
        self.suggestions = tuple(o.code for o in close)
        hint = f" Close codes: {', '.join(f'{o.code} ({o.title})' for o in close)}." if close else ""
        super().__init__(
            f"unknown NOC 2021 code {code!r}: no unit group of NOC 2021 V1.0 has it.{hint} "
            "search_occupations() finds codes by words of their titles."
        )


def _parse_unit_groups(text: str, *, source: str) -> Mapping[str, Occupation]:
    """Read the unit-group CSV, checking each row; the error names the file, line and column at fault."""
    import csv  # noqa: PLC0415 (the data file is read on first use only)

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != _COLUMNS:
        msg = f"{source}: the header must be {','.join(_COLUMNS)} (got {header!r})"
        raise RulesDefinitionError(msg)
    by_code: dict[str, Occupation] = {}
    for row in reader:
        where = f"{source}, line {reader.line_num}"
        if len(row) != len(_COLUMNS):
            msg = f"{where}: expected {len(_COLUMNS)} columns, {','.join(_COLUMNS)} (got {row!r})"
            raise RulesDefinitionError(msg)
        code, title, teer, broad_category = row
        if not _is_digits(code, 5):
            msg = f"{where}: noc_code must be five digits with leading zeros kept (got {code!r})"
            raise RulesDefinitionError(msg)
        if code in by_code:
            msg = f"{where}: noc_code {code} appears twice"
            raise RulesDefinitionError(msg)
        if teer != code[1]:
            msg = f"{where}: teer must be the second digit of noc_code {code}, {code[1]} (got {teer!r})"
            raise RulesDefinitionError(msg)
        if broad_category != code[0]:
            msg = f"{where}: broad_category must be the first digit of noc_code {code}, {code[0]}"
            msg += f" (got {broad_category!r})"
            raise RulesDefinitionError(msg)
        try:
            by_code[code] = Occupation(
                code=code, title=title, teer=int(teer), broad_category=BroadCategory(broad_category)
            )
        except InvalidValueError as exc:
            msg = f"{where}: {exc}"
            raise RulesDefinitionError(msg) from exc
    return MappingProxyType(dict(sorted(by_code.items())))


@cache
def _unit_groups() -> Mapping[str, Occupation]:
    """The 516 unit groups by code, in code order, read once from the package data."""
    from importlib import resources  # noqa: PLC0415 (2 ms of start-up, for a file read on first use only)

    text = resources.files(_DATA_PACKAGE).joinpath(_UNIT_GROUPS_FILE).read_text(encoding="utf-8")
    return _parse_unit_groups(text, source=_UNIT_GROUPS_FILE)


@cache
def _all() -> tuple[Occupation, ...]:
    return tuple(_unit_groups().values())


def _fold(text: str) -> str:
    """Lower-case *text* and drop its accents, so that "hotel" finds "Maîtres d'hôtel"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> tuple[str, ...]:
    """The distinct words of *text*, folded, in order; punctuation separates words ("speech-language" is two)."""
    return tuple(dict.fromkeys(_WORD.findall(_fold(text))))


@cache
def _search_index() -> tuple[tuple[Occupation, tuple[str, ...]], ...]:
    return tuple((o, _words(o.title)) for o in _all())


def _match_rank(query: tuple[str, ...], title_words: tuple[str, ...]) -> int | None:
    """None if some query word is missing from the title, else a rank: 0 when every word is a whole title word.

    Each query word adds 0 if it is a whole word of the title, 1 if it starts one ("engineer" in "engineers"),
    and 2 if it only appears inside one ("ware" in "software").
    """
    rank = 0
    for word in query:
        if word in title_words:
            continue
        if any(w.startswith(word) for w in title_words):
            rank += 1
        elif any(word in w for w in title_words):
            rank += 2
        else:
            return None
    return rank


def _clean_noc2021(code: object) -> str:
    """Return *code* without surrounding whitespace if it has the form of a NOC 2021 code, else raise."""
    if not isinstance(code, str):
        raise InvalidValueError("code", code, f"a string: {_NOC2021_FORM}")
    clean = code.strip()
    if not _is_digits(clean, 5):
        noc2016 = "; a four-digit code is a NOC 2016 code (see noc2016_skill)" if _is_digits(clean, 4) else ""
        raise InvalidValueError("code", code, f"five digits: {_NOC2021_FORM}{noc2016}")
    return clean


def _close_codes(code: str) -> tuple[Occupation, ...]:
    """Known unit groups close to the unknown five-digit *code*, best first (see UnknownOccupationError)."""
    known = _unit_groups()
    picked: dict[str, None] = {}
    for width in (4, 3):
        same_group = [k for k in known if k[:width] == code[:width] and k not in picked]
        same_group.sort(key=lambda k: (abs(int(k) - int(code)), k))
        picked.update(dict.fromkeys(same_group))
    import difflib  # noqa: PLC0415 (loaded for an unknown code only: most runs never need it)

    for k in difflib.get_close_matches(code, list(known), n=_MAX_SUGGESTIONS, cutoff=0.6):
        picked.setdefault(k)
    return tuple(known[k] for k in list(picked)[:_MAX_SUGGESTIONS])


def occupation(code: str) -> Occupation:
    """Return the NOC 2021 unit group with this code.

    Args:
        code: A five-digit NOC 2021 code as a string, leading zeros kept, such as ``"21211"`` or ``"00012"``;
            surrounding whitespace is ignored.

    Returns:
        The unit group, with its official title, TEER and broad category.

    Raises:
        InvalidValueError: *code* is not a string of five digits (an int, or a four-digit NOC 2016 code, say).
        UnknownOccupationError: NOC 2021 V1.0 has no unit group with this code; the error suggests close codes.

    Example:
        >>> occupation(" 21211 ").title
        'Data scientists'
        >>> occupation(21211)
        Traceback (most recent call last):
        ...
        crsrules.errors.InvalidValueError: 'code' must be a string: NOC 2021 codes are five-character strings with \
leading zeros kept, such as '21211' or '00012' (got 21211)

    .. versionadded:: 0.1.0
    """
    clean = _clean_noc2021(code)
    found = _unit_groups().get(clean)
    if found is None:
        raise UnknownOccupationError(clean, _close_codes(clean))
    return found


def all_occupations() -> tuple[Occupation, ...]:
    """Return the 516 unit groups of NOC 2021 V1.0, sorted by code.

    Example:
        >>> everything = all_occupations()
        >>> len(everything), everything[0].code, everything[-1].code
        (516, '00010', '95109')

    .. versionadded:: 0.1.0
    """
    return _all()


def search_occupations(words: str, *, limit: int | None = 20) -> tuple[Occupation, ...]:
    """Find the unit groups whose titles contain every one of *words*.

    Matching ignores case and accents, and each word may be part of a title word ("engineer" finds "engineers").
    Titles where every word is a whole title word come first, then those where words start title words, then the
    rest; within each rank shorter titles come first, then lower codes. Punctuation separates words.

    Args:
        words: One or more words of a title, such as ``"software engineer"``.
        limit: The most results to return; None returns them all.

    Returns:
        The matching unit groups, best first (empty if none matches).

    Raises:
        InvalidValueError: *words* holds no word, or *limit* is not a whole number of at least 1 or None.

    Example:
        >>> [o.code for o in search_occupations("Software")]
        ['21231', '21232', '21311']
        >>> search_occupations("MAITRES hotel")[0].title
        "Maîtres d'hôtel and hosts/hostesses"

    .. versionadded:: 0.1.0
    """
    if not isinstance(words, str):
        raise InvalidValueError("words", words, "a string of title words, such as 'software engineer'")
    query = _words(words)
    if not query:
        raise InvalidValueError("words", words, "at least one word of an occupation title, such as 'software'")
    if limit is not None and (type(limit) is not int or limit < 1):
        raise InvalidValueError("limit", limit, "a whole number 1 or more, or None for no limit")
    found: list[tuple[int, int, str, Occupation]] = []
    for job, title_words in _search_index():
        rank = _match_rank(query, title_words)
        if rank is not None:
            found.append((rank, len(job.title), job.code, job))
    found.sort(key=lambda match: match[:3])
    return tuple(match[3] for match in found[:limit])


# NOC 2016 (work before 2022-11-16) ---------------------------------------------------------------------------------


class Noc2016Skill(Enum):
    """A NOC 2016 skill type or level, as derived from a four-digit code by :class:`Noc2016Code`.

    Example:
        >>> Noc2016Skill("B").is_skilled, Noc2016Skill.SKILL_LEVEL_C.is_skilled
        (True, False)

    .. versionadded:: 0.1.0
    """

    #: Skill type 0: management occupations (codes starting with 0).
    SKILL_TYPE_0 = "0"
    #: Skill level A: professional occupations, usually a university degree (second digit 0 or 1).
    SKILL_LEVEL_A = "A"
    #: Skill level B: technical, paraprofessional, skilled trades and supervisory occupations, usually college or
    #: apprenticeship (second digit 2 or 3).
    SKILL_LEVEL_B = "B"
    #: Skill level C: intermediate occupations, usually secondary school and job-specific training (second digit
    #: 4 or 5).
    SKILL_LEVEL_C = "C"
    #: Skill level D: labour occupations, on-the-job training (second digit 6 or 7).
    SKILL_LEVEL_D = "D"

    @property
    def is_skilled(self) -> bool:
        """Whether this was skilled work for Express Entry before 2022-11-16: skill type 0, or level A or B."""
        return self in _NOC2016_SKILLED


_NOC2016_SKILLED = frozenset({Noc2016Skill.SKILL_TYPE_0, Noc2016Skill.SKILL_LEVEL_A, Noc2016Skill.SKILL_LEVEL_B})

# The skill level of a non-management NOC 2016 code, by its second digit (NOC 2016 V1.3 introduction).
_NOC2016_LEVEL_BY_SECOND_DIGIT = MappingProxyType(
    {
        "0": Noc2016Skill.SKILL_LEVEL_A,
        "1": Noc2016Skill.SKILL_LEVEL_A,
        "2": Noc2016Skill.SKILL_LEVEL_B,
        "3": Noc2016Skill.SKILL_LEVEL_B,
        "4": Noc2016Skill.SKILL_LEVEL_C,
        "5": Noc2016Skill.SKILL_LEVEL_C,
        "6": Noc2016Skill.SKILL_LEVEL_D,
        "7": Noc2016Skill.SKILL_LEVEL_D,
    }
)


def _check_noc2016(field_name: str, value: object, *, strip: bool) -> str:
    """Return the code (stripped if *strip*) if it has the shape of a NOC 2016 code, else raise."""
    if not isinstance(value, str):
        raise InvalidValueError(field_name, value, f"a string: {_NOC2016_FORM}")
    code = value.strip() if strip else value
    if not _is_digits(code, 4):
        noc2021 = "; a five-digit code is a NOC 2021 code (see occupation)" if _is_digits(code, 5) else ""
        raise InvalidValueError(field_name, value, f"four digits: {_NOC2016_FORM}{noc2021}")
    if code[0] != "0" and code[1] not in _NOC2016_LEVEL_BY_SECOND_DIGIT:
        allowed = "a NOC 2016 code that starts with 0 (management) or whose second digit is a skill level, 0 to 7"
        raise InvalidValueError(field_name, value, allowed)
    return code


def _noc2016_code_field(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_noc2016(attribute.name, value, strip=False)


@frozen(kw_only=True)
class Noc2016Code:
    """A four-digit NOC 2016 code, for work before 2022-11-16, read by the structure of the classification.

    Any code of the right shape is accepted, whether or not NOC 2016 has such a unit group: crsrules has no list
    of NOC 2016 unit groups and no concordance with NOC 2021 (see the module's notes on coverage).

    Example:
        >>> ceo = Noc2016Code(code="0013")
        >>> ceo.skill, ceo.is_skilled, ceo.is_senior_management
        (<Noc2016Skill.SKILL_TYPE_0: '0'>, True, True)
        >>> Noc2016Code(code="3012").skill  # registered nurses: second digit 0 is skill level A
        <Noc2016Skill.SKILL_LEVEL_A: 'A'>

    .. versionadded:: 0.1.0
    """

    #: The four-digit code as a string, leading zeros kept, such as ``"0013"``.
    code: str = field(validator=_noc2016_code_field)

    @property
    def major_group(self) -> str:
        """The major group: the first two digits of the code, such as ``"21"``."""
        return self.code[:2]

    @property
    def is_management(self) -> bool:
        """Whether the code is in skill type 0 (management): it starts with 0."""
        return self.code[0] == "0"

    @property
    def is_senior_management(self) -> bool:
        """Whether the code is in major group 00 (0011 to 0016 in NOC 2016), senior management.

        An arranged-employment offer in major group 00 earned 200 CRS points, and any other skilled offer 50, from
        2016-11-19 (NOC 2016 was replaced by NOC 2021 on 2022-11-16).
        """
        return self.major_group == "00"

    @property
    def skill(self) -> Noc2016Skill:
        """The skill type 0 for management codes, else the skill level given by the second digit."""
        if self.is_management:
            return Noc2016Skill.SKILL_TYPE_0
        return _NOC2016_LEVEL_BY_SECOND_DIGIT[self.code[1]]

    @property
    def is_skilled(self) -> bool:
        """Whether this was skilled work for Express Entry before 2022-11-16: skill type 0, or level A or B."""
        return self.skill.is_skilled


def noc2016_skill(code: str) -> Noc2016Skill:
    """Return the skill type or level of a NOC 2016 code, derived from its digits.

    Args:
        code: A four-digit NOC 2016 code as a string, leading zeros kept, such as ``"2171"`` or ``"0013"``;
            surrounding whitespace is ignored. Any code of this shape is accepted (crsrules cannot check that the
            unit group exists).

    Returns:
        :attr:`Noc2016Skill.SKILL_TYPE_0` for a code starting with 0, else the skill level of the second digit.

    Raises:
        InvalidValueError: *code* is not a string of four digits, or a non-management code's second digit is 8 or 9.

    Example:
        >>> [noc2016_skill(c).value for c in ("0013", "2171", "6322", "6411", "6711")]
        ['0', 'A', 'B', 'C', 'D']

    .. versionadded:: 0.1.0
    """
    return Noc2016Code(code=_check_noc2016("code", code, strip=True)).skill
