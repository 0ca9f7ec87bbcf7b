"""Atomic file replacement: a failed write never leaves a half-written file behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.formats import atomic_write
from annotator.formats.atomic import atomic_writer


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"old")
    atomic_write(path, "جديد".encode())
    assert path.read_bytes() == "جديد".encode()
    assert os.listdir(tmp_path) == ["f.txt"]


def test_an_error_midway_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"old and complete")
    with pytest.raises(RuntimeError), atomic_writer(path) as handle:
        handle.write(b"new but")
        raise RuntimeError("disk full")
    assert path.read_bytes() == b"old and complete"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_the_temporary_file_is_in_the_target_folder(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    with atomic_writer(path) as handle:
        [temporary] = [p for p in tmp_path.iterdir()]
        assert temporary.name.startswith(".f.txt.") and temporary.name.endswith(".tmp")
        handle.write(b"x")
    assert os.listdir(tmp_path) == ["f.txt"]


def test_the_formats_package_loads_neither_qt_nor_sqlite() -> None:
    code = (
        "import sys, annotator.formats, annotator.tokenize;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'sqlite3', 'sqlite_utils')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stdout + result.stderr


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os

    from annotator.formats.atomic import atomic_write

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.jsonl"
        atomic_write(fresh, b"{}\n")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.jsonl"
        kept.write_bytes(b"")
        kept.chmod(0o640)
        atomic_write(kept, b"{}\n")
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)
