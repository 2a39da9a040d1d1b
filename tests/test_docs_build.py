"""The documentation tells the truth about the package (issue 10, item 6).

Signatures render (one small Sphinx build with the project's own configuration), the errors page names every
exception and every error code, every field has a description that the JSON Schema carries, and the project's URLs
point at files that exist.
"""

import importlib
import pkgutil
import re
import subprocess
import sys
import textwrap
import tomllib
from html import unescape
from pathlib import Path

import attrs
import pytest

import crsrules
import crsrules.rules
from crsrules.errors import ERROR_CODES, CRSRulesError
from crsrules.schema import candidate_schema, factors_schema

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
ERRORS_PAGE = DOCS / "reference" / "errors.md"


def _public_attrs_classes():
    names = [(f"crsrules.{n}", getattr(crsrules, n)) for n in crsrules.__all__]
    names += [(f"crsrules.rules.{n}", getattr(crsrules.rules, n)) for n in crsrules.rules.__all__]
    names += [(f"crsrules.draws.{n}", getattr(crsrules.draws, n)) for n in crsrules.draws.__all__]
    return sorted({name: cls for name, cls in names if isinstance(cls, type) and attrs.has(cls)}.items())


def test_attrs_signatures_show_their_defaults(tmp_path):
    """autodoc_preserve_defaults rendered 10 signatures as ``attr_dict['spouse'].default``: the real defaults show.

    One page with every public attrs class, built with docs/conf.py's settings and hooks (its extensions that
    generate pages left out), in a few seconds.
    """
    pytest.importorskip("sphinx")
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text(textwrap.dedent(f"""
        import runpy
        globals().update({{k: v for k, v in runpy.run_path({str(DOCS / "conf.py")!r}).items()
                           if not k.startswith("__")}})
        extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon"]
        source_suffix = {{".rst": "restructuredtext"}}
        html_theme = "basic"
        nitpicky = False
    """), encoding="utf-8")  # fmt: skip
    classes = _public_attrs_classes()
    body = "\n".join(f".. autoclass:: {name}\n   :no-index:\n" for name, _ in classes)
    (source / "index.rst").write_text(f"Signatures\n==========\n\n{body}", encoding="utf-8")
    out = tmp_path / "html"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(out)]
    env = {"PYTHONPATH": str(Path(crsrules.__file__).parents[1]), "PATH": ""}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=120)  # noqa: S603
    assert 0 == result.returncode, result.stderr
    html = unescape(re.sub(r"<[^>]+>", "", (out / "index.html").read_text(encoding="utf-8")))
    assert len(classes) >= 30
    assert "attr_dict" not in html
    assert "marital_status: MaritalStatus | str = MaritalStatus.NEVER_MARRIED" in html
    assert "jobs: Iterable[Job] = ()" in html
    assert re.search(r"categories: [^=]*= <factory>", html)


def _all_errors():
    for module in pkgutil.walk_packages(crsrules.__path__, "crsrules."):
        # The command's own exceptions never reach a caller; __main__ runs the command.
        if not module.name.startswith(("crsrules.cli", "crsrules.__main__")):
            importlib.import_module(module.name)
    found, pending = set(), [CRSRulesError]
    while pending:
        cls = pending.pop()
        found.add(cls)
        pending.extend(cls.__subclasses__())
    return {cls.__name__ for cls in found if not cls.__name__.startswith("_")}


def test_the_errors_page_names_every_exception_and_only_those():
    """Each CRSRulesError subclass is on the errors page (as a cross-reference), and each one there exists."""
    page = ERRORS_PAGE.read_text(encoding="utf-8")
    documented = set(re.findall(r"\{py:(?:exc|class)\}`~?crsrules(?:\.\w+)*\.(\w+Error)`", page))
    assert _all_errors() == documented
    tree = set(re.findall(r"[├└]── (\w+Error)", page))
    assert _all_errors() == tree


def test_the_errors_page_lists_every_error_code():
    """The codes are API: the page includes the list generated from ERROR_CODES, which has every code."""
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        error_codes = importlib.import_module("error_codes")
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    table = error_codes.render_error_codes()
    assert set(ERROR_CODES) == set(re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE))
    assert "_generated/error-codes.md" in ERRORS_PAGE.read_text(encoding="utf-8")


def test_every_field_of_the_input_files_is_described():
    """`crsrules schema candidate` described 3 of 12 Candidate fields: every property now has a description."""
    for schema in (candidate_schema(), factors_schema()):
        objects = [schema, *schema["$defs"].values()]
        missing = [name for o in objects for name, p in o.get("properties", {}).items() if "description" not in p]
        assert [] == missing


CLASSES = _public_attrs_classes()


@pytest.mark.parametrize(("name", "cls"), CLASSES, ids=[name for name, _ in CLASSES])
def test_every_field_of_every_public_class_is_described(name, cls):
    """Each field has a description: a ``#:`` comment (which autodoc and the schema show) or an Attributes entry."""
    from crsrules.schema import _comments

    described = _comments(cls)
    listed = cls.__doc__ or ""
    assert [] == [a.name for a in attrs.fields(cls) if a.name not in described and f"{a.name}:" not in listed], name


def test_the_project_urls_point_at_files_of_this_repository():
    """Documentation and Changelog point into the repository, at a folder and a file that exist."""
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert {"Documentation", "Changelog", "Source"} <= set(urls)
    repository = urls["Source"]
    for url in urls.values():
        assert url.startswith(repository)
        found = re.fullmatch(re.escape(repository) + r"(?:/(?:tree|blob)/main/(.+))?", url)
        assert found is not None, url
        assert found.group(1) is None or (ROOT / found.group(1)).exists(), url
