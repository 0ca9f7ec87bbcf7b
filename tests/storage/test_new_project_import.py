"""An import into a project that does not exist yet builds it under another name and puts it in place
whole: it holds what an import into an empty project stores, and a file that fails leaves nothing."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.exchange import import_file
from annotator.formats import ImportFailed
from annotator.project import Project
from annotator.repository import ProjectError
from benchmarks.corpus_data import build, quick_sizes
from storage.new_project import new_project_built
from storage.sqlite_repository import SqliteRepository, repository_building
from tests.cli.test_cli import run
from tests.conftest import ROOT, small_file_system

STAMPS = {"created_at", "updated_at", "at", "applied_at"}


@pytest.fixture(scope="module")
def layers_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three layers of six documents in one native file; one span id of a later record is also the id
    of a span of an earlier one, so that the later one is stored under a new id."""
    folder = tmp_path_factory.mktemp("layers")
    files = build(folder / "corpus", quick_sizes(6))
    records = [json.loads(line) for line in files.all_layers.read_text(encoding="utf-8").splitlines()]
    taken = records[1]["spans"][0]["id"]
    later = records[-1]
    old = later["spans"][0]["id"]
    later["spans"][0]["id"] = taken
    for relation in later["relations"]:
        for end in ("head", "tail"):
            if relation[end] == old:
                relation[end] = taken
    target = folder / "layers.jsonl"
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return target


def _contents(path: Path) -> dict[str, object]:
    """Everything the project file holds but the time stamps, and the trigram index's own check."""
    db = sqlite3.connect(path)
    try:
        found: dict[str, object] = {
            "schema": sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")),
            "version": db.execute("PRAGMA user_version").fetchone(),
            "application": db.execute("PRAGMA application_id").fetchone(),
            "journal": db.execute("PRAGMA journal_mode").fetchone(),
        }
        tables = [
            str(row[0])
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'folded_trigrams%' "
                "AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] not in STAMPS]
            if table == "project_resources":
                columns.remove("content")  # the schema and registry carry their time of writing
            quoted = ", ".join(f'"{column}"' for column in columns)
            found[table] = sorted(map(repr, db.execute(f"SELECT {quoted} FROM {table}")))
        db.execute("INSERT INTO folded_trigrams (folded_trigrams, rank) VALUES ('integrity-check', 1)")
        found["trigram hits"] = [
            db.execute("SELECT rowid FROM folded_trigrams WHERE folded_trigrams MATCH ? ORDER BY rowid", [q]).fetchall()
            for q in ('"روسي"', '"اتفاقي"', '"الشمالية"')
        ]
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return found
    finally:
        db.close()


def _built(target: Path, source: Path, step: int) -> None:
    with new_project_built(target) as temporary:
        repository, build = repository_building(temporary)
        project = Project(repository, "lead")
        try:
            import_file(project, source, step=step, checked_while_stored=True)
            build.complete()
        finally:
            project.close()


@pytest.mark.parametrize("step", [40, 100_000])
def test_a_built_project_holds_what_an_import_into_an_empty_project_stores(
    layers_file: Path, tmp_path: Path, step: int
) -> None:
    stepwise = tmp_path / "stepwise.hashiya"
    project = Project(SqliteRepository.open(stepwise), "lead")
    try:
        summary = import_file(project, layers_file, step=step)
    finally:
        project.close()
    built = tmp_path / "built.hashiya"
    _built(built, layers_file, step)
    assert summary.spans > 1_000
    assert _contents(built) == _contents(stepwise)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built.hashiya", "stepwise.hashiya"]


def _broken(source: Path, target: Path) -> Path:
    """``source`` with a span of its last record ending past its text."""
    lines = source.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    last["spans"][-1]["end"] = len(last["text"]) + 5
    lines[-1] = json.dumps(last, ensure_ascii=False)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_a_file_that_fails_leaves_no_project_and_nothing_beside_it(layers_file: Path, tmp_path: Path) -> None:
    broken = _broken(layers_file, tmp_path / "broken.jsonl")
    folder = tmp_path / "projects"
    folder.mkdir()
    result = run("--db", str(folder / "new.hashiya"), "import", str(broken))
    assert result.returncode == 1
    assert f"broken.jsonl:{len(broken.read_text(encoding='utf-8').splitlines())}: spans[" in result.stderr
    assert "nothing was imported" in result.stderr
    assert result.stdout == ""
    assert list(folder.iterdir()) == []


def test_the_command_line_says_what_it_imported_once_the_project_is_in_place(layers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.hashiya"
    result = run("--db", str(target), "import", str(layers_file))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in layers_file.read_text(encoding="utf-8").splitlines()]
    spans = sum(len(r["spans"]) for r in records)
    relations = sum(len(r["relations"]) for r in records)
    assert result.stdout.splitlines()[0] == (
        f"imported {len(records)} layer(s) (bench, second, third): {spans} span(s), {relations} relation(s); "
        f"{len({r['doc_id'] for r in records})} new document(s)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.hashiya"]
    stats = run("--db", str(target), "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert len(json.loads(stats.stdout)["documents"]) == len({r["doc_id"] for r in records})


def test_a_name_taken_while_the_project_is_built_is_left_as_it_is(layers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.hashiya"
    with (
        pytest.raises(ProjectError, match="created by another program meanwhile"),
        new_project_built(target) as temporary,
    ):
        repository, build = repository_building(temporary)
        project = Project(repository, "lead")
        try:
            import_file(project, layers_file, checked_while_stored=True)
            build.complete()
        finally:
            project.close()
        target.write_text("another program's file", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "another program's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.hashiya"]


def test_a_failed_build_raises_every_problem_of_the_file(layers_file: Path, tmp_path: Path) -> None:
    broken = _broken(layers_file, tmp_path / "broken.jsonl")
    lines = broken.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["spans"][0]["label"] = "NO_SUCH_LABEL"
    lines[0] = json.dumps(first, ensure_ascii=False)
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        _built(tmp_path / "new.hashiya", broken, 40)
    assert {problem.line for problem in failed.value.problems} == {1, len(lines)}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jsonl"]


def test_a_disk_that_fills_up_leaves_no_project_and_says_so(layers_file: Path, tmp_path: Path) -> None:
    # Room for a new project's schema (256 KiB), not for what the file holds.
    with small_file_system(tmp_path / "small", "512k") as disk:
        result = run("--db", str(disk / "new.hashiya"), "import", str(layers_file))
        assert result.returncode == 2
        said = f"hashiya: {disk / 'new.hashiya'} was not created (the disk is full); nothing was imported.\n"
        assert result.stderr == said
        assert list(disk.iterdir()) == []


def test_an_import_interrupted_by_ctrl_c_leaves_no_project(tmp_path: Path) -> None:
    files = build(tmp_path / "corpus", quick_sizes(300))
    folder = tmp_path / "projects"
    folder.mkdir()
    importing = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(folder / "new.hashiya"), "import", str(files.all_layers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell's background job ignores Ctrl+C; the analyst's terminal delivers it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not list(folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert {p.name.startswith(".new.hashiya.") for p in folder.iterdir()} == {True}
    importing.send_signal(signal.SIGINT)
    out, err = importing.communicate(timeout=60)
    assert (importing.returncode, out, err) == (130, "", "hashiya: interrupted\n")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_a_file_of_another_tool_builds_the_project_an_empty_one_would_get(tmp_path: Path, fmt: str) -> None:
    files = build(tmp_path / "corpus", quick_sizes(4))
    exported = tmp_path / f"bench.{fmt}.json{'l' if fmt == 'doccano' else ''}"
    result = run("--db", str(files.project), "--annotator", "bench", "export", "--format", fmt, "-o", str(exported))
    assert result.returncode == 0, result.stderr
    empty = tmp_path / "empty.hashiya"
    assert run("--db", str(empty), "--annotator", "bench", "stats").returncode == 0
    into_empty = run("--db", str(empty), "--annotator", "bench", "import", "--format", fmt, str(exported))
    built = tmp_path / "built.hashiya"
    into_new = run("--db", str(built), "--annotator", "bench", "import", "--format", fmt, str(exported))
    assert into_new.returncode == into_empty.returncode == 0, (into_new.stderr, into_empty.stderr)
    assert into_new.stdout == into_empty.stdout
    assert "span(s)" in into_new.stdout
    assert _contents(built) == _contents(empty)
