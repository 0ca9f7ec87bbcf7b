"""Pausing Python's cyclic garbage collector around bursts of allocation.

The services that run a whole computation (the agreement table, opening a document in the
window) pause it around their work; the algorithms they call do not pause it themselves.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Otherwise each burst of allocations makes it rescan the caller's whole heap: for layers of
    100,000 spans that costs more than the matching itself, and opening a document of 10,000
    spans in the window paid for a full collection of every object of the interface.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
