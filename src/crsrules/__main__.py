"""``python -m crsrules``: the same as the ``crsrules`` command."""

from crsrules.cli import run

run()
