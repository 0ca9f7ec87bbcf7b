"""The ``hashiya`` command line run as an analyst runs it: a program of its own, from the project's folder."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def hashiya(*arguments: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``hashiya ARGUMENTS`` to its end; its output is decoded as UTF-8."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=timeout,
    )
