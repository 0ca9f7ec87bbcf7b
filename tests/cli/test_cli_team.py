"""init-team, push and pull from the command line, against the real test server, in real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.cli.test_cli import run
from tests.conftest import CORPUS
from tests.team_server import TeamServer

TEXTS = sorted(CORPUS.glob("*.txt"))[:2]


def test_a_team_is_set_up_then_works_offline_and_merges_back(team_server: TeamServer, tmp_path: Path) -> None:
    database = team_server.new_database()
    lead = tmp_path / "lead.hashiya"
    assert run("import-texts", "--db", str(lead), *map(str, TEXTS)).returncode == 0
    made = run(
        "init-team",
        team_server.url(database),
        "--db",
        str(lead),
        "--annotators",
        "amal,omar",
        "--reviewers",
        "rana",
    )
    assert made.returncode == 0, made.stderr
    assert "2 document(s)" in made.stdout
    again = run("init-team", team_server.url(database), "--db", str(lead))
    assert again.returncode == 2 and "empty database" in again.stderr

    # The team project opens like a file; its layer is the role's.
    stats = run("stats", "--json", "--db", team_server.url(database, "omar"))
    assert stats.returncode == 0, stats.stderr
    assert len(json.loads(stats.stdout)["documents"]) == 2

    # amal works offline on her own copy, pushes, and omar's copy pulls her layer.
    amal = tmp_path / "amal.hashiya"
    run("import-texts", "--db", str(amal), *map(str, TEXTS))
    native = tmp_path / "amal.jsonl"
    project = Project(SqliteRepository.open(lead), "lead")
    try:
        document = project.document(project.documents()[0].id)
    finally:
        project.close()
    lines: list[dict[str, object]] = [
        {
            "format": "hashiya/1",
            "doc_id": document.id,
            "title": document.title,
            "text": document.text,
            "text_sha256": document.text_sha256,
            "lang": "ar",
            "offset_unit": "codepoint",
            "status": "in_progress",
            "relations": [],
            "meta": {},
        }
    ]
    text = document.text
    word = next(w for w in text.split() if len(w) > 3)
    start = text.index(word)
    lines[0].update(
        annotator="amal",
        spans=[
            {
                "id": "s1",
                "start": start,
                "end": start + len(word),
                "text": word,
                "kind": "entity",
                "label": "PER",
                "attrs": {},
                "ref": None,
            }
        ],
    )
    native.write_text(json.dumps(lines[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("import", str(native), "--db", str(amal), "--annotator", "amal").returncode == 0
    pushed = run("push", "--to", team_server.url(database, "amal"), "--db", str(amal), "--annotator", "amal")
    assert pushed.returncode == 0, pushed.stderr
    assert f"pushed amal's layer of {lines[0]['doc_id']}" in pushed.stdout
    assert (
        "nothing of amal's layer to push"
        in run("push", "--to", team_server.url(database, "amal"), "--db", str(amal), "--annotator", "amal").stdout
    )

    omar = tmp_path / "omar.hashiya"
    pulled = run("pull", "--from", team_server.url(database, "omar"), "--db", str(omar), "--annotator", "omar")
    assert pulled.returncode == 0, pulled.stderr
    assert f"pulled amal's layer of {lines[0]['doc_id']}" in pulled.stdout
    exported_omar = tmp_path / "omar-sees-amal.jsonl"
    assert (
        run(
            "export", "--db", str(omar), "--annotator", "amal", "--format", "native", "-o", str(exported_omar)
        ).returncode
        == 0
    )
    assert word in exported_omar.read_text(encoding="utf-8")

    # The window opens on the team project too (rendered offscreen).
    shot = tmp_path / "team.png"
    shown = run("screenshot", "--db", team_server.url(database, "amal"), "-o", str(shot))
    assert shown.returncode == 0, shown.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")

    team_server.create_role("eve")
    stranger = run("stats", "--db", team_server.url(database, "eve"))
    assert stranger.returncode == 2 and "not given to" in stranger.stderr


def test_pushing_and_pulling_leave_the_analysts_edit_log_as_it_was(team_server: TeamServer, tmp_path: Path) -> None:
    """The push cursor and the pull's bases are bookkeeping: the analyst's log holds only their own edits."""
    database = team_server.new_database()
    lead = tmp_path / "lead.hashiya"
    assert run("import-texts", "--db", str(lead), *map(str, TEXTS)).returncode == 0
    made = run("init-team", team_server.url(database), "--db", str(lead), "--annotators", "amal", "--reviewers", "rana")
    assert made.returncode == 0, made.stderr

    amal = tmp_path / "amal.hashiya"
    assert run("import-texts", "--db", str(amal), *map(str, TEXTS)).returncode == 0
    project = Project(SqliteRepository.open(amal), "amal")
    document_id = project.documents()[0].id
    project.apply(project.add_span(document_id, 0, 4, "PER"))
    before = project.repository.edit_log()
    project.close()

    url = team_server.url(database, "amal")
    pushed = run("push", "--to", url, "--db", str(amal))
    assert pushed.returncode == 0, pushed.stderr
    pulled = run("pull", "--from", url, "--db", str(amal))
    assert pulled.returncode == 0, pulled.stderr
    assert run("push", "--to", url, "--db", str(amal)).returncode == 0

    reopened = SqliteRepository.open(amal)
    try:
        assert reopened.edit_log() == before
    finally:
        reopened.close()
