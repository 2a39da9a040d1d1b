"""Data files shipped with crsrules, read with :mod:`importlib.resources`; README.md gives each file's provenance."""
