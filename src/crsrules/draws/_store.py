"""The user data folder, where ``crsrules data update`` keeps rounds data newer than the package's.

The folder holds two CSV files in the package's formats, named by their content's hash, and ``manifest.json``, which
names them with their SHA-256, size and number of rows, and says which feed they come from. A write is atomic: the
CSV files are written under new names (each to a temporary file in the folder, flushed to disk, then renamed), and
the manifest is replaced last, in one rename; until then the previous manifest and its files are untouched. A crash
or a full disk at any point leaves either the previous data or the new data, never a mix.

Reading checks the manifest and every file's size and hash: a folder that fails (edited by hand, a disk error, a
manifest of another format) is ignored with a :class:`UserDataWarning`, and crsrules uses the package data.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Final

import platformdirs
from attrs import frozen

from crsrules.errors import CRSRulesError, UserDataWarning

__all__ = ["DATA_DIR_ENV", "DataFolderError", "UserDataWarning", "data_dir"]

#: The environment variable that names the user data folder instead of platformdirs' user data folder.
DATA_DIR_ENV: Final = "CRSRULES_DATA_DIR"
MANIFEST: Final = "manifest.json"
#: The manifest's format; a manifest of another format is ignored (written by a newer crsrules).
FORMAT: Final = 1
ROUNDS: Final = "rounds"
POOL: Final = "pool distributions"
_STEMS: Final = {ROUNDS: "express-entry-rounds", POOL: "express-entry-pool-distribution"}
# A file named by the manifest: a plain name in the folder, never a path elsewhere.
_FILE_NAME = re.compile(r"(express-entry-rounds|express-entry-pool-distribution)\.[0-9a-f]{16}\.csv")
# Bounds that no genuine folder comes near (the package's two files hold 190 KB), so that reading a damaged or hostile
# folder stays bounded.
_MAX_MANIFEST_BYTES = 1_000_000
_MAX_FILE_BYTES = 50_000_000
_TEMP_PREFIX = ".crsrules-tmp-"


class DataFolderError(CRSRulesError, ValueError):
    """The user data folder cannot be written (no permission, a full disk); the data in it is unchanged.

    .. versionadded:: 0.2.0
    """


class CorruptFolderError(Exception):
    """A data folder that exists but cannot be used; the message says why (internal: it becomes a warning)."""


def data_dir() -> Path:
    r"""The user data folder: ``$CRSRULES_DATA_DIR`` if set, else platformdirs' user data folder for ``crsrules``.

    Such as ``~/.local/share/crsrules`` on Linux, ``~/Library/Application Support/crsrules`` on macOS and
    ``%LOCALAPPDATA%\\crsrules`` on Windows. It need not exist.

    .. versionadded:: 0.2.0
    """
    setting = os.environ.get(DATA_DIR_ENV)
    if setting:
        return Path(setting)
    return Path(platformdirs.user_data_dir("crsrules", appauthor=False))


@frozen(kw_only=True)
class Stored:
    """The checked contents of a user data folder."""

    folder: Path
    manifest: Mapping[str, Any]
    rounds_text: str
    pool_text: str
    feed_date: date
    provenance: str


def sha256(text: str) -> str:
    """The SHA-256 of *text* in UTF-8, in hexadecimal."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_folder(folder: Path) -> Stored | None:
    """The data in *folder*, checked; None if the folder has no manifest (never written by crsrules).

    Raises:
        CorruptFolderError: The folder has a manifest, but it or a file it names cannot be used.
    """
    path = folder / MANIFEST
    try:
        with path.open("rb") as file:
            raw = file.read(_MAX_MANIFEST_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        msg = f"cannot read {path}: {exc.strerror or exc}"
        raise CorruptFolderError(msg) from None
    if len(raw) > _MAX_MANIFEST_BYTES:
        msg = f"{path} is larger than {_MAX_MANIFEST_BYTES:,} bytes"
        raise CorruptFolderError(msg)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        msg = f"{path} is not valid JSON"
        raise CorruptFolderError(msg) from None
    if not isinstance(manifest, dict):
        msg = f"{path} is not a JSON object"
        raise CorruptFolderError(msg)
    if manifest.get("format") != FORMAT:
        msg = f"{path} is of format {manifest.get('format')!r}, not {FORMAT} (written by another crsrules version?)"
        raise CorruptFolderError(msg)
    files = manifest.get("files")
    if not isinstance(files, dict):
        msg = f"{path} has no 'files' object"
        raise CorruptFolderError(msg)
    texts = {name: _checked_file(folder, path, name, files.get(name)) for name in (ROUNDS, POOL)}
    feed_date = manifest.get("feed_date")
    provenance = manifest.get("provenance")
    try:
        day = date.fromisoformat(feed_date) if isinstance(feed_date, str) else None
    except ValueError:
        day = None
    if day is None or not isinstance(provenance, str) or not provenance.strip():
        msg = f"{path} has no valid 'feed_date' (an ISO date) and 'provenance'"
        raise CorruptFolderError(msg)
    return Stored(
        folder=folder,
        manifest=manifest,
        rounds_text=texts[ROUNDS],
        pool_text=texts[POOL],
        feed_date=day,
        provenance=provenance,
    )


def _checked_file(folder: Path, manifest_path: Path, what: str, entry: object) -> str:
    """The text of the file the manifest names for *what*, once its size and SHA-256 match the manifest's."""
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("name", "sha256")):
        msg = f"{manifest_path} does not name the {what} file with its 'name' and 'sha256'"
        raise CorruptFolderError(msg)
    name: str = entry["name"]
    if _FILE_NAME.fullmatch(name) is None:
        msg = f"{manifest_path} names the {what} file {name[:80]!r}, not a file crsrules writes"
        raise CorruptFolderError(msg)
    path = folder / name
    try:
        with path.open("rb") as file:
            raw = file.read(_MAX_FILE_BYTES + 1)
    except OSError as exc:
        msg = f"the {what} file {path} cannot be read: {exc.strerror or exc}"
        raise CorruptFolderError(msg) from None
    expected: str = entry["sha256"]
    if len(raw) > _MAX_FILE_BYTES or hashlib.sha256(raw).hexdigest() != expected:
        msg = f"the {what} file {path} has changed since crsrules wrote it (its SHA-256 is not the manifest's)"
        raise CorruptFolderError(msg)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # pragma: no cover (the hash matched what crsrules wrote, which is UTF-8)
        msg = f"the {what} file {path} is not UTF-8"
        raise CorruptFolderError(msg) from None


def write_folder(folder: Path, rounds_text: str, pool_text: str, manifest: dict[str, Any]) -> None:
    """Write the data into *folder* atomically: the files first, under new names, then the manifest that names them.

    *manifest* gets its ``format`` and ``files`` entries here.

    Raises:
        DataFolderError: The folder cannot be created or written; what was there before is unchanged.
    """
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[str, dict[str, object]] = {}
        names: set[str] = set()
        for what, text in ((ROUNDS, rounds_text), (POOL, pool_text)):
            digest = sha256(text)
            name = f"{_STEMS[what]}.{digest[:16]}.csv"
            target = folder / name
            if not _has_content(target, digest):
                _write_atomically(target, text)
                written.append(target)
            names.add(name)
            files[what] = {"name": name, "sha256": digest, "bytes": len(text.encode("utf-8")), "rows": _rows(text)}
        content = json.dumps({"format": FORMAT, **manifest, "files": files}, indent=2, ensure_ascii=False) + "\n"
        _write_atomically(folder / MANIFEST, content)
    except OSError as exc:
        for path in written:  # files no manifest names: the previous manifest still names the previous files
            with contextlib.suppress(OSError):
                path.unlink()
        msg = f"cannot write the data folder {folder}: {exc.strerror or exc}; the data in it is unchanged"
        raise DataFolderError(msg) from None
    _remove_unused(folder, names)


def _has_content(path: Path, digest: str) -> bool:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == digest
    except OSError:
        return False


def _rows(text: str) -> int:
    """The number of data rows of a CSV text written by crsrules (one line each, after the header)."""
    return max(text.count("\n") - 1, 0)


def _write_atomically(target: Path, text: str) -> None:
    """Write *text* to a temporary file beside *target*, flush it to disk, then rename it to *target*."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=_TEMP_PREFIX)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries (the rename) to disk, where the system allows it (not on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover (Windows cannot open a folder)
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def _remove_unused(folder: Path, keep: set[str]) -> None:
    """Remove the data files of earlier writes, which the manifest no longer names (best effort)."""
    for path in folder.iterdir():
        if _FILE_NAME.fullmatch(path.name) is not None and path.name not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
