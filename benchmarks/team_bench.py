"""The team-server figures of ``run.py --team``: the benchmark document on a loopback PostgreSQL server.

A scratch server is started from Debian's package (commits durable, as on a real server), the
long document's project is imported into a team project with ``init-team``, and the window is
measured on it as on the file: open to first paint (budget 3x the bare editor), an edit
acknowledged by the server and repainted (budget 16 ms), and an edit acknowledged alone, against
the same edit committed to the file (``python benchmarks/team_bench.py ack LOCATION COUNT``).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.data import ANNOTATOR

if TYPE_CHECKING:
    from benchmarks.run import Figure, Job


@contextmanager
def team_copy(project: Path) -> Iterator[str]:
    """A team project holding ``project`` on a scratch server; yields the URL the benchmark annotator opens."""
    from storage.sqlite_repository import SqliteRepository
    from storage.team_init import init_team
    from tests.team_server import TeamServer

    server = TeamServer(durable=True)
    try:
        server.initialise()
        server.start()
        database = server.new_database()
        local = SqliteRepository.open(project)
        try:
            init_team(server.url(database), local, annotators=[ANNOTATOR], reviewers=[])
        finally:
            local.close()
        # Measured in a steady state, not while the server writes the import out to its files.
        import psycopg

        with psycopg.connect(server.url(database), autocommit=True) as conn:
            conn.execute("CHECKPOINT")
        yield server.url(database, ANNOTATOR)
    finally:
        server.remove()


def team_figures(
    url: str, long_project: Path, long_text: Path, description: str, samples: str, gui: Callable[..., Job]
) -> list[Figure]:
    from benchmarks.run import Figure, Job, Source

    script = Path(__file__)
    acknowledged = Source(Job(script, ("ack", url, samples)))
    on_file = Source(Job(script, ("ack", str(long_project), samples)))

    bare_open = gui("bare-open", long_text)
    repaint = gui("bare-repaint", long_text, samples)
    return [
        Figure(
            "open to first paint, team server",
            "ms",
            description,
            Source(gui("open", url)),
            Source(bare_open),
            3,
            "ratio",
        ),
        Figure(
            "add a span by key, team server",
            "ms",
            description,
            Source(gui("add-span", url, samples)),
            Source(repaint),
            16,
            "median",
        ),
        Figure("edit acknowledged, team server", "ms", description, acknowledged, on_file, 16, "median"),
    ]


def measure_acknowledged(location: str, count: int) -> list[float]:
    """Milliseconds from applying a new span to its commit being acknowledged, ``count`` times."""
    from benchmarks.data import open_project, words

    where: Path | str = location
    if not location.startswith("postgresql://"):
        copy = Path(tempfile.mkdtemp(prefix="hashiya-bench-")) / Path(location).name
        shutil.copyfile(location, copy)
        where = copy
    project = open_project(where)
    document = project.documents()[0].id
    tokens = list(words(project.document(document).text))
    step = max(len(tokens) // (count + 1), 1)
    samples = []
    for number in range(count):
        token = tokens[step * (number + 1)]
        edit = project.add_span(document, token.start, token.end, "PER")
        started = time.perf_counter()
        project.apply(edit)
        samples.append((time.perf_counter() - started) * 1000)
    project.close()
    return samples


if __name__ == "__main__":
    _, mode, location, count = sys.argv
    if mode != "ack":
        raise SystemExit(f"unknown measurement {mode!r}")
    print(json.dumps({"samples": measure_acknowledged(location, int(count))}), flush=True)
