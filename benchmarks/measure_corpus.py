"""One measurement at corpus scale in this fresh process; writes one JSON object to RESULT.

    python benchmarks/measure_corpus.py cli RESULT ARGS...       run the command line (main.py ARGS)
    python benchmarks/measure_corpus.py search RESULT DB QUERY   time the corpus search alone

``cli`` records the peak memory and exit status of the command (the parent times the process from
spawn to exit, as an analyst waits for it); ``search`` opens the project first and times only the
folded search of QUERY over every document, as the search panel of an open window runs it.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from pathlib import Path

from benchmarks.measure_data import peak_rss_mb


def run_cli(result: Path, args: list[str]) -> None:
    import main

    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        code = main.main(args)
    result.write_text(json.dumps({"rss_mb": peak_rss_mb(), "code": code}), encoding="utf-8")


def run_search(result: Path, db: Path, query: str) -> None:
    from benchmarks.data import open_project
    from cli.search_command import search_project

    project = open_project(db)
    started = time.perf_counter()
    found = search_project(project, query, whole_word=False)
    elapsed = (time.perf_counter() - started) * 1000
    project.close()
    result.write_text(json.dumps({"ms": elapsed, "rss_mb": peak_rss_mb(), "hits": found.total}), encoding="utf-8")


def main(argv: list[str]) -> int:
    mode, result, *rest = argv
    if mode == "cli":
        run_cli(Path(result), rest)
    elif mode == "search":
        run_search(Path(result), Path(rest[0]), rest[1])
    else:
        raise SystemExit(f"unknown measurement {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
