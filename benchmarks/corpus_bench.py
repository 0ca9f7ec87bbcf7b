"""``benchmarks/run.py --corpus``: the corpus-scale figures of DESIGN.md section 10, at two sizes.

Builds (or finds already built under ``--data``) a corpus of 200 and one of 2,000 documents
(``benchmarks/corpus_data.py``), runs each measurement in a fresh process, and prints one table
with both sizes side by side and the budget, so that growth can be read from one run.
"""

from __future__ import annotations

import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from benchmarks.corpus_data import CorpusFiles, CorpusSize, build, full_sizes, quick_sizes

ROOT = Path(__file__).resolve().parent.parent
MEASURE = ROOT / "benchmarks" / "measure_corpus.py"
SEARCH_WORD = "روسيا"  # in every sample article, so on nearly every line of the corpus
DEFAULT_DATA = ROOT / "benchmarks" / "out" / "corpus"


@dataclass(frozen=True)
class Budget:
    ms: float | None = None
    mb: float | None = None
    ratio: float | None = None  # of the time to the floor's (see ``Figure.floor``)

    def text(self) -> str:
        parts = []
        if self.ms is not None:
            parts.append(f"{self.ms / 1000:g} s" if self.ms >= 1000 else f"{self.ms:g} ms")
        if self.mb is not None:
            parts.append(f"{self.mb:g} MB")
        if self.ratio is not None:
            parts.append(f"{self.ratio:g}x one-document project")
        return ", ".join(parts) or "reported only"


@dataclass(frozen=True)
class Step:
    """One process: the measuring mode and its arguments; a fresh project path is made for ``{new}``,
    and ``{copy}`` names a copy of ``copied`` made before the clock starts."""

    mode: str  # "cli", "search" or "import-floor" (benchmarks/measure_corpus.py)
    args: tuple[str, ...]
    copied: Path | None = None


@dataclass(frozen=True)
class Figure:
    name: str
    step: Callable[[CorpusFiles], Step]
    budget: Budget
    # The same step in a one-document project; for an import into a new project, the least any
    # import of the file does with the standard library and SQLite (measure_corpus.import_floor).
    floor: Callable[[CorpusFiles], Step] | None = None


def _cli(*args: object) -> Step:
    return Step("cli", tuple(str(a) for a in args))


def _import_floor(source: Path) -> Step:
    return Step("import-floor", (str(source), "{new}"))


FIGURES = (
    Figure(
        "agreement, two layers",
        lambda c: _cli("agreement", "--db", c.project, "--annotators", "bench,second"),
        Budget(ms=3000, mb=400),
    ),
    Figure(
        "agreement, three layers, --json",
        lambda c: _cli("agreement", "--db", c.project, "--annotators", "bench,second,third", "--json"),
        Budget(),
    ),
    Figure(
        "import of the three layers into a new project",
        lambda c: _cli("import", "--db", "{new}", c.all_layers),
        Budget(ms=10_000, mb=500),
        lambda c: _import_floor(c.all_layers),
    ),
    Figure(
        "import of one layer into a new project",
        lambda c: _cli("import", "--db", "{new}", c.one_layer),
        Budget(),
        lambda c: _import_floor(c.one_layer),
    ),
    Figure(
        "import of one layer into the project, as a new layer",
        lambda c: replace(_cli("import", "--db", "{copy}", "--into", "new-layer", c.one_layer), copied=c.project),
        Budget(),
    ),
    Figure(
        "screenshot of the long document",
        lambda c: _cli("screenshot", "--db", c.project, "--doc", c.long_id, "-o", "{png}"),
        Budget(ratio=1.25),
        lambda c: _cli("screenshot", "--db", c.single_long, "--doc", c.long_id, "-o", "{png}"),
    ),
    Figure(
        "opening an article (screenshot)",
        lambda c: _cli("screenshot", "--db", c.project, "--doc", c.article_id, "-o", "{png}"),
        Budget(ratio=1.25),
        lambda c: _cli("screenshot", "--db", c.single_article, "--doc", c.article_id, "-o", "{png}"),
    ),
    Figure("stats", lambda c: _cli("stats", "--db", c.project), Budget(ms=1000)),
    Figure(
        f"search of a common word ({SEARCH_WORD}), the search alone",
        lambda c: Step("search", (str(c.project), SEARCH_WORD)),
        Budget(ms=200),
    ),
)


@dataclass
class Measured:
    ms: list[float]
    mb: list[float]
    error: str | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.ms) if self.ms else math.nan

    @property
    def median_mb(self) -> float:
        return statistics.median(self.mb) if self.mb else math.nan


def run_step(step: Step, env: dict[str, str], scratch: Path, runs: int, timeout: float) -> Measured:
    measured = Measured([], [])
    for number in range(runs):
        work = Path(tempfile.mkdtemp(prefix="run-", dir=scratch))
        copy = work / "copy.hashiya"
        if step.copied is not None:
            shutil.copyfile(step.copied, copy)
        places = {"{new}": work / "new.hashiya", "{png}": work / "shot.png", "{copy}": copy}
        args = list(step.args)
        for mark, place in places.items():
            args = [a.replace(mark, str(place)) for a in args]
        result = work / "result.json"
        started = time.perf_counter()
        try:
            finished = subprocess.run(
                [sys.executable, str(MEASURE), step.mode, str(result), *args],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            measured.error = f"timed out after {timeout:g} s"
            break
        wall = (time.perf_counter() - started) * 1000
        if finished.returncode != 0 or not result.exists():
            measured.error = f"failed ({finished.returncode}): {finished.stderr.strip()[-1500:]}"
            break
        found: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
        if found.get("code", 0) != 0:
            measured.error = f"the command exited with {found['code']}: {finished.stderr.strip()[-1500:]}"
            break
        measured.ms.append(float(found.get("ms", wall)))
        measured.mb.append(float(found["rss_mb"]))
        del number
    return measured


def working_copies(files: CorpusFiles, folder: Path, env: dict[str, str]) -> CorpusFiles:
    """Copies of the project files to measure on, each opened once first (unmeasured), so that a
    newer program brings them to its version before the clock starts and the build stays as built."""
    folder.mkdir(parents=True)
    copies = {}
    for name in ("project", "single_article", "single_long"):
        original: Path = getattr(files, name)
        copy = folder / original.name
        shutil.copyfile(original, copy)
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "stats", "--db", str(copy)],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        copies[name] = copy
    return replace(files, **copies)


def row_for(figure: Figure, size: CorpusSize, measured: Measured, floor: Measured | None) -> dict[str, Any]:
    ratio = measured.median_ms / floor.median_ms if floor is not None and floor.ms else math.nan
    budget = figure.budget
    checks: list[bool] = []
    if budget.ms is not None:
        checks.append(measured.median_ms <= budget.ms)
    if budget.mb is not None:
        checks.append(measured.median_mb <= budget.mb)
    if budget.ratio is not None:
        checks.append(ratio <= budget.ratio)
    error = measured.error or (floor.error if floor is not None else None)
    return {
        "figure": figure.name,
        "documents": size.documents,
        "ms": round(measured.median_ms, 1),
        "mb": round(measured.median_mb, 1),
        "floor_ms": None if floor is None else round(floor.median_ms, 1),
        "ratio": None if math.isnan(ratio) else round(ratio, 2),
        "budget": budget.text(),
        "budget_ms": budget.ms,
        "budget_mb": budget.mb,
        "budget_ratio": budget.ratio,
        "within_budget": None if not checks or error else all(checks),
        "samples": len(measured.ms),
        "error": error,
    }


def cell(row: dict[str, Any] | None) -> str:
    if row is None:
        return ""
    if row["error"]:
        return "ERROR"
    text = f"{row['ms'] / 1000:,.2f} s / {row['mb']:,.0f} MB"
    if row["ratio"] is not None:
        text += f" ({row['ratio']:.2f}x)"
    ok = {True: " ok", False: " OVER", None: ""}[row["within_budget"]]
    return text + ok


def table(rows: list[dict[str, Any]], sizes: list[CorpusSize]) -> str:
    header = ("step", *(s.label() for s in sizes), "budget")
    by_key = {(r["figure"], r["documents"]): r for r in rows}
    names = list(dict.fromkeys(r["figure"] for r in rows))
    lines = [
        (
            name,
            *(cell(by_key.get((name, s.documents))) for s in sizes),
            next(r["budget"] for r in rows if r["figure"] == name),
        )
        for name in names
    ]
    widths = [max(len(str(cells[i])) for cells in [header, *lines]) for i in range(len(header))]
    out = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out.extend("  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() for cells in lines)
    return "\n".join(out)


def run(
    *,
    quick: bool,
    runs: int,
    timeout: float,
    data: Path | None,
    only: str | None,
    json_path: Path | None,
    quiet: bool,
    environment: Callable[[Path], dict[str, str]],
    documents: tuple[int, ...] | None = None,
) -> int:
    documents = documents or ((3, 30) if quick else (200, 2000))
    sizes = [quick_sizes(n) if quick else full_sizes(n) for n in documents]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="hashiya-corpus-") as scratch_name:
        scratch = Path(scratch_name)
        base = data or (scratch / "data" if quick else DEFAULT_DATA)
        env = environment(scratch / "home")
        for size in sizes:
            started = time.perf_counter()
            built = build(base / f"{'quick' if quick else 'full'}-{size.documents}", size, log=not quiet)
            # Quick data is built by this program in the scratch folder: it is measured as built.
            files = built if quick else working_copies(built, scratch / f"work-{size.documents}", env)
            if not quiet:
                print(
                    f"{size.label()}: {files.spans:,} spans, {files.text_bytes / 1e6:.1f} MB of text,"
                    f" ready in {time.perf_counter() - started:.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
            for figure in FIGURES:
                if only and only not in figure.name:
                    continue
                measured = run_step(figure.step(files), env, scratch, runs, timeout)
                floor = None if figure.floor is None else run_step(figure.floor(files), env, scratch, runs, timeout)
                row = row_for(figure, size, measured, floor)
                rows.append(row)
                if not quiet:
                    print(f"  {figure.name}: {cell(row)}", file=sys.stderr, flush=True)
    print(table(rows, sizes))
    for row in rows:
        if row["error"]:
            print(f"\n{row['figure']} at {row['documents']} documents: {row['error']}", file=sys.stderr)
    if json_path:
        json_path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if any(row["error"] for row in rows) else 0
