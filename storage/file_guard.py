"""Whether the project file an open connection writes to is still the one on disk, locked by this process.

SQLite keeps its locks as POSIX record locks, which belong to the whole process: opening and closing
the project file by any other descriptor drops them all. Another program then believes it is the
last user, folds the write-ahead log into the file and deletes it, and this connection's later
commits go into a deleted file. The same happens when the folder or the log is deleted under a
running program. ``ProjectFiles`` remembers the file, its folder and its log as they were when the
project was opened, and tells (before an edit is acknowledged) whether any of that has changed.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from annotator.said import QT_TRANSLATE_NOOP, Said, said

PROC_LOCKS = Path("/proc/locks")
SELF_DESCRIPTORS = Path("/proc/self/fd")
SELF_DESCRIPTOR_INFO = Path("/proc/self/fdinfo")


class Trouble(Enum):
    """What went wrong, from the mildest (the files are intact, only the locks are gone) on."""

    LOCKS_LOST = "locks"
    LOG_GONE = "log"
    FILE_GONE = "file"


@dataclass(frozen=True)
class Problem:
    trouble: Trouble
    message: Said


@dataclass(frozen=True)
class Identity:
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> Identity | None:
        try:
            status = os.stat(path)
        except OSError:
            return None
        return cls(status.st_dev, status.st_ino)

    def proc_locks_key(self) -> str:
        """How /proc/locks names this file: major:minor in hex, then the inode."""
        return f"{os.major(self.device):02x}:{os.minor(self.device):02x}:{self.inode}"


def locks_readable() -> bool:
    return sys.platform.startswith("linux") and os.access(PROC_LOCKS, os.R_OK)


def held_locks(identity: Identity, pid: int | None = None) -> list[str]:
    """The POSIX locks process ``pid`` (this one by default) holds on the file, as /proc/locks lists them.

    Reading /proc/locks makes the kernel wait for a grace period of its lock tables (8 to 16 ms on a
    quiet machine): fine for a test looking at another process, too slow before every edit, which
    uses ``OwnLocks`` instead.
    """
    owner = str(os.getpid() if pid is None else pid)
    key = identity.proc_locks_key()
    try:
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return []
    return [line for line in lines if _is_posix_lock_of(line.split(), owner, key)]


def _is_posix_lock_of(fields: list[str], owner: str, key: str) -> bool:
    # "1: POSIX  ADVISORY  READ 1234 fe:00:5678 1073741826 1073742335"; a waiting one has "->" in field 1.
    return len(fields) >= 6 and fields[1] == "POSIX" and fields[4] == owner and fields[5] == key


class OwnLocks:
    """This process's POSIX locks on one file, read from the descriptors SQLite holds open on it.

    ``/proc/self/fdinfo/N`` lists the locks taken through descriptor N, without the kernel-wide wait
    that /proc/locks costs. Descriptors are found by ``fstat`` (which opens nothing) and kept while
    they still name the file.
    """

    def __init__(self, identity: Identity) -> None:
        self.identity = identity
        self._descriptors: list[int] = []

    def held(self) -> bool:
        if self._locked_through(self._descriptors):
            return True
        self._descriptors = self._open_on_file()
        return self._locked_through(self._descriptors)

    def _open_on_file(self) -> list[int]:
        try:
            names = os.listdir(SELF_DESCRIPTORS)
        except OSError:
            return []
        return [int(name) for name in names if name.isdigit() and self._names_file(int(name))]

    def _names_file(self, descriptor: int) -> bool:
        try:
            status = os.fstat(descriptor)
        except OSError:
            return False
        return (status.st_dev, status.st_ino) == (self.identity.device, self.identity.inode)

    def _locked_through(self, descriptors: list[int]) -> bool:
        owner, key = str(os.getpid()), self.identity.proc_locks_key()
        for descriptor in descriptors:
            if not self._names_file(descriptor):
                continue
            try:
                with open(SELF_DESCRIPTOR_INFO / str(descriptor), "rb") as info:
                    lines = info.read().decode("ascii", "replace").splitlines()
            except OSError:
                continue
            # "lock:\t1: POSIX  ADVISORY  READ 1234 fe:00:5678 1073741826 1073742335"
            if any(_is_posix_lock_of(line.split()[1:], owner, key) for line in lines if line.startswith("lock:")):
                return True
        return False


class ProjectFiles:
    """The project file, its folder and its log as a connection opened them."""

    def __init__(self, path: Path) -> None:
        self.path = path.absolute()
        self.log = self.path.with_name(self.path.name + "-wal")
        self.file = Identity.of(self.path)
        self.folder = Identity.of(self.path.parent)
        self.log_file = Identity.of(self.log)
        self.own_locks = OwnLocks(self.file) if locks_readable() and self.file is not None else None

    def problem(self) -> Problem | None:
        """What has changed since the project was opened, in words for the analyst; None if nothing."""
        path = self.path
        if Identity.of(path.parent) != self.folder:
            return Problem(
                Trouble.FILE_GONE,
                said(
                    QT_TRANSLATE_NOOP(
                        "Said",
                        "The folder holding {path} was deleted, moved or replaced while the project was open, "
                        "so this change was not saved. Save a copy of the project (File > Save a Copy) to keep "
                        "what is still open here.",
                    ),
                    path=path,
                ),
            )
        if Identity.of(path) != self.file:
            return Problem(
                Trouble.FILE_GONE,
                said(
                    QT_TRANSLATE_NOOP(
                        "Said",
                        "{path} was deleted, moved or replaced by another program while it was open here, so this "
                        "change was not saved. Save a copy of the project (File > Save a Copy) to keep what is still "
                        "open here.",
                    ),
                    path=path,
                ),
            )
        locked = self.own_locks is None or self.own_locks.held()
        if self.log_file is not None and Identity.of(self.log) != self.log_file:
            if locked:
                template = QT_TRANSLATE_NOOP(
                    "Said",
                    "In {folder}, the log beside it ({log}) was deleted or replaced by another program, "
                    "so this change was not saved.",
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "Said",
                    "This program no longer holds its lock on {path} (something in it opened the file another way), "
                    "and the log beside it ({log}) was deleted or replaced by another program, "
                    "so this change was not saved.",
                )
            return Problem(Trouble.LOG_GONE, said(template, path=path, folder=path.parent, log=self.log.name))
        if not locked:
            return Problem(
                Trouble.LOCKS_LOST,
                said(
                    QT_TRANSLATE_NOOP(
                        "Said",
                        "This program no longer holds its lock on {path} (something in it opened the file "
                        "another way), so this change was not saved.",
                    ),
                    path=path,
                ),
            )
        return None
