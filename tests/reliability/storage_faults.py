"""Bringing about storage failures for real: a disk with no room left, files that are not projects."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from storage.database import open_database
from storage.sqlite_database import SqliteDatabase

UNLIMITED_PAGES = 1_073_741_823


def leave_no_room(db: SqliteDatabase) -> None:
    """Fill the project to a page limit, as a full disk would: the next write that needs a page fails."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    for size in (2000, 200, 20, 1):
        while True:
            try:
                db.execute(
                    "INSERT INTO edit_log (at, annotator, action) VALUES ('', '', ?)",
                    ["x" * size],
                )
            except sqlite3.OperationalError as error:
                assert error.sqlite_errorcode == sqlite3.SQLITE_FULL, error
                break


def give_room_back(db: SqliteDatabase) -> None:
    db.execute(f"PRAGMA max_page_count = {UNLIMITED_PAGES}")


def sha256_elsewhere(path: Path) -> str:
    """The SHA-256 of a file, read by another process: a read here would drop this process's SQLite locks on it."""
    result = subprocess.run(
        [sys.executable, "-c", HASH_A_FILE, str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip()


HASH_A_FILE = "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())"


def file_digests(path: Path) -> dict[str, str]:
    """The SHA-256 of the project file and of its write-ahead log, where there is one (an empty log holds nothing)."""
    digests = {}
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists() and (candidate == path or candidate.stat().st_size > 0):
            digests[candidate.name] = sha256_elsewhere(candidate)
    return digests


def checkpoint(db: SqliteDatabase) -> None:
    """Move everything committed into the main file, so that its hash says it all."""
    assert db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0


def pages_of(path: Path, table: str) -> list[int]:
    """The numbers of the pages that hold ``table`` (or index) in the file at ``path``."""
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [int(row[0]) for row in raw.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", [table])]
    finally:
        raw.close()


def overwrite_page(path: Path, number: int) -> None:
    """Fill page ``number`` of the file (4 KiB pages) with 0xff bytes."""
    data = bytearray(path.read_bytes())
    data[4096 * (number - 1) : 4096 * number] = b"\xff" * 4096
    path.write_bytes(bytes(data))


def change_first_text(path: Path) -> None:
    """Change the first character of the first document's text behind its stored hash, then settle the log."""
    raw = sqlite3.connect(path)
    raw.execute(
        "UPDATE documents SET text = 'x' || substr(text, 2)"
        " WHERE id = (SELECT id FROM documents ORDER BY position LIMIT 1)"
    )
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_damaged(path: Path, how: str) -> None:
    """A project file damaged in one of a few ways a disk or a careless copy damages files."""
    db = open_database(path)
    db.table("documents").insert_all(
        {"id": str(i), "title": "t", "text": text, "text_sha256": sha256_of(text), "created_at": "now", "position": i}
        for i, text in ((i, f"نص {i} " * 300) for i in range(200))
    )
    checkpoint(db)
    db.close()
    data = bytearray(path.read_bytes())
    if how == "pages overwritten":
        data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    elif how == "truncated":
        del data[len(data) // 2 :]
    elif how == "header zeroed":
        data[:100] = bytes(100)
    elif how == "schema page scrambled":
        data[100:4096] = bytes(range(256)) * 15 + bytes(range(36))
    else:
        raise ValueError(how)
    path.write_bytes(bytes(data))
