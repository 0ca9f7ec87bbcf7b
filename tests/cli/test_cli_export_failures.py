"""An export that cannot be written says so in one line and leaves nothing half-written behind."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.command_line import hashiya
from tests.conftest import CORPUS, small_file_system

FORMATS = ("native", "spacy", "doccano", "labelstudio", "brat", "conll")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "p.hashiya"
    assert (
        hashiya(
            "--db", str(db), "--annotator", "huda", "import-texts", *map(str, sorted(CORPUS.glob("*.txt")))
        ).returncode
        == 0
    )
    project = Project(SqliteRepository.open(db), "huda")
    try:  # a layer with a span in every document: an export of an empty layer is refused before it writes
        for summary in project.documents():
            text = project.document(summary.id).text
            word = next(word for word in text.split() if len(word) > 3)
            project.apply(project.add_span(summary.id, text.index(word), text.index(word) + len(word), "PER"))
    finally:
        project.close()
    return db


def export(project: Path, fmt: str, target: Path) -> subprocess.CompletedProcess[str]:
    return hashiya("--db", str(project), "--annotator", "huda", "export", "--format", fmt, "-o", str(target))


def listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def one_line_refusal(result: subprocess.CompletedProcess[str], reason: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert reason in result.stderr, result.stderr


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB file system, mounted for the test (root only), too small for any export of the corpus."""
    with small_file_system(tmp_path / "tiny", "64k") as mount:
        yield mount


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk(project: Path, tiny_disk: Path, fmt: str) -> None:
    (tiny_disk / "kept.txt").write_text("kept\n", encoding="utf-8")
    target = tiny_disk / ("out" if fmt == "brat" else "out.jsonl")
    one_line_refusal(export(project, fmt, target), "the disk is full; nothing was written")
    assert listing(tiny_disk) == ["kept.txt"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_and_an_existing_folder(project: Path, tmp_path: Path, fmt: str) -> None:
    if fmt != "brat":  # brat writes a folder, and makes it where it is missing
        one_line_refusal(export(project, fmt, tmp_path / "missing" / "out.jsonl"), "its folder does not exist")
        (tmp_path / "a-folder").mkdir()
        one_line_refusal(export(project, fmt, tmp_path / "a-folder"), "that is a folder")
    else:
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        one_line_refusal(export(project, fmt, tmp_path / "a-file"), "that is a file, not a folder")
    assert [name for name in listing(tmp_path) if name.startswith(".")] == []


def test_a_device_is_refused_and_left_a_device(project: Path) -> None:
    one_line_refusal(export(project, "native", Path("/dev/full")), "not a regular file")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_link_planted_in_a_brat_folder_is_replaced_not_followed(project: Path, tmp_path: Path) -> None:
    stats = json.loads(hashiya("--db", str(project), "stats", "--json").stdout)
    first = stats["documents"][0]["id"]
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch\n", encoding="utf-8")
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / f"{first}.txt").symlink_to(victim)
    result = export(project, "brat", folder)
    assert result.returncode == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "do not touch\n"
    assert not (folder / f"{first}.txt").is_symlink()
    assert [name for name in listing(tmp_path) if name.startswith(".")] == []
