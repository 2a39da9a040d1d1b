"""``crsrules --version``: the installed version (from the package metadata, read only when asked) and the rules'.

Not public API: the command line is.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version

from crsrules.rules import LAST_KNOWN_DATE, available_rulesets


def version_text() -> str:
    """What ``crsrules --version`` prints: the installed version, the newest ruleset and the rules' last check."""
    try:
        number = installed_version("crsrules")
    except PackageNotFoundError:  # a source tree that is not installed
        number = "(not installed: run from a source tree)"
    latest = available_rulesets()[-1]
    return (f"crsrules {number}\nnewest policy version {latest.id}, rules checked up to "
            f"{LAST_KNOWN_DATE.isoformat()}\n")  # fmt: skip
