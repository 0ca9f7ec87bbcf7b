"""Reading plain texts to import: ``.txt`` files, folders of them, and JSONL with ``text``.

Reading is separate from storing: every file is read and checked first, and only when all of
them are good does anything reach the project, so an import is all or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.text import TextDecodeError, decode_document, normalise_text, title_from_text

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class IncomingText:
    title: str
    source: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    #: The document id given with the text (a JSONL ``id``), kept as the document's id.
    doc_id: str | None = None


class TextImportError(Exception):
    """One or more files could not be read; ``problems`` names each file and the reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to the ``.txt`` and ``.jsonl`` files inside them, sorted by name."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            )
        else:
            files.append(path)
    return files


def read_texts(paths: Iterable[Path]) -> list[IncomingText]:
    """Read every file; raise TextImportError naming every bad file, having read nothing into the project."""
    incoming: list[IncomingText] = []
    problems: list[str] = []
    files = collect_files(paths)
    if not files:
        raise TextImportError(["no .txt or .jsonl files were found"])
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(f"{path}: cannot be read ({error.strerror or error})")
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            texts, file_problems = _read_jsonl(path, data)
            incoming.extend(texts)
            problems.extend(file_problems)
            continue
        try:
            text = decode_document(data)
        except TextDecodeError as error:
            problems.append(f"{path}: {error}")
            continue
        incoming.append(IncomingText(title=title_from_text(text) or path.stem, source=str(path.name), text=text))
    if problems:
        raise TextImportError(problems)
    return incoming


def _read_jsonl(path: Path, data: bytes) -> tuple[list[IncomingText], list[str]]:
    try:
        content = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        return [], [f"{path}: it is not valid UTF-8 (byte {error.start}: {error.reason})"]
    if content.startswith("\ufeff"):
        content = content[1:]
    texts: list[IncomingText] = []
    problems: list[str] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: invalid JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(f"{where}: field 'text' is missing or not a string")
            continue
        try:
            text = normalise_text(record["text"])
        except TextDecodeError as error:
            problems.append(f"{where}: field 'text': {error}")
            continue
        title = record.get("title")
        if not isinstance(title, str) or not title.strip():
            title = title_from_text(text)
        meta = record.get("meta")
        given_id = record.get("id")
        if given_id is not None and (type(given_id) not in (str, int) or given_id == ""):
            problems.append(f"{where}: field 'id' must be a non-empty string or an integer")
            continue
        texts.append(
            IncomingText(
                title=title,
                source=f"{path.name}:{number}",
                text=text,
                metadata=meta if isinstance(meta, dict) else {},
                doc_id=None if given_id is None else str(given_id),
            )
        )
    if not texts and not problems:
        problems.append(f"{path}: it is empty")
    return texts, problems
