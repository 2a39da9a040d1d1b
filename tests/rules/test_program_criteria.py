"""The programs' entry criteria as rules data: in every ruleset, in its fingerprint, declared where they change."""

from datetime import date

import attrs
import pytest

import crsrules
from crsrules.headings import Program
from crsrules.rules import FswGrid, NocVersion, y2015
from crsrules.tables import RulesDefinitionError

RULESETS = crsrules.available_rulesets()


def test_the_criteria_as_express_entry_opened():
    """reference/crs-points.md section 7: the FSW minimums and grid, CEC and FST."""
    programs = RULESETS[0].programs
    fsw, cec, fst = programs.fsw, programs.cec, programs.fst
    assert (1, 10, 7) == (fsw.minimum_work_years, fsw.work_window_years, fsw.minimum_language_clb)
    assert (67, 100) == (fsw.grid.pass_mark, fsw.grid.maximum)
    assert [24, 4, 25, 15, 12, 10, 10] == list(fsw.grid.maximums.values())
    assert (1, 3) == (cec.work_years, cec.window_years)
    assert [7, 7, 5, 5] == [cec.language_by_teer.points(teer) for teer in range(4)]
    assert (2, 5) == (fst.work_years, fst.window_years)
    assert (5, 4, 4, 5) == attrs.astuple(fst.language)
    assert fst.trades[NocVersion.NOC_2016].confirmed
    assert not fst.trades[NocVersion.NOC_2021].confirmed


@pytest.mark.parametrize(
    "change",
    [
        lambda p: attrs.evolve(p, fsw=attrs.evolve(p.fsw, work_window_years=9)),
        lambda p: attrs.evolve(
            p, fsw=attrs.evolve(p.fsw, grid=attrs.evolve(p.fsw.grid, age=p.fsw.grid.age.updated({40: 6})))
        ),
        lambda p: attrs.evolve(p, fsw=attrs.evolve(p.fsw, study_in_canada_levels=frozenset())),
        lambda p: attrs.evolve(p, cec=attrs.evolve(p.cec, language_by_teer=p.cec.language_by_teer.updated({2: 6}))),
        lambda p: attrs.evolve(p, fst=attrs.evolve(p.fst, language=attrs.evolve(p.fst.language, reading=5))),
        lambda p: attrs.evolve(
            p,
            fst=attrs.evolve(
                p.fst,
                trades=p.fst.trades.updated(
                    {NocVersion.NOC_2016: attrs.evolve(p.fst.trades[NocVersion.NOC_2016], included=("72",))}
                ),
            ),
        ),
    ],
    ids=["fsw window", "fsw age", "fsw study levels", "cec language", "fst language", "fst trades"],
)
def test_the_fingerprint_covers_the_program_criteria(change):
    """Changing any number or list of the criteria changes the canonical form and so the fingerprint."""
    ruleset = RULESETS[-1]
    changed = attrs.evolve(ruleset, programs=change(ruleset.programs))
    assert changed.canonical()["programs"] != ruleset.canonical()["programs"]
    assert changed.fingerprint != ruleset.fingerprint


def test_the_grid_maximums_must_add_up():
    """A grid whose factors cannot reach its maximum is a mistake in the rules module."""
    with pytest.raises(RulesDefinitionError):
        attrs.evolve(y2015.FSW_GRID, arranged_employment=11)
    with pytest.raises(RulesDefinitionError):
        attrs.evolve(y2015.FSW_GRID, pass_mark=101)
    assert isinstance(y2015.FSW_GRID, FswGrid)


def test_program_changes_are_declared_where_the_programs_change():
    """2016-11-19: FSW (its adaptability counts paid Canadian work only); 2022-11-16: all three (NOC 2021); and every
    version that changes which language results count or how they convert: all three (each has a language minimum).
    """
    language_versions = {r.id for r in RULESETS if r.language_changes}
    assert {
        "2016-11-19": frozenset({Program.FSW}),
        "2022-11-16": frozenset(Program),
        **dict.fromkeys(language_versions, frozenset(Program)),
    } == {r.id: r.program_changes for r in RULESETS if r.program_changes}


def test_a_version_may_declare_only_program_changes():
    """derive() needs at least one declaration: a version that changes only the programs is valid."""
    base = RULESETS[-1]
    later = base.derive(
        id="2030-01-01",
        effective=date(2030, 1, 1),
        summary="A change to a program only.",
        program_changes=frozenset({Program.CEC}),
        sources=base.sources,
        verified_on=date(2030, 1, 1),
        programs=attrs.evolve(base.programs, cec=attrs.evolve(base.programs.cec, window_years=4)),
    )
    assert frozenset() == later.changes
    assert 4 == later.programs.cec.window_years
    with pytest.raises(RulesDefinitionError):
        base.derive(id="2030-01-01", effective=date(2030, 1, 1), summary="", sources=base.sources,
                    verified_on=date(2030, 1, 1))  # fmt: skip
