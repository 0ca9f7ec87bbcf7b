"""Writing files so that a reader never sees half of one, and naming files after document ids.

:func:`atomic_write` writes to a temporary file in the target's folder, flushes and fsyncs it,
then renames it over the target with :func:`os.replace`: the target is either the old complete
file or the new complete file, never a mixture. :func:`safe_file_stem` turns an arbitrary
document id into a file name that stays inside the folder it is joined to.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

_UNSAFE = re.compile(r"[^\w.\-]+")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}
MAX_STEM = 80


def check_target(path: Path) -> None:
    """OSError (with a reason for the user) if ``path`` exists and is not a regular file to replace.

    Renaming over a folder fails only after everything was written; renaming over a device or a
    FIFO (``/dev/full``, as root) would replace the device itself.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "that is a folder", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "that is not a regular file (a device, a FIFO or a socket)", str(path))


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on normal exit it replaces ``path`` atomically, on error it is removed."""
    path = Path(path)
    check_target(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, ordinary_file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def ordinary_file_mode(path: Path) -> int:
    """The mode a new file would get (mkstemp makes private 0600 files): the old file's, or 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temporary file, fsync, rename)."""
    with atomic_writer(path) as handle:
        handle.write(data)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), hence optional.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def safe_file_stem(doc_id: str) -> str:
    """A file-name stem derived from ``doc_id`` that cannot leave its folder.

    Path separators, NUL, control and format characters and other punctuation become ``_``;
    leading and trailing dots are removed (no ``..``, no hidden files); Windows device names get
    a ``_`` prefix; long ids are cut. When anything was changed, a short hash of the original id
    is appended so that two different ids do not end up with the same name.
    """
    stem = unicodedata.normalize("NFC", doc_id)
    stem = "".join("_" if unicodedata.category(ch)[0] == "C" else ch for ch in stem)
    stem = _UNSAFE.sub("_", stem).strip("._ ")
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    if len(stem) > MAX_STEM:
        stem = stem[:MAX_STEM]
    if stem != doc_id or not stem:
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        stem = f"{stem}-{digest}" if stem else f"doc-{digest}"
    return stem


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any result that does not lie directly in ``folder``."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise ValueError(f"refusing to write outside {folder}: {name!r}")
    return target


def replace_folder_files(target: Path, contents: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write named files into the folder ``target``: all of them, or none.

    Every file is first written and synced in a new hidden folder beside ``target``; only then
    are they renamed into it (renames within one file system cannot run out of space, and a name
    already in ``target`` that is a link is replaced as a link, never followed). A failure before
    that leaves ``target`` as it was and removes the hidden folder.
    """
    target = Path(target)
    if os.path.lexists(target) and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "that is a file, not a folder", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        staged = []
        for name, data in contents:
            path = inside(staging, name)
            with open(path, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append(path.name)
        if not os.path.lexists(target):
            staging.chmod(ordinary_file_mode(target) | 0o111)
            os.rename(staging, target)
            _fsync_folder(target.parent)
            return [target / name for name in staged]
        for name in staged:
            os.replace(staging / name, target / name)
        _fsync_folder(target)
        return [target / name for name in staged]
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def write_jsonl(path: Path, rows: Iterable[Any]) -> int:
    """Write one JSON line per row (UTF-8, ensure_ascii=False), atomically; return the number of lines."""
    count = 0
    with atomic_writer(Path(path)) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, allow_nan=False).encode("utf-8"))
            handle.write(b"\n")
            count += 1
    return count
