"""The vocabulary of improvements: the kinds of action, the stable action codes, and the :class:`Improvement` record.

The codes are part of crsrules' public promise, like the reason codes: a code is never renamed or reused, and a new
one is listed in the CHANGELOG and on the reference page ``docs/reference/improvement-actions.md`` (a test checks that
the page and :data:`ACTIONS` list the same codes).
"""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NamedTuple

from attrs import field, frozen

from crsrules.candidate import Candidate
from crsrules.headings import Category
from crsrules.language_tests import ABILITIES, LanguageTest, TefScale
from crsrules.model import LanguageLevels

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date

__all__ = ["ACTIONS", "COMBINATION", "ActionInfo", "ActionKind", "Improvement", "LanguageTarget"]


class ActionKind(Enum):
    """What sort of step an improvement asks for.

    .. versionadded:: 0.2.0
    """

    #: Take or retake an official-language test.
    RETEST = "retest"
    #: Obtain a document: an ECA, a credential, a certificate of qualification, the spouse's ECA or test result.
    NEW_DOCUMENT = "new_document"
    #: Act before a foreseen loss (a test result or an ECA that stops counting) to keep the points.
    PROTECT = "protect"
    #: An event of the candidate's life that the rules reward but that is not simply the candidate's to decide:
    #: a provincial nomination, Canadian education, a sibling in Canada, a job offer.
    LIFE_EVENT = "life_event"

    @property
    def label(self) -> str:
        """A short English label, such as ``"life event"``."""
        return self.value.replace("_", " ")


class ActionInfo(NamedTuple):
    """What an action code means.

    .. versionadded:: 0.2.0
    """

    #: The kind of every improvement with this code.
    kind: ActionKind
    #: What the action is, in one sentence.
    meaning: str


#: Every action code :func:`crsrules.improvements` can give, with its kind and meaning.
ACTIONS: Final[Mapping[str, ActionInfo]] = MappingProxyType(
    {
        "language.retest": ActionInfo(
            ActionKind.RETEST,
            "A better result in an official language the candidate has a valid result in: the smallest score in "
            "each ability that reaches a threshold that pays.",
        ),
        "language.new_test": ActionInfo(
            ActionKind.RETEST,
            "A result in an official language the candidate has no valid result in (the second official language, "
            "or a language whose result expired): the smallest score in each ability that pays.",
        ),
        "language.french_skills": ActionInfo(
            ActionKind.RETEST,
            "French at the level the additional points for French need in all four abilities (NCLC 7), from a "
            "level below it; it also meets the French-language category where one is in force.",
        ),
        "document.eca": ActionInfo(
            ActionKind.NEW_DOCUMENT,
            "An Educational Credential Assessment for a foreign credential that has none, or whose ECA expired.",
        ),
        "document.second_credential": ActionInfo(
            ActionKind.NEW_DOCUMENT,
            "A second post-secondary credential that, with the one the candidate has, makes the level 'two or more "
            "credentials, one of three years or more'.",
        ),
        "document.spouse_eca": ActionInfo(
            ActionKind.NEW_DOCUMENT,
            "An ECA for the spouse's foreign credential that has none, or whose ECA expired.",
        ),
        "document.spouse_language_test": ActionInfo(
            ActionKind.NEW_DOCUMENT,
            "A language test result for the accompanying spouse: the smallest score in each ability that pays.",
        ),
        "document.certificate_of_qualification": ActionInfo(
            ActionKind.NEW_DOCUMENT,
            "A certificate of qualification in the trade the candidate works in, from a province, territory or "
            "federal body.",
        ),
        "protect.language_test": ActionInfo(
            ActionKind.PROTECT,
            "Retake a test whose result stops counting within a year, before it does: counted on the day it stops.",
        ),
        "protect.eca": ActionInfo(
            ActionKind.PROTECT,
            "Renew an ECA that stops counting within a year, before it does: counted on the day it stops.",
        ),
        "protect.spouse_language_test": ActionInfo(
            ActionKind.PROTECT,
            "The spouse retakes a test whose result stops counting within a year: counted on the day it stops.",
        ),
        "protect.spouse_eca": ActionInfo(
            ActionKind.PROTECT,
            "The spouse renews an ECA that stops counting within a year: counted on the day it stops.",
        ),
        "life.provincial_nomination": ActionInfo(
            ActionKind.LIFE_EVENT, "A nomination by a province or territory, accepted in the Express Entry profile."
        ),
        "life.canadian_education": ActionInfo(
            ActionKind.LIFE_EVENT,
            "A post-secondary credential from a Canadian institution, studied full time in Canada, that earns the "
            "additional points for Canadian education.",
        ),
        "life.sibling_in_canada": ActionInfo(
            ActionKind.LIFE_EVENT,
            "A brother or sister, 18 or older and living in Canada, who becomes a Canadian citizen or permanent "
            "resident.",
        ),
        "life.job_offer": ActionInfo(
            ActionKind.LIFE_EVENT,
            "A qualifying offer of arranged employment in the candidate's own skilled occupation, where the rules "
            "in force still give it points.",
        ),
    }
)

#: The code of an improvement that combines two actions (:attr:`Improvement.parts`); its kind is the kind of the part
#: that gains more alone.
COMBINATION: Final = "combination"


@frozen(kw_only=True)
class LanguageTarget:
    """The language result an improvement asks for: the test and the smallest score in each ability.

    One step lower on the test's scale in any ability gives a level that loses some of the gain.

    .. versionadded:: 0.2.0
    """

    #: The test to take.
    test: LanguageTest
    #: TEF Canada: the scale of the scores (None: the scale of the test date).
    tef_scale: TefScale | None
    #: The smallest listening score.
    listening: float
    #: The smallest reading score.
    reading: float
    #: The smallest writing score.
    writing: float
    #: The smallest speaking score.
    speaking: float
    #: The CLB / NCLC levels those scores give.
    levels: LanguageLevels
    #: The spouse's test rather than the candidate's.
    spouse: bool = False

    @property
    def scores(self) -> tuple[float, float, float, float]:
        """The four scores, in the order listening, reading, writing, speaking."""
        return self.listening, self.reading, self.writing, self.speaking

    def scores_text(self) -> str:
        """The scores in words, such as ``"listening 8.0, reading 7.0, writing 7.0, speaking 7.0"``.

        TEF Canada scores name their scale: ``"(ancien score)"`` or ``"(out of 699)"``.
        """
        half_bands = self.test is LanguageTest.IELTS_GENERAL
        text = ", ".join(
            f"{a} {v:.1f}" if half_bands else f"{a} {int(v)}" for a, v in zip(ABILITIES, self.scores, strict=True)
        )
        if self.test is LanguageTest.TEF_CANADA:
            text += " (ancien score)" if self.tef_scale is TefScale.ANCIEN_SCORE else " (out of 699)"
        return text

    def levels_text(self) -> str:
        """The levels, such as ``"CLB 9/9/9/9"``."""
        lv = self.levels
        return f"{lv.language.scale} {lv.listening}/{lv.reading}/{lv.writing}/{lv.speaking}"

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        lv = self.levels
        return {
            "test": self.test.value,
            "tef_scale": None if self.tef_scale is None else self.tef_scale.value,
            "scores": dict(zip(ABILITIES, self.scores, strict=True)),
            "levels": {
                "language": lv.language.value,
                **dict(zip(ABILITIES, (lv.listening, lv.reading, lv.writing, lv.speaking), strict=True)),
            },
            "spouse": self.spouse,
        }


@frozen(kw_only=True)
class Improvement:
    """One action that raises a candidate's CRS score, with the real gain.

    ``total`` is exactly the score of :attr:`candidate` on :attr:`on` (under the version :attr:`rules_id`), and
    ``gain`` is ``total`` minus the score of the unchanged candidate on that same day.

    .. versionadded:: 0.2.0
    """

    #: The stable code of the action (:data:`crsrules.advice.ACTIONS`), or ``"combination"`` for two together.
    action: str
    #: The kind of action.
    kind: ActionKind
    #: One sentence a client understands.
    description: str
    #: The candidate with the action applied as new dated facts (none dated before the day asked about).
    candidate: Candidate = field(repr=False)
    #: The day the improvement is counted: the day asked about, or for a protection the day of the foreseen loss.
    on: date
    #: The score of :attr:`candidate` on :attr:`on`.
    total: int
    #: :attr:`total` minus the unchanged candidate's score on :attr:`on`; always more than 0.
    gain: int
    #: The version the scores are computed under.
    rules_id: str
    #: The categories of category-based selection the action makes the candidate eligible for on :attr:`on`.
    categories: tuple[Category, ...] = ()
    #: For a language action: the test and the smallest scores.
    language: LanguageTarget | None = None
    #: For a combination: the two improvements combined, each with its gain alone.
    parts: tuple[Improvement, ...] = ()

    @property
    def is_life_event(self) -> bool:
        """Whether this is (or combines) a life event rather than a step the candidate takes."""
        return self.kind is ActionKind.LIFE_EVENT

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form (without the changed candidate: see :func:`crsrules.dump_candidate`)."""
        return {
            "action": self.action,
            "kind": self.kind.value,
            "description": self.description,
            "on": self.on.isoformat(),
            "total": self.total,
            "gain": self.gain,
            "rules_id": self.rules_id,
            "categories": [c.value for c in self.categories],
            "language": None if self.language is None else self.language.as_dict(),
            "parts": [p.as_dict() for p in self.parts],
        }
