"""Sphinx extension: draw the rounds of invitations and measure the cut-off estimate, from crsrules' package data.

On ``builder-inited`` it writes into ``reference/_generated/`` (ignored by git):

- ``draws-cutoffs.png``: the lowest CRS score invited in every round, over time, one colour per kind of round;
- ``draws-summary.md``: rounds, invitations and cut-offs per year and kind (:func:`crsrules.draws.summary`);
- ``cutoff-accuracy.md``: how close :func:`crsrules.draws.estimate_cutoff` comes to the real cut-offs
  (:func:`crsrules.draws.cutoff_estimate_accuracy`).

The reference and explanation pages pull them in with ``{image}`` and ``{include}``. Nothing in them is typed by hand.
matplotlib is a docs-only dependency; without it the build stops with an error saying how to install it.
A file is only rewritten when its content changes, so incremental builds stay incremental.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Literal

try:
    import matplotlib as mpl
except ImportError as exc:  # fail loudly: the reference page needs the plot
    msg = (
        "docs/_ext/draws_plot.py needs matplotlib to draw the rounds of invitations: "
        "install the docs extra (pip install -e '.[docs]') or matplotlib itself"
    )
    raise ImportError(msg) from exc

mpl.use("Agg")  # no display: render to files only

from matplotlib.dates import YearLocator
from matplotlib.figure import Figure

import crsrules
from crsrules.draws import CutoffAccuracy, DrawKind, cutoff_estimate_accuracy, history, summary

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx.application import Sphinx

GENERATED = Path("reference") / "_generated"
PLOT = "draws-cutoffs.png"
DASH = "—"

# One marker per kind, so that the plot reads in black and white too.
_MARKERS = {
    DrawKind.GENERAL: "o",
    DrawKind.CEC: "s",
    DrawKind.FSW: "D",
    DrawKind.FST: "^",
    DrawKind.PNP: "v",
    DrawKind.CATEGORY: "P",
}


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A pipe table: the first column left-aligned, the others right-aligned."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _number(value: float) -> str:
    """A median or mean: whole numbers without decimals, others with one."""
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


# -- The plot --------------------------------------------------------------------------------------------------------


def render_plot() -> bytes:
    """The PNG of every round's cut-off over time, one series per kind of round, with the rulesets' start dates."""
    figure = Figure(figsize=(10, 6), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    for kind in DrawKind:
        rounds = history(kind=kind)
        axes.scatter(
            [d.date for d in rounds],
            [d.cutoff for d in rounds],
            s=14,
            marker=_MARKERS[kind],
            label=f"{kind.label} ({len(rounds)})",
            alpha=0.85,
            linewidths=0,
        )
    rounds = history()
    first, last = rounds[0].date, rounds[-1].date
    for ruleset in crsrules.available_rulesets():
        if first < ruleset.effective <= last:
            axes.axvline(ruleset.effective, color="0.6", linewidth=0.8, linestyle=":")
            axes.annotate(
                ruleset.id,
                (ruleset.effective, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(2, -2),
                textcoords="offset points",
                rotation=90,
                va="top",
                fontsize=7,
                color="0.4",
            )
    axes.set_xlim(first.replace(month=1, day=1), last.replace(month=12, day=31))
    axes.xaxis.set_major_locator(YearLocator())
    axes.set_ylim(0, 1000)
    axes.set_ylabel("Lowest CRS score invited")
    axes.set_title(
        f"Express Entry rounds of invitations, round {rounds[0].number} ({first.isoformat()}) "
        f"to round {rounds[-1].number} ({last.isoformat()})",
        fontsize=11,
    )
    axes.grid(axis="y", color="0.9")
    figure.legend(
        title="Kind of round (number of rounds)", fontsize=8, title_fontsize=8, loc="outside lower center", ncols=3
    )
    out = io.BytesIO()
    # No software version or date in the file, so the same data always gives the same bytes.
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


# -- The tables ------------------------------------------------------------------------------------------------------


def render_summary() -> str:
    """Markdown: rounds, invitations and cut-offs per year and kind of round."""
    rows = [
        [
            r.year,
            r.kind.label if r.kind else DASH,
            r.rounds,
            f"{r.invitations:,}",
            r.lowest_cutoff,
            _number(r.median_cutoff),
            r.highest_cutoff,
        ]
        for r in summary(by=("year", "kind"))
    ]
    header = "<!-- Generated by docs/_ext/draws_plot.py from crsrules.draws.summary(); do not edit. -->\n"
    return header + "\n" + _table(["Year", "Kind", "Rounds", "Invitations", "Lowest", "Median", "Highest"], rows)


def _accuracy_row(label: str, accuracy: CutoffAccuracy) -> list[object]:
    return [
        label,
        accuracy.rounds,
        f"{accuracy.mean_absolute_error:.1f}",
        _number(accuracy.median_absolute_error),
        accuracy.max_absolute_error,
        f"{accuracy.within_5_points:.0%}",
        f"{accuracy.mean_error:+.1f}",
    ]


_ACCURACY_HEADER = [
    "Compared",
    "Mean abs. error",
    "Median abs. error",
    "Max abs. error",
    "Within 5 points",
    "Mean error (bias)",
]


def _accuracy_table(basis: Literal["own", "previous"]) -> str:
    rows = [_accuracy_row("All kinds", cutoff_estimate_accuracy(basis=basis))]
    for kind in DrawKind:
        try:
            accuracy = cutoff_estimate_accuracy(kind=kind, basis=basis)
        except crsrules.InvalidValueError:  # no round of this kind has a distribution to estimate from
            continue
        rows.append(_accuracy_row(kind.label, accuracy))
    return _table(["Kind of round", *_ACCURACY_HEADER], rows)


def render_accuracy() -> str:
    """Markdown: the measured accuracy of the estimate, by kind of round and distribution, and by range width."""
    general = cutoff_estimate_accuracy(kind=DrawKind.GENERAL)
    narrow = [c for c in general.comparisons if c.score_range.width <= 10]
    wide = [c for c in general.comparisons if c.score_range.width > 10]
    by_width = [
        _accuracy_row(label, CutoffAccuracy(basis="own", kind=DrawKind.GENERAL, comparisons=tuple(group)))
        for label, group in (("Lands in a 10-point range", narrow), ("Lands in a wider range", wide))
        if group
    ]
    per_round = [
        [
            c.draw.number,
            c.draw.date.isoformat(),
            f"{c.draw.invitations:,}",
            c.distribution.as_of.isoformat() if c.distribution.as_of else DASH,
            c.score_range.label,
            c.estimate,
            c.draw.cutoff,
            f"{c.error:+d}",
        ]
        for c in general.comparisons
    ]
    parts = [
        "<!-- Generated by docs/_ext/draws_plot.py from crsrules.draws.cutoff_estimate_accuracy(); do not edit. -->\n",
        '### Each round with its own distribution (`basis="own"`)\n',
        _accuracy_table("own"),
        '### Each round with the previous published distribution (`basis="previous"`)\n',
        _accuracy_table("previous"),
        '### Rounds open to all programs, by where the estimate lands (`basis="own"`)\n',
        _table(["Where the estimate lands", *_ACCURACY_HEADER], by_width),
        '### Every round open to all programs (`basis="own"`)\n',
        _table(
            ["Round", "Date", "Invitations", "Pool as of", "Estimate in range", "Estimate", "Real cut-off", "Error"],
            per_round,
        ),
    ]
    return "\n".join(parts)


# -- Sphinx hook -----------------------------------------------------------------------------------------------------


def _write_if_changed(path: Path, content: bytes) -> None:
    if not path.exists() or path.read_bytes() != content:
        path.write_bytes(content)


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    _write_if_changed(folder / PLOT, render_plot())
    _write_if_changed(folder / "draws-summary.md", render_summary().encode("utf-8"))
    _write_if_changed(folder / "cutoff-accuracy.md", render_accuracy().encode("utf-8"))


def setup(app: Sphinx) -> dict[str, object]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["render_accuracy", "render_plot", "render_summary", "setup"]
