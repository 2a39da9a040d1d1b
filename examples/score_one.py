"""Score one candidate's factors under the rules in force on a date, and print the breakdown."""

from datetime import date

import crsrules
from crsrules import Education, Factors, LanguageTest
from crsrules.language import convert

english = convert(
    LanguageTest.IELTS_GENERAL, listening=8.5, reading=7.0, writing=7.0, speaking=7.5, tested_on=date(2025, 9, 13)
)
factors = Factors(age=29, education=Education.MASTERS, first_language=english, foreign_work_years=3)

breakdown = crsrules.score(factors, on=date(2026, 3, 1))
print(f"CRS {breakdown.total} under ruleset {breakdown.rules_id}")
for line in breakdown.lines:
    print(f"  {line.section.value:<22} {line.factor.value:<28} {line.points:>4}  {line.detail}")
