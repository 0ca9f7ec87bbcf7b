"""What ``--db`` may name: a regular file, or a path that does not exist yet (DESIGN.md section 5).

Everything here looks at the file system's record of the path (lstat, stat, access), never at
the file's contents: a device, a FIFO, a folder or a dangling link is refused before anything
opens it, and a read-only project is refused by its mode bits too, since root may write anything.
"""

from __future__ import annotations

import os
import stat
from enum import Enum
from pathlib import Path

from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, Said, said

LOG_SUFFIXES = ("-wal", "-shm", "-journal")


class PathState(Enum):
    MISSING = "missing"  # nothing there: a new project is created
    EMPTY = "empty"  # an empty regular file: nothing to lose, it becomes a new project
    FILE = "file"  # a regular file with content: it must be a Hashiya project


def _kind(mode: int) -> Said:
    if stat.S_ISDIR(mode):
        return said(QT_TRANSLATE_NOOP("Said", "a folder"))
    if stat.S_ISCHR(mode):
        return said(QT_TRANSLATE_NOOP("Said", "a character device"))
    if stat.S_ISBLK(mode):
        return said(QT_TRANSLATE_NOOP("Said", "a block device"))
    if stat.S_ISFIFO(mode):
        return said(QT_TRANSLATE_NOOP("Said", "a named pipe (FIFO)"))
    if stat.S_ISSOCK(mode):
        return said(QT_TRANSLATE_NOOP("Said", "a socket"))
    return said(QT_TRANSLATE_NOOP("Said", "not a regular file"))


def project_path_state(path: Path) -> PathState:
    """Whether ``path`` names nothing yet, an empty file or a file; ProjectError for anything else."""
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return PathState.MISSING
    except OSError as error:
        template = QT_TRANSLATE_NOOP("Said", "{path} cannot be looked at ({error}).")
        raise ProjectError(said(template, path=path, error=error.strerror or error)) from None
    is_link = stat.S_ISLNK(link.st_mode)
    try:
        target = os.stat(path)
    except OSError:
        template = QT_TRANSLATE_NOOP(
            "Said",
            "{path} is a link to {target}, which does not exist; a project must be a regular file or a new name.",
        )
        raise ProjectError(said(template, path=path, target=repr(os.readlink(path)))) from None
    if not stat.S_ISREG(target.st_mode):
        if is_link:
            template = QT_TRANSLATE_NOOP(
                "Said", "{path} is {kind} (through a link), not a project file; it was left alone."
            )
        else:
            template = QT_TRANSLATE_NOOP("Said", "{path} is {kind}, not a project file; it was left alone.")
        raise ProjectError(said(template, path=path, kind=_kind(target.st_mode)))
    if target.st_size == 0:
        if is_link:
            template = QT_TRANSLATE_NOOP(
                "Said",
                "{path} is a link to an empty file; a new project is only made at a new name or in an "
                "empty regular file. It was left alone.",
            )
            raise ProjectError(said(template, path=path))
        return PathState.EMPTY
    return PathState.FILE


def writable_by_mode(path: Path) -> bool:
    """Whether the file, its folder and the logs beside it may be written.

    access() says yes to root for any file, so the mode bits are asked too: a project someone made
    read-only (chmod a-w) stays read-only for root. An immutable log (chattr +i) fails access()
    even for root; SQLite would map it and die on the first write to it.
    """
    resolved = path.resolve()
    writable_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    try:
        if not os.stat(resolved).st_mode & writable_bits or not os.stat(resolved.parent).st_mode & writable_bits:
            return False
    except OSError:
        return False
    if not (os.access(resolved, os.W_OK) and os.access(resolved.parent, os.W_OK)):
        return False
    for suffix in LOG_SUFFIXES:
        log = resolved.with_name(resolved.name + suffix)
        if os.path.lexists(log) and not os.access(log, os.W_OK):
            return False
    return True
