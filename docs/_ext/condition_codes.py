"""Sphinx extension: write the list of condition codes from :data:`crsrules.conditions.CODES`.

On ``builder-inited`` it renders ``reference/_generated/conditions.md`` (ignored by git), which
``reference/conditions.md`` pulls in with ``{include}``: every code, by scope, with its description and the values its
records carry. Nothing on the page is typed by hand, and ``tests/unit/test_conditions.py`` checks that the codes the
results carry are exactly the ones listed. A file is only rewritten when its text changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crsrules.conditions import CODES

if TYPE_CHECKING:
    from sphinx.application import Sphinx

GENERATED = Path("reference") / "_generated"

# The scopes in the order of the page, with their headings.
SCOPES = {
    "program": "Every program (`ProgramEligibility`)",
    "fsw": "Federal Skilled Worker Program (`FswAssessment`)",
    "cec": "Canadian Experience Class (`CecAssessment`)",
    "fst": "Federal Skilled Trades Program (`FstAssessment`)",
    "category": "Categories (`CategoryEligibility`)",
    "round": "Rounds of invitations (`InvitationCheck`)",
    "evidence": "Rules of evidence: what each CRS factor was counted from (`Derivation.conditions`)",
}


def render_conditions() -> str:
    """The page's Markdown: a section per scope, a heading per code, its description and its values."""
    unknown = sorted({spec.scope for spec in CODES.values()} - set(SCOPES))
    if unknown:
        msg = f"condition codes of scopes the page does not know: {unknown}"
        raise ValueError(msg)
    details = sum(s.detail for s in CODES.values())
    parts = [f"{len(CODES)} codes: {len(CODES) - details} conditions and {details} details.\n"]
    for scope, heading in SCOPES.items():
        parts.append(f"## {heading}\n")
        for spec in (s for s in CODES.values() if s.scope == scope):
            kind = " (a detail)" if spec.detail else ""
            parts.append(f"### `{spec.code}`{kind}\n\n{spec.description}\n")
            if spec.values:
                rows = "\n".join(f"- `{key}`: {text}" for key, text in spec.values.items())
                parts.append(f"Values:\n\n{rows}\n")
            else:
                parts.append("Values: none.\n")
    return "\n".join(parts)


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "conditions.md"
    text = render_conditions()
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, object]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["render_conditions", "setup"]
