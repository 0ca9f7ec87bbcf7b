"""Malformed files made from valid exports: byte damage, JSON values of the wrong kind, odd lines."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

NESTING = "\x00nest\x00"

HOSTILE_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    10**400,
    -(10**30),
    1e308,
    math.nan,
    math.inf,
    -math.inf,
    0.5,
    "",
    "\ud800",
    "x\udfffy",
    "\u202e<img src=x>",
    "../../etc/passwd",
    "PER",
    "CLAIMANT",
    [],
    {},
    [None],
    {"": None},
    NESTING,
]

# Built once: hypothesis checks a strategy each time one is made, which cost more than the draws.
HOSTILE = st.sampled_from(HOSTILE_VALUES)
REPLACEMENTS = HOSTILE | st.integers() | st.floats() | st.text(max_size=8)
HOWS = st.sampled_from(["replace", "delete", "duplicate", "shift", "add key", "wrap"])
SHIFTS = st.sampled_from([-1, 1, 2, 1000, -(10**6), 10**12])
ADDED_KEYS = st.sampled_from(["id", "start", "label", "__proto__", "\ud800"])
DEPTHS = st.sampled_from([50, 1000, 20_000])
BYTE_HOWS = st.sampled_from(["flip", "truncate", "hole", "repeat", "insert"])
INSERTED = st.sampled_from(
    [b"\xff", b"\xc0\x80", b"\x00", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\n", b"NaN", b"\\ud800"]
) | st.binary(min_size=1, max_size=8)
LINE_HOWS = st.sampled_from(["drop", "repeat", "swap", "blank", "long"])


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a parsed JSON value, as the keys and indexes leading to it."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths(item, (*prefix, index)))
    return found


def _parent(root: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        root = root[step]
    return root


def mutate_value(data: st.DataObject, root: Any, seldom: frozenset[str] = frozenset()) -> Any:
    """One structural change somewhere in ``root`` (which it may replace): the kinds of damage importers meet.

    Places under a top-level key in ``seldom`` are chosen one time in five only: they are the bulk
    of a file that the importer reads little of (Prodigy's ``tokens``), where most changes are harmless.
    """
    places = paths(root)
    if seldom and data.draw(st.integers(0, 4), label="seldom") != 0:
        places = [path for path in places if not (path and path[0] in seldom)]
    where = data.draw(st.sampled_from(places), label="where")
    how = data.draw(HOWS, label="how")
    if not where:
        return copy.deepcopy(data.draw(HOSTILE, label="root"))
    parent = _parent(root, where)
    key = where[-1]
    current = parent[key]
    if how == "replace":
        # A copy: a later change in this file must not change the shared list of values.
        parent[key] = copy.deepcopy(data.draw(REPLACEMENTS, label="value"))
    elif how == "delete":
        del parent[key]
    elif how == "duplicate":
        if isinstance(parent, list):
            parent.insert(key, json.loads(json.dumps(current)))
        else:
            parent[key] = [current, current]
    elif how == "shift" and isinstance(current, int) and not isinstance(current, bool):
        parent[key] = current + data.draw(SHIFTS, label="by")
    elif how == "add key" and isinstance(current, dict):
        current[data.draw(ADDED_KEYS, label="key")] = 1
    else:
        parent[key] = [current] if data.draw(st.booleans(), label="in list") else {"value": current}
    return root


def dumps(value: Any, data: st.DataObject) -> bytes:
    """JSON text, ASCII-escaped or not, with deep nesting spliced in where a marker was put."""
    text = json.dumps(value, ensure_ascii=data.draw(st.booleans(), label="ascii"), allow_nan=True)
    depth = data.draw(DEPTHS, label="depth")
    text = text.replace(json.dumps(NESTING), "[" * depth + "]" * depth)
    return text.encode("utf-8", "surrogatepass")


def mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """Damage at the byte level: a flipped byte, a cut, a hole, a repeat, or bytes that are not UTF-8."""
    if not raw:
        return b"\xff"
    how = data.draw(BYTE_HOWS, label="bytes how")
    at = data.draw(st.integers(0, len(raw) - 1), label="at")
    if how == "flip":
        bit = data.draw(st.integers(0, 7), label="bit")
        return raw[:at] + bytes([raw[at] ^ (1 << bit)]) + raw[at + 1 :]
    if how == "truncate":
        return raw[:at]
    length = data.draw(st.integers(1, 64), label="length")
    if how == "hole":
        return raw[:at] + raw[at + length :]
    if how == "repeat":
        return raw[:at] + raw[at : at + length] * 2 + raw[at + length :]
    inserted = data.draw(INSERTED, label="inserted")
    return raw[:at] + inserted + raw[at:]


def mutate_lines(data: st.DataObject, raw: bytes, line_limit: int) -> bytes:
    """JSONL damage: a line dropped, repeated (duplicate ids), swapped, blank, or longer than ``line_limit``."""
    lines = raw.split(b"\n")
    how = data.draw(LINE_HOWS, label="lines how")
    at = data.draw(st.integers(0, len(lines) - 1), label="line")
    if how == "drop":
        del lines[at]
    elif how == "repeat":
        lines.insert(at, lines[at])
    elif how == "swap":
        lines[0], lines[at] = lines[at], lines[0]
    elif how == "blank":
        lines.insert(at, b"   ")
    else:
        lines[at] = lines[at] + b" " * line_limit
    return b"\n".join(lines)


def write_new(path: Path, content: bytes) -> None:
    """Write ``content`` as a new file at ``path``: ext4 flushes a file rewritten in place to the disk each time."""
    path.unlink(missing_ok=True)
    path.write_bytes(content)
