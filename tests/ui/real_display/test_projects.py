"""File > Open Recent on a real display: the other project opens in its own window, this one closes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.ui.real_display.conftest import WindowStarter
from tests.ui.real_display.test_arabic_interface import open_menu
from tests.ui.real_display.xserver import XServerError


def test_open_recent_opens_the_other_project_in_a_window_of_its_own(
    start_window: WindowStarter, tmp_path: Path
) -> None:
    other = tmp_path / "other.hashiya"
    Project(SqliteRepository.open(other), "tester").close()
    first = start_window("en", db=other)  # remembered as a recent project
    first.server.key("ctrl+q")
    first.process.wait(10)
    window = start_window("en")
    entries = open_menu(window, "file-menu")
    x, y, width, height = entries["Open &Recent"]
    window.server.click(x + width // 2, y + height // 2)
    window.wait_until(lambda: window.ask("menu", name="recent-menu").get("visible", False), "the recent projects")
    recent = window.ask("menu", name="recent-menu")["actions"]
    x, y, width, height = recent[str(other)]
    window.server.click(x + width // 2, y + height // 2)
    window.process.wait(10)  # this window closed once the other was started
    deadline = time.monotonic() + 20
    found = ""
    while not found and time.monotonic() < deadline:
        try:
            found = window.server.xdotool("search", "--onlyvisible", "--name", "other.hashiya").strip()
        except XServerError:  # xdotool says "not found" by failing
            time.sleep(0.2)
    assert found, "no window opened on the other project"
    pid = int(window.server.xdotool("getwindowpid", found.split()[0]).strip())
    os.kill(pid, signal.SIGTERM)
