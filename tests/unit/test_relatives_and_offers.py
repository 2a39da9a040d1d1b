"""What the model can now say (issue 10, item 5): FSW relatives in Canada of every kind, an offer's employer and length.

- A :class:`Relative` of each kind IRPR s. 83(5) names (other than a sibling, given as a :class:`Sibling`) earns the FSW
  adaptability element "relative in Canada" when 18 or older, a citizen or PR, living in Canada, and (for a relative of
  the spouse) with an accompanying spouse; it earns no CRS points.
- ``JobOffer.employer`` and ``JobOffer.duration_months`` are used by the skilled military recruits category (see
  test_conditions.py) and travel in JSON and in the JSON Schema like every other field.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crsrules
from crsrules import (
    AdaptabilityElement,
    Candidate,
    Credential,
    Education,
    Employer,
    InvalidCandidateError,
    InvalidValueError,
    Job,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    Relative,
    RelativeKind,
    Sibling,
    Spouse,
)
from crsrules.candidate import RELATIVE_KINDS
from crsrules.io import dump_candidate, load_candidate
from crsrules.schema import candidate_schema
from crsrules.testing.strategies import candidates, job_offers, relatives

ON = date(2025, 6, 1)

# 66 points on the FSW grid (one short of the pass mark) and no adaptability element.
ALMOST = Candidate(
    birth_date=date(1995, 1, 1),
    credentials=(Credential(level=Education.BACHELORS, completed_on=date(2017, 6, 1),
                            eca_issued_on=date(2024, 1, 10)),),
    language_results=(LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=date(2025, 1, 10),
                                     listening=9, reading=9, writing=9, speaking=7),),
    jobs=(Job(noc="21231", in_canada=False, start=date(2023, 1, 1), end=date(2025, 4, 30)),),
)  # fmt: skip


def relative(kind: RelativeKind = RelativeKind.PARENT, **changes: object) -> Relative:
    facts = {"kind": kind, "birth_date": date(1965, 5, 1), "citizen_or_pr_since": date(2000, 1, 1)}
    return Relative(**(facts | changes))


def test_the_base_candidate_is_one_point_short():
    a = crsrules.fsw_eligibility(ALMOST, on=ON)
    assert (66, False, (), None) == (a.grid_total, a.grid_met, a.adaptability, a.relative_in_canada)


@pytest.mark.parametrize("kind", RELATIVE_KINDS, ids=lambda k: k.value)
def test_every_kind_of_relative_in_canada_earns_the_adaptability_element(kind):
    """IRPR s. 83(5)(a): a parent, grandparent, child, grandchild, aunt or uncle, niece or nephew (and a sibling)."""
    a = crsrules.fsw_eligibility(attrs.evolve(ALMOST, relatives=(relative(kind),)), on=ON)
    assert (AdaptabilityElement.RELATIVE_IN_CANADA,) == a.adaptability
    assert (71, True, True, kind) == (a.grid_total, a.grid_met, a.eligible, a.relative_in_canada)
    assert a.condition("fsw.grid").values == {"points": 71, "pass_mark": 67}


def test_the_relatives_note_of_0_1_is_gone():
    notes = crsrules.fsw_eligibility(ALMOST, on=ON).notes
    assert not any("not modelled" in note for note in notes)


@pytest.mark.parametrize(
    ("changes", "counts"),
    [
        ({"birth_date": date(2007, 6, 1), "citizen_or_pr_since": date(2010, 1, 1)}, True),  # 18 on the day
        ({"birth_date": date(2007, 6, 2), "citizen_or_pr_since": date(2010, 1, 1)}, False),  # 18 the day after
        ({"citizen_or_pr_since": ON}, True),
        ({"citizen_or_pr_since": date(2025, 6, 2)}, False),  # a PR only from the next day
        ({"lives_in_canada": False}, False),
    ],
)
def test_a_relative_counts_from_18_as_a_citizen_or_pr_living_in_canada(changes, counts):
    a = crsrules.fsw_eligibility(attrs.evolve(ALMOST, relatives=(relative(**changes),)), on=ON)
    assert counts == (AdaptabilityElement.RELATIVE_IN_CANADA in a.adaptability)


def test_a_relative_of_the_spouse_counts_only_with_an_accompanying_spouse():
    aunt = relative(RelativeKind.AUNT_OR_UNCLE, of_spouse=True)
    single = attrs.evolve(ALMOST, relatives=(aunt,))
    assert crsrules.fsw_eligibility(single, on=ON).relative_in_canada is None
    for accompanying, expected in ((True, RelativeKind.AUNT_OR_UNCLE), (False, None)):
        married = attrs.evolve(single, marital_status=MaritalStatus.MARRIED, spouse=Spouse(accompanying=accompanying))
        assert expected == crsrules.fsw_eligibility(married, on=ON).relative_in_canada


def test_a_sibling_comes_first_and_is_counted_once():
    sibling = Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2015, 1, 1))
    a = crsrules.fsw_eligibility(attrs.evolve(ALMOST, siblings=(sibling,), relatives=(relative(),)), on=ON)
    assert (RelativeKind.SIBLING, 71) == (a.relative_in_canada, a.grid_total)


def test_relatives_earn_no_crs_points():
    """Only a brother or sister earns the CRS's additional points; the other relatives count for FSW only."""
    with_relative = attrs.evolve(ALMOST, relatives=(relative(RelativeKind.CHILD, birth_date=date(2000, 1, 1)),))
    assert crsrules.score(ALMOST, on=ON).total == crsrules.score(with_relative, on=ON).total


def test_a_sibling_is_not_a_relative():
    with pytest.raises(InvalidValueError, match=r"a brother or sister is a Sibling, in Candidate\.siblings") as info:
        relative(RelativeKind.SIBLING)
    assert "kind" == info.value.field
    with pytest.raises(InvalidValueError, match="'citizen_or_pr_since' must be a date on or after birth_date"):
        relative(citizen_or_pr_since=date(1960, 1, 1))
    assert (relative(),) == attrs.evolve(ALMOST, relatives=[relative()]).relatives  # any iterable, kept as a tuple
    with pytest.raises(InvalidValueError, match=r"'relatives\[0\]' must be a Relative"):
        attrs.evolve(ALMOST, relatives=[Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2010, 1, 1))])


# --- the job offer's employer and length ------------------------------------------------------------------------


def test_a_job_offer_s_employer_and_length_are_optional_and_checked():
    plain = JobOffer(noc="43204", offered_on=ON)
    assert (None, None) == (plain.employer, plain.duration_months)
    cfrg = JobOffer(noc="43204", offered_on=ON, employer=Employer.CANADIAN_FORCES_RECRUITING_GROUP, duration_months=36)
    assert 36 == cfrg.duration_months
    with pytest.raises(InvalidValueError, match="'duration_months' must be a number of months 1-600 or None"):
        JobOffer(noc="43204", offered_on=ON, duration_months=0)
    with pytest.raises(InvalidValueError, match="'duration_months'"):
        JobOffer(noc="43204", offered_on=ON, duration_months=True)
    with pytest.raises(InvalidValueError, match="'employer'"):
        JobOffer(noc="43204", offered_on=ON, employer="cfrg")


# --- JSON and the schema ---------------------------------------------------------------------------------------------


def test_relatives_and_the_offer_s_new_fields_travel_in_json():
    offer = JobOffer(noc="43204", offered_on=ON, employer=Employer.CANADIAN_FORCES_RECRUITING_GROUP, duration_months=48)
    niece = relative(RelativeKind.NIECE_OR_NEPHEW, of_spouse=True, lives_in_canada=False)
    person = attrs.evolve(ALMOST, relatives=(relative(), niece), job_offer=offer)
    data = dump_candidate(person)
    assert {"kind": "parent", "birth_date": "1965-05-01", "citizen_or_pr_since": "2000-01-01", "of_spouse": False,
            "lives_in_canada": True} == data["relatives"][0]  # fmt: skip
    assert ("canadian_forces_recruiting_group", 48) == (data["job_offer"]["employer"],
                                                        data["job_offer"]["duration_months"])  # fmt: skip
    assert person == load_candidate(data)


def test_files_without_the_new_fields_load_as_before():
    data = dump_candidate(ALMOST)
    del data["relatives"]
    assert ALMOST == load_candidate(data)
    assert () == load_candidate({"birth_date": "1990-01-01"}).relatives
    offer = load_candidate({"birth_date": "1990-01-01", "job_offer": {"noc": "21231", "offered_on": "2025-01-01"}})
    assert (None, None) == (offer.job_offer.employer, offer.job_offer.duration_months)


def test_a_sibling_given_as_a_relative_is_rejected_with_its_path():
    data = {"birth_date": "1990-01-01",
            "relatives": [{"kind": "sibling", "birth_date": "1985-01-01", "citizen_or_pr_since": "2000-01-01"}]}
    with pytest.raises(InvalidCandidateError, match=r"'kind' must be .*Candidate\.siblings.* @ \$\.relatives\[0\]"):
        load_candidate(data)
    data["relatives"][0]["kind"] = "cousin"
    with pytest.raises(InvalidCandidateError, match=r"\$\.relatives\[0\]\.kind"):
        load_candidate(data)


def test_the_schema_describes_the_new_fields():
    schema = candidate_schema()
    defs = schema["$defs"]
    assert "relatives" in schema["properties"]["relatives"]["description"].lower()
    assert [k.value for k in RELATIVE_KINDS] == defs["Relative"]["properties"]["kind"]["enum"]
    for name in ("kind", "birth_date", "citizen_or_pr_since", "of_spouse", "lives_in_canada"):
        assert defs["Relative"]["properties"][name]["description"]
    employer = defs["JobOffer"]["properties"]["employer"]
    length = defs["JobOffer"]["properties"]["duration_months"]
    assert employer["description"].startswith("Who makes the offer")
    assert length["description"].startswith("How many months")
    assert {"type": "integer", "minimum": 1, "maximum": 600} in length["anyOf"]
    assert ["birth_date", "citizen_or_pr_since", "kind"] == sorted(defs["Relative"]["required"])


@given(relatives(), job_offers())
def test_drawn_relatives_and_offers_round_trip(one, offer):
    person = Candidate(birth_date=date(1990, 1, 1), relatives=(one,), job_offer=attrs.evolve(
        offer, offered_on=None if offer.offered_on is None else max(offer.offered_on, date(1990, 1, 1))))  # fmt: skip
    assert person == load_candidate(dump_candidate(person))


@given(candidates(on=ON), st.sampled_from(RELATIVE_KINDS))
def test_a_relative_in_canada_never_lowers_the_fsw_grid(candidate, kind):
    """Adding a relative who counts adds the element (5 points, within the cap), and changes nothing else."""
    before = crsrules.fsw_eligibility(candidate, on=ON)
    after = crsrules.fsw_eligibility(attrs.evolve(candidate, relatives=(relative(kind),)), on=ON)
    assert after.grid_total >= before.grid_total
    assert AdaptabilityElement.RELATIVE_IN_CANADA in after.adaptability
    assert after.relative_in_canada in {kind, RelativeKind.SIBLING}
