"""The one way imported bytes become stored text (DESIGN.md section 2)."""

from __future__ import annotations

import hashlib

BOM = "\ufeff"


class TextDecodeError(ValueError):
    """Bytes that cannot become a document: not UTF-8, binary, or empty."""


def decode_document(data: bytes) -> str:
    """Strict UTF-8, a leading BOM dropped, CRLF and lone CR turned into LF. Nothing else."""
    if b"\x00" in data:
        raise TextDecodeError("it looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise TextDecodeError(f"it is not valid UTF-8 (byte {error.start}: {error.reason})") from None
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """The stored form of a text that is already a ``str`` (JSONL ``text`` fields)."""
    if text.startswith(BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TextDecodeError("it is empty")
    if text.startswith("\x00"):
        # SQLite's length() stops at a NUL: the project's check that a text is not empty would fail.
        raise TextDecodeError("it starts with a NUL character (U+0000), which a project cannot store")
    return text


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_from_text(text: str, limit: int = 120) -> str:
    """The first non-blank line, trimmed, cut at ``limit`` characters."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped) <= limit else stripped[: limit - 1] + "…"
    return ""
