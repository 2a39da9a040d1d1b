"""Sphinx extension: write the list of improvement action codes from :data:`crsrules.advice.ACTIONS`.

On ``builder-inited`` it renders ``reference/_generated/improvement-actions.md`` (ignored by git), which
``reference/improvement-actions.md`` pulls in with ``{include}``: every code, by kind, with what it means. Nothing on
the page is typed by hand, and ``tests/unit/test_advice.py`` checks that the page lists every code and that every code
is reached. A file is only rewritten when its text changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crsrules.advice import ACTIONS, COMBINATION, ActionKind

if TYPE_CHECKING:
    from sphinx.application import Sphinx

GENERATED = Path("reference") / "_generated"

# The kinds in the order of the page, with their headings.
HEADINGS = {
    ActionKind.RETEST: "Language tests (`retest`)",
    ActionKind.NEW_DOCUMENT: "Documents (`new_document`)",
    ActionKind.PROTECT: "Protections before a foreseen loss (`protect`)",
    ActionKind.LIFE_EVENT: "Life events (`life_event`)",
}


def render_actions() -> str:
    """The page's Markdown: a table per kind, a row per code with what it means, then the combination."""
    parts = [f"{len(ACTIONS)} action codes, and `{COMBINATION}` for two actions together.\n"]
    for kind, heading in HEADINGS.items():
        parts.append(f"## {heading}\n\n| code | kind | meaning |\n|---|---|---|")
        parts += [f"| `{code}` | {kind.label} | {a.meaning} |" for code, a in ACTIONS.items() if a.kind is kind]
        parts.append("")
    parts.append(
        "## Two actions together\n\n| code | kind | meaning |\n|---|---|---|\n"
        f"| `{COMBINATION}` | of its parts | Two actions in the candidate's hands (tests and documents, counted on the "
        "day asked about) applied together, with their real gain; {py:attr}`~crsrules.Improvement.parts` holds "
        "them. Its kind is the kind of the part that gains more alone. |\n"
    )
    return "\n".join(parts)


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "improvement-actions.md"
    text = render_actions()
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, object]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["render_actions", "setup"]
