"""Prints the fault suite's figures (acknowledged-then-lost edits, files changed) after the run."""

from __future__ import annotations

import pytest

from tests.reliability.fault_report import summary_lines


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = summary_lines()
    if lines:
        terminalreporter.section("fault suite")
        for line in lines:
            terminalreporter.write_line(line)
