"""Policy version of 2024-01-30: PTE Core accepted for Express Entry.

PTE Core (not PTE Academic) counts for tests taken from 2024-01-30, converted with IRCC's chart. The CRS grid is
unchanged.
"""

from __future__ import annotations

from datetime import date

from crsrules.language_tests import LanguageTest
from crsrules.rules import y2023
from crsrules.rules._language import LANGUAGE_FACTORS, Chart
from crsrules.rules._programs import LANGUAGE_PROGRAMS
from crsrules.rules._ruleset import Source

PTE_CORE_ACCEPTED = date(2024, 1, 30)

# PTE Core -> CLB: IRCC chart (S33, S78), as in S53, S54; reference 6.4. IRCC's CLB 3 row is left out (no CRS effect).
PTE_CORE = Chart.on_scales(
    LanguageTest.PTE_CORE,
    {
        "reading": ((33, 4), (42, 5), (51, 6), (60, 7), (69, 8), (78, 9), (88, 10)),
        "writing": ((41, 4), (51, 5), (60, 6), (69, 7), (79, 8), (88, 9), (90, 10)),
        "listening": ((28, 4), (39, 5), (50, 6), (60, 7), (71, 8), (82, 9), (89, 10)),
        "speaking": ((42, 4), (51, 5), (59, 6), (68, 7), (76, 8), (84, 9), (89, 10)),
    },
)

RULES_2024_01_30 = y2023.RULES_2023_12_11.derive(
    id="2024-01-30",
    effective=PTE_CORE_ACCEPTED,
    summary="PTE Core accepted for tests from this day; the CRS grid is unchanged.",
    changes=LANGUAGE_FACTORS,
    program_changes=LANGUAGE_PROGRAMS,
    language_changes=frozenset({LanguageTest.PTE_CORE}),
    sources=(
        Source(
            title="IRCC opens doors to immigration aspirants with acceptance of PTE Core (Pelican Migration)",
            url="https://pelicanmigration.com/ircc-opens-doors-to-immigration-aspirants-with-acceptance-of-pearson-test-of-english-pte-core/",
        ),
        Source(title="PTE Core accepted for Canada PR (Maple News)", url="https://maplenews.org/?p=2386"),
        Source(
            title="canada.ca, Francophone Community Immigration Pilot: get your language assessed (PTE Core chart)",
            url="https://canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/rural-franco-pilots/franco-immigration/eligibility/language-test.html",
        ),
    ),
    verified_on=date(2026, 11, 25),
    language=y2023.RULES_2023_12_11.language.designate(
        LanguageTest.PTE_CORE, accepted_from=PTE_CORE_ACCEPTED, chart=PTE_CORE
    ),
)
