"""The benchmark's --team option runs at a small size and reports its three figures (reported, never asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEAM_FIGURES = {"open to first paint, team server", "add a span by key, team server", "edit acknowledged, team server"}


@pytest.mark.slow
def test_quick_team_benchmark_reports_its_figures(tmp_path: Path) -> None:
    output = tmp_path / "figures.json"
    finished = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--quiet",
            "--team",
            "--only",
            "team server",
            "--json",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert finished.returncode == 0, finished.stderr
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert {row["figure"] for row in rows} == TEAM_FIGURES
    for row in rows:
        assert "loopback server" in row["workload"]
        for key in ("median", "floor"):
            assert isinstance(row[key], int | float) and math.isfinite(row[key]) and row[key] > 0, row
