"""The team-server figures of ``run.py --team``: the benchmark document on a loopback PostgreSQL server.

A scratch server is started from Debian's package (commits durable, as on a real server), the
long document's project is imported into a team project with ``init-team``, and the window is
measured on it as on the file: open to first paint (budget 3x the bare editor) and an edit
acknowledged by the server and repainted (budget 16 ms).
"""

from __future__ import annotations

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
        yield server.url(database, ANNOTATOR)
    finally:
        server.remove()


def team_figures(url: str, long_text: Path, description: str, samples: str, gui: Callable[..., Job]) -> list[Figure]:
    from benchmarks.run import Figure, Source

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
    ]
