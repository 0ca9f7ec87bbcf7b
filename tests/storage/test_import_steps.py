"""A large native import is stored in short transactions: another program editing the same file
meanwhile never waits a second for an edit, and the import ends as one whole import would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.exchange import ExportFormat, export_layer, import_file
from annotator.formats import ImportFailed
from annotator.model import Document, Layer
from annotator.project import Project
from annotator.resources import sample_corpus_files
from benchmarks import data
from storage.sqlite_repository import SqliteRepository

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two layers of 10 articles, 24,000 spans and 9,600 relations, in one native file."""
    folder = tmp_path_factory.mktemp("exported")
    source = folder / "source.hashiya"
    data.corpus_project(source, 10, 20_000, 1_200)
    project = data.open_project(source)
    target = folder / "layers.jsonl"
    try:
        export_layer(project, ExportFormat.NATIVE, folder / "bench.jsonl", data.ANNOTATOR)
        export_layer(project, ExportFormat.NATIVE, folder / "second.jsonl", data.SECOND_ANNOTATOR)
    finally:
        project.close()
    target.write_bytes((folder / "bench.jsonl").read_bytes() + (folder / "second.jsonl").read_bytes())
    return target


def test_another_program_edits_during_a_large_import_without_waiting(tmp_path: Path, exported: Path) -> None:
    path = tmp_path / "team.hashiya"
    project = Project(SqliteRepository.open(path), "lead")
    project.import_paths(sample_corpus_files()[:1])
    editor = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.timed_editor", str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert editor.stdout is not None and editor.stdout.readline().strip() == "READY", editor.stderr
        time.sleep(0.3)
        began = time.time()
        summary = import_file(project, exported, step=2_000)
        ended = time.time()
        out, err = editor.communicate("stop\n", timeout=60)
    finally:
        if editor.poll() is None:
            editor.kill()
    report = json.loads(out.strip().splitlines()[-1])
    during = [wait for wait, at in report["waits"] if began <= at <= ended + 1]
    assert summary.spans == sum(len(project.spans(d.id, a)) for d in project.documents() for a in ("bench", "second"))
    assert summary.spans > 20_000
    assert report["refused"] == 0, err
    assert len(during) >= 5, (len(report["waits"]), ended - began)
    assert max(during) < 1.0, sorted(during)[-5:]
    project.close()


def test_a_file_with_a_problem_on_its_last_line_imports_nothing(tmp_path: Path, exported: Path) -> None:
    lines = exported.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    last["spans"][0]["label"] = "NO_SUCH_LABEL"
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([*lines[:-1], json.dumps(last, ensure_ascii=False)]) + "\n", encoding="utf-8")
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "lead")
    try:
        try:
            import_file(project, broken, step=2_000)
        except ImportFailed as failure:
            assert any("NO_SUCH_LABEL" in str(problem) for problem in failure.problems)
        else:
            raise AssertionError("the broken file was imported")
        assert project.documents() == []
        assert project.repository.annotators() == []
    finally:
        project.close()


def _written_by_this_process() -> int:
    with open("/proc/self/io", encoding="ascii") as io:
        return next(int(line.split()[1]) for line in io if line.startswith("wchar:"))


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts the bytes written through /proc (Linux)")
def test_an_import_writes_about_what_it_stores(tmp_path: Path, exported: Path) -> None:
    """Statement journals and grouped counts in temporary files once wrote 18 times the project."""
    path = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(path), "lead")
    try:
        before = _written_by_this_process()
        summary = import_file(project, exported)
        written = _written_by_this_process() - before
        stored = sum(file.stat().st_size for file in tmp_path.glob("p.hashiya*"))
        assert summary.spans > 20_000
        assert written < 4 * stored, (written, stored)
    finally:
        project.close()


def test_after_a_step_that_took_too_long_the_next_steps_are_smaller(
    tmp_path: Path, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a slow or busy machine the transactions shrink to what fits their time (here: one record)."""
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "lead")
    stored: list[int] = []
    store = project.repository.replace_layers

    def counting(documents: list[Document], layers: list[Layer], by: str, at: str, **options: str | None) -> None:
        stored.append(len(layers))
        store(documents, layers, by, at, **options)

    monkeypatch.setattr(project.repository, "replace_layers", counting)
    try:
        summary = import_file(project, exported, step=5_000, step_seconds=1e-6)
        assert summary.layers == sum(stored) == 20
        assert stored[0] > 1 and set(stored[1:]) == {1}, stored
        layers = [(d.id, a) for d in project.documents() for a in ("bench", "second")]
        assert summary.spans == sum(len(project.spans(*layer)) for layer in layers)
    finally:
        project.close()
