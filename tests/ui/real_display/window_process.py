"""Starting Hashiya's window on the real X server in its own process, and asking it what it shows."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.ui.real_display.xserver import XServer

ROOT = Path(__file__).resolve().parents[3]
ANSWER_PREFIX = "PROBE "
WAIT_S = 10.0


class WindowProcess:
    def __init__(self, server: XServer, db: Path) -> None:
        self.server = server
        self.db = db
        environment = {**server.environment(), "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.real_display.probe", "--db", str(db)],
            cwd=ROOT,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.wait_until(lambda: self.ask("focus").get("active_window") is not None, "the window to be shown")

    def ask(self, question: str, **details: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        if self.process.poll() is not None:
            said = self.process.stderr.read() if self.process.stderr else ""
            raise AssertionError(f"the window's process ended: {said}")
        self.process.stdin.write(json.dumps({"ask": question, **details}) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError("the window's process stopped answering")
            if line.startswith(ANSWER_PREFIX):
                answer: dict[str, Any] = json.loads(line[len(ANSWER_PREFIX) :])
                return answer

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout:g} s for {what}")
            time.sleep(0.05)

    def focus(self) -> dict[str, Any]:
        return self.ask("focus")

    def wait_for_focus_in_text(self, after: str) -> None:
        """The keyboard focus settles in the text view; fails with where it is instead."""
        deadline = time.monotonic() + 3.0
        answer = self.focus()
        while not answer.get("in_text_view") and time.monotonic() < deadline:
            time.sleep(0.05)
            answer = self.focus()
        assert answer.get("in_text_view"), f"after {after} the focus is in {answer}, not in the text"

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
