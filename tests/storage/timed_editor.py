"""A second program editing a project file while the tests import into it: run in a subprocess.

    python -m tests.storage.timed_editor PATH

Opens the project, prints ``READY``, then adds and deletes a span on the first document again and
again until a line arrives on stdin; prints one JSON line with how long each edit took (from the
call to its return) and when it ended, and how many edits were refused.
"""

from __future__ import annotations

import json
import select
import sys
import time
from pathlib import Path

from annotator.project import Project
from annotator.repository import ProjectError
from storage.sqlite_repository import SqliteRepository


def main(path: Path) -> None:
    project = Project(SqliteRepository.open(path), "second-window")
    document_id = project.documents()[0].id
    print("READY", flush=True)
    waits: list[tuple[float, float]] = []
    refused = 0
    while not select.select([sys.stdin], [], [], 0)[0]:
        for make in ("add", "delete"):
            started = time.time()
            try:
                if make == "add":
                    edit = project.add_span(document_id, 0, 4, "GPE")
                    project.apply(edit)
                    span = edit.span
                else:
                    project.apply(project.delete_span(span))
            except ProjectError:
                refused += 1
                break
            finally:
                waits.append((time.time() - started, time.time()))
        time.sleep(0.01)
    project.close()
    print(json.dumps({"waits": waits, "refused": refused}), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
