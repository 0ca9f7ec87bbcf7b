"""Arabic on a terminal, and progress for long work.

A terminal neither shapes Arabic nor reorders it, so text printed to a TTY is shaped with
arabic-reshaper and put in visual order with python-bidi. Piped output stays in logical order, as
stored, so scripts get the real text (DESIGN.md section 3). Qt widgets never see this output.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import TextIO, TypeVar

import arabic_reshaper

# python-bidi's first implementation: the newer ``bidi.get_display`` does not mirror brackets and
# quotes, so "(روسيا)" came out as ")ايسور(" on the terminal.
from bidi.algorithm import get_display

from annotator.exchange import ImportWatch

T = TypeVar("T")
PROGRESS_AFTER_SECONDS = 1.0
PROGRESS_EVERY_SECONDS = 0.1  # how often a terminal's progress line is rewritten, at most


class BidiMode(StrEnum):
    AUTO = "auto"  # visual on a terminal, logical when piped
    VISUAL = "visual"
    LOGICAL = "logical"


def wants_visual(mode: BidiMode, stream: TextIO) -> bool:
    if mode is BidiMode.AUTO:
        return stream.isatty()
    return mode is BidiMode.VISUAL


# C0 and C1 controls (escape sequences start with ESC or CSI; a newline or carriage return forges a
# line), line and paragraph separators, and the bidi embeddings, overrides and isolates that would
# reorder the rest of a terminal line. Marks (LRM, RLM, ALM) stay: Arabic text uses them.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with every control character written as a visible escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _CONTROLS.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return repr(char)[1:-1] if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def for_terminal(text: str, visual: bool) -> str:
    """``text`` as one terminal line: controls escaped, then shaped and reordered when ``visual``."""
    text = escape_controls(text)
    if not visual:
        return text
    return str(get_display(arabic_reshaper.reshape(text)))


class ImportProgress:
    """The progress of a long import on ``stream`` (stderr), once it has taken over a second: on a
    terminal one line rewritten as the records are checked and stored, elsewhere a line per stage."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._shown_at = 0.0
        self._stages: set[str] = set()

    def watch(self) -> ImportWatch:
        return ImportWatch(checked=self._checked, stored=self._stored)

    def end(self) -> None:
        """After the import, done or failed: the terminal's line is left for what is printed next."""
        if self._stages and self._stream.isatty():
            print(file=self._stream, flush=True)

    def _checked(self, records: int) -> None:
        self._show("checking", f"checking: {records} record(s)")

    def _stored(self, records: int, of: int) -> None:
        self._show("storing", f"storing: {records}/{of} record(s)" if of else f"stored: {records} record(s)")

    def _show(self, stage: str, text: str) -> None:
        now = time.monotonic()
        if now - self._started <= PROGRESS_AFTER_SECONDS or now - self._shown_at < PROGRESS_EVERY_SECONDS:
            return
        self._shown_at = now
        if self._stream.isatty():
            print(f"\r\x1b[K{text}", end="", file=self._stream, flush=True)
        elif stage not in self._stages:
            print(f"{text}…", file=self._stream, flush=True)
        self._stages.add(stage)


def with_progress(items: Iterable[T], total: int, what: str, stream: TextIO | None = None) -> Iterator[T]:
    """Yield ``items``, reporting "what n/total" on ``stream`` once the work has taken over a second."""
    stream = stream if stream is not None else sys.stderr
    started = time.monotonic()
    shown = False
    for done, item in enumerate(items, start=1):
        yield item
        if time.monotonic() - started > PROGRESS_AFTER_SECONDS:
            end = "\r" if stream.isatty() else "\n"
            if stream.isatty() or not shown or done == total:
                print(f"{what} {done}/{total}", end=end, file=stream, flush=True)
            shown = True
    if shown and stream.isatty():
        print(file=stream)
