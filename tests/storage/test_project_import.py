from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.model import DocumentStatus
from annotator.project import Project
from annotator.text import decode_document, text_sha256
from annotator.text_import import TextImportError
from tests.storage.conftest import Store


@pytest.fixture
def project(store: Store) -> Project:
    return store.project("tester")


def test_sample_corpus_imports_unchanged_with_titles(project: Project, corpus_files: list[Path]) -> None:
    summary = project.import_paths(corpus_files)
    assert len(summary.added) == 5
    for path, document_id in zip(corpus_files, summary.added, strict=True):
        document = project.document(document_id)
        raw = path.read_bytes()
        assert document.text == decode_document(raw)
        assert document.text_sha256 == text_sha256(document.text)
        assert document.title == raw.decode("utf-8").split("\n")[0].strip()
        assert document.source == path.name
    listed = project.documents()
    assert [d.id for d in listed] == summary.added
    assert all(d.status is DocumentStatus.NEW for d in listed)
    assert [d.length for d in listed] == [len(decode_document(p.read_bytes())) for p in corpus_files]


def test_the_same_text_twice_is_recognised(project: Project, tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_bytes("موسكو وبيونج يانج\r\n".encode())
    second = tmp_path / "b.txt"
    second.write_bytes("\ufeffموسكو وبيونج يانج\n".encode())
    summary = project.import_paths([first, second])
    assert len(summary.added) == 1
    assert summary.already_present == summary.added
    again = project.import_paths([first])
    assert again.added == [] and again.already_present == summary.added
    assert len(project.documents()) == 1


def test_folders_and_jsonl(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("الأول\nنص", encoding="utf-8")
    (folder / "sub" / "two.txt").write_text("الثاني", encoding="utf-8")
    (folder / "ignored.md").write_text("# not imported", encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text(
        json.dumps({"text": "ثالث\r\nسطر", "title": "عنوان"}, ensure_ascii=False)
        + "\n\n"
        + json.dumps({"text": "رابع"}),
        encoding="utf-8",
    )
    summary = project.import_paths([folder, lines])
    titles = [project.document(i).title for i in summary.added]
    assert titles == ["الأول", "الثاني", "عنوان", "رابع"]
    assert project.document(summary.added[2]).text == "ثالث\nسطر"


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "latin1.txt": "caf\xe9".encode("latin-1"),
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
        "lines.jsonl": b'{"text": "ok"}\n{"title": "no text"}\n',
    }
    paths = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths[name] = path
    return paths


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("latin1.txt", "not valid UTF-8"),
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("lines.jsonl", "lines.jsonl:2: text: field 'text' is missing"),
    ],
)
def test_a_bad_file_is_named_and_nothing_is_half_imported(
    project: Project, tmp_path: Path, name: str, reason: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("نص سليم", encoding="utf-8")
    bad = _bad_files(tmp_path)[name]
    with pytest.raises(TextImportError) as raised:
        project.import_paths([good, bad])
    assert len(raised.value.problems) == 1
    assert str(bad) in raised.value.problems[0]
    assert reason in raised.value.problems[0]
    assert project.documents() == []


NOBODY = 65534


@contextmanager
def as_nobody_when_root() -> Iterator[None]:
    """Root reads any file: as root, read as nobody meanwhile (the saved user id gives root back)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_an_unreadable_file_is_named(project: Project) -> None:
    # Not under tmp_path, which pytest keeps private to the user running the tests.
    with tempfile.TemporaryDirectory() as place:
        os.chmod(place, 0o755)
        path = Path(place) / "secret.txt"
        path.write_text("نص", encoding="utf-8")
        path.chmod(0)
        with as_nobody_when_root(), pytest.raises(TextImportError, match="secret.txt: cannot be read") as raised:
            assert not os.access(path, os.R_OK, effective_ids=True)
            project.import_paths([path])
        assert raised.value.problems == [f"{path}: cannot be read (Permission denied)"]
    assert project.documents() == []


def test_a_missing_file_is_named(project: Project, tmp_path: Path) -> None:
    with pytest.raises(TextImportError, match="nowhere.txt: cannot be read"):
        project.import_paths([tmp_path / "nowhere.txt"])
