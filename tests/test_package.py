"""Package metadata: the public API resolves, is sorted, and the package is typed."""

from importlib.metadata import version
from pathlib import Path

import crsrules


def test_every_public_name_resolves_and_all_is_sorted():
    """__all__ is sorted and every name in it exists."""
    assert sorted(crsrules.__all__) == crsrules.__all__
    for name in crsrules.__all__:
        assert hasattr(crsrules, name), name


def test_version_comes_from_the_installed_metadata():
    """crsrules.__version__ is the installed distribution's version."""
    assert version("crsrules") == crsrules.__version__


def test_the_package_is_typed():
    """py.typed ships beside the package (PEP 561)."""
    assert (Path(crsrules.__file__).parent / "py.typed").is_file()


def test_every_error_is_a_crsrules_error_and_a_builtin():
    """Each exception class derives from CRSRulesError and a built-in error class."""
    errors = [getattr(crsrules, n) for n in crsrules.__all__ if n.endswith("Error") and n != "CRSRulesError"]
    assert errors
    for cls in errors:
        assert issubclass(cls, crsrules.CRSRulesError)
        assert issubclass(cls, ValueError | LookupError | TypeError)
