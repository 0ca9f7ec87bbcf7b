"""Start-up to a painted main window, and opening the longest sample article, in fresh processes.

    python benchmarks/startup.py [--runs N]

Each run is a new interpreter: the clock starts before it is spawned and stops when the document
view has painted for the first time. Prints the median and the spread.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from main import open_project
from ui.app import application
from ui.main_window import MainWindow

class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.at = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False

app = application()
project = open_project(Path(sys.argv[2]), "bench")
window = MainWindow(project)
painted = FirstPaint()
window.view.viewport().installEventFilter(painted)
window.show()
while painted.at is None:
    app.processEvents()
print("painted", flush=True)
longest = max(project.documents(), key=lambda d: d.length)
shortest = min(project.documents(), key=lambda d: d.length)
painted.at = None
window.open_document(shortest.id)
while painted.at is None:
    app.processEvents()
painted.at = None
started = time.perf_counter()
window.open_document(longest.id)
while painted.at is None:
    app.processEvents()
print(f"open {painted.at - started:.6f} {longest.length}", flush=True)
"""


def one_run(db: Path) -> tuple[float, float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ROOT), str(db)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    startup = time.perf_counter() - started
    assert first.strip() == "painted", first
    _, seconds, length = process.stdout.readline().split()
    process.wait(timeout=60)
    return startup, float(seconds), int(length)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from annotator.project import Project
    from annotator.resources import sample_corpus_files
    from storage.sqlite_repository import SqliteRepository

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.hashiya"
        project = Project(SqliteRepository.open(db), "bench")
        project.import_paths(sample_corpus_files())
        project.close()
        results = [one_run(db) for _ in range(args.runs)]
    startups = [r[0] for r in results]
    opens = [r[1] for r in results]
    print(
        f"start-up to painted window: median {statistics.median(startups) * 1000:.0f} ms "
        f"(min {min(startups) * 1000:.0f}, max {max(startups) * 1000:.0f}, {args.runs} runs)"
    )
    print(
        f"open the longest article ({results[0][2]:,} characters) to first paint: median "
        f"{statistics.median(opens) * 1000:.1f} ms (min {min(opens) * 1000:.1f}, max {max(opens) * 1000:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
