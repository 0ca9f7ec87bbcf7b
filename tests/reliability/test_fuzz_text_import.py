"""Ten thousand damaged JSONL files through ``import-texts``: a message, never a traceback, and what gets in exports.

Like the annotation importers' fuzz test: valid seed files are damaged byte by byte, line by line
and value by value (NaN, 1e400, huge integers, lone surrogates, NUL, deep nesting, wrong types).
Every file is either refused whole with a message naming it, or imported; what is imported is
stored without a storage error and exports again as native JSONL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.exchange import ExportFormat, export_layer
from annotator.project import Project
from annotator.text_import import TextImportError
from storage.sqlite_repository import SqliteRepository
from tests.reliability.mutations import dumps, mutate_bytes, mutate_lines, mutate_value, write_new

EXAMPLES_PER_SEED = 5000
LINE_LIMIT = 64 * 1024

SEEDS: dict[str, list[dict[str, object]]] = {
    "plain": [
        {"text": "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو تدعم بيونغ\u00a0يانغ."},
        {"text": "نفت وزارة الدفاع تقارير عن نشر قوات 👍🏽 قرب الحدود.", "title": "نفي"},
    ],
    "with meta": [
        {
            "text": "وقّعت الدولتان معاهدة\u2028للشراكة الاستراتيجية الشاملة.",
            "title": "معاهدة",
            "meta": {"source": "wire", "score": 0.5, "count": 3, "tags": ["treaty", "ru"], "extra": {"a": None}},
        },
        {"text": "أعلن المتحدث أن العقوبات الجديدة ستدخل حيز التنفيذ.", "meta": {"date": "2024-06-19"}},
    ],
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    folder = tmp_path_factory.mktemp("fuzz-texts")
    repository = SqliteRepository.open(folder / "fuzz.hashiya")
    repository.db.execute("PRAGMA synchronous = OFF")  # durability is tested elsewhere; here, speed
    project = Project(repository, "huda")
    yield project
    project.close()


def malformed(data: st.DataObject, lines: list[dict[str, object]], raw: bytes) -> bytes:
    kind = data.draw(st.sampled_from(["value", "value", "value", "bytes", "lines"]), label="kind")
    if kind == "bytes":
        return mutate_bytes(data, raw)
    if kind == "lines":
        return mutate_lines(data, raw, LINE_LIMIT)
    records = json.loads(json.dumps(lines))
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        index = data.draw(st.integers(0, len(records) - 1), label="record")
        records[index] = mutate_value(data, records[index])
    return b"\n".join(dumps(record, data) for record in records)


def check_one(project: Project, path: Path, exported: Path) -> str:
    """Import ``path``; refused with a message naming it, or stored and exported again."""
    try:
        summary = project.import_paths([path])
    except TextImportError as error:
        assert error.problems and all(problem.startswith(str(path)) for problem in error.problems), error.problems
        return "refused"
    if summary.added:
        exported.unlink(missing_ok=True)  # see write_new
        export_layer(project, ExportFormat.NATIVE, exported, "huda", summary.added)
        lines = exported.read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 is inside strings
        written = [json.loads(line) for line in lines if line]
        assert sorted(record["doc_id"] for record in written) == sorted(summary.added)
    return "imported"


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SEEDS))
def test_damaged_text_files_are_refused_whole_or_imported_and_exported(
    project: Project, tmp_path: Path, name: str
) -> None:
    lines = SEEDS[name]
    raw = b"\n".join(json.dumps(line, ensure_ascii=False).encode("utf-8") for line in lines)
    target = tmp_path / "case.jsonl"
    exported = tmp_path / "out.jsonl"
    target.write_bytes(raw)
    assert check_one(project, target, exported) == "imported"
    outcomes = {"refused": 0, "imported": 0}

    @settings(
        max_examples=EXAMPLES_PER_SEED,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        write_new(target, malformed(data, lines, raw))
        outcomes[check_one(project, target, exported)] += 1

    run()
    print(f"{name}: {outcomes}")
    assert sum(outcomes.values()) >= EXAMPLES_PER_SEED
    assert outcomes["refused"] > EXAMPLES_PER_SEED // 4


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "نص", "meta": {"x": 1e400}}', "too large"),
        ('{"text": "نص", "meta": {"x": NaN}}', "NaN is not allowed"),
        ('{"text": "نص", "meta": {"x": -Infinity}}', "-Infinity is not allowed"),
        ('{"text": "\\u0000نص"}', "starts with a NUL character"),
        ('{"text": "نص", "text": "آخر"}', "duplicate key 'text'"),
        ('{"text": "\\ud800"}', "lone surrogate"),
        ('{"text": "نص", "meta": [1]}', "meta is an array, not an object"),
        ("[" * 100 + "]" * 100, "nesting is deeper"),
    ],
)
def test_each_kind_of_bad_line_is_refused_with_its_reason(
    project: Project, tmp_path: Path, line: str, reason: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "سطر سليم"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(TextImportError) as refused:
        project.import_paths([path])
    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].startswith(f"{path}:2: ")
    assert reason in refused.value.problems[0]


def test_a_raw_line_separator_inside_a_text_is_valid_json(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "separators.jsonl"
    path.write_text('{"text": "سطر\u2028ثم\u2029فقرة\x85"}\n', encoding="utf-8")
    summary = project.import_paths([path])
    assert project.document(summary.added[0]).text == "سطر\u2028ثم\u2029فقرة\x85"
