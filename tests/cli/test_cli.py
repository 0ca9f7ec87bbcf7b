"""The command line as a newcomer and a data engineer use it, in real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env if env is not None else dict(os.environ),
        timeout=120,
        cwd=ROOT,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC)
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_first_run_without_a_display_seeds_the_default_project_and_writes_a_screenshot() -> None:
    result = run(env=headless_env())
    assert result.returncode == 0, result.stderr
    message = [line for line in result.stderr.splitlines() if "display" in line.lower()]
    assert message == ["No display found: writing a screenshot of the main window instead."]
    shot = Path(result.stdout.strip())
    assert shot.is_absolute() and png_size(shot) == (1280, 800)
    project = Path(os.environ["XDG_DATA_HOME"]) / "hashiya" / "project.hashiya"
    assert project.exists()
    listed = run("import-texts", str(CORPUS))
    assert listed.returncode == 0
    assert "imported 0 text(s); 5 already in" in listed.stdout


def test_import_texts_into_another_project(tmp_path: Path) -> None:
    db = tmp_path / "team.hashiya"
    result = run("--db", str(db), "import-texts", str(CORPUS / "003_6ce7f2ee4d1dc447.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported 1 text(s); 0 already in")
    again = run("import-texts", "--db", str(db), str(CORPUS))
    assert again.stdout.startswith("imported 4 text(s); 1 already in")


def test_a_bad_text_file_is_named_on_stderr(tmp_path: Path) -> None:
    bad = tmp_path / "windows-1256.txt"
    bad.write_bytes("خبر".encode("cp1256"))
    result = run("--db", str(tmp_path / "p.hashiya"), "import-texts", str(CORPUS), str(bad))
    assert result.returncode == 1
    assert "windows-1256.txt: it is not valid UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    follow = run("--db", str(tmp_path / "p.hashiya"), "import-texts", str(CORPUS))
    assert follow.stdout.startswith("imported 5 text(s)")


def test_a_file_that_is_not_a_project_gets_a_clear_message(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("ليس مشروعا", encoding="utf-8")
    result = run("--db", str(notes), "screenshot", "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"hashiya: {notes} is not a Hashiya project (it is not an SQLite database)."
    assert notes.read_text(encoding="utf-8") == "ليس مشروعا"


@pytest.mark.parametrize("doc", ["003_6ce7f2ee4d1dc447", None])
def test_screenshot_of_a_chosen_document(tmp_path: Path, doc: str | None) -> None:
    db = tmp_path / "p.hashiya"
    run("--db", str(db), "import-texts", str(CORPUS))
    out = tmp_path / "shots" / "main.png"
    args = ["--db", str(db), "screenshot", "-o", str(out), "--width", "1100", "--height", "800"]
    if doc is not None:
        from annotator.project import document_id_for
        from annotator.text import decode_document, text_sha256

        doc = document_id_for(text_sha256(decode_document((CORPUS / f"{doc}.txt").read_bytes())))
        args += ["--doc", doc]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == out.resolve()
    assert png_size(out) == (1100, 800)


def test_screenshot_of_an_unknown_document_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    run("--db", str(db), "import-texts", str(CORPUS))
    result = run("--db", str(db), "screenshot", "-o", str(tmp_path / "x.png"), "--doc", "nope")
    assert result.returncode == 2
    assert "there is no document 'nope'" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "hashiya"
    assert script.exists()
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "import-texts" in result.stdout and "screenshot" in result.stdout


def test_layer_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
