"""Write tests/data/ee_rounds_123_en.trimmed.json: a few rounds of IRCC's rounds feed, verbatim, for the tests.

The shared copy of the feed (``../shared/data/feeds/ee_rounds_123_en.2026-08-20.json``) is beside the clone on the
project's machines and in CI, but not in every checkout; the trimmed copy keeps the feed reader tested without it.
It holds the rounds listed below, chosen so that every round name, every spelling of a date or a time, and every
known oddity of the feed appears at least once. Each round object is the shared copy's, key for key and value for
value (the JSON is re-indented), in the feed's order, newest first.

Run ``python scripts/trim_feed.py`` only to change the choice of rounds; tests/unit/test_feed.py checks that every
round of the trimmed copy is the shared copy's.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared" / "data" / "feeds" / "ee_rounds_123_en.2026-08-20.json"
TRIMMED = ROOT / "tests" / "data" / "ee_rounds_123_en.trimmed.json"

ROUNDS = (
    # Round 1 and the first rounds: no tie-breaking time, all-zero distributions; evening rounds (UTC next day).
    "1", "2", "7", "38", "54",
    # Same-day pairs; ", at" spellings; the first published tie-breaking time; a leading space.
    "63", "64", "75", "76", "77", "82",
    # 91a and 91b; a round dated the day before its round time; an evening round with a tie-break the next day.
    "91a", "91b", "104", "139",
    # A tie-breaking time without a year; a stray PM; the last all-zero and the first published distribution.
    "208", "210", "213", "214", "215",
    # Zero distributions after the first published one; the rounds of DD-MM-YYYY dates in early copies.
    "221", "223", "224", "226", "227", "233", "237", "240", "242", "244", "246",
    # A distribution that does not add up; the first category rounds; the renamed 2023 categories.
    "247", "252", "253", "254", "255", "256", "258", "261", "262", "264", "267", "270", "277",
    # A General round; a STEM round; an ISO date inside a round time; "March 02."; round 335's corrected tie-break.
    "272", "293", "297", "310", "322", "333", "335",
    # The 2025 and 2026 category versions and their spellings of times.
    "344", "345", "357", "368", "373", "382", "383", "386", "394", "397", "398", "402", "408", "412", "422",
    "430", "432", "434", "437",
)  # fmt: skip


def main() -> None:
    """Write the trimmed copy from the shared one."""
    feed = json.loads(SHARED.read_text(encoding="utf-8"))
    wanted = set(ROUNDS)
    rounds = [r for r in feed["rounds"] if r["drawNumber"] in wanted]
    missing = wanted - {r["drawNumber"] for r in rounds}
    if missing:
        msg = f"not in the shared copy: {sorted(missing)}"
        raise SystemExit(msg)
    trimmed = {"classes": feed["classes"], "rounds": rounds}
    TRIMMED.write_text(json.dumps(trimmed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{TRIMMED}: {len(rounds)} rounds")


if __name__ == "__main__":
    main()
