"""Arabic on a terminal, and progress for long work.

A terminal neither shapes Arabic nor reorders it, so text printed to a TTY is shaped with
arabic-reshaper and put in visual order with python-bidi. Piped output stays in logical order, as
stored, so scripts get the real text (DESIGN.md section 3). Qt widgets never see this output.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import TextIO, TypeVar

import arabic_reshaper
from bidi import get_display

T = TypeVar("T")
PROGRESS_AFTER_SECONDS = 1.0


class BidiMode(StrEnum):
    AUTO = "auto"  # visual on a terminal, logical when piped
    VISUAL = "visual"
    LOGICAL = "logical"


def wants_visual(mode: BidiMode, stream: TextIO) -> bool:
    if mode is BidiMode.AUTO:
        return stream.isatty()
    return mode is BidiMode.VISUAL


def for_terminal(text: str, visual: bool) -> str:
    """``text`` as a terminal should print it: each line shaped and reordered when ``visual``."""
    if not visual:
        return text
    return "\n".join(str(get_display(arabic_reshaper.reshape(line))) for line in text.split("\n"))


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
