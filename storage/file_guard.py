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

PROC_LOCKS = Path("/proc/locks")


class Trouble(Enum):
    """What went wrong, from the mildest (the files are intact, only the locks are gone) on."""

    LOCKS_LOST = "locks"
    LOG_GONE = "log"
    FILE_GONE = "file"


@dataclass(frozen=True)
class Problem:
    trouble: Trouble
    message: str


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
    """The POSIX locks process ``pid`` (this one by default) holds on the file, as /proc/locks lists them."""
    owner = str(os.getpid() if pid is None else pid)
    key = identity.proc_locks_key()
    try:
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return []
    held = []
    for line in lines:
        fields = line.split()
        # "1: POSIX  ADVISORY  READ 1234 fe:00:5678 1073741826 1073742335"; a waiting one has "->" in field 1.
        if len(fields) >= 6 and fields[1] == "POSIX" and fields[4] == owner and fields[5] == key:
            held.append(line)
    return held


class ProjectFiles:
    """The project file, its folder and its log as a connection opened them."""

    def __init__(self, path: Path) -> None:
        self.path = path.absolute()
        self.log = self.path.with_name(self.path.name + "-wal")
        self.file = Identity.of(self.path)
        self.folder = Identity.of(self.path.parent)
        self.log_file = Identity.of(self.log)
        self.check_locks = locks_readable() and self.file is not None

    def problem(self) -> Problem | None:
        """What has changed since the project was opened, in words for the analyst; None if nothing."""
        path = self.path
        if Identity.of(path.parent) != self.folder:
            return Problem(
                Trouble.FILE_GONE,
                f"The folder holding {path} was deleted, moved or replaced while the project was open, "
                "so this change was not saved. Save a copy of the project (File > Save a Copy) to keep "
                "what is still open here.",
            )
        if Identity.of(path) != self.file:
            return Problem(
                Trouble.FILE_GONE,
                f"{path} was deleted, moved or replaced by another program while it was open here, so this "
                "change was not saved. Save a copy of the project (File > Save a Copy) to keep what is still "
                "open here.",
            )
        locked = not self.check_locks or self.file is None or bool(held_locks(self.file))
        lost_lock = f"This program no longer holds its lock on {path} (something in it opened the file another way)"
        if self.log_file is not None and Identity.of(self.log) != self.log_file:
            deleted = f"the log beside it ({self.log.name}) was deleted or replaced by another program"
            told = f"{lost_lock}, and {deleted}" if not locked else f"In {path.parent}, {deleted}"
            return Problem(Trouble.LOG_GONE, f"{told}, so this change was not saved.")
        if not locked:
            return Problem(Trouble.LOCKS_LOST, f"{lost_lock}, so this change was not saved.")
        return None
