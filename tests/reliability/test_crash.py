"""An edit acknowledged before the process is killed (SIGKILL, at random moments) is in the project afterwards.

On both backends: the project file, and a team project on the PostgreSQL server, where the killed
process is one client among others and the server must hold every edit it acknowledged. A team
project is never created by a client (``init-team`` makes it), so the kills during the creation of
the project file have no counterpart on the server.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.project import Project
from storage.database import open_database
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.reliability.backends import BACKENDS, server_for, team_copy, team_state
from tests.reliability.editor_process import CRASH_ANNOTATOR, first_document, open_repository
from tests.reliability.processes import complete_lines, start_editor

RUNS = 50
TEAM_RUNS = 20
"""Each run on the server makes a new team project (a database, its roles and an import) first."""
SEED = 20240608

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SpanState = dict[str, tuple[str, int, int]]


@dataclass
class Transcript:
    """What the killed process said: the edits it acknowledged, and the one it was making, if any."""

    acknowledged: list[dict[str, object]] = field(default_factory=list)
    in_flight: dict[str, object] | None = None
    ready: bool = False

    @classmethod
    def read(cls, lines: list[str]) -> Transcript:
        transcript = cls()
        for line in lines:
            if line == "READY":
                transcript.ready = True
            elif line.startswith("TRY "):
                transcript.in_flight = json.loads(line[4:])
            elif line == "ACK":
                assert transcript.in_flight is not None, lines
                transcript.acknowledged.append(transcript.in_flight)
                transcript.in_flight = None
            else:
                raise AssertionError(f"unexpected output {line!r}")
        return transcript


def replay(edits: list[dict[str, object]]) -> SpanState:
    state: SpanState = {}
    for edit in edits:
        span_id = str(edit["id"])
        if edit["op"] == "add":
            state[span_id] = (str(edit["label"]), int(str(edit["start"])), int(str(edit["end"])))
        elif edit["op"] == "relabel":
            _, start, end = state[span_id]
            state[span_id] = (str(edit["label"]), start, end)
        else:
            del state[span_id]
    return state


def run_and_kill(location: str, rng: random.Random) -> list[str]:
    process = start_editor("random-edits", location, str(rng.randrange(1 << 30)))
    assert process.stdout is not None
    lines: list[str] = []
    if rng.random() < 0.3:
        # Any moment from start-up on: importing, creating or opening the file, the first edits.
        time.sleep(rng.uniform(0.0, 0.8))
    else:
        wanted = rng.randint(1, 40)
        while sum(line == "ACK\n" for line in lines) < wanted:
            line = process.stdout.readline()
            assert line, f"the editor stopped: {process.stderr.read() if process.stderr else ''}"
            lines.append(line)
        time.sleep(rng.uniform(0.0, 0.004))
    process.send_signal(signal.SIGKILL)
    rest = process.stdout.read()  # through the reader's buffer, which may hold lines already
    assert process.wait(timeout=30) == -signal.SIGKILL
    process.stdout.close()
    if process.stdin is not None:
        process.stdin.close()
    if process.stderr is not None:
        process.stderr.close()
    return complete_lines("".join(lines) + rest)


def stored_spans(path: Path) -> tuple[SpanState, int]:
    db = open_database(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = db.execute('SELECT id, label, start, "end" FROM spans WHERE annotator = ?', [CRASH_ANNOTATOR]).fetchall()
        logged = db.execute(
            # The span edits; the first of them also marks the document in progress, logged on its own.
            "SELECT count(*) FROM edit_log"
            " WHERE annotator = ? AND document_id IS NOT NULL AND action NOT LIKE 'Mark %'",
            [CRASH_ANNOTATOR],
        ).fetchone()[0]
    finally:
        db.close()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}, logged


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.hashiya"
    project = Project(SqliteRepository.open(path), CRASH_ANNOTATOR)
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    project.close()
    return path


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_acknowledged_edit_survives_sigkill(
    tmp_path: Path, template: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    server = server_for(backend, request)
    rng = random.Random(SEED)
    acknowledged_total = 0
    in_flight_kept = 0
    killed_before_ready = 0
    runs = RUNS if server is None else TEAM_RUNS
    for run in range(runs):
        path = tmp_path / f"run-{run}.hashiya"
        if server is not None:
            database = team_copy(server, template, [CRASH_ANNOTATOR, "after"])
            location = server.url(database, CRASH_ANNOTATOR)
        else:
            location = str(path)
            if rng.random() >= 0.2:
                shutil.copyfile(template, path)  # otherwise the editor creates the project itself
        transcript = Transcript.read(run_and_kill(location, rng))
        if server is None and not path.exists():
            assert not transcript.ready
            killed_before_ready += 1
            continue

        stored, logged = stored_spans(path) if server is None else team_state(server, database, CRASH_ANNOTATOR)
        expected = replay(transcript.acknowledged)
        acknowledged_total += len(transcript.acknowledged)
        if transcript.in_flight is not None and stored != expected:
            expected = replay([*transcript.acknowledged, transcript.in_flight])
            in_flight_kept += 1
            assert logged == len(transcript.acknowledged) + 1, f"run {run}"
        else:
            assert logged == len(transcript.acknowledged), f"run {run}"
        assert stored == expected, f"run {run}: {len(transcript.acknowledged)} acknowledged edits"
        killed_before_ready += not transcript.ready

        # The project still works: it takes another analyst's edit.
        after = location if server is None else server.url(database, "after")
        project = Project(open_repository(after), "after")
        document_id = first_document(project)
        project.apply(project.add_span(document_id, 0, 3, "PER"))
        assert len(project.spans(document_id)) == 1
        project.close()

    # The seed gives both kinds of kill; the figures say the test saw them.
    assert acknowledged_total > runs * 5
    assert killed_before_ready >= (3 if server is None else 1)
    print(f"{backend}: {runs} kills, {acknowledged_total} acknowledged edits checked, {in_flight_kept} in-flight kept")
