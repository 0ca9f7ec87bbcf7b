"""The budgets of DESIGN.md section 10, measured: one command, one table.

    python benchmarks/run.py [--quick] [--runs N] [--json FILE] [--data DIR] [--only WORD] [--team]
    python benchmarks/run.py --corpus [--quick] ...   the corpus-scale figures (benchmarks/corpus_bench.py)

Generates its data (a long Arabic document built from the sample paragraphs with a layer of
nested spans and relations, the same at 1/4 and 1/2 size and as one single paragraph, and a
corpus for export, import and agreement), then runs every measurement several times, each in a
fresh interpreter (QT_QPA_PLATFORM=offscreen), and prints for each figure the median, the floor
it is compared with (measured in the same run), their ratio, the budget and whether it is met.
Figures are reported, never asserted: the exit status is non-zero only when a measurement broke.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "benchmarks" / "measure_gui.py"
DATA = ROOT / "benchmarks" / "measure_data.py"


@dataclass(frozen=True)
class Sizes:
    document_characters: int
    document_spans: int
    corpus_documents: int
    corpus_document_characters: int
    corpus_spans_per_document: int
    runs: int
    samples: int  # key presses or page steps in one process
    timeout: float  # seconds for one process

    @property
    def corpus_spans(self) -> int:
        return self.corpus_documents * self.corpus_spans_per_document


FULL = Sizes(1_000_000, 10_000, 100, 20_000, 1_000, runs=5, samples=10, timeout=600)
QUICK = Sizes(20_000, 200, 8, 12_000, 250, runs=1, samples=3, timeout=10)


@dataclass(frozen=True)
class Job:
    """One kind of process: a measuring script and its arguments."""

    script: Path
    args: tuple[str, ...]
    spawn_timed: bool = False  # the parent times the process from its start to its "painted" line

    @property
    def name(self) -> str:
        return " ".join((self.script.stem, *(Path(a).name for a in self.args)))


@dataclass
class Outcome:
    """What the runs of one job gave."""

    results: list[dict[str, Any]] = field(default_factory=list)
    timed_out: bool = False
    error: str | None = None

    def values(self, key: str) -> list[float]:
        found: list[float] = []
        for result in self.results:
            value = result.get(key)
            if isinstance(value, list):
                found.extend(float(v) for v in value)
            elif isinstance(value, int | float):
                found.append(float(value))
        return found


@dataclass(frozen=True)
class Source:
    job: Job
    key: str = "samples"  # "samples", "redo", "rss_mb", "spawn_ms" or "whole_ms"


@dataclass(frozen=True)
class Figure:
    name: str
    unit: str
    workload: str
    measured: Source
    floor: Source
    budget: float | None
    budget_on: str  # "ratio" (of median to floor) or "median"


def child_environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["HASHIYA_ANNOTATOR"] = "bench"
    # The children's copies and exports go under the run's scratch folder, removed at the end.
    scratch = home / "tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    env["TMPDIR"] = str(scratch)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    # Start-up is measured as an analyst's machine starts: with the modules' bytecode cached, as
    # Python does after the first start (here in the scratch folder, warmed before measuring),
    # even where the environment asks it not to write bytecode.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def warm_bytecode(env: dict[str, str], more: str = "") -> None:
    """Import what the measurements import once, so that every measured process finds its bytecode."""
    subprocess.run(
        [sys.executable, "-c", "import main, ui.main_window, benchmarks.measure_gui, benchmarks.measure_data" + more],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def run_once(job: Job, env: dict[str, str], timeout: float) -> dict[str, Any]:
    """One fresh process; its JSON line, with ``spawn_ms`` added for jobs the parent times."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(job.script), *job.args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    spawn_ms: float | None = None
    try:
        if job.spawn_timed:
            assert process.stdout is not None
            first = process.stdout.readline()
            spawn_ms = (time.perf_counter() - started) * 1000
            if first.strip() != "painted":
                process.kill()
                _out, err = process.communicate()
                raise RuntimeError(f"{job.name}: {first.strip() or err.strip()}")
            # communicate() would bypass what readline() has already buffered.
            out = first + process.stdout.read()
            process.wait(timeout=max(timeout - (time.perf_counter() - started), 1))
            err = process.stderr.read() if process.stderr is not None else ""
        else:
            out, err = process.communicate(timeout=max(timeout - (time.perf_counter() - started), 1))
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    if process.returncode != 0:
        raise RuntimeError(f"{job.name} failed ({process.returncode}): {err.strip()[-2000:]}")
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{job.name} printed no result: {err.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    if spawn_ms is not None:
        result["spawn_ms"] = spawn_ms
    return result


def run_job(job: Job, sizes: Sizes, env: dict[str, str], log: bool) -> Outcome:
    outcome = Outcome()
    for number in range(sizes.runs):
        started = time.perf_counter()
        try:
            outcome.results.append(run_once(job, env, sizes.timeout))
        except subprocess.TimeoutExpired:
            outcome.timed_out = True
        except RuntimeError as error:
            outcome.error = str(error)
        if log:
            state = "timed out" if outcome.timed_out else "failed" if outcome.error else "done"
            print(
                f"  {job.name}: run {number + 1}/{sizes.runs} {state} in {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
                flush=True,
            )
        if outcome.timed_out or outcome.error:
            break
    return outcome


@dataclass(frozen=True)
class Workloads:
    """The generated files the measurements use."""

    long_project: Path
    long_text: Path
    quarter_project: Path
    quarter_text: Path
    half_project: Path
    half_text: Path
    paragraph_project: Path
    paragraph_text: Path
    startup_project: Path
    corpus_project: Path
    corpus_file: Path


def generate(folder: Path, sizes: Sizes) -> Workloads:
    sys.path.insert(0, str(ROOT))
    from annotator.exchange import ExportFormat, export_layer
    from annotator.resources import sample_corpus_files
    from benchmarks import data

    def document(stem: str, characters: int, spans: int, *, single_paragraph: bool = False) -> tuple[Path, Path]:
        text = data.arabic_text(characters, single_paragraph=single_paragraph)
        text_path = folder / f"{stem}.txt"
        text_path.write_text(text, encoding="utf-8")
        project_path = folder / f"{stem}.hashiya"
        data.document_project(project_path, text, spans, stem)
        return project_path, text_path

    full, spans = sizes.document_characters, sizes.document_spans
    long_project, long_text = document("long", full, spans)
    quarter_project, quarter_text = document("quarter", full // 4, spans // 4)
    half_project, half_text = document("half", full // 2, spans // 2)
    paragraph_project, paragraph_text = document("paragraph", full, spans, single_paragraph=True)
    startup_project = folder / "samples.hashiya"
    project = data.open_project(startup_project)
    project.import_paths(sample_corpus_files())
    project.close()
    corpus_project = folder / "corpus.hashiya"
    data.corpus_project(
        corpus_project, sizes.corpus_documents, sizes.corpus_document_characters, sizes.corpus_spans_per_document
    )
    corpus_file = folder / "corpus.jsonl"
    project = data.open_project(corpus_project)
    export_layer(project, ExportFormat.NATIVE, corpus_file, data.ANNOTATOR)
    project.close()
    return Workloads(
        long_project,
        long_text,
        quarter_project,
        quarter_text,
        half_project,
        half_text,
        paragraph_project,
        paragraph_text,
        startup_project,
        corpus_project,
        corpus_file,
    )


def figures(w: Workloads, sizes: Sizes) -> list[Figure]:
    n = str(sizes.samples)

    def gui(*args: object, spawn: bool = False) -> Job:
        return Job(GUI, tuple(str(a) for a in args), spawn)

    def datajob(*args: object) -> Job:
        return Job(DATA, tuple(str(a) for a in args))

    chars, spans = sizes.document_characters, sizes.document_spans
    doc = f"{chars:,} chars, {spans:,} spans"
    quarter = f"{chars // 4:,} chars, {spans // 4:,} spans"
    half = f"{chars // 2:,} chars, {spans // 2:,} spans"
    paragraph = f"{chars:,} chars in one paragraph, {spans:,} spans"
    corpus = f"{sizes.corpus_spans:,} spans, {sizes.corpus_documents} documents"
    open_long, bare_long = gui("open", w.long_project), gui("bare-open", w.long_text)
    open_quarter, bare_quarter = gui("open", w.quarter_project), gui("bare-open", w.quarter_text)
    open_half, bare_half = gui("open", w.half_project), gui("bare-open", w.half_text)
    repaint = gui("bare-repaint", w.long_text, n)
    undo = gui("undo-redo", w.long_project, n)
    return [
        Figure("open to first paint", "ms", doc, Source(open_long), Source(bare_long), 3, "ratio"),
        Figure(
            "open until the whole layer is read",
            "ms",
            doc,
            Source(open_long, "whole_ms"),
            Source(bare_long),
            None,
            "ratio",
        ),
        Figure(
            "add a span by key", "ms", doc, Source(gui("add-span", w.long_project, n)), Source(repaint), 16, "median"
        ),
        Figure("undo one edit", "ms", doc, Source(undo), Source(repaint), 16, "median"),
        Figure("redo one edit", "ms", doc, Source(undo, "redo"), Source(repaint), 16, "median"),
        Figure(
            "scroll a page",
            "ms",
            doc,
            Source(gui("scroll", w.long_project, n)),
            Source(gui("bare-scroll", w.long_text, n)),
            16,
            "median",
        ),
        Figure(
            "start-up to a painted window",
            "ms",
            "the five sample articles",
            Source(gui("startup", w.startup_project, spawn=True), "spawn_ms"),
            Source(gui("bare-startup", spawn=True), "spawn_ms"),
            1000,
            "median",
        ),
        Figure(
            "peak memory, document open",
            "MB",
            doc,
            Source(open_long, "rss_mb"),
            Source(bare_long, "rss_mb"),
            250,
            "median",
        ),
        Figure("open to first paint, 1/4 size", "ms", quarter, Source(open_quarter), Source(bare_quarter), 3, "ratio"),
        Figure("open to first paint, 1/2 size", "ms", half, Source(open_half), Source(bare_half), 3, "ratio"),
        Figure(
            "peak memory, 1/4 size",
            "MB",
            quarter,
            Source(open_quarter, "rss_mb"),
            Source(bare_quarter, "rss_mb"),
            250,
            "median",
        ),
        Figure(
            "peak memory, 1/2 size", "MB", half, Source(open_half, "rss_mb"), Source(bare_half, "rss_mb"), 250, "median"
        ),
        Figure(
            "open to first paint, one paragraph",
            "ms",
            paragraph,
            Source(gui("open", w.paragraph_project)),
            Source(gui("bare-open", w.paragraph_text)),
            3,
            "ratio",
        ),
        Figure(
            "add a span by key, one paragraph",
            "ms",
            paragraph,
            Source(gui("add-span", w.paragraph_project, n)),
            Source(gui("bare-repaint", w.paragraph_text, n)),
            16,
            "median",
        ),
        Figure(
            "scroll a page, one paragraph",
            "ms",
            paragraph,
            Source(gui("scroll", w.paragraph_project, n)),
            Source(gui("bare-scroll", w.paragraph_text, n)),
            16,
            "median",
        ),
        Figure(
            "export native JSONL",
            "ms",
            corpus,
            Source(datajob("export", w.corpus_project)),
            Source(datajob("export-floor", w.corpus_project)),
            2,
            "ratio",
        ),
        Figure(
            "import native JSONL",
            "ms",
            corpus,
            Source(datajob("import", w.corpus_file)),
            Source(datajob("import-floor", w.corpus_file)),
            3,
            "ratio",
        ),
        Figure(
            "agreement report, two layers",
            "ms",
            f"{corpus}, two layers",
            Source(datajob("agreement", w.corpus_project)),
            Source(datajob("agreement-floor", w.corpus_project)),
            1000,
            "median",
        ),
    ]


def summarise(figure: Figure, outcomes: dict[Job, Outcome], timeout: float) -> dict[str, Any]:
    def median_of(source: Source) -> tuple[float, bool]:
        outcome = outcomes[source.job]
        values = outcome.values(source.key)
        if outcome.timed_out and not values:
            return timeout * 1000, True  # a lower bound: not one run finished
        return (statistics.median(values) if values else math.nan), outcome.timed_out

    median, timed_out = median_of(figure.measured)
    floor, _ = median_of(figure.floor)
    ratio = median / floor if floor > 0 else math.nan
    compared = ratio if figure.budget_on == "ratio" else median
    within = (
        None if math.isnan(compared) or figure.budget is None else bool(compared <= figure.budget and not timed_out)
    )
    errors = [outcomes[s.job].error for s in (figure.measured, figure.floor) if outcomes[s.job].error]
    return {
        "figure": figure.name,
        "unit": figure.unit,
        "median": round(median, 3),
        "floor": round(floor, 3),
        "ratio": round(ratio, 3),
        "budget": figure.budget,
        "budget_on": figure.budget_on,
        "within_budget": within,
        "timed_out": timed_out,
        "workload": figure.workload,
        "samples": len(outcomes[figure.measured.job].values(figure.measured.key)),
        "error": errors[0] if errors else None,
    }


def budget_text(row: dict[str, Any]) -> str:
    if row["budget"] is None:
        return ""
    return f"{row['budget']:g}x floor" if row["budget_on"] == "ratio" else f"{row['budget']:g} {row['unit']}"


def table(rows: list[dict[str, Any]]) -> str:
    header = ("figure", "median", "floor", "ratio", "budget", "ok", "workload")
    lines = []
    for row in rows:
        prefix = ">" if row["timed_out"] else ""
        ok = "-" if row["budget"] is None else {True: "yes", False: "NO", None: "?"}[row["within_budget"]]
        if row["error"]:
            ok = "ERROR"
        lines.append(
            (
                row["figure"],
                f"{prefix}{row['median']:,.1f} {row['unit']}",
                f"{row['floor']:,.1f} {row['unit']}",
                f"{prefix}{row['ratio']:.2f}x",
                budget_text(row),
                ok,
                row["workload"],
            )
        )
    widths = [max(len(str(cells[i])) for cells in [header, *lines]) for i in range(len(header))]
    out = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out.extend("  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() for cells in lines)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes and one run each (for CI)")
    parser.add_argument("--runs", type=int, help="processes per measurement (default 5, or 1 with --quick)")
    parser.add_argument("--timeout", type=float, help="seconds one process may take (default 600, or 10 with --quick)")
    parser.add_argument("--json", type=Path, help="also write the table as a JSON list to this file")
    parser.add_argument("--data", type=Path, help="folder for the generated data (default: a temporary one)")
    parser.add_argument("--only", help="only the figures whose name contains this")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument(
        "--team",
        action="store_true",
        help="also open the document on a scratch PostgreSQL server (Debian's postgresql) and edit it there",
    )
    parser.add_argument("--corpus", action="store_true", help="the corpus-scale figures at 200 and 2,000 documents")
    parser.add_argument(
        "--sizes",
        type=lambda text: tuple(int(n) for n in text.split(",")),
        help="with --corpus: only these numbers of documents, comma-separated (for example 200)",
    )
    args = parser.parse_args(argv)
    if args.corpus:
        return run_corpus(args)
    sizes = QUICK if args.quick else FULL
    if args.runs:
        sizes = Sizes(**{**sizes.__dict__, "runs": args.runs})
    if args.timeout:
        sizes = Sizes(**{**sizes.__dict__, "timeout": args.timeout})

    with tempfile.TemporaryDirectory(prefix="hashiya-bench-") as scratch, contextlib.ExitStack() as stack:
        folder = args.data or Path(scratch) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        workloads = generate(folder, sizes)
        if not args.quiet:
            print(f"data generated in {time.perf_counter() - started:.1f} s in {folder}", file=sys.stderr)
        env = child_environment(Path(scratch) / "home")
        warm_bytecode(env)
        every = figures(workloads, sizes)
        if args.team:
            from benchmarks.team_bench import team_copy, team_figures

            url = stack.enter_context(team_copy(workloads.long_project))
            warm_bytecode(env, ", storage.postgres_repository")
            described = f"{sizes.document_characters:,} chars, {sizes.document_spans:,} spans, loopback server"
            job = lambda *a: Job(GUI, tuple(str(x) for x in a))  # noqa: E731
            every += team_figures(url, workloads.long_project, workloads.long_text, described, str(sizes.samples), job)
        chosen = [f for f in every if not args.only or args.only in f.name]
        outcomes: dict[Job, Outcome] = {}
        for figure in chosen:
            for source in (figure.measured, figure.floor):
                if source.job not in outcomes:
                    outcomes[source.job] = run_job(source.job, sizes, env, not args.quiet)
        rows = [summarise(figure, outcomes, sizes.timeout) for figure in chosen]

    print(table(rows))
    for row in rows:
        if row["error"]:
            print(f"\n{row['figure']}: {row['error']}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if any(row["error"] for row in rows) else 0


def run_corpus(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus_bench import run

    def environment(home: Path) -> dict[str, str]:
        env = child_environment(home)
        warm_bytecode(env)
        return env

    return run(
        quick=args.quick,
        runs=args.runs or 1,
        timeout=args.timeout or (60 if args.quick else 600),
        data=args.data,
        only=args.only,
        json_path=args.json,
        quiet=args.quiet,
        environment=environment,
        documents=args.sizes,
    )


if __name__ == "__main__":
    sys.exit(main())
