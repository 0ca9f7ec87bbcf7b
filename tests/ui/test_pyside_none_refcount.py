"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt method that
returns nothing, and the process aborts ("Fatal Python error: none_dealloc") after a few thousand
calls. The dependency pin keeps that release out; this test would catch it coming back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

PROGRAM = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication(sys.argv[:1])
    editor = QPlainTextEdit()
    holder = QObject()
    before = sys.getrefcount(None)
    for index in range({CALLS}):
        holder.setObjectName("n")     # void
        editor.setReadOnly(index % 2 == 0)  # void
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_twenty_thousand_void_qt_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    before, after = (int(value) for value in result.stdout.split())
    # A leak of one reference per call would show as tens of thousands lost.
    assert before - after < CALLS // 10
