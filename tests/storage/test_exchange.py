"""Exchange files through real project files: exact native round trips, teammates' layers, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.exchange import ExportFormat, ImportInto, LayersExist, export_layer, import_file, layer_records
from annotator.formats import ImportFailed, ImportFormat
from annotator.model import Document, DocumentStatus, Layer, Relation, Span, SpanKind
from annotator.project import Project, document_id_for, now_iso
from annotator.repository import ProjectError
from annotator.text import text_sha256
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS


def new_project(path: Path, annotator: str = "amal") -> Project:
    return Project(SqliteRepository.open(path), annotator)


def annotate(project: Project) -> None:
    for document in project.documents()[:3]:
        text = project.document(document.id).text
        start = text.index("روسيا")
        outer = project.add_span(document.id, start, start + len("روسيا"), "GPE", ref="russia")
        project.apply(outer)
        claim_start = text.index("\n", 40) + 1
        claim = project.add_span(document.id, claim_start, claim_start + 30, "CLAIM")
        project.apply(claim)
        project.apply(project.set_attribute(claim.span, "stance", "alleged"))
        project.apply(project.add_relation("TARGET", claim.span, outer.span))
        project.set_status(document.id, DocumentStatus.DONE)


@pytest.fixture
def annotated(tmp_path: Path) -> Project:
    project = new_project(tmp_path / "amal.hashiya")
    project.import_paths(sorted(CORPUS.glob("*.txt")))
    annotate(project)
    return project


def test_native_export_import_export_is_byte_exact(annotated: Project, tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    report = export_layer(annotated, ExportFormat.NATIVE, first, "amal")
    assert report.documents == 5 and report.spans == 6
    empty = new_project(tmp_path / "empty.hashiya", "someone")
    summary = import_file(empty, first)
    assert (summary.documents_added, summary.layers, summary.spans, summary.relations) == (5, 5, 6, 3)
    second = tmp_path / "second.jsonl"
    export_layer(empty, ExportFormat.NATIVE, second, "amal")
    assert second.read_bytes() == first.read_bytes()
    assert [d.status for d in empty.repository.list_documents("amal")][:3] == [DocumentStatus.DONE] * 3


def test_a_teammates_file_becomes_their_layer_and_brings_missing_texts(annotated: Project, tmp_path: Path) -> None:
    exported = tmp_path / "amal.jsonl"
    export_layer(annotated, ExportFormat.NATIVE, exported, "amal")
    mine = new_project(tmp_path / "mine.hashiya", "omar")
    mine.import_paths(sorted(CORPUS.glob("*.txt"))[:2])
    summary = import_file(mine, exported, annotator="amal-review")
    assert summary.documents_added == 3
    assert summary.annotators == ("amal-review",)
    assert len(mine.documents()) == 5
    for record in layer_records(mine, "amal-review"):
        for span in record.spans:
            assert record.text[span.start : span.end] == span.text
    assert sum(len(r.spans) for r in layer_records(mine, "amal-review")) == 6
    assert all(not r.spans for r in layer_records(mine, "omar"))


def test_the_same_file_under_two_names_keeps_both_layers(annotated: Project, tmp_path: Path) -> None:
    exported = tmp_path / "amal.jsonl"
    export_layer(annotated, ExportFormat.NATIVE, exported, "amal")
    import_file(annotated, exported, annotator="amal-copy")
    original = layer_records(annotated, "amal")
    copy = layer_records(annotated, "amal-copy")
    assert [len(r.spans) for r in copy] == [len(r.spans) for r in original]
    original_ids = {s.id for r in original for s in r.spans}
    assert original_ids.isdisjoint({s.id for r in copy for s in r.spans})
    for record in copy:
        ids = {s.id for s in record.spans}
        assert all(rel.head in ids and rel.tail in ids for rel in record.relations)


def test_a_bad_file_imports_nothing(annotated: Project, tmp_path: Path) -> None:
    exported = tmp_path / "amal.jsonl"
    export_layer(annotated, ExportFormat.NATIVE, exported, "amal")
    lines = exported.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[2])
    broken["spans"][0]["text"] = "ليس هذا"
    lines[2] = json.dumps(broken, ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fresh = new_project(tmp_path / "fresh.hashiya")
    with pytest.raises(ImportFailed) as raised:
        import_file(fresh, bad)
    assert any(p.line == 3 and "spans[0]" in p.field for p in raised.value.problems)
    assert fresh.documents() == []


@pytest.mark.parametrize("fmt", [ImportFormat.DOCCANO, ImportFormat.PRODIGY, ImportFormat.LABELSTUDIO])
def test_foreign_formats_come_back_into_a_named_layer(annotated: Project, tmp_path: Path, fmt: ImportFormat) -> None:
    written = {
        ImportFormat.DOCCANO: (ExportFormat.DOCCANO, "out.jsonl"),
        ImportFormat.PRODIGY: (ExportFormat.SPACY, "out.jsonl"),
        ImportFormat.LABELSTUDIO: (ExportFormat.LABELSTUDIO, "out.json"),
    }[fmt]
    path = tmp_path / written[1]
    export_layer(annotated, written[0], path, "amal")
    fresh = new_project(tmp_path / "fresh.hashiya")
    summary = import_file(fresh, path, fmt, annotator="teammate")
    assert summary.spans == 6
    back = {(s.start, s.end, s.label, s.text) for r in layer_records(fresh, "teammate") for s in r.spans}
    before = {(s.start, s.end, s.label, s.text) for r in layer_records(annotated, "amal") for s in r.spans}
    assert back == before


def test_imported_spans_keep_what_the_file_says_and_get_the_import_time(annotated: Project, tmp_path: Path) -> None:
    exported = tmp_path / "amal.jsonl"
    export_layer(annotated, ExportFormat.NATIVE, exported, "amal")
    fresh = new_project(tmp_path / "fresh.hashiya", "someone")
    before = now_iso()
    import_file(fresh, exported)
    after = now_iso()
    stored = [s for d in fresh.documents() for s in fresh.spans(d.id, "amal")]
    written = {
        (s.start, s.end, s.label, s.text, s.ref) for d in annotated.documents() for s in annotated.spans(d.id, "amal")
    }
    assert {(s.start, s.end, s.label, s.text, s.ref) for s in stored} == written
    assert {s.id for s in stored} == {s.id for d in annotated.documents() for s in annotated.spans(d.id, "amal")}
    attributes = {s.id: s.attributes for d in annotated.documents() for s in annotated.spans(d.id, "amal")}
    assert {s.id: s.attributes for s in stored} == attributes
    assert sum(1 for s in stored if s.attributes.get("stance") == "alleged") == 3
    assert all(before <= s.created_at == s.updated_at <= after for s in stored)
    relations = [r for d in fresh.documents() for r in fresh.relations(d.id, "amal")]
    by_id = {s.id: s for s in stored}
    assert (
        sorted((by_id[r.head].label, by_id[r.tail].label, r.label) for r in relations)
        == [("CLAIM", "GPE", "TARGET")] * 3
    )
    actions = [entry["action"] for entry in fresh.repository.edit_log()]
    assert actions.count("Import 2 span(s) into amal") == 3 and actions.count("Import 0 span(s) into amal") == 2


def test_importing_a_layer_again_is_refused_unless_asked_to_replace(annotated: Project, tmp_path: Path) -> None:
    exported = tmp_path / "amal.jsonl"
    export_layer(annotated, ExportFormat.NATIVE, exported, "amal")
    ids = {s.id for d in annotated.documents() for s in annotated.spans(d.id, "amal")}
    log = annotated.repository.edit_log()
    with pytest.raises(LayersExist, match="amal"):
        import_file(annotated, exported)
    assert annotated.repository.edit_log() == log
    summary = import_file(annotated, exported, into=ImportInto.REPLACE)
    assert summary.documents_added == 0 and summary.spans == 6 and summary.replaced == 6
    assert [s.id for d in annotated.documents() for s in annotated.spans(d.id, "amal")] != []
    assert {s.id for d in annotated.documents() for s in annotated.spans(d.id, "amal")} == ids
    again = tmp_path / "again.jsonl"
    export_layer(annotated, ExportFormat.NATIVE, again, "amal")
    assert again.read_bytes() == exported.read_bytes()


def test_a_layer_the_database_refuses_leaves_the_project_untouched(tmp_path: Path) -> None:
    project = new_project(tmp_path / "fresh.hashiya")
    text = "قالت روسيا إن الاتفاق قائم"
    sha = text_sha256(text)
    document = Document(document_id_for(sha), "t", "test", text, sha, {}, now_iso())
    span = Span("s1", document.id, "amal", SpanKind.ENTITY, "GPE", 5, 10, text[5:10])
    fine = Layer(document.id, "amal", DocumentStatus.DONE, (span,), ())
    dangling = Relation("r1", document.id, "omar", "TARGET", "s1", "missing")
    refused = Layer(document.id, "omar", DocumentStatus.DONE, (), (dangling,))
    log = project.repository.edit_log()
    with pytest.raises(ProjectError, match="nothing was imported"):
        project.repository.replace_layers([document], [fine, refused], "amal", now_iso())
    assert project.documents() == []
    assert project.repository.span("s1") is None
    assert "omar" not in project.repository.annotators()
    assert project.repository.edit_log() == log


def test_every_export_format_has_one_description_that_everything_reads() -> None:
    from annotator.exchange import EXPORTS, WRITERS, ExportFormat

    assert set(EXPORTS) == set(ExportFormat) == set(WRITERS)
    for spec in EXPORTS.values():
        assert spec.suffix.startswith(".") and spec.description
