"""``python -m crsrules.cli``: the same as the ``crsrules`` command."""

from crsrules.cli import run

run()
