"""One measurement of export, import or agreement in this fresh process; prints one JSON line
{"samples": [ms], "rss_mb": ...}.

    python benchmarks/measure_data.py MEASUREMENT ARGS...

  export PROJECT            export the bench layer as native JSONL (annotator.exchange.export_layer)
  export-floor PROJECT      read the same rows with sqlite3 and write the same lines with json alone
  import FILE               import a native file, fully validated, into a fresh project (import_file)
  import-floor FILE         json.loads every line, insert the rows with sqlite3 executemany, commit
  agreement PROJECT         agreement_report over the bench and second layers of every document
  agreement-floor PROJECT   exact-match span F1 of the same layers with Python sets alone

Loading the layers for the agreement figures, copying project files and creating fresh project
files happen before the clock starts.
"""

from __future__ import annotations

import json
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.agreement import DocumentLayers, agreement_report
from annotator.collection import collector_paused
from annotator.exchange import ExportFormat, export_layer, import_file
from annotator.model import Span
from annotator.tokenize import tokenize
from benchmarks.data import ANNOTATOR, SECOND_ANNOTATOR, open_project
from storage.database import connect


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    VmHWM rather than ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec,
    so a child of a large parent would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(elapsed_ms: float, **extra: object) -> None:
    print(json.dumps({"samples": [elapsed_ms], "rss_mb": peak_rss_mb(), **extra}), flush=True)


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="hashiya-bench-"))


def private_copy(path: Path) -> Path:
    target = scratch() / path.name
    shutil.copyfile(path, target)
    return target


def measure_export(project_path: Path) -> None:
    project = open_project(private_copy(project_path))
    target = scratch() / "export.jsonl"
    elapsed, report = timed(lambda: export_layer(project, ExportFormat.NATIVE, target, ANNOTATOR))
    emit(elapsed, spans=getattr(report, "spans", None))


def _native_line(document: tuple[Any, ...], status: str, spans: list[Any], relations: list[Any]) -> str:
    doc_id, title, text, sha, metadata = document
    return json.dumps(
        {
            "format": "hashiya/1",
            "doc_id": doc_id,
            "title": title,
            "text": text,
            "text_sha256": sha,
            "lang": "ar",
            "offset_unit": "codepoint",
            "annotator": ANNOTATOR,
            "status": status,
            "spans": [
                {
                    "id": s[0],
                    "start": s[1],
                    "end": s[2],
                    "text": s[3],
                    "kind": s[4],
                    "label": s[5],
                    "attrs": json.loads(s[6]),
                    "ref": s[7],
                }
                for s in spans
            ],
            "relations": [
                {"id": r[0], "label": r[1], "head": r[2], "tail": r[3], "attrs": json.loads(r[4])} for r in relations
            ],
            "meta": json.loads(metadata),
        },
        ensure_ascii=False,
    )


def export_floor(project_path: Path, target: Path) -> int:
    connection = sqlite3.connect(project_path)
    spans: dict[str, list[Any]] = defaultdict(list)
    for row in connection.execute(
        'SELECT document_id, id, start, "end", text, kind, label, attributes, ref FROM spans '
        'WHERE annotator = ? ORDER BY document_id, start, "end" DESC, id',
        [ANNOTATOR],
    ):
        spans[row[0]].append(row[1:])
    relations: dict[str, list[Any]] = defaultdict(list)
    for row in connection.execute(
        "SELECT document_id, id, label, head, tail, attributes FROM relations WHERE annotator = ? ORDER BY id",
        [ANNOTATOR],
    ):
        relations[row[0]].append(row[1:])
    statuses = dict(
        connection.execute("SELECT document_id, status FROM document_status WHERE annotator = ?", [ANNOTATOR])
    )
    count = 0
    with target.open("w", encoding="utf-8") as handle:
        for document in connection.execute(
            "SELECT id, title, text, text_sha256, metadata FROM documents ORDER BY position"
        ):
            rows = spans.get(document[0], [])
            handle.write(_native_line(document, statuses.get(document[0], "new"), rows, relations[document[0]]))
            handle.write("\n")
            count += len(rows)
    connection.close()
    return count


def measure_export_floor(project_path: Path) -> None:
    copy = private_copy(project_path)
    target = scratch() / "floor.jsonl"
    elapsed, count = timed(lambda: export_floor(copy, target))
    emit(elapsed, spans=count)


def measure_import(path: Path) -> None:
    project = open_project(scratch() / "fresh.hashiya")
    elapsed, summary = timed(lambda: import_file(project, path))
    emit(elapsed, spans=getattr(summary, "spans", None))


def import_floor(path: Path, project_path: Path) -> int:
    db = connect(project_path)
    connection = db.conn
    documents: list[tuple[Any, ...]] = []
    annotators: set[str] = set()
    spans: list[tuple[Any, ...]] = []
    relations: list[tuple[Any, ...]] = []
    with path.open(encoding="utf-8") as handle:
        for position, line in enumerate(handle):
            record = json.loads(line)
            doc_id, layer = record["doc_id"], record["annotator"]
            documents.append(
                (doc_id, record["title"], record["text"], record["text_sha256"], json.dumps(record["meta"]), position)
            )
            annotators.add(layer)
            spans.extend(
                (s["id"], doc_id, layer, s["kind"], s["label"], s["start"], s["end"], s["text"], json.dumps(s["attrs"]))
                for s in record["spans"]
            )
            relations.extend(
                (r["id"], doc_id, layer, r["label"], r["head"], r["tail"], json.dumps(r["attrs"]))
                for r in record["relations"]
            )
    with connection:
        connection.executemany(
            "INSERT INTO documents (id, title, text, text_sha256, metadata, created_at, position) "
            "VALUES (?, ?, ?, ?, ?, '', ?)",
            documents,
        )
        connection.executemany("INSERT OR IGNORE INTO annotators VALUES (?, '')", [(a,) for a in annotators])
        connection.executemany(
            'INSERT INTO spans (id, document_id, annotator, kind, label, start, "end", text, attributes, '
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')",
            spans,
        )
        connection.executemany(
            "INSERT INTO relations (id, document_id, annotator, label, head, tail, attributes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            relations,
        )
    db.close()
    return len(spans)


def measure_import_floor(path: Path) -> None:
    fresh = scratch() / "fresh.hashiya"
    open_project(fresh).close()
    elapsed, count = timed(lambda: import_floor(path, fresh))
    emit(elapsed, spans=count)


def load_layers(project_path: Path) -> list[DocumentLayers]:
    project = open_project(private_copy(project_path))
    documents = []
    for summary in project.documents():
        text = project.document(summary.id).text
        layers: list[list[Span]] = [project.spans(summary.id, ANNOTATOR), project.spans(summary.id, SECOND_ANNOTATOR)]
        tokens = [(token.start, token.end) for token in tokenize(text)]
        documents.append(DocumentLayers(summary.id, len(text), layers, tokens))
    project.close()
    return documents


def measure_agreement(project_path: Path) -> None:
    documents = load_layers(project_path)
    started = time.perf_counter()
    with collector_paused():  # as the agreement table (command line and dashboard) runs it
        report = agreement_report(documents)
    elapsed = (time.perf_counter() - started) * 1000
    emit(elapsed, spans=sum(len(d.layers[0]) for d in documents), exact_f1=report.corpus.exact_f1)


def exact_f1(documents: list[DocumentLayers]) -> float:
    agreed = first = second = 0
    for document in documents:
        a = {(s.start, s.end, s.label) for s in document.layers[0]}
        b = {(s.start, s.end, s.label) for s in document.layers[1]}
        agreed += len(a & b)
        first += len(a)
        second += len(b)
    return 2 * agreed / (first + second)


def measure_agreement_floor(project_path: Path) -> None:
    documents = load_layers(project_path)
    elapsed, f1 = timed(lambda: exact_f1(documents))
    emit(elapsed, spans=sum(len(d.layers[0]) for d in documents), exact_f1=f1)


MEASUREMENTS: dict[str, Callable[[Path], None]] = {
    "export": measure_export,
    "export-floor": measure_export_floor,
    "import": measure_import,
    "import-floor": measure_import_floor,
    "agreement": measure_agreement,
    "agreement-floor": measure_agreement_floor,
}


def main(argv: list[str]) -> None:
    name, argument = argv
    if name not in MEASUREMENTS:
        raise SystemExit(f"unknown measurement {name!r}")
    MEASUREMENTS[name](Path(argument))


if __name__ == "__main__":
    main(sys.argv[1:])
