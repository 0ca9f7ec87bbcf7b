"""Where the keyboard focus is, on a real display: the text, so that a label's key tags at once."""

from __future__ import annotations

import pytest

from tests.ui.real_display.conftest import WindowStarter


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_text_has_the_focus_at_start_up(start_window: WindowStarter, language: str) -> None:
    window = start_window(language)
    window.wait_for_focus_in_text("start-up")


def test_escape_returns_to_the_text_after_f2_and_tabbing_through_the_panel(start_window: WindowStarter) -> None:
    window = start_window("en")
    window.wait_for_focus_in_text("start-up")
    window.server.key("Tab")  # the first span of the document
    window.server.key("F2")
    window.wait_until(lambda: not window.focus()["in_text_view"], "F2 to open the attributes")
    window.server.key("Tab", "Tab", "Tab")
    window.wait_until(lambda: window.focus()["class"] is not None, "the focus to settle")
    window.server.key("Escape")
    window.wait_for_focus_in_text("F2, Tab x3, Esc")


def test_the_focus_comes_back_to_the_text_after_each_dialog(start_window: WindowStarter) -> None:
    window = start_window("en")
    window.wait_for_focus_in_text("start-up")
    for keys, what in (
        (("ctrl+comma",), "Preferences"),
        (("ctrl+l",), "the registry picker"),
        (("ctrl+shift+o",), "the corpus overview"),
        (("F1",), "the shortcut sheet"),
        (("ctrl+i",), "the import file dialog"),
    ):
        if what == "the registry picker":
            window.server.key("Tab")  # a span to link
        window.server.key(*keys)
        window.wait_until(lambda: window.focus()["window_class"] != "MainWindow", f"{what} to open")
        window.server.key("Escape")
        window.wait_for_focus_in_text(f"closing {what}")


def test_the_export_confirmation_gives_the_focus_back_to_the_text(start_window: WindowStarter) -> None:
    window = start_window("en")
    window.wait_for_focus_in_text("start-up")
    window.server.key("ctrl+shift+e")
    window.wait_until(lambda: window.focus()["window_class"] == "ExportDialog", "the export dialog")
    window.server.key("Return")  # Export… asks where
    window.wait_until(lambda: window.focus()["window_class"] == "QFileDialog", "the file dialog")
    window.server.key("ctrl+a")
    window.server.type_text(str(window.db.parent / "layer.jsonl"))
    window.server.key("Return")
    window.wait_until(lambda: window.focus()["window_class"] == "QMessageBox", "the confirmation")
    window.server.key("Return")
    window.wait_for_focus_in_text("the export confirmation")
    assert (window.db.parent / "layer.jsonl").stat().st_size > 0
