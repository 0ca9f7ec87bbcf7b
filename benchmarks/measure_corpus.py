"""One measurement at corpus scale in this fresh process; writes one JSON object to RESULT.

    python benchmarks/measure_corpus.py cli RESULT ARGS...       run the command line (main.py ARGS)
    python benchmarks/measure_corpus.py search RESULT DB QUERY   time the corpus search alone
    python benchmarks/measure_corpus.py import-floor RESULT FILE NEW   the least any import of FILE does

``cli`` records the peak memory and exit status of the command (the parent times the process from
spawn to exit, as an analyst waits for it); ``search`` opens the project first and times only the
folded search of QUERY over every document, as the search panel of an open window runs it.
``import-floor`` is the floor of an import into a new project (``import_floor``), timed as ``cli`` is.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from pathlib import Path

from benchmarks.measure_data import peak_rss_mb
from storage.database import build_schema, connect, project_plan

_INSERT_SPAN = (
    'INSERT INTO spans (id, document_id, annotator, kind, label, start, "end", text, attributes, ref, '
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')"
)
_INSERT_RELATION = (
    "INSERT INTO relations (id, document_id, annotator, label, head, tail, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def run_cli(result: Path, args: list[str]) -> None:
    import main

    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        code = main.main(args)
    result.write_text(json.dumps({"rss_mb": peak_rss_mb(), "code": code}), encoding="utf-8")


def run_search(result: Path, db: Path, query: str) -> None:
    from benchmarks.data import open_project
    from cli.search_command import search_project

    project = open_project(db)
    started = time.perf_counter()
    found = search_project(project, query, whole_word=False)
    elapsed = (time.perf_counter() - started) * 1000
    project.close()
    result.write_text(json.dumps({"ms": elapsed, "rss_mb": peak_rss_mb(), "hits": found.total}), encoding="utf-8")


def import_floor(source: Path, target: Path) -> int:
    """What any import of the native file ``source`` into a new project at ``target`` does at least,
    with the standard library and SQLite alone: ``json.loads`` of every line, and its document (once),
    spans and relations inserted with ``executemany`` into the project's tables, without a journal and
    in one transaction, the indexes of spans and relations built at the end. No checks, no folding,
    no search index, no counts of tagged texts. Returns the number of spans."""
    build_schema(target, project_plan())
    db = connect(target)
    for setting in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -131072", "temp_store = MEMORY"):
        db.execute(f"PRAGMA {setting}")
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name IN ('spans', 'relations') AND sql NOT NULL"
    ).fetchall()
    for name, _sql in indexes:
        db.execute(f"DROP INDEX {name}")
    db.execute("DROP TRIGGER spans_surface_added")
    db.execute("DROP TRIGGER folded_texts_indexed")
    conn, spans = db.conn, 0
    with db.atomic(), source.open(encoding="utf-8") as lines:
        for position, line in enumerate(lines):
            record = json.loads(line)
            doc_id, layer = record["doc_id"], record["annotator"]
            conn.execute(
                "INSERT OR IGNORE INTO documents (id, title, text, text_sha256, metadata, created_at, position) "
                "VALUES (?, ?, ?, ?, ?, '', ?)",
                (doc_id, record["title"], record["text"], record["text_sha256"], json.dumps(record["meta"]), position),
            )
            conn.execute("INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, '')", (layer,))
            conn.executemany(
                _INSERT_SPAN,
                [
                    (
                        s["id"],
                        doc_id,
                        layer,
                        s["kind"],
                        s["label"],
                        s["start"],
                        s["end"],
                        s["text"],
                        json.dumps(s["attrs"]),
                        s["ref"],
                    )
                    for s in record["spans"]
                ],
            )
            conn.executemany(
                _INSERT_RELATION,
                [
                    (r["id"], doc_id, layer, r["label"], r["head"], r["tail"], json.dumps(r["attrs"]))
                    for r in record["relations"]
                ],
            )
            spans += len(record["spans"])
        for _name, sql in indexes:
            db.execute(sql)
    db.close()
    return spans


def main(argv: list[str]) -> int:
    mode, result, *rest = argv
    if mode == "cli":
        run_cli(Path(result), rest)
    elif mode == "search":
        run_search(Path(result), Path(rest[0]), rest[1])
    elif mode == "import-floor":
        spans = import_floor(Path(rest[0]), Path(rest[1]))
        Path(result).write_text(json.dumps({"rss_mb": peak_rss_mb(), "spans": spans}), encoding="utf-8")
    else:
        raise SystemExit(f"unknown measurement {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
