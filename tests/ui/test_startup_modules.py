"""Start-up loads nothing it does not need: numpy and pandas stay out until the window has painted.

sqlite-utils imports numpy and pandas wherever they are installed (the test tools install numpy
beside the application), which costs a tenth of the start-up budget; opening an up-to-date
project and painting it must not load sqlite-utils at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from annotator.project import Project
from annotator.resources import sample_corpus_files
from storage.sqlite_repository import SqliteRepository
from tests.conftest import ROOT

# The window as ``hashiya --db PATH`` builds it (main.run_window, shown and run), stopped at the
# first paint of the document view: it prints what was loaded then, and again once the events
# queued meanwhile have run.
WINDOW = r"""
import importlib.util, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from ui.app import application
from ui.document_view import DocumentView
import main

HEAVY = ("numpy", "pandas", "sqlite_utils")

def loaded():
    return " ".join(name for name in HEAVY if name in sys.modules) or "-"

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched.parent(), DocumentView):
            print("painted", loaded(), flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

print("numpy installed", importlib.util.find_spec("numpy") is not None, flush=True)
app = application()
first_paint = FirstPaint()
app.installEventFilter(first_paint)
status = main.run_window(Path(sys.argv[1]), "amal")
print("closed", loaded(), flush=True)
sys.exit(status)
"""


def test_the_window_paints_without_numpy_pandas_or_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "sample.hashiya"
    project = Project(SqliteRepository.open(path), "amal")
    project.import_paths(sample_corpus_files())
    project.close()
    result = subprocess.run(
        [sys.executable, "-c", WINDOW, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "numpy installed True"  # otherwise this test could not fail
    assert lines[1:] == ["painted -", "closed -"], result.stdout
