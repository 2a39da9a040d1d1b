"""CRS rules in force from 2015-01-01, when Express Entry opened: the launch grid, every table in full.

The core, spouse and skill-transferability grids written here have not changed in value since; later modules state
only what changed. Additional points: 600 for a provincial nomination or a qualifying (LMIA-supported) offer of
arranged employment, at most 600 in all.

References:
    - IRCC, Comprehensive Ranking System (CRS) criteria - Express Entry:
      https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html
    - Ministerial Instructions respecting the Express Entry system (signed 2014-11-28, in force 2015-01-01), summary:
      https://immigration.ca/the-ministerial-instructions-for-the-express-entry-application-management-system/
    - CIC News, 2014-12-04, CRS details announced:
      http://www.cicnews.com/2014/12/express-entry-details-comprehensive-ranking-system-announced-124175.html
    - IRPR ss. 75-83 (FSW), 87.1 (CEC), 87.2 (FST): https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

from crsrules.headings import AdaptabilityElement
from crsrules.language_tests import LanguageTest, TefScale
from crsrules.model import ArrangedEmployment, CanadianEducation, Education
from crsrules.occupations import Noc2016Skill
from crsrules.rules._language import Chart, LanguageRules
from crsrules.rules._programs import (
    CecCriteria,
    FstCriteria,
    FswCriteria,
    FswGrid,
    LanguageMinimums,
    ProgramCriteria,
    TradeGroups,
)
from crsrules.rules._ruleset import (
    Additional,
    Core,
    Evidence,
    NocVersion,
    RuleSet,
    SkillTransferability,
    Source,
    SpouseTables,
)
from crsrules.tables import BySpouse, Steps, Table, Tiers

# The day these tables were last checked against the research notes' sources (reference/crs-points.md).
VERIFIED_ON = date(2026, 11, 25)

# A. Core / human capital factors. Ministerial Instructions (MI) ss. 10-15; canada.ca CRS criteria, section A.

# 1.1 Age in completed years: 17 or less earns 0, 45 or more 0.
AGE = BySpouse(
    with_spouse=Steps(
        (
            (18, 90), (19, 95), (20, 100), (30, 95), (31, 90), (32, 85), (33, 80), (34, 75), (35, 70),
            (36, 65), (37, 60), (38, 55), (39, 50), (40, 45), (41, 35), (42, 25), (43, 15), (44, 5), (45, 0),
        ),
        below=0,
    ),
    without_spouse=Steps(
        (
            (18, 99), (19, 105), (20, 110), (30, 105), (31, 99), (32, 94), (33, 88), (34, 83), (35, 77),
            (36, 72), (37, 66), (38, 61), (39, 55), (40, 50), (41, 39), (42, 28), (43, 17), (44, 6), (45, 0),
        ),
        below=0,
    ),
)  # fmt: skip

# 1.2 Level of education (MI s. 11).
EDUCATION: BySpouse[Table[Education, int]] = BySpouse(
    with_spouse=Table(
        {
            Education.LESS_THAN_SECONDARY: 0,
            Education.SECONDARY: 28,
            Education.ONE_YEAR: 84,
            Education.TWO_YEAR: 91,
            Education.BACHELORS: 112,
            Education.TWO_OR_MORE: 119,
            Education.MASTERS: 126,
            Education.DOCTORAL: 140,
        }
    ),
    without_spouse=Table(
        {
            Education.LESS_THAN_SECONDARY: 0,
            Education.SECONDARY: 30,
            Education.ONE_YEAR: 90,
            Education.TWO_YEAR: 98,
            Education.BACHELORS: 120,
            Education.TWO_OR_MORE: 128,
            Education.MASTERS: 135,
            Education.DOCTORAL: 150,
        }
    ),
)

# 1.3 First official language, points per ability by CLB/NCLC level; below CLB 4 earns 0, "10 or more" tops.
FIRST_LANGUAGE = BySpouse(
    with_spouse=Steps(((4, 6), (5, 6), (6, 8), (7, 16), (8, 22), (9, 29), (10, 32)), below=0),
    without_spouse=Steps(((4, 6), (5, 6), (6, 9), (7, 17), (8, 23), (9, 31), (10, 34)), below=0),
)

# 1.4 Second official language, points per ability (CLB 4 or less earns 0), then capped (22 with spouse, 24 without).
SECOND_LANGUAGE = BySpouse(
    with_spouse=Steps(((5, 1), (7, 3), (9, 6)), below=0),
    without_spouse=Steps(((5, 1), (7, 3), (9, 6)), below=0),
)
SECOND_LANGUAGE_CAP = BySpouse(with_spouse=22, without_spouse=24)

# 1.5 Canadian work experience, completed years (skilled, last 10 years); "5 years or more" tops.
CANADIAN_WORK = BySpouse(
    with_spouse=Steps(((1, 35), (2, 46), (3, 56), (4, 63), (5, 70)), below=0),
    without_spouse=Steps(((1, 40), (2, 53), (3, 64), (4, 72), (5, 80)), below=0),
)

# Section A maximum: 460 with spouse, 500 without.
CORE = Core(
    age=AGE,
    education=EDUCATION,
    first_language=FIRST_LANGUAGE,
    second_language=SECOND_LANGUAGE,
    second_language_cap=SECOND_LANGUAGE_CAP,
    canadian_work=CANADIAN_WORK,
    cap=BySpouse(with_spouse=460, without_spouse=500),
)

# B. Spouse or common-law partner factors (MI ss. 17-19), maximum 40.
SPOUSE = SpouseTables(
    education=Table(
        {
            Education.LESS_THAN_SECONDARY: 0,
            Education.SECONDARY: 2,
            Education.ONE_YEAR: 6,
            Education.TWO_YEAR: 7,
            Education.BACHELORS: 8,
            Education.TWO_OR_MORE: 9,
            Education.MASTERS: 10,
            Education.DOCTORAL: 10,
        }
    ),
    # Per ability; CLB 4 or less earns 0; at most 20 for the four.
    first_language=Steps(((5, 1), (7, 3), (9, 5)), below=0),
    canadian_work=Steps(((1, 5), (2, 7), (3, 8), (4, 9), (5, 10)), below=0),
    cap=40,
)

# C. Skill transferability factors (MI s. 22; canada.ca CRS criteria, section C). Each group at most 50, all 100.
_NONE = Tiers(0, 0)
_POST_SECONDARY = Tiers(13, 25)  # a post-secondary credential of one year or longer
_TWO_OR_MORE = Tiers(25, 50)  # two or more credentials (one of 3+ years), master's, professional, doctoral
_EDUCATION_TIERS: Table[Education, Tiers] = Table(
    {
        Education.LESS_THAN_SECONDARY: _NONE,
        Education.SECONDARY: _NONE,
        Education.ONE_YEAR: _POST_SECONDARY,
        Education.TWO_YEAR: _POST_SECONDARY,
        Education.BACHELORS: _POST_SECONDARY,
        Education.TWO_OR_MORE: _TWO_OR_MORE,
        Education.MASTERS: _TWO_OR_MORE,
        Education.DOCTORAL: _TWO_OR_MORE,
    }
)
# Foreign work, completed years: "1 or 2 years", "3 years or more".
_FOREIGN_WORK_TIERS = Steps(((1, Tiers(13, 25)), (3, Tiers(25, 50))), below=_NONE)

SKILL_TRANSFERABILITY = SkillTransferability(
    # Tier 1: CLB 7 or more in all four first-language abilities, one or more below 9; tier 2: CLB 9 or more in all.
    language_tier=Steps(((7, 1), (9, 2)), below=0),
    # Tier 1: 1 year of Canadian work; tier 2: 2 years or more.
    canadian_work_tier=Steps(((1, 1), (2, 2)), below=0),
    education_with_language=_EDUCATION_TIERS,
    education_with_canadian_work=_EDUCATION_TIERS,
    foreign_work_with_language=_FOREIGN_WORK_TIERS,
    foreign_work_with_canadian_work=_FOREIGN_WORK_TIERS,
    # Certificate of qualification: CLB 5 or more in all four (one below 7) 25; CLB 7 or more in all four 50.
    certificate_with_language=Steps(((5, 25), (7, 50)), below=0),
    group_cap=50,
    cap=100,
)

# D. Additional points (MI s. 28-29 as first published): 600 for a nomination or a qualifying LMIA-supported offer,
# at most 600. Canadian education, French and siblings were not factors yet: their rows are 0 until later rulesets.
ADDITIONAL = Additional(
    provincial_nomination=600,
    arranged_employment=Table({ArrangedEmployment.SENIOR_MANAGEMENT: 600, ArrangedEmployment.OTHER_SKILLED: 600}),
    canadian_education=Table({CanadianEducation.ONE_OR_TWO_YEARS: 0, CanadianEducation.THREE_YEARS_OR_MORE: 0}),
    french=None,
    sibling_in_canada=0,
    cap=600,
)

# Rules of evidence (MI ss. 11-15, 19, 22; IRCC program delivery instructions). A language result counts for 2 years
# (MI s. 12(3); E10), an ECA for 5 (E3); work within the 10 years before the scoring date (E6, E7); 30 hours a week
# is full time and 1,560 hours one year, part-time pro rata (MI amendment of 2015-05-30, applied here from launch).
EVIDENCE = Evidence(
    language_valid_years=2,
    eca_valid_years=5,
    work_window_years=10,
    full_time_hours_per_week=30,
    hours_per_year=1560,
    canadian_work_must_be_paid=False,
    canadian_education_months=8,
    distance_learning_relief=None,
)

# Language tests (MI s. 12; IRCC's language equivalency charts, S33 in reference/crs-points.md section 6, as in the
# IRCC CRS tool's own tables, S10). At launch IRCC accepted IELTS General Training, CELPIP-General and TEF Canada,
# each for tests taken from Express Entry's first day (S22, S55).
OPENED = date(2015, 1, 1)

# IELTS General Training -> CLB (reference 6.2, rule E17).
IELTS_GENERAL = Chart.on_scales(
    LanguageTest.IELTS_GENERAL,
    {
        "reading": ((3.5, 4), (4.0, 5), (5.0, 6), (6.0, 7), (6.5, 8), (7.0, 9), (8.0, 10)),
        "writing": ((4.0, 4), (5.0, 5), (5.5, 6), (6.0, 7), (6.5, 8), (7.0, 9), (7.5, 10)),
        "listening": ((4.5, 4), (5.0, 5), (5.5, 6), (6.0, 7), (7.5, 8), (8.0, 9), (8.5, 10)),
        "speaking": ((4.0, 4), (5.0, 5), (5.5, 6), (6.0, 7), (6.5, 8), (7.0, 9), (7.5, 10)),
    },
)

# CELPIP-General -> CLB: level n = CLB n, and 10, 11 and 12 = CLB 10 (S10, S33; reference 6.3, rule E17).
# Levels 0 to 3 (M entered as 0) keep their own number: all below CLB 4.
_CELPIP_STEPS = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 9), (10, 10))
CELPIP_GENERAL = Chart.on_scales(
    LanguageTest.CELPIP_GENERAL,
    dict.fromkeys(("listening", "reading", "writing", "speaking"), _CELPIP_STEPS),
    below=0,
)

# TEF Canada "ancien score" -> NCLC: IRCC chart for tests before 2019-10-01 (S33, S34, S10, S55); reference 6.5.
# The CRS's "10 or more" starts at 263 / 393 / 316 / 393 (older copies also listed NCLC 11 and 12).
TEF_ANCIEN = Chart.on_scales(
    LanguageTest.TEF_CANADA,
    {
        "reading": ((121, 4), (151, 5), (181, 6), (207, 7), (233, 8), (248, 9), (263, 10)),
        "writing": ((181, 4), (226, 5), (271, 6), (310, 7), (349, 8), (371, 9), (393, 10)),
        "listening": ((145, 4), (181, 5), (217, 6), (249, 7), (280, 8), (298, 9), (316, 10)),
        "speaking": ((181, 4), (226, 5), (271, 6), (310, 7), (349, 8), (371, 9), (393, 10)),
    },
    tef_scale=TefScale.ANCIEN_SCORE,
)

LANGUAGE = LanguageRules(
    accepted_from=MappingProxyType(
        {LanguageTest.IELTS_GENERAL: OPENED, LanguageTest.CELPIP_GENERAL: OPENED, LanguageTest.TEF_CANADA: OPENED}
    ),
    charts=MappingProxyType({LanguageTest.IELTS_GENERAL: IELTS_GENERAL, LanguageTest.CELPIP_GENERAL: CELPIP_GENERAL}),
    tef_charts=MappingProxyType({TefScale.ANCIEN_SCORE: TEF_ANCIEN}),
    tef_epochs=((OPENED, TefScale.ANCIEN_SCORE),),
)

# Programs: the entry criteria (reference/crs-points.md section 7; research sources S57 to S64, S74). The FSW grid
# has been in force since 2013-05-04, CEC and FST since 2013-01-02, all before Express Entry opened.

# FSW minimums (IRPR s. 75(2)): 1 year of continuous full-time work, or the part-time equivalent, in the primary
# occupation within the 10 years before the application (a year is EVIDENCE.hours_per_year hours); CLB 7 in all four
# abilities of the first official language (IRPR s. 75(2)(d), threshold fixed by the Minister; S57).
FSW_GRID = FswGrid(
    # Language (IRPR s. 79; S62): first official language, points per ability, 4 at CLB 7, 5 at CLB 8, 6 from CLB 9.
    # Below CLB 7 the minimum is not met; the grid still shows 0 for such an ability.
    first_language=Steps(((7, 4), (8, 5), (9, 6)), below=0),
    # Language (IRPR s. 79; S62): second official language, 4 points if the lowest of its four levels is CLB 5.
    second_language=Steps(((5, 4),), below=0),
    # Education (IRPR s. 78; S60, S62). A master's includes an entry-to-practice professional degree (for a licensed
    # occupation of skill level A, TEER 1 from 2022-11-16).
    education=Table(
        {
            Education.LESS_THAN_SECONDARY: 0,
            Education.SECONDARY: 5,
            Education.ONE_YEAR: 15,
            Education.TWO_YEAR: 19,
            Education.BACHELORS: 21,
            Education.TWO_OR_MORE: 22,
            Education.MASTERS: 23,
            Education.DOCTORAL: 25,
        }
    ),
    # Work experience (IRPR s. 80; S40, S58, S61): whole years of skilled work within the work window, 9 for 1 year,
    # 11 for 2 to 3, 13 for 4 to 5, 15 for 6 or more. (Applications received before 2013-05-04 used 15/17/19/21.)
    work_experience=Steps(((1, 9), (2, 11), (4, 13), (6, 15)), below=0),
    # Age (IRPR s. 81; S59): completed years on the day the application is received; 12 from 18 to 35, one point
    # less each year from 36 (11) to 46 (1), 0 from 47.
    age=Steps(
        (
            (18, 12), (36, 11), (37, 10), (38, 9), (39, 8), (40, 7), (41, 6), (42, 5), (43, 4), (44, 3), (45, 2),
            (46, 1), (47, 0),
        ),
        below=0,
    ),
    # Arranged employment (IRPR s. 82; S57, S46): a valid full-time, non-seasonal offer of at least 1 year in a
    # skilled occupation, LMIA-supported or LMIA-exempt. Still awarded after the CRS dropped job-offer points.
    arranged_employment=10,
    # Adaptability (IRPR s. 83; S62, S63): each element counted once, at most 10 together.
    adaptability=Table(
        {
            AdaptabilityElement.SPOUSE_LANGUAGE: 5,
            AdaptabilityElement.STUDY_IN_CANADA: 5,
            AdaptabilityElement.SPOUSE_STUDY_IN_CANADA: 5,
            AdaptabilityElement.WORK_IN_CANADA: 10,
            AdaptabilityElement.SPOUSE_WORK_IN_CANADA: 5,
            AdaptabilityElement.ARRANGED_EMPLOYMENT: 5,
            AdaptabilityElement.RELATIVE_IN_CANADA: 5,
        }
    ),
    adaptability_cap=10,
    # IRPR s. 76(1)-(2): 67 of 100 points (the pass mark is fixed by the Minister; S57).
    pass_mark=67,
    maximum=100,
)

FSW = FswCriteria(
    minimum_work_years=1,
    work_window_years=10,
    minimum_language_clb=7,
    grid=FSW_GRID,
    # Adaptability (S62): the spouse's CLB/NCLC 4 in all four abilities; 2 academic years of full-time study in
    # Canada; 1 year of full-time work in Canada (applicant or spouse).
    spouse_language_clb=4,
    study_in_canada_years=2,
    # crsrules' reading of the credential levels (Credential: ``bachelors`` is any program of 3 years or more):
    # these last 2 years or more; ``one_year`` is shorter, and a ``secondary`` credential is judged by its dates.
    study_in_canada_levels=frozenset({Education.TWO_YEAR, Education.BACHELORS, Education.MASTERS, Education.DOCTORAL}),
    work_in_canada_years=1,
)

# CEC (IRPR s. 87.1(2); S57): 1 year of skilled paid work in Canada within the 3 years before the application, and the
# language level its occupation calls for in all four abilities: CLB 7 for NOC 2016 skill type 0 or level A, CLB 5 for
# level B (S74); in NOC 2021 terms (IRCC from 2022-11-16, S57), CLB 7 for TEER 0 or 1, CLB 5 for TEER 2 or 3. The NOC
# 2021 table also judges jobs given only a NOC 2021 code before 2022-11-16 (no concordance is shipped).
CEC = CecCriteria(
    work_years=1,
    window_years=3,
    language_by_teer=Steps(((0, 7), (1, 7), (2, 5), (3, 5)), below=7),  # (no TEER is below 0)
    language_by_noc_2016_skill=Table(
        {Noc2016Skill.SKILL_TYPE_0: 7, Noc2016Skill.SKILL_LEVEL_A: 7, Noc2016Skill.SKILL_LEVEL_B: 5}
    ),
)

# FST (IRPR s. 87.2(3); S57): 2 years of full-time work, or the part-time equivalent, in one skilled trade within the
# 5 years before the application; CLB 5 in speaking and listening, CLB 4 in reading and writing. The trades: NOC 2016
# major groups 72, 73, 82, 92 and minor groups 632, 633 (S64); NOC 2021 [UNCONFIRMED], see
# docs/how-to/program-eligibility.md: major groups 72 (without 726), 73, 82, 83, 92, 93 (without 932), minor group
# 6320, unit group 62200. As for CEC, the NOC 2021 list judges jobs given only a NOC 2021 code before 2022-11-16.
FST = FstCriteria(
    work_years=2,
    window_years=5,
    language=LanguageMinimums(listening=5, reading=4, writing=4, speaking=5),
    trades=Table(
        {
            NocVersion.NOC_2016: TradeGroups(included=("72", "73", "82", "92", "632", "633"), confirmed=True),
            NocVersion.NOC_2021: TradeGroups(
                included=("72", "73", "82", "83", "92", "93", "6320", "62200"), excluded=("726", "932"), confirmed=False
            ),
        }
    ),
)

PROGRAMS = ProgramCriteria(fsw=FSW, cec=CEC, fst=FST)

RULES_2015_01_01 = RuleSet(
    id="2015-01-01",
    effective=OPENED,
    summary="Express Entry opens: the launch grid; 600 points for a provincial nomination or arranged employment.",
    changes=frozenset(),
    sources=(
        Source(
            title="IRCC, Comprehensive Ranking System (CRS) criteria - Express Entry",
            url="https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html",
        ),
        Source(
            title="Ministerial Instructions respecting the Express Entry system (in force 2015-01-01), summary",
            url="https://immigration.ca/the-ministerial-instructions-for-the-express-entry-application-management-system/",
        ),
        Source(
            title="CIC News, 2014-12-04: Express Entry details, Comprehensive Ranking System announced",
            url="http://www.cicnews.com/2014/12/express-entry-details-comprehensive-ranking-system-announced-124175.html",
        ),
        Source(
            title="Immigration and Refugee Protection Regulations, ss. 75-83 (FSW), 87.1 (CEC), 87.2 (FST)",
            url="https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-75.html",
        ),
        Source(
            title="FSW, CEC and FST requirements transcribed from canada.ca (research source S57)",
            url="https://github.com/ranjan-expatready/Neuron/blob/66ee25f39985464bf1ae6b383bbe9936c38119bc/domain_knowledge/raw/express_entry/program_rules_sources.md",
        ),
        Source(
            title="CEC language levels by NOC 2016 skill level before 2022-11-16 (research source S74)",
            url="http://vzlaw.ca/EE_03.aspx",
        ),
        Source(
            title="FST: NOC 2016 skilled trade groups as copied from IRCC's page (research source S64)",
            url="https://northsideimmigrationinc.com/federal-skilled-trades",
        ),
    ),
    verified_on=VERIFIED_ON,
    noc_version=NocVersion.NOC_2016,
    evidence=EVIDENCE,
    core=CORE,
    spouse=SPOUSE,
    skill_transferability=SKILL_TRANSFERABILITY,
    additional=ADDITIONAL,
    language=LANGUAGE,
    programs=PROGRAMS,
    program_changes=frozenset(),
)
