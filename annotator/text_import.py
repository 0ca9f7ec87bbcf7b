"""Reading plain texts to import: ``.txt`` files, folders of them, and JSONL with ``text``.

Reading is separate from storing: every file is read and checked first, and only when all of
them are good does anything reach the project, so an import is all or nothing.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.formats.checks import json_type
from annotator.formats.records import Problem
from annotator.formats.strictjson import jsonl_lines
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


def _record_problem(record: Any) -> tuple[str, str] | None:
    """The field and the reason a parsed line is not a text record; None if it is one."""
    if not isinstance(record, dict):
        return "", f"the line is {json_type(record)}, not an object"
    if not isinstance(record.get("text"), str):
        return "text", "field 'text' is missing or not a string"
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        return "title", f"the title is {json_type(title)}, not a string"
    meta = record.get("meta", {})
    if not isinstance(meta, dict):
        return "meta", f"meta is {json_type(meta)}, not an object"
    given_id = record.get("id")
    if given_id is not None and (type(given_id) not in (str, int) or given_id == ""):
        return "id", "field 'id' must be a non-empty string or an integer"
    return None


def _read_jsonl(path: Path, data: bytes) -> tuple[list[IncomingText], list[str]]:
    """Texts from JSONL lines ``{"text": ..., "title"?: ..., "meta"?: {...}}``, read as strictly as annotations are.

    Each line is parsed by the strict reader of the exchange formats (UTF-8, nesting, NaN and
    numbers too large to be finite, duplicate keys, lone surrogates); lines end at ``\n`` only.
    """
    problems: list[Problem] = []
    texts: list[IncomingText] = []
    name = str(path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for line in jsonl_lines(name, data, problems):
        record = line.value
        problem = _record_problem(record)
        if problem is None:
            try:
                text = normalise_text(record["text"])
            except TextDecodeError as error:
                problem = ("text", str(error))
        if problem is not None:
            problems.append(Problem(name, line.number, *problem))
            continue
        title, meta = record.get("title"), record.get("meta", {})
        if title is None or not title.strip():
            title = title_from_text(text)
        given_id = record.get("id")
        texts.append(
            IncomingText(
                title=title,
                source=f"{path.name}:{line.number}",
                text=text,
                metadata=meta,
                doc_id=None if given_id is None else str(given_id),
            )
        )
    if not texts and not problems:
        problems.append(Problem(name, None, "", "it is empty"))
    return texts, [str(problem) for problem in problems]
