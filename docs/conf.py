"""Sphinx configuration for the crsrules documentation.

Build from the project's root with::

    python -m sphinx -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import enum
import importlib.util
import inspect
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from sphinx.application import Sphinx

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# Local extensions (the generated ruleset and language-test tables).
sys.path.insert(0, str(DOCS / "_ext"))
# Use the installed crsrules if there is one; otherwise document the source tree.
if importlib.util.find_spec("crsrules") is None:
    sys.path.insert(0, str(ROOT / "src"))

import crsrules  # noqa: E402 (needs the path set above)


def _release() -> str:
    """The package version; from pyproject.toml when crsrules runs from a source tree that is not installed."""
    if "+unknown" not in crsrules.__version__:
        return crsrules.__version__
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


# -- Project ---------------------------------------------------------------------------------------------------------

project = "crsrules"
author = "The crsrules developers"
copyright = "2026, The crsrules developers"
release = _release()
version = ".".join(release.split(".")[:2])

# -- General ---------------------------------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "rulesets_tables",
    "category_tables",
    "condition_codes",
    "improvement_actions",
    "draws_plot",
    "error_codes",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# reference/_generated/ holds Markdown written at build time and pulled in with {include}; it is not a page itself.
exclude_patterns = ["_build", "reference/_generated", ".DS_Store"]
templates_path: list[str] = []

# Every cross-reference must resolve; CI builds with -W.
nitpicky = True
# No network is available where the docs are built, so intersphinx cannot fetch the Python inventory and these
# standard-library names (used in signatures and docstrings) have no target. Built-in types and typing names resolve
# on their own.
nitpick_ignore = [
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "datetime.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "enum.Enum"),
    ("py:class", "os.PathLike"),
    ("py:class", "pathlib.Path"),
    ("py:class", "random.Random"),
    # datetime.date imported under TYPE_CHECKING only: autodoc can show it only by its bare name.
    ("py:class", "date"),
    # The same for Hypothesis, whose strategies crsrules.testing.strategies returns.
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    # The type variables of the generic table types (Steps[V], Table[K, V], BySpouse[T]): typing internals that are
    # not part of the API and have no page of their own.
    ("py:class", "crsrules.tables.K"),
    ("py:class", "crsrules.tables.T"),
    ("py:class", "crsrules.tables.V"),
]

# Sphinx splits a field type of a union alias (Condition.values: Mapping[str, Value], Condition.details) at its
# commas and looks the halves up as classes; the whole types are documented on the conditions page.
nitpick_ignore_regex = [
    ("py:class", r"collections\.abc\.Mapping\[str"),
    ("py:class", r"tuple\[~crsrules\.conditions\.Detail"),
]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "substitution"]
myst_heading_anchors = 3


def _substitutions() -> dict[str, str]:
    """Numbers quoted in prose, read from the package's rulesets so that the text cannot drift from the data."""
    rulesets = crsrules.available_rulesets()
    first, latest = rulesets[0], rulesets[-1]
    core, spouse, tr, additional = latest.core, latest.spouse, latest.skill_transferability, latest.additional
    french = next(r.additional.french for r in rulesets if r.additional.french is not None)
    french_from = next(r for r in rulesets if r.additional.french is not None)
    human_capital = max(core.cap.without_spouse, core.cap.with_spouse + spouse.cap)
    values: dict[str, object] = {
        "first_id": first.id,
        "latest_id": latest.id,
        "last_known_date": crsrules.rules.LAST_KNOWN_DATE.isoformat(),
        "max_total": f"{human_capital + tr.cap + additional.cap:,}",
        "human_capital_max": human_capital,
        "core_cap_with": core.cap.with_spouse,
        "core_cap_without": core.cap.without_spouse,
        "second_cap_with": core.second_language_cap.with_spouse,
        "second_cap_without": core.second_language_cap.without_spouse,
        "spouse_cap": spouse.cap,
        "group_cap": tr.group_cap,
        "transferability_cap": tr.cap,
        "additional_cap": additional.cap,
        "nomination": additional.provincial_nomination,
        "tier_1_clb": tr.language_tier.steps[0][0],
        "tier_2_clb": tr.language_tier.steps[1][0],
        "first_nomination": first.additional.provincial_nomination,
        "first_job_offer": max(first.additional.arranged_employment.rows.values()),
        "first_additional_cap": first.additional.cap,
        "french_from": french_from.id,
        "french_minimum": french.french_minimum,
        "english_minimum": french.english_minimum,
        "latest_french_weak": additional.french.weak_english if additional.french else 0,
        "latest_french_strong": additional.french.strong_english if additional.french else 0,
    }
    return {name: str(value) for name, value in values.items()}


myst_substitutions = _substitutions()

# -- autodoc and napoleon --------------------------------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- HTML ------------------------------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"crsrules {release}"
html_static_path: list[str] = []

# -- Hooks -----------------------------------------------------------------------------------------------------------


def _no_inline_attribute_types(
    _app: object, what: str, _name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Keep napoleon from reading an attribute's first line ``Foo: bar`` as the type ``Foo``.

    crsrules documents attributes in prose (``#: Senior management: NOC major group 00 ...``) and takes their types
    from annotations. An empty reST comment in front leaves napoleon no colon to split on and renders as nothing.
    """
    first = next((line for line in lines if line.strip()), "")
    if what in {"attribute", "data", "property"} and ":" in first:
        lines[:0] = ["..", ""]


class _Shown:
    """A default value shown in a signature as written (its repr is the text)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _shown(value: object) -> _Shown:
    """How a field's default reads in a signature: ``MaritalStatus.NEVER_MARRIED``, ``()``, ``None``, ``<factory>``."""
    if value is attrs.NOTHING:  # a default made by a factory, at each call
        return _Shown("<factory>")
    if isinstance(value, enum.Enum):
        return _Shown(f"{type(value).__name__}.{value.name}")
    return _Shown(repr(value))


def _attrs_defaults(_app: object, obj: Any, _bound_method: bool) -> None:  # noqa: ANN401 (any documented object)
    """Show the real defaults of an attrs class's generated ``__init__``, not ``attr_dict['spouse'].default``.

    ``autodoc_preserve_defaults`` (which keeps defaults as written in the source, such as ``date(2025, 1, 1)``)
    reads the source attrs generates, whose defaults are all ``attr_dict['<field>'].default``; this hook, which runs
    after it, puts back the defaults themselves.
    """
    code = getattr(obj, "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return
    signature = inspect.signature(obj)
    names = [p.name for p in signature.parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    given = obj.__defaults__ or ()
    defaults = dict(zip(names[len(names) - len(given) :], given, strict=True))
    defaults |= obj.__kwdefaults__ or {}
    parameters = [p.replace(default=_shown(defaults[p.name])) if p.name in defaults else p
                  for p in signature.parameters.values()]  # fmt: skip
    obj.__signature__ = signature.replace(parameters=parameters)


def setup(app: Sphinx) -> None:
    """Register the hooks (before napoleon's, which run at the default priority 500)."""
    app.connect("autodoc-process-docstring", _no_inline_attribute_types, priority=400)
    app.connect("autodoc-before-process-signature", _attrs_defaults)
