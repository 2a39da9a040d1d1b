"""crsrules.improvements, crsrules.outlook and `crsrules improve` (issue 12), on the example candidates and on
candidates made to reach each action."""

import importlib.util
import json
import re
import time
import warnings
from datetime import date
from pathlib import Path

import pytest

import crsrules
from crsrules import (
    Candidate,
    Category,
    Certificate,
    Credential,
    Education,
    Job,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    Spouse,
)
from crsrules.advice import ACTIONS, COMBINATION, HISTORY_NOTE, ActionKind, improvements, outlook, summary
from crsrules.advice._language import Ladder
from crsrules.cli import main
from crsrules.draws import DrawKind
from crsrules.io import load_candidate
from crsrules.rules import get_rules

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples" / "candidates"
ON = date(2026, 3, 1)

pytestmark = pytest.mark.filterwarnings("ignore::crsrules.StaleRulesWarning")


def example(name):
    return load_candidate(json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))


def first_step(found):
    """The first improvement in the candidate's hands (not a life event)."""
    return next(i for i in found if not i.is_life_event)


# --- the five example candidates, checked by hand -------------------------------------------------------------------


def test_french_speaking_bilingual_by_hand():
    """A nomination first; then English, the second language, to CLB 9."""
    candidate = example("french-speaking-bilingual")
    found = improvements(candidate, on=ON)
    assert 515 == crsrules.total(candidate, on=ON)
    # Additional points: 50 for French (NCLC 9 in all four, English CLB 7 or more in all four) + 600 for a
    # nomination = 650, capped at 600: the nomination gains 600 - 50 = 550.
    assert ("life.provincial_nomination", 550, 515 + 550, ON) == (found[0].action, found[0].gain, found[0].total,
                                                                   found[0].on)  # fmt: skip
    assert found[0].kind is ActionKind.LIFE_EVENT
    # English is the second official language: CELPIP 8/7/7/8 is CLB 8/7/7/8, 3 points each (CLB 7-8) = 12; at CLB 9
    # in all four, 6 each = 24, within the cap of 24 without a spouse: +12. CLB 9 is reached by CELPIP 9 in each.
    step = first_step(found)
    assert ("language.retest", 12, 527, ON) == (step.action, step.gain, step.total, step.on)
    assert LanguageTest.CELPIP_GENERAL is step.language.test
    assert (9, 9, 9, 9) == step.language.scores


def test_healthcare_worker_with_spouse_by_hand():
    """A nomination first; then retaking CELPIP before it expires on 2026-11-09 keeps 109 points."""
    candidate = example("healthcare-worker-in-canada-with-spouse")
    found = improvements(candidate, on=ON)
    # Additional points: 15 for the Canadian two-year credential + 600 = 615, capped at 600: +585.
    assert ("life.provincial_nomination", 585, 491 + 585) == (found[0].action, found[0].gain, found[0].total)
    step = first_step(found)
    # CELPIP of 2024-11-09 stops counting on 2026-11-09. With a spouse, CLB 9/8/9/9 earns 29 + 22 + 29 + 29 = 109
    # first-language points; skill transferability stays at its caps through Canadian work (education with 2 years of
    # Canadian work: 50; foreign work with Canadian work: 50), so the loss, and the gain of retaking, is 109.
    assert ("protect.language_test", 109, date(2026, 11, 9)) == (step.action, step.gain, step.on)
    assert 388 == crsrules.total(candidate, on=date(2026, 11, 9))
    assert 388 + 109 == step.total
    assert step.kind is ActionKind.PROTECT
    assert (9, 8, 9, 9) == step.language.scores
    assert "before 2026-11-09" in step.description


def test_provincial_nominee_by_hand():
    """Already nominated: renewing the ECA that stops counting on 2026-09-01 comes first."""
    candidate = example("provincial-nominee")
    found = improvements(candidate, on=ON)
    # The ECA of 2021-09-01 of the two-year credential stops counting on 2026-09-01: education with a spouse 91,
    # education with language (CLB 8/8/8/9, tier 1) 13 and with Canadian work (4 years, tier 2) 25, together 38
    # (under the cap of 50): 91 + 38 = 129.
    first = found[0]
    assert ("protect.eca", 129, date(2026, 9, 1)) == (first.action, first.gain, first.on)
    assert 974 - 129 == crsrules.total(candidate, on=date(2026, 9, 1))
    assert 974 == first.total
    assert first is first_step(found)


def test_stem_developer_abroad_by_hand():
    """A nomination first; then retaking IELTS before it expires on 2027-01-18 keeps 233 points."""
    candidate = example("stem-developer-abroad")
    found = improvements(candidate, on=ON)
    assert ("life.provincial_nomination", 600, 478 + 600) == (found[0].action, found[0].gain, found[0].total)
    step = first_step(found)
    # Without a spouse, CLB 10/10/9/10 earns 34 + 34 + 31 + 34 = 133; the master's with CLB 9+ earns 50 and 3+ years
    # of foreign work with CLB 9+ earns 50 (skill transferability 100, its cap): 133 + 50 + 50 = 233.
    assert ("protect.language_test", 233, date(2027, 1, 18)) == (step.action, step.gain, step.on)
    assert 240 + 233 == step.total
    # The smallest IELTS bands for CLB 10/10/9/10: listening 8.5, reading 8.0, writing 7.0, speaking 7.5.
    assert (8.5, 8.0, 7.0, 7.5) == step.language.scores


def test_trades_worker_by_hand():
    """A nomination first; then French at NCLC 10 becomes the first language and earns the French points."""
    candidate = example("trades-worker-with-certificate")
    found = improvements(candidate, on=ON)
    assert ("life.provincial_nomination", 600, 383 + 600) == (found[0].action, found[0].gain, found[0].total)
    step = first_step(found)
    # French NCLC 10 in all four becomes the first language (rule E16): 4 x 34 = 136 instead of English CLB 7/6/7/7
    # (17 + 9 + 17 + 17 = 60), and English becomes the second language: 3 + 1 + 3 + 3 = 10; +86 in all.
    # Skill transferability was 25 (education with Canadian work) + 50 (foreign work with Canadian work) + 25
    # (certificate with CLB 5+) = 100, its cap; it stays at 100. French NCLC 7+ with English CLB 5+: +50.
    # 86 + 0 + 50 = 136.
    assert ("language.new_test", 136, 519) == (step.action, step.gain, step.total)
    assert LanguageTest.TEF_CANADA is step.language.test
    assert (Category.FRENCH,) == step.categories


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_every_example_gets_a_list_quickly(name):
    """Each example candidate gets a non-empty list in well under a second."""
    candidate = example(name)
    started = time.perf_counter()
    found = improvements(candidate, on=ON)
    assert time.perf_counter() - started < 1.0
    assert found
    assert all(i.gain > 0 for i in found)


# --- each action, on a candidate made for it -------------------------------------------------------------------------

ENGLISH = LanguageResult(test=LanguageTest.IELTS_GENERAL, tested_on=date(2025, 9, 1), listening=7.5, reading=6.5,
                         writing=6.5, speaking=6.5)  # fmt: skip


def candidate_without_an_eca():
    return Candidate(
        birth_date=date(1992, 5, 5),
        credentials=(Credential(level=Education.BACHELORS, completed_on=date(2015, 6, 1)),),
        language_results=(ENGLISH,),
    )


def candidate_with_a_spouse():
    spouse = Spouse(
        accompanying=True,
        credentials=(
            Credential(level=Education.BACHELORS, completed_on=date(2014, 6, 1)),
            Credential(level=Education.MASTERS, completed_on=date(2016, 6, 1), eca_issued_on=date(2021, 6, 1)),
        ),
    )
    return Candidate(
        birth_date=date(1990, 1, 1), marital_status=MaritalStatus.MARRIED, spouse=spouse, language_results=(ENGLISH,)
    )


def tradesperson_without_a_certificate():
    welder = Job(noc="72106", in_canada=True, start=date(2021, 1, 4))
    return Candidate(birth_date=date(1990, 1, 1), language_results=(ENGLISH,), jobs=(welder,))


def test_an_eca_for_a_credential_without_one():
    """A foreign bachelor's without an ECA counts for nothing; its ECA, dated the day asked about, gains."""
    candidate = candidate_without_an_eca()
    (eca,) = [i for i in improvements(candidate, on=ON) if i.action == "document.eca"]
    assert ON == eca.candidate.credentials[0].eca_issued_on
    assert eca.kind is ActionKind.NEW_DOCUMENT
    assert "it has none" in eca.description
    # Single: bachelor's 120; with CLB 8 in all four, education with language tier 1: 13.
    assert 120 + 13 == eca.gain


def test_the_spouses_eca_and_its_protection():
    """The spouse's bachelor's gets an ECA; the ECA of the master's, which stops counting on 2026-06-01, is renewed."""
    found = improvements(candidate_with_a_spouse(), on=ON)
    codes = {i.action for i in found}
    assert {"protect.spouse_eca", "document.spouse_language_test"} <= codes
    (protect,) = [i for i in found if i.action == "protect.spouse_eca"]
    assert (date(2026, 6, 1), 10) == (protect.on, protect.gain)  # spouse's master's: 10 points
    # The bachelor's ECA is worth nothing while the master's counts; once the master's ECA stops counting, a new ECA
    # of the master's is worth 10 and one of the bachelor's 8.
    assert "document.spouse_eca" not in codes
    later = improvements(candidate_with_a_spouse(), on=date(2026, 6, 1))
    assert [10, 8] == [i.gain for i in later if i.action == "document.spouse_eca"]


def test_a_certificate_of_qualification_for_a_trade():
    """A welder (NOC 72106, a skilled trade) with CLB 8 in all four: a certificate earns 50."""
    (found,) = [i for i in improvements(tradesperson_without_a_certificate(), on=ON)
                if i.action == "document.certificate_of_qualification"]  # fmt: skip
    assert 50 == found.gain
    assert Certificate(issued_on=ON, noc="72106") == found.candidate.certificate_of_qualification
    assert "72106" in found.description


def test_a_second_credential_makes_two_or_more():
    """With a bachelor's, a one-year credential makes 'two or more': 128 - 120 = 8, and the transferability tiers
    of two or more (education with language tier 1: 25 instead of 13): +12."""
    bachelors = Credential(level=Education.BACHELORS, completed_on=date(2015, 6, 1), eca_issued_on=date(2025, 1, 1))
    assessed = Candidate(birth_date=date(1992, 5, 5), credentials=(bachelors,), language_results=(ENGLISH,))
    (second,) = [i for i in improvements(assessed, on=ON) if i.action == "document.second_credential"]
    assert 8 + 12 == second.gain
    added = second.candidate.credentials[-1]
    assert (Education.ONE_YEAR, ON, ON) == (added.level, added.completed_on, added.eca_issued_on)


def test_job_offer_points_only_where_the_rules_give_them():
    """Under the 2024 rules a job offer in the candidate's own skilled occupation earns 50; from 2025-03-25, none."""
    candidate = tradesperson_without_a_certificate()
    offers = [i for i in improvements(candidate, on=date(2024, 6, 1)) if i.action == "life.job_offer"]
    assert [(50, "72106")] == [(i.gain, i.candidate.job_offer.noc) for i in offers]
    assert not [i for i in improvements(candidate, on=ON) if i.action == "life.job_offer"]
    pinned = improvements(candidate, on=ON, rules="2024-01-30")
    assert [50] == [i.gain for i in pinned if i.action == "life.job_offer"]
    assert {"2024-01-30"} == {i.rules_id for i in pinned}


def test_every_action_code_is_reached():
    """Each code of ACTIONS, and the combination, is given for some candidate."""
    seen = set()
    for name in (p.stem for p in EXAMPLES.glob("*.json")):
        seen |= {i.action for i in improvements(example(name), on=ON, pairs=True)}
    for candidate in (candidate_without_an_eca(), tradesperson_without_a_certificate()):
        seen |= {i.action for i in improvements(candidate, on=ON)}
    seen |= {i.action for i in improvements(candidate_with_a_spouse(), on=date(2026, 6, 1))}
    seen |= {i.action for i in improvements(candidate_with_a_spouse(), on=ON)}
    seen |= {i.action for i in improvements(tradesperson_without_a_certificate(), on=date(2024, 6, 1))}
    assert set(ACTIONS) | {COMBINATION} == seen


def test_the_reference_page_lists_every_code():
    """The generated reference page lists exactly the codes of ACTIONS, each with its kind, and the combination."""
    path = ROOT / "docs" / "_ext" / "improvement_actions.py"
    spec = importlib.util.spec_from_file_location("improvement_actions", path)
    extension = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extension)
    rows = re.findall(r"^\| `([a-z_.]+)` \| ([a-z ]+) \|", extension.render_actions(), flags=re.MULTILINE)
    assert {code: kind for code, kind in rows if code != COMBINATION} == {c: a.kind.label for c, a in ACTIONS.items()}
    assert "of its parts" == dict(rows)[COMBINATION]
    assert len(ACTIONS) + 1 == len(rows)


def test_life_events_are_marked():
    """Life events say so in their kind and their words."""
    for i in improvements(example("stem-developer-abroad"), on=ON):
        assert i.is_life_event == i.action.startswith("life.") == i.description.startswith("Life event:")


# --- language targets ------------------------------------------------------------------------------------------------


def test_a_chart_read_backwards():
    """IELTS listening: 7.5 is the smallest band for CLB 8; below CLB 4 (4.5) everything is 'below 4' from 0."""
    rules = get_rules("2026-02-18")
    ladder = Ladder.of(rules.language.charts[LanguageTest.IELTS_GENERAL].listening)
    assert (8, 7.5) == ladder.reach(8)
    assert (3, 0) == ladder.reach(2)
    assert 7 == ladder.lower(8)
    assert 3 == ladder.lower(4)
    assert ladder.lower(3) is None
    celpip = Ladder.of(rules.language.charts[LanguageTest.CELPIP_GENERAL].reading)
    assert [(0, 0), (1, 1)] == list(celpip.rungs[:2])
    assert (10, 10) == celpip.reach(12)


def test_french_points_have_their_own_code():
    """French to NCLC 7 in all four is named for the French points; NCLC 5 is a plain new test."""
    found = improvements(example("stem-developer-abroad"), on=ON)
    french = [i for i in found if i.language is not None and i.language.levels.language.value == "french"]
    seven = [i for i in french if i.action == "language.french_skills"]
    assert {(7, 7, 7, 7)} == {(i.language.levels.listening, i.language.levels.reading, i.language.levels.writing,
                               i.language.levels.speaking) for i in seven}  # fmt: skip
    assert all(Category.FRENCH in i.categories for i in seven)
    assert any(i.action == "language.new_test" and i.language.levels.minimum == 5 for i in french)


def test_tef_keeps_the_candidates_scale():
    """A candidate who gives TEF results on the 'ancien score' scale is asked for scores on it."""
    found = improvements(example("french-speaking-bilingual"), on=ON)
    (tef,) = [i for i in found if i.language is not None and i.language.test is LanguageTest.TEF_CANADA]
    # NCLC 10 in all four on the ancien-score chart: listening 316, reading 263, writing 393, speaking 393.
    assert (316, 263, 393, 393) == tef.language.scores
    assert "(ancien score)" in tef.description


# --- combinations ----------------------------------------------------------------------------------------------------


def test_combined_gains_are_real_not_summed():
    """For the trades worker, French NCLC 10 (+136) and English CLB 10 (+76) together gain 150, not 212: English
    moves to the second language, whose points are capped, and skill transferability is at its cap already."""
    found = improvements(example("trades-worker-with-certificate"), on=ON, pairs=True)
    pairs = {(p.parts[0].gain, p.parts[1].gain): p.gain for p in found if p.parts}
    assert 150 == pairs[(136, 76)]
    best = next(i for i in found if i.parts)
    assert COMBINATION == best.action
    assert best.gain == max(i.gain for i in found if not i.is_life_event)
    assert all(not p.is_life_event for i in found for p in i.parts)


def test_one_stale_rules_warning_for_the_whole_call():
    """Counting protections after the rules' last known date warns once."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        improvements(example("stem-developer-abroad"), on=ON)
    assert [crsrules.StaleRulesWarning] == [w.category for w in caught]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        improvements(example("stem-developer-abroad"), on=ON, rules="2026-02-18")
    assert [] == caught


def test_bad_arguments_are_named():
    """A wrong argument is a crsrules error that names it."""
    candidate = example("stem-developer-abroad")
    with pytest.raises(crsrules.InvalidValueError, match="candidate"):
        improvements("me", on=ON)
    with pytest.raises(crsrules.InvalidValueError, match="'on'"):
        improvements(candidate, on="2026-03-01")
    with pytest.raises(crsrules.InvalidValueError, match="pairs"):
        improvements(candidate, on=ON, pairs="yes")
    with pytest.raises(crsrules.InvalidValueError, match="birth date"):
        improvements(candidate, on=date(1990, 1, 1), rules="2026-02-18")
    with pytest.raises(crsrules.UnknownRulesetError):
        improvements(candidate, on=ON, rules="2026-13-01")
    with pytest.raises(crsrules.InvalidValueError, match="window_days"):
        outlook(candidate, on=ON, window_days=0)
    with pytest.raises(crsrules.InvalidValueError, match="candidate"):
        outlook(None, on=ON)
    with pytest.raises(crsrules.InvalidValueError, match="'on'"):
        summary(candidate, on=None)
    with pytest.raises(crsrules.InvalidValueError, match="candidate"):
        summary({}, on=ON)


# --- outlook ---------------------------------------------------------------------------------------------------------


def test_outlook_of_the_provincial_nominee():
    """The last 12 months of rounds: CEC and PNP rounds invite the nominee, category rounds do not."""
    seen = outlook(example("provincial-nominee"), on=date(2026, 8, 20))
    assert (75, 36) == (seen.rounds, seen.invited)
    assert HISTORY_NOTE == seen.note
    assert seen.note.startswith("History, not a forecast")
    cec = seen.groups[0]
    assert (DrawKind.CEC, 21, 17, 507, 516.0, 534) == (cec.kind, cec.rounds, cec.invited, cec.lowest_cutoff,
                                                        cec.median_cutoff, cec.highest_cutoff)  # fmt: skip
    # Half of 21 rounds is 11: the 11th lowest cut-off of the 17 rounds whose conditions were met, plus one.
    met = sorted(c.draw.cutoff for c in cec.checks if c.invited)
    assert met[10] + 1 == cec.needed
    french = next(g for g in seen.groups if g.category is Category.FRENCH)
    assert (0, 0, None) == (french.invited, french.conditions_met, french.needed)
    data = seen.as_dict()
    assert {"on", "start", "score", "rules_id", "rounds", "invited", "groups", "data_version", "note"} == set(data)


# --- the summary and the command -------------------------------------------------------------------------------------


def test_summary_fits_a_terminal():
    """The text summary's lines are at most 88 characters (a long word aside) and hold every part."""
    lines = summary(example("healthcare-worker-in-canada-with-spouse"), on=ON).lines()
    assert all(len(line) <= 88 for line in lines if " " in line.strip())
    text = "\n".join(lines)
    parts = (
        "CRS score on 2026-03-01: 491",
        "What would raise it",
        "Best combination of two",
        "Life events the rules reward",
        "Coming changes in the next 12 months",
        "History, not a forecast",
    )
    for part in parts:
        assert part in text
    assert "2026-11-09  -109" in text


def run(capsys, *argv):
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def test_improve_prints_the_summary(capsys):
    """crsrules improve: the ranked list, the coming changes and the rounds, as text or JSON."""
    path = str(EXAMPLES / "stem-developer-abroad.json")
    code, out, err = run(capsys, "improve", path, "--on", "2026-03-01")
    assert 0 == code
    assert out.startswith("CRS score on 2026-03-01: 478 (ruleset 2026-02-18)\n")
    assert "+233  keep Retake IELTS General Training before 2027-01-18" in out
    assert err.count("warning:") == 1
    code, out, _ = run(capsys, "improve", path, "--on", "2026-03-01", "--format", "json")
    data = json.loads(out)
    assert 0 == code
    assert {"on", "score", "rules_id", "improvements", "best_combination", "coming_changes", "outlook"} == set(data)
    assert "life.provincial_nomination" == data["improvements"][0]["action"]
    assert data["best_combination"]["action"] == COMBINATION


def test_improve_refuses_a_factors_file(capsys):
    """A factors file has no dated facts: exit status 2 and a one-line message."""
    code, out, err = run(capsys, "improve", str(ROOT / "examples" / "factors" / "single-software-developer.json"))
    assert (2, "") == (code, out)
    assert "factors file" in err
