"""Score the same factors under every ruleset since 2015 and show what moved."""

import crsrules
from crsrules import ArrangedEmployment, CanadianEducation, Education, Factors, LanguageLevels, OfficialLanguage

factors = Factors(
    age=31,
    education=Education.BACHELORS,
    first_language=LanguageLevels(language=OfficialLanguage.FRENCH, listening=8, reading=8, writing=7, speaking=8),
    second_language=LanguageLevels(language=OfficialLanguage.ENGLISH, listening=7, reading=6, writing=6, speaking=7),
    canadian_work_years=1,
    arranged_employment=ArrangedEmployment.OTHER_SKILLED,
    canadian_education=CanadianEducation.THREE_YEARS_OR_MORE,
)

previous = None
for ruleset in crsrules.available_rulesets():
    breakdown = crsrules.score(factors, rules=ruleset)
    moved = ""
    if previous is not None:
        before, after = previous.by_factor, breakdown.by_factor
        moved = ", ".join(f"{f.value} {before[f]} -> {after[f]}" for f in after if before[f] != after[f])
    print(f"{ruleset.id}  {breakdown.total:>4}  {moved}")
    previous = breakdown
