"""How to raise a candidate's score, and how recent rounds would have treated them.

:func:`improvements` lists the actions that would raise a candidate's CRS score, each computed from the candidate's
own facts and the rules in force, with its real gain; :func:`outlook` replays the rounds of a recent window for the
candidate. It is history, not a forecast.

The package holds one idea per module: the action codes and the :class:`Improvement` record (``_actions``), the
scoring of what-ifs (``_context``), the language targets found by inverting the charts (``_language``), documents
(``_documents``), protections before a foreseen loss (``_protect``), life events (``_life``), the ranked list and the
combinations (``_improvements``), the rounds of the window (``_outlook``) and the consultant's summary that ``crsrules
improve`` prints (``_summary``).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from crsrules.advice._actions import ACTIONS, COMBINATION, ActionInfo, ActionKind, Improvement, LanguageTarget
from crsrules.advice._improvements import improvements
from crsrules.advice._outlook import HISTORY_NOTE, Outlook, RoundGroup, outlook
from crsrules.advice._summary import Summary, summary

__all__ = [
    "ACTIONS",
    "COMBINATION",
    "HISTORY_NOTE",
    "ActionInfo",
    "ActionKind",
    "Improvement",
    "LanguageTarget",
    "Outlook",
    "RoundGroup",
    "Summary",
    "improvements",
    "outlook",
    "summary",
]
