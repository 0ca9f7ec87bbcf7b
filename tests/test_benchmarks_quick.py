"""The benchmark command runs at a small size and reports every figure (reported, never asserted)."""

from __future__ import annotations

import json
import math
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

FIGURES = {
    "open to first paint",
    "open until the whole layer is read",
    "add a span by key",
    "undo one edit",
    "redo one edit",
    "scroll a page",
    "start-up to a painted window",
    "peak memory, document open",
    "open to first paint, 1/4 size",
    "open to first paint, 1/2 size",
    "peak memory, 1/4 size",
    "peak memory, 1/2 size",
    "open to first paint, one paragraph",
    "add a span by key, one paragraph",
    "scroll a page, one paragraph",
    "export native JSONL",
    "import native JSONL",
    "agreement report, two layers",
}
KEYS = {"figure", "unit", "median", "floor", "ratio", "budget"}


@pytest.mark.slow
def test_quick_benchmark_reports_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "figures.json"
    finished = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--quiet", "--json", str(output)],
        capture_output=True,
        text=True,
        timeout=110,
        cwd=ROOT,
    )
    assert finished.returncode == 0, finished.stderr
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert isinstance(rows, list)
    assert {row["figure"] for row in rows} == FIGURES
    assert len(rows) == len(FIGURES)
    for row in rows:
        assert row.keys() >= KEYS, row
        assert row["unit"] in ("ms", "MB"), row
        for key in ("median", "floor"):
            assert isinstance(row[key], int | float) and math.isfinite(row[key]) and row[key] > 0, row
        assert row["ratio"] == pytest.approx(row["median"] / row["floor"], rel=0.01), row
        assert row["budget"] is None or isinstance(row["budget"], int | float), row
    for row in rows:
        assert row["figure"] in finished.stdout


Rows = list[dict[str, Any]]


def run_quick_corpus_benchmark(tmp_path: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], Rows]:
    """``benchmarks/run.py --corpus --quick`` with ``options``: the finished process and its JSON rows."""
    output = tmp_path / "corpus.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--corpus", "--quick", "--quiet", *options]
    command += ["--data", str(tmp_path / "data"), "--json", str(output)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert finished.returncode == 0, finished.stderr
    return finished, json.loads(output.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_quick_corpus_benchmark_reports_every_step_at_both_sizes(tmp_path: Path) -> None:
    finished, rows = run_quick_corpus_benchmark(tmp_path)
    steps = {
        "agreement, two layers",
        "agreement, three layers, --json",
        "import of the three layers into a new project",
        "import of one layer into a new project",
        "import of one layer into the project, as a new layer",
        "screenshot of the long document",
        "opening an article (screenshot)",
        "stats",
    }
    assert steps <= {row["figure"] for row in rows}
    assert {row["documents"] for row in rows} == {3, 30}
    for row in rows:
        assert row["error"] is None, row
        assert math.isfinite(row["ms"]) and row["ms"] > 0, row
        assert math.isfinite(row["mb"]) and row["mb"] > 0, row
        assert row["budget"], row
    budgets = {row["figure"]: row for row in rows}
    assert budgets["agreement, two layers"]["budget_ms"] == 3000
    assert budgets["agreement, two layers"]["budget_mb"] == 400
    assert budgets["stats"]["budget_ms"] == 1000
    assert any(row["figure"].startswith("search") and row["budget_ms"] == 200 for row in rows)
    for step in ("import of the three layers into a new project", "import of one layer into a new project"):
        for row in (r for r in rows if r["figure"] == step):
            assert row["floor_ms"] > 0 and row["ratio"] == pytest.approx(row["ms"] / row["floor_ms"], rel=0.01), row
    for step in steps:
        assert step in finished.stdout


def test_the_import_floor_stores_what_the_import_stores(tmp_path: Path) -> None:
    """The floor the imports are compared with does at least their inserts: the same rows."""
    from benchmarks.corpus_data import build, quick_sizes
    from benchmarks.measure_corpus import import_floor

    files = build(tmp_path / "data", quick_sizes(3))
    floor, imported = tmp_path / "floor.hashiya", tmp_path / "imported.hashiya"
    spans = import_floor(files.all_layers, floor)
    command = [sys.executable, str(ROOT / "main.py"), "import", "--db", str(imported), str(files.all_layers)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, timeout=120)

    def rows(path: Path) -> list[set[tuple[Any, ...]]]:
        with sqlite3.connect(path) as db:
            return [
                set(db.execute(sql))
                for sql in (
                    "SELECT id, text_sha256, text FROM documents",
                    'SELECT id, document_id, annotator, kind, label, start, "end", text, ref FROM spans',
                    "SELECT id, document_id, annotator, label, head, tail FROM relations",
                )
            ]

    stored = rows(imported)
    assert spans == files.spans == len(stored[1])
    assert rows(floor) == stored


def test_the_corpus_benchmark_measures_only_the_sizes_asked_for(tmp_path: Path) -> None:
    finished, rows = run_quick_corpus_benchmark(tmp_path, "--sizes", "3", "--only", "stats")
    assert [(row["figure"], row["documents"]) for row in rows] == [("stats", 3)]
    assert "3 documents" in finished.stdout and "30 documents" not in finished.stdout
    assert not (tmp_path / "data" / "quick-30").exists()
