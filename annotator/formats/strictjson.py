"""Reading JSON and JSONL input that may be hostile: every problem becomes a :class:`Problem`.

Rejected: bytes that are not UTF-8 (a UTF-8 byte order mark at the very start is dropped; one
anywhere else, and UTF-16/32 marks, are reported), lines over a size limit, nesting deeper than
a limit (checked on the raw text before the parser recurses), invalid JSON, ``NaN`` and
``Infinity`` and numbers too large to be finite (``1e400``), duplicate keys in an object, and
strings holding lone surrogates (``"\\ud800"``).
"""

from __future__ import annotations

import codecs
import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from annotator.formats.records import Problem

MAX_LINE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64

# Keeps brackets, colons, quotes and backslashes, turns the letters that can follow a backslash
# in an escape (b f n r t u /) into "x", and deletes every other byte.
_ESCAPE_LETTERS = b"bfnrtu/"
_SKELETON_TABLE = bytes(b"x"[0] if b in _ESCAPE_LETTERS else b for b in range(256))
_SKELETON_DELETE = bytes(b for b in range(256) if b not in b'[]{}:"\\' + _ESCAPE_LETTERS)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JsonProblem(ValueError):
    """Raised by :func:`loads_strict`; ``field`` locates the problem inside the value when known."""

    def __init__(self, message: str, field: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.line = line


def skeleton(raw: bytes) -> bytes:
    """The brackets and colons of the JSON text ``raw`` (UTF-8) that lie outside strings.

    C-speed byte operations only: a first pass keeps brackets, colons, quotes, backslashes and a
    placeholder for escape letters; escaped backslashes and quotes are then removed, and with
    them gone every quote is a delimiter, so string contents are every other piece between
    quotes. In valid JSON each colon left is one member of one object.
    """
    kept = raw.translate(_SKELETON_TABLE, _SKELETON_DELETE)
    unescaped = kept.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, b"\\x")
    # Dropping adjacent quotes keeps the outside-string structure intact and leaves few pieces to split.
    return b"".join(unescaped.replace(b'""', b"").split(b'"')[::2])


def too_deep(raw: bytes, limit: int = MAX_DEPTH, structure: bytes | None = None) -> bool:
    """True if the brackets of the JSON text ``raw`` nest deeper than ``limit``.

    Each pass over the brackets removes exactly one level of empty pairs, so a well-formed value
    of depth <= ``limit`` is empty after ``limit`` passes. Unbalanced input returns False and is
    left to the parser to report. ``structure`` is ``skeleton(raw)`` when the caller has it.
    """
    if structure is None:
        if raw.count(b"[") + raw.count(b"{") <= limit:
            return False
        structure = skeleton(raw)
    brackets = structure.translate(None, b":")
    for _ in range(limit):
        reduced = brackets.replace(b"[]", b".").replace(b"{}", b".").translate(None, b".")
        if not reduced or reduced == brackets:
            return False
        brackets = reduced
    return b"[]" in brackets or b"{}" in brackets


def reject_constant(name: str) -> Any:
    raise JsonProblem(f"{name} is not allowed (JSON has no NaN or Infinity)")


def finite_float(written: str) -> float:
    """A JSON number with a fraction or an exponent; one too large for a float (``1e400``) is refused."""
    value = float(written)
    if not math.isfinite(value):
        raise JsonProblem(f"the number {written[:40]} is too large (it would be infinite)")
    return value


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise JsonProblem(f"duplicate key {key!r} in one object")
            seen.add(key)
    return result


def _find_lone_surrogate(value: Any, path: str) -> str | None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _find_lone_surrogate(key, path) or _find_lone_surrogate(item, f"{path}.{key}" if path else key)
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _find_lone_surrogate(item, f"{path}[{i}]")
            if found is not None:
                return found
    return None


def loads_strict(text: str, max_depth: int = MAX_DEPTH, raw: bytes | None = None) -> Any:
    """Parse one JSON value; raise :class:`JsonProblem` for anything listed in the module docstring.

    ``raw`` is ``text`` as UTF-8 when the caller has it already.
    """
    if too_deep(text.encode("utf-8", "surrogatepass") if raw is None else raw, max_depth):
        raise JsonProblem(f"nesting is deeper than {max_depth} levels")
    try:
        value = json.loads(text, parse_constant=reject_constant, parse_float=finite_float, object_pairs_hook=_pairs)
    except JsonProblem:
        raise
    except json.JSONDecodeError as error:
        raise JsonProblem(f"invalid JSON at column {error.colno}: {error.msg}", line=error.lineno) from None
    except RecursionError:
        raise JsonProblem(f"nesting is deeper than {max_depth} levels") from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise JsonProblem(f"invalid JSON: {error}") from None
    _check_surrogates(text, value)
    return value


def _check_surrogates(text: str, value: Any) -> None:
    if _SURROGATE_ESCAPE.search(text) is not None:
        where = _find_lone_surrogate(value, "")
        if where is not None:
            raise JsonProblem("contains a lone surrogate escape (not a valid character)", where)


def loads_counted(text: str, raw: bytes, max_depth: int = MAX_DEPTH) -> tuple[Any, int]:
    """Like :func:`loads_strict`, but duplicate keys are left to the caller: returns the value and
    the number of object members written in the text.

    A caller that counts the members of the parsed value (dicts keep one member per distinct key)
    detects duplicates by a smaller count, without the cost of a Python hook per object; it can
    then call :func:`loads_strict` on the same text to name the duplicate key.
    """
    structure = skeleton(raw)
    if too_deep(raw, max_depth, structure):
        raise JsonProblem(f"nesting is deeper than {max_depth} levels")
    try:
        value = json.loads(text, parse_constant=reject_constant, parse_float=finite_float)
    except JsonProblem:
        raise
    except json.JSONDecodeError as error:
        raise JsonProblem(f"invalid JSON at column {error.colno}: {error.msg}", line=error.lineno) from None
    except RecursionError:
        raise JsonProblem(f"nesting is deeper than {max_depth} levels") from None
    except ValueError as error:
        raise JsonProblem(f"invalid JSON: {error}") from None
    _check_surrogates(text, value)
    return value, structure.count(b":")


def count_members(value: Any) -> int:
    """The number of object members in ``value``, nested ones included."""
    if type(value) is dict:
        return len(value) + sum(count_members(v) for v in value.values() if type(v) is dict or type(v) is list)
    if type(value) is list:
        return sum(count_members(v) for v in value if type(v) is dict or type(v) is list)
    return 0


def _check_encoding_marks(data: bytes, path: str, problems: list[Problem]) -> bytes | None:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :]
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            problems.append(Problem(path, None, "", f"the file is {name}, not UTF-8"))
            return None
    return data


def read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    """The file's bytes, its leading UTF-8 BOM dropped; None (with a problem) if unreadable or empty."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        problems.append(Problem(str(path), None, "", f"cannot be read: {error.strerror or error}"))
        return None
    if not data.strip():
        problems.append(Problem(str(path), None, "", "the file is empty"))
        return None
    return _check_encoding_marks(data, str(path), problems)


def read_lines(path: Path, problems: list[Problem]) -> Iterator[bytes]:
    """The lines of ``read_bytes(path)`` split at each ``\\n``, read one at a time (a file of any size
    takes the memory of its longest line); the same problems for an unreadable, empty or non-UTF-8 file."""
    name = str(path)
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 (closed by the with below; opening can fail alone)
    except OSError as error:
        problems.append(Problem(name, None, "", f"cannot be read: {error.strerror or error}"))
        return
    with handle:
        first = _check_encoding_marks(handle.readline(), name, problems)
        if first is None:
            return
        blank = True
        for line in itertools.chain([first], handle):
            blank = blank and not line.strip()
            yield line[:-1] if line.endswith(b"\n") else line
        if blank:
            problems.append(Problem(name, None, "", "the file is empty"))


class JsonLine(NamedTuple):
    number: int
    value: Any
    text: str
    #: Object members written in the line when counted (duplicate keys not yet checked), else None.
    members: int | None


def iter_jsonl(
    path: Path,
    problems: list[Problem],
    max_line_bytes: int = MAX_LINE_BYTES,
    max_depth: int = MAX_DEPTH,
    count: bool = False,
) -> Iterator[JsonLine]:
    """Yield each good non-blank line parsed; record a problem for each bad one.

    With ``count`` the lines are parsed by :func:`loads_counted` and the caller must compare
    ``members`` with the members of the value; otherwise duplicate keys are already rejected.
    """
    yield from _parsed_lines(str(path), read_lines(path, problems), problems, max_line_bytes, max_depth, count)


def jsonl_lines(
    name: str,
    data: bytes,
    problems: list[Problem],
    max_line_bytes: int = MAX_LINE_BYTES,
    max_depth: int = MAX_DEPTH,
    count: bool = False,
) -> Iterator[JsonLine]:
    """:func:`iter_jsonl` over bytes already read. Lines end at ``\n`` only: U+2028, U+2029 and the
    other characters ``str.splitlines`` breaks at are valid inside a JSON string."""
    yield from _parsed_lines(name, data.split(b"\n"), problems, max_line_bytes, max_depth, count)


def _parsed_lines(
    name: str,
    lines: Iterable[bytes],
    problems: list[Problem],
    max_line_bytes: int,
    max_depth: int,
    count: bool,
) -> Iterator[JsonLine]:
    for number, raw in enumerate(lines, start=1):
        if len(raw) > max_line_bytes:
            problems.append(
                Problem(name, number, "", f"the line is {len(raw)} bytes, over the limit of {max_line_bytes}")
            )
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(name, number, "", f"not valid UTF-8 at byte {error.start} of the line"))
            continue
        if line.startswith("\ufeff"):
            problems.append(Problem(name, number, "", "a byte order mark (U+FEFF) starts a line inside the file"))
            continue
        if not line.strip():
            continue
        try:
            if count:
                value, members = loads_counted(line, raw, max_depth)
                yield JsonLine(number, value, line, members)
            else:
                yield JsonLine(number, loads_strict(line, max_depth, raw), line, None)
        except JsonProblem as error:
            problems.append(Problem(name, number, error.field, error.message))


def load_json_file(
    path: Path,
    problems: list[Problem],
    max_bytes: int = 16 * MAX_LINE_BYTES,
    max_depth: int = MAX_DEPTH,
) -> Any:
    """The one JSON value in ``path``, or None with problems recorded (lines are given where known)."""
    name = str(path)
    data = read_bytes(path, problems)
    if data is None:
        return None
    if len(data) > max_bytes:
        problems.append(Problem(name, None, "", f"the file is {len(data)} bytes, over the limit of {max_bytes}"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(Problem(name, line, "", f"not valid UTF-8 at byte {error.start}"))
        return None
    try:
        return loads_strict(text, max_depth, data)
    except JsonProblem as error:
        problems.append(Problem(name, error.line, error.field, error.message))
        return None
