"""Interop check against the real Label Studio and doccano (not part of the test suite).

    python interop/run.py [--keep DIR] [--only labelstudio|doccano]

Installs each tool into a throwaway virtual environment, starts it on 127.0.0.1, and:

- sends Hashiya's own export through the tool's REST API, reads the tool's export back, and
  checks every span: its offsets as the tool's editor counts them and the text they cover, then
  imports the tool's export into Hashiya and checks the spans again;
- makes spans in the tool's own format (offsets counted as its editor counts them: code points
  for Label Studio, UTF-16 units for doccano), has the tool export them, imports that export
  into Hashiya and checks every span's offsets and text.

The document has astral characters (emoji with a skin tone, a flag, a ZWJ family, Arabic
mathematical letters), tatweel, a no-break space and a right-to-left mark. A tool that cannot be
installed or started here is reported as skipped, with the reason. Prints a table: tool,
direction, spans, exact matches. Exit code 1 if any compared span did not match.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.formats import DEFAULT_LABELS, DEFAULT_RELATION_LABELS, dumps_record, labeling_config  # noqa: E402
from annotator.formats.records import DocumentRecord  # noqa: E402
from annotator.model import DocumentStatus, Relation, Span  # noqa: E402
from annotator.text import text_sha256  # noqa: E402

# The versions the offset units were measured on (README, "Exchange formats").
LABEL_STUDIO = ("label-studio==1.23.*",)
# doccano 1.8 caps neither marshmallow (its environs fails to import with marshmallow 4) nor
# numpy (its pandas 1.5 is built against numpy 1).
DOCCANO = ("doccano==1.8.*", "marshmallow<4", "numpy<2")
START_TIMEOUT = 600.0
TASK_TIMEOUT = 300.0

DOC_ID = "interop-astral"
TEXT = (
    "قالَ الرئيس 👨\u200d👩\u200d👧\u200d👦 بوتين إن 🇷🇺 روسيا\u00a0ستدعم كورسك.\n"
    "كتب 𞸀𞸁𞸂 المحلـــل\u200f تحليلا عن 👍🏽 معاهدة نيو ستارت."
)


def _at(piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(piece, start + 1)
    return start, start + len(piece)


# (id, label, piece of the text): nested, overlapping, around and after astral characters.
SPANS = [
    ("s01", "PER", "بوتين"),
    ("s02", "GPE", "روسيا"),
    ("s03", "GPE", "كورسك"),
    ("s04", "PER", "𞸀𞸁𞸂"),
    ("s05", "PER", "المحلـــل"),
    ("s06", "QUANTITY", "👨\u200d👩\u200d👧\u200d👦"),
    ("s07", "NORP", "🇷🇺"),
    ("s08", "EVENT", "👍🏽"),
    ("s09", "TREATY_REF", "معاهدة نيو ستارت"),
    ("s10", "ORG", "نيو ستارت"),
    ("s11", "CLAIM", "بوتين إن 🇷🇺 روسيا\u00a0ستدعم كورسك"),
    ("s12", "CLAIM", "روسيا\u00a0ستدعم كورسك."),
    ("s13", "PER", "الرئيس 👨\u200d👩\u200d👧\u200d👦 بوتين"),
    ("s14", "NORP", "تحليلا"),
    ("s15", "DATE", "قالَ"),
]
RELATIONS = [("r1", "CLAIMANT", "s11", "s01"), ("r2", "TARGET", "s12", "s03")]


def expected_spans() -> dict[str, tuple[int, int, str, str]]:
    """Span id -> (start, end, label, text), code points."""
    result = {}
    for span_id, label, piece in SPANS:
        start, end = _at(piece)
        result[span_id] = (start, end, label, piece)
    return result


def utf16(text: str, index: int) -> int:
    """JavaScript's string index of code-point index ``index`` (what doccano's editor counts)."""
    return len(text[:index].encode("utf-16-le")) // 2


def js_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` in JavaScript (UTF-16 units)."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le", errors="replace")


def ls_slice(text: str, start: int, end: int) -> str:
    """``[...text].slice(start, end).join("")``: what Label Studio's editor shows."""
    return "".join(list(text)[start:end])


def native_record() -> DocumentRecord:
    spans = tuple(
        Span(span_id, DOC_ID, "analyst", DEFAULT_LABELS[label], label, start, end, piece)
        for span_id, (start, end, label, piece) in expected_spans().items()
    )
    relations = tuple(Relation(rid, DOC_ID, "analyst", label, head, tail) for rid, label, head, tail in RELATIONS)
    return DocumentRecord(
        DOC_ID, "interop", TEXT, text_sha256(TEXT), "analyst", DocumentStatus.IN_PROGRESS, spans, relations
    )


# -- results ---------------------------------------------------------------------------------


@dataclass
class Row:
    tool: str
    direction: str
    spans: int = 0
    exact: int = 0
    note: str = ""
    mismatches: list[str] = field(default_factory=list)

    def check(self, what: str, ok: bool) -> None:
        self.spans += 1
        if ok:
            self.exact += 1
        else:
            self.mismatches.append(what)


def print_table(rows: list[Row]) -> None:
    header = ("tool", "direction", "spans", "exact matches", "")
    lines = [header, *((r.tool, r.direction, str(r.spans), str(r.exact), r.note) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    for line in lines:
        print("  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(line)).rstrip())
    for row in rows:
        for mismatch in row.mismatches[:20]:
            print(f"  {row.tool} / {row.direction}: {mismatch}")


# -- Hashiya, through its command line -------------------------------------------------------


def hashiya(*args: str) -> str:
    """Run the ``hashiya`` command (``main.py``) in a process of its own; its standard output."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"hashiya {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def hashiya_spans(db: Path, layer: str, work: Path) -> dict[str, tuple[int, int, str, str]]:
    """The spans of ``layer`` on the interop document, read from a native export: id -> (start, end, label, text)."""
    out = work / f"check-{layer}.jsonl"
    hashiya("--db", str(db), "--annotator", layer, "export", "--format", "native", "--doc", DOC_ID, "-o", str(out))
    [line] = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["doc_id"] == DOC_ID, f"document id came back as {record['doc_id']!r}"
    return {s["id"]: (s["start"], s["end"], s["label"], s["text"]) for s in record["spans"]}


def compare_in_hashiya(row: Row, got: dict[str, tuple[int, int, str, str]], by_id: bool) -> None:
    """Every expected span against what Hashiya stored (by id, or by label and text when ids are the tool's)."""
    expected = expected_spans()
    if by_id:
        for span_id, want in expected.items():
            row.check(f"{span_id}: expected {want}, got {got.get(span_id)}", got.get(span_id) == want)
        return
    stored = sorted(got.values())
    for span_id, want in expected.items():
        row.check(f"{span_id}: expected {want}, not among {len(stored)} stored", want in stored)


def new_project(work: Path) -> Path:
    db = work / "interop.hashiya"
    native = work / "native.jsonl"
    native.write_text(dumps_record(native_record()) + "\n", encoding="utf-8")
    hashiya("--db", str(db), "import", str(native))
    return db


# -- processes and HTTP -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def started(
    command: list[str], log: Path, env: dict[str, str], cwd: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``command`` in its own process group for the duration; stop that group afterwards."""
    with log.open("wb") as handle:
        process = subprocess.Popen(
            command, stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
        )
        try:
            yield process
        finally:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()


class Http:
    def __init__(self, base: str, headers: dict[str, str]) -> None:
        self.base = base
        self.headers = headers

    def call(self, method: str, path: str, body: Any = None, raw: bytes | None = None, ctype: str = "") -> bytes:
        data = raw if raw is not None else (json.dumps(body).encode("utf-8") if body is not None else None)
        headers = dict(self.headers)
        if data is not None:
            headers["Content-Type"] = ctype or "application/json"
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:2000]
            raise RuntimeError(f"{method} {path}: HTTP {error.code}: {detail}") from error

    def json(self, method: str, path: str, body: Any = None) -> Any:
        return json.loads(self.call(method, path, body) or b"null")


def wait_until(ready: Callable[[], bool], what: str, log: Path, processes: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and all(p.poll() is None for p in processes):
        with suppress(Exception):
            if ready():
                return
        time.sleep(2)
    tail = log.read_text(encoding="utf-8", errors="replace")[-1500:] if log.exists() else ""
    raise RuntimeError(f"{what} did not come up (stopped, or not within {START_TIMEOUT:.0f} s); its log ends: {tail}")


VENVS: Path | None = None  # --venvs: keep the environments here and use them again


def install(name: str, specs: tuple[str, ...], work: Path) -> Path:
    """A throwaway virtual environment with ``specs``; its python. Raises with pip's reason."""
    spec = " ".join(specs)
    venv = (VENVS or work) / f"venv-{name}"
    python = venv / "bin" / "python"
    if VENVS is not None and (venv / "installed").exists():
        return python
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    print(f"installing {spec} into a throwaway environment (this takes minutes)...", flush=True)
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *specs],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith("WARNING")]
        raise RuntimeError(f"pip install {spec} failed: " + " / ".join(lines[-4:]))
    (venv / "installed").write_text(spec + "\n", encoding="utf-8")
    return python


# -- Label Studio -----------------------------------------------------------------------------


def run_labelstudio(work: Path, rows: list[Row]) -> None:
    python = install("labelstudio", LABEL_STUDIO, work)
    version = subprocess.run(
        [str(python), "-c", "import label_studio; print(label_studio.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    tool = f"Label Studio {version}"
    port, token = free_port(), uuid.uuid4().hex
    env = {
        **os.environ,
        "LABEL_STUDIO_BASE_DATA_DIR": str(work / "ls-data"),
        "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
    }
    command = [
        str(python.parent / "label-studio"),
        "start",
        "--no-browser",
        "--internal-host",
        "127.0.0.1",
        "--port",
        str(port),
        "--username",
        "interop@example.org",
        "--password",
        uuid.uuid4().hex,
        "--user-token",
        token,
        "--enable-legacy-api-token",
    ]
    log = work / "labelstudio.log"
    api = Http(f"http://127.0.0.1:{port}", {"Authorization": f"Token {token}"})
    with started(command, log, env) as server:
        wait_until(lambda: api.json("GET", "/api/projects") is not None, "Label Studio", log, [server])
        labelstudio_checks(api, tool, work, rows)


def ls_project(api: Http, title: str, tasks: list[dict[str, Any]]) -> int:
    project = api.json("POST", "/api/projects", {"title": title, "label_config": labeling_config()})
    api.json("POST", f"/api/projects/{project['id']}/import", tasks)
    return int(project["id"])


def ls_export(api: Http, project: int, path: Path) -> list[dict[str, Any]]:
    data = api.call("GET", f"/api/projects/{project}/export?exportType=JSON&download_all_tasks=true")
    path.write_bytes(data)
    tasks: list[dict[str, Any]] = json.loads(data)
    return tasks


def ls_regions(text: str) -> list[dict[str, Any]]:
    """The regions Label Studio's editor makes for the spans: offsets index ``[...text]``."""
    regions = []
    points = list(text)
    for span_id, label, piece in SPANS:
        start, end = _at(piece)  # code points: the same positions in [...text]
        regions.append(
            {
                "id": span_id,
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "origin": "manual",
                "value": {"start": start, "end": end, "text": "".join(points[start:end]), "labels": [label]},
            }
        )
    return regions


def ls_snapshot(api: Http, project: int, path: Path) -> None:
    """An export snapshot with the predictions' full results (the plain export lists their ids only)."""
    body = {"title": "interop", "serialization_options": {"predictions": {"only_id": False}}}
    export = api.json("POST", f"/api/projects/{project}/exports/", body)
    deadline = time.monotonic() + TASK_TIMEOUT
    while api.json("GET", f"/api/projects/{project}/exports/{export['id']}")["status"] != "completed":
        if time.monotonic() > deadline:
            raise RuntimeError("Label Studio's export snapshot did not complete")
        time.sleep(1)
    path.write_bytes(api.call("GET", f"/api/projects/{project}/exports/{export['id']}/download?exportType=JSON"))


def refusal(db: Path, path: Path, *options: str) -> str:
    """The first problem Hashiya reports when it refuses ``path`` (or '' if it imports it)."""
    try:
        hashiya("--db", str(db), "import", str(path), *options)
    except RuntimeError as error:
        lines = str(error).splitlines()
        return lines[1].split(": ", 2)[-1] if len(lines) > 1 else lines[0]
    return ""


def labelstudio_checks(api: Http, tool: str, work: Path, rows: list[Row]) -> None:
    db = new_project(work)
    sent = work / "to-labelstudio.json"
    hashiya("--db", str(db), "--annotator", "analyst", "export", "--format", "labelstudio", "-o", str(sent))
    tasks = json.loads(sent.read_text(encoding="utf-8"))
    for task in tasks:
        task.pop("id", None)  # Label Studio numbers its tasks itself
    project = ls_project(api, "hashiya export", tasks)
    [task] = ls_export(api, project, work / "from-labelstudio.json")
    row = Row(tool, "Hashiya -> tool")
    text = task["data"]["text"]
    regions = {r["id"]: r["value"] for r in task["annotations"][0]["result"] if r.get("type") == "labels"}
    for span_id, (_, _, _, piece) in expected_spans().items():
        value = regions.get(span_id)
        ok = value is not None and ls_slice(text, value["start"], value["end"]) == piece == value["text"]
        row.check(f"{span_id}: {piece!r} shows as {value and ls_slice(text, value['start'], value['end'])!r}", ok)
    row.note = f"status in task.meta: {task.get('meta', {}).get('status')}"
    rows.append(row)
    back = Row(tool, "Hashiya -> tool -> Hashiya")
    hashiya("--db", str(db), "import", str(work / "from-labelstudio.json"), "--annotator", "ls-back")
    # The same project holds the sent layer: the span ids are taken there, so they are compared by value.
    compare_in_hashiya(back, hashiya_spans(db, "ls-back", work), by_id=False)
    rows.append(back)

    # Spans made in Label Studio's own format: an annotation and, in another project, a prediction.
    own = ls_project(api, "made in label studio", [{"data": {"text": TEXT, "doc_id": DOC_ID}}])
    [task_id] = [t["id"] for t in api.json("GET", f"/api/projects/{own}/tasks")]
    api.json("POST", f"/api/tasks/{task_id}/annotations", {"result": ls_regions(TEXT), "was_cancelled": False})
    ls_export(api, own, work / "labelstudio-own.json")
    row = Row(tool, "tool -> Hashiya")
    db2 = work / "from-ls.hashiya"
    hashiya("--db", str(db2), "import", str(work / "labelstudio-own.json"), "--annotator", "ls-editor")
    compare_in_hashiya(row, hashiya_spans(db2, "ls-editor", work), by_id=True)
    rows.append(row)

    predicted = ls_project(api, "predictions", [{"data": {"text": TEXT, "doc_id": DOC_ID}}])
    [task_id] = [t["id"] for t in api.json("GET", f"/api/projects/{predicted}/tasks")]
    api.json("POST", "/api/predictions", {"task": task_id, "result": ls_regions(TEXT), "model_version": "ner-v1"})
    ls_export(api, predicted, work / "labelstudio-prediction-ids.json")
    ls_snapshot(api, predicted, work / "labelstudio-predictions.json")
    row = Row(tool, "tool predictions -> Hashiya")
    db3 = work / "from-ls-predictions.hashiya"
    row.note = "plain export refused: " + refusal(db3, work / "labelstudio-prediction-ids.json")
    out = hashiya("--db", str(db3), "import", str(work / "labelstudio-predictions.json"))
    row.note += "; snapshot: " + (out.strip().splitlines()[0] if out.strip() else "")
    compare_in_hashiya(row, hashiya_spans(db3, "ner-v1", work), by_id=True)
    rows.append(row)


# -- doccano ----------------------------------------------------------------------------------

_DOCCANO_SERVER = """
import sys
from backend import cli  # sets DOCCANO_HOME's database, settings and sys.path
from waitress import serve
from config.wsgi import application
serve(application, host="127.0.0.1", port=int(sys.argv[1]), threads=4)
"""
_DOCCANO_WORKER = """
from backend import cli
cli.app.worker_main(argv=["--app=config", "--workdir=" + cli.base, "worker", "--loglevel=info", "--pool=solo"])
"""
_DOCCANO_TOKEN = """
from backend import cli
import django
django.setup()
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
print(Token.objects.get_or_create(user=User.objects.get(username="admin"))[0].key)
"""


def run_doccano(work: Path, rows: list[Row]) -> None:
    python = install("doccano", DOCCANO, work)
    version = subprocess.run(
        [str(python), "-c", "from importlib.metadata import version; print(version('doccano'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    tool = f"doccano {version}"
    env = {**os.environ, "DOCCANO_HOME": str(work / "doccano-home"), "DEBUG": "False"}
    doccano = str(python.parent / "doccano")
    for step in (["init"], ["createuser", "--username", "admin", "--password", uuid.uuid4().hex]):
        done = subprocess.run([doccano, *step], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"doccano {step[0]} failed: {done.stderr[-1500:]}")
    token = subprocess.run(
        [str(python), "-c", _DOCCANO_TOKEN], env=env, capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    port = free_port()
    log, worker_log = work / "doccano.log", work / "doccano-worker.log"
    api = Http(f"http://127.0.0.1:{port}", {"Authorization": f"Token {token}"})
    with (
        started([str(python), "-c", _DOCCANO_SERVER, str(port)], log, env) as server,
        started([str(python), "-c", _DOCCANO_WORKER], worker_log, env) as worker,
    ):
        wait_until(lambda: api.json("GET", "/v1/projects") is not None, "doccano", log, [server, worker])
        doccano_checks(api, tool, work, rows)


def dc_wait(api: Http, task_id: str) -> Any:
    deadline = time.monotonic() + TASK_TIMEOUT
    while time.monotonic() < deadline:
        status = api.json("GET", f"/v1/tasks/status/{task_id}")
        if status["ready"]:
            if status["error"]:
                raise RuntimeError(f"doccano task failed: {status['error']}")
            return status["result"]
        time.sleep(1)
    raise RuntimeError(f"doccano task {task_id} did not finish within {TASK_TIMEOUT:.0f} s")


def dc_project(api: Http, name: str) -> tuple[int, dict[str, int]]:
    project = api.json(
        "POST",
        "/v1/projects",
        {
            "name": name,
            "description": "Hashiya interop check",
            "project_type": "SequenceLabeling",
            "resourcetype": "SequenceLabelingProject",
            "allow_overlapping": True,
            "use_relation": True,
            "grapheme_mode": False,
        },
    )
    pid = int(project["id"])
    types = {}
    for i, label in enumerate(DEFAULT_LABELS):
        created = api.json(
            "POST",
            f"/v1/projects/{pid}/span-types",
            {"text": label, "background_color": f"#{(i * 2654435761) & 0xFFFFFF:06x}", "text_color": "#ffffff"},
        )
        types[label] = int(created["id"])
    for label in sorted(DEFAULT_RELATION_LABELS):
        api.json(
            "POST",
            f"/v1/projects/{pid}/relation-types",
            {"text": label, "background_color": "#333333", "text_color": "#ffffff"},
        )
    return pid, types


def dc_upload(api: Http, project: int, path: Path, task: str) -> None:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="filepond"; filename="{path.name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    upload_id = api.call("POST", "/v1/fp/process/", raw=body, ctype=f"multipart/form-data; boundary={boundary}")
    started_task = api.json(
        "POST",
        f"/v1/projects/{project}/upload",
        {
            "format": "JSONL",
            "task": task,
            "uploadIds": [upload_id.decode().strip()],
            "column_data": "text",
            "column_label": "label",
            # "Auto" guesses the encoding from the first bytes and takes Arabic with emoji for a code page.
            "encoding": "utf_8",
        },
    )
    result = dc_wait(api, started_task["task_id"])
    if result and result.get("error"):
        raise RuntimeError(f"doccano refused {path.name}: {result['error']}")


def dc_export(api: Http, project: int, path: Path) -> list[dict[str, Any]]:
    formats = [f["name"] for f in api.json("GET", f"/v1/projects/{project}/download-format")]
    name = next((f for f in formats if "relation" in f.lower()), "JSONL")
    started_task = api.json("POST", f"/v1/projects/{project}/download", {"format": name, "exportApproved": False})
    dc_wait(api, started_task["task_id"])
    data = api.call("GET", f"/v1/projects/{project}/download?taskId={started_task['task_id']}")
    if data[:2] == b"PK":
        with zipfile.ZipFile(_bytes_file(path.with_suffix(".zip"), data)) as archive:
            data = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".jsonl"))
    path.write_bytes(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def _bytes_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def doccano_checks(api: Http, tool: str, work: Path, rows: list[Row]) -> None:
    db = new_project(work)
    sent = work / "to-doccano.jsonl"
    out = hashiya("--db", str(db), "--annotator", "analyst", "export", "--format", "doccano", "-o", str(sent))
    project, _ = dc_project(api, "hashiya export")
    dc_upload(api, project, sent, "RelationExtraction")
    [line] = dc_export(api, project, work / "from-doccano.jsonl")
    row = Row(tool, "Hashiya -> tool")
    row.note = "export said: " + "; ".join(x for x in out.splitlines() if x.startswith("note:"))[:80]
    text = line["text"]
    found = [(e["start_offset"], e["end_offset"], e["label"]) for e in line.get("entities", [])]
    for span_id, (start, end, label, piece) in expected_spans().items():
        want = (utf16(text, start), utf16(text, end), label)
        ok = want in found and js_slice(text, want[0], want[1]) == piece
        row.check(f"{span_id}: {piece!r} expected at UTF-16 {want[:2]}", ok)
    rows.append(row)
    back = Row(tool, "Hashiya -> tool -> Hashiya")
    hashiya("--db", str(db), "import", str(work / "from-doccano.jsonl"), "--annotator", "doccano-back")
    compare_in_hashiya(back, hashiya_spans(db, "doccano-back", work), by_id=False)
    rows.append(back)

    # Spans made the way doccano's editor makes them: UTF-16 offsets posted to its span API.
    own, types = dc_project(api, "made in doccano")
    plain = work / "plain.jsonl"
    line = {"text": TEXT, "label": [], "meta": {"doc_id": DOC_ID}}
    plain.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    dc_upload(api, own, plain, "SequenceLabeling")
    [example] = api.json("GET", f"/v1/projects/{own}/examples?limit=10")["results"]
    for _, label, piece in SPANS:
        start, end = _at(piece)
        api.json(
            "POST",
            f"/v1/projects/{own}/examples/{example['id']}/spans",
            {"label": types[label], "start_offset": utf16(TEXT, start), "end_offset": utf16(TEXT, end)},
        )
    dc_export(api, own, work / "doccano-own.jsonl")
    row = Row(tool, "tool -> Hashiya")
    db2 = work / "from-doccano.hashiya"
    out = hashiya("--db", str(db2), "import", str(work / "doccano-own.jsonl"), "--annotator", "doccano-editor")
    row.note = next((x for x in out.splitlines() if x.startswith("note:")), "")[:100]
    compare_in_hashiya(row, hashiya_spans(db2, "doccano-editor", work), by_id=False)
    rows.append(row)


# -- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--only", choices=["labelstudio", "doccano"], help="check one tool")
    parser.add_argument("--venvs", type=Path, help="keep the tools' virtual environments here and use them again")
    args = parser.parse_args(argv)
    global VENVS
    VENVS = args.venvs
    work = args.keep or Path(tempfile.mkdtemp(prefix="hashiya-interop-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    tools: list[tuple[str, str, Callable[[Path, list[Row]], None]]] = [
        ("labelstudio", "Label Studio", run_labelstudio),
        ("doccano", "doccano", run_doccano),
    ]
    try:
        for key, name, run in tools:
            if args.only and args.only != key:
                continue
            folder = work / key
            folder.mkdir(exist_ok=True)
            before = len(rows)
            try:
                run(folder, rows)
            except Exception as error:  # a tool that cannot be installed or run here is reported, not fatal
                what = "skipped" if len(rows) == before else "stopped"
                rows.append(Row(name, what, note=f"{type(error).__name__}: {error}".replace("\n", " ")[:600]))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print_table(rows)
    checked = [r for r in rows if r.direction not in ("skipped", "stopped")]
    failed = any(r.direction == "stopped" for r in rows)
    return 0 if checked and not failed and all(r.exact == r.spans for r in checked) else 1


if __name__ == "__main__":
    sys.exit(main())
