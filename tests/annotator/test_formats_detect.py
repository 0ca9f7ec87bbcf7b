"""Choosing the importer from a file, and the import entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats import ImportFormat, detect_format, read_file
from tests.annotator.malformed_cases import GOOD_NATIVE


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.jsonl", GOOD_NATIVE, ImportFormat.NATIVE),
        ("a.jsonl", b'\xef\xbb\xbf{"text": "x", "label": []}\n', ImportFormat.DOCCANO),
        ("a.jsonl", b'{"text": "x", "entities": []}\n', ImportFormat.DOCCANO),
        ("a.jsonl", b'{"text": "x", "tokens": [], "spans": []}\n', ImportFormat.PRODIGY),
        ("a.json", b"[]", ImportFormat.LABELSTUDIO),
        ("a.jsonl", b"not json", ImportFormat.NATIVE),
    ],
)
def test_detect_format(tmp_path: Path, name: str, content: bytes, expected: ImportFormat) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_format(path) is expected


def test_foreign_formats_need_an_annotator_layer(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "بوتين", "label": [[0, 5, "PER"]]}), encoding="utf-8")
    with pytest.raises(ValueError, match="annotator"):
        read_file(path)
    [record] = read_file(path, annotator="ali")
    assert [(s.label, s.text, s.annotator) for s in record.spans] == [("PER", "بوتين", "ali")]
