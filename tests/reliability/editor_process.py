"""A second program on a project file, run by the reliability tests in a subprocess.

It opens the project through the real code path (Project over SqliteRepository, or over
PostgresRepository when PATH is a team project's ``postgresql://`` URL), makes edits
with ``Project.apply`` and reports on stdout, one flushed line each:

- ``TRY {json}`` before an edit and ``ACK`` after ``apply`` returned (the edit is saved);
- ``READY`` once the project is open, ``ERROR <message>`` if anything reaches it.

``random-edits PATH SEED``: add, relabel and delete spans for ever (until killed).
``add-spans PATH ANNOTATOR COUNT [--meet]``: after ``GO`` on stdin, add COUNT spans as fast as possible
(saving the schema now and then too), counting how often ``PRAGMA data_version`` moved (with
``--meet``, waiting halfway for another program's first write if none came yet); print
``DONE``, then on ``CHECK`` print ``SEEN {json}`` with what it sees of everyone's spans, and exit.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.edits import AddSpan
from annotator.model import Span
from annotator.project import Project
from annotator.repository import ProjectError, Repository
from storage.sqlite_repository import SqliteRepository
from storage.team_location import is_team_url

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"
LABELS = ("PER", "ORG", "GPE", "LOC", "DATE", "EVENT")
CRASH_ANNOTATOR = "crash"


def say(line: str) -> None:
    # One line each, though a server's message may run to several (a DETAIL, a HINT).
    sys.stdout.write(" ".join(line.splitlines()) + "\n")
    sys.stdout.flush()


def open_repository(location: str) -> Repository:
    """The project file at ``location``, or the team project it names by URL (as its role)."""
    if is_team_url(location):
        from storage.postgres_repository import PostgresRepository

        return PostgresRepository.open(location)
    return SqliteRepository.open(Path(location))


def first_document(project: Project) -> str:
    documents = project.documents()
    if not documents:
        project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
        documents = project.documents()
    return documents[0].id


def random_edits(path: str, seed: int) -> None:
    rng = random.Random(seed)
    project = Project(open_repository(path), CRASH_ANNOTATOR)
    document_id = first_document(project)
    length = len(project.document(document_id).text)
    spans: dict[str, Span] = {s.id: s for s in project.spans(document_id)}
    say("READY")
    while True:
        choice = rng.random()
        if not spans or choice < 0.5:
            start = rng.randrange(0, length - 10)
            edit = project.add_span(document_id, start, start + rng.randint(1, 10), rng.choice(LABELS))
            span = edit.span
            note: dict[str, Any] = {"op": "add", "id": span.id, "label": span.label, "start": span.start}
            note["end"] = span.end
            say("TRY " + json.dumps(note))
            project.apply(edit)
            spans[span.id] = span
        elif choice < 0.75:
            span = spans[rng.choice(sorted(spans))]
            change = project.relabel(span, rng.choice([label for label in LABELS if label != span.label]))
            say("TRY " + json.dumps({"op": "relabel", "id": span.id, "label": change.after.label}))
            project.apply(change)
            spans[span.id] = change.after
        else:
            span = spans.pop(rng.choice(sorted(spans)))
            say("TRY " + json.dumps({"op": "delete", "id": span.id}))
            project.apply(project.delete_span(span))
        say("ACK")


def wait_for_another_write(project: Project, version: int, timeout: float = 60.0) -> tuple[int, bool]:
    """Poll ``PRAGMA data_version`` until another connection commits, or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = project.repository.data_version()
        if now != version:
            return now, True
        time.sleep(0.005)
    return version, False


def add_spans(path: str, annotator: str, count: int, meet: bool) -> None:
    rng = random.Random(annotator)
    project = Project(open_repository(path), annotator)
    document_id = project.documents()[0].id
    length = len(project.document(document_id).text)
    say("READY")
    if sys.stdin.readline().strip() != "GO":
        return
    version = project.repository.data_version()
    moves = 0
    for number in range(count):
        if meet and number == count // 2 and not moves:
            # This one was told GO well before the other, or ran ahead of it: wait halfway for the
            # other's first write, so that both edit at once for the rest.
            version, moved = wait_for_another_write(project, version)
            moves += moved
        if number % 50 == 25:
            project.set_schema(project.schema)  # reads the stored schema, then writes it: the other kind of write
        start = rng.randrange(0, length - 10)
        edit = project.add_span(document_id, start, start + rng.randint(1, 10), rng.choice(LABELS))
        project.apply(edit)
        say(f"ACK {edit.span.id}")
        now = project.repository.data_version()
        moves += now != version
        version = now
    say("DONE")
    if sys.stdin.readline().strip() != "CHECK":
        return
    counts: dict[str, int] = {}
    for span in (s for name in project.repository.annotators() for s in project.spans(document_id, name)):
        counts[span.annotator] = counts.get(span.annotator, 0) + 1
    say("SEEN " + json.dumps({"moves_while_editing": moves, "spans": counts}))


def on_command(path: str) -> None:
    """Edits asked for one by one: ``EDIT`` adds a span (``ACK id`` or ``REFUSED message``), ``EDIT-AS LAYER``
    adds one to another layer (someone else's, or gold), ``SNIFF``
    reads the project file's first bytes as a careless hash or header check would, ``COPY FILE``
    saves a copy of the project (``COPIED`` or ``REFUSED message``)."""
    project = Project(open_repository(path), CRASH_ANNOTATOR)
    document_id = first_document(project)
    length = len(project.document(document_id).text)
    rng = random.Random(7)
    say("READY")
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        try:
            if command in ("EDIT", "EDIT-AS"):
                start = rng.randrange(0, length - 10)
                edit = project.add_span(document_id, start, start + rng.randint(1, 10), rng.choice(LABELS))
                if argument:
                    edit = AddSpan(replace(edit.span, annotator=argument))
                project.apply(edit)
                say(f"ACK {edit.span.id}")
            elif command == "SNIFF":
                with Path(path).open("rb") as handle:
                    handle.read(16)
                say("SNIFFED")
            elif command == "COPY":
                project.save_copy(Path(argument))
                say("COPIED")
        except ProjectError as error:
            say(f"REFUSED {error}")


def main(arguments: list[str]) -> int:
    try:
        if arguments[0] == "random-edits":
            random_edits(arguments[1], int(arguments[2]))
        elif arguments[0] == "on-command":
            on_command(arguments[1])
        elif arguments[0] == "add-spans":
            add_spans(arguments[1], arguments[2], int(arguments[3]), "--meet" in arguments[4:])
        else:
            raise SystemExit(f"unknown mode {arguments[0]!r}")
    except Exception as error:  # reported to the test, which fails on it
        say(f"ERROR {type(error).__name__}: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
