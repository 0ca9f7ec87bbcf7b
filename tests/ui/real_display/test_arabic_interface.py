"""The Arabic interface on a real display: menus' shortcut keys, the mirrored docks, Qt's own dialogs."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QImage

from tests.ui.real_display.conftest import WindowStarter
from tests.ui.real_display.window_process import WindowProcess

ARABIC_LETTER = re.compile("[\u0621-\u064a]")

EXTEND = "مدّ المقطع ب&كلمة"
SHRINK = "ت&قليص المقطع بكلمة"
PREFERENCES = "التفضي&لات…"


def open_menu(window: WindowProcess, name: str) -> dict[str, list[int]]:
    """Click the menu's title in the menu bar; the menu's entries and where they are on screen."""
    x, y, width, height = window.ask("menu_bar")[name]
    window.server.click(x + width // 2, y + height // 2)
    window.wait_until(lambda: window.ask("menu", name=name)["visible"], f"the menu {name} to open")
    actions: dict[str, list[int]] = window.ask("menu", name=name)["actions"]
    return actions


def shortcut_ink(window: WindowProcess, entry: list[int], shot: Path) -> list[tuple[int, int]]:
    """The dark pixels of the shortcut column of a menu entry (on the left, in Arabic)."""
    x, y, width, height = entry
    window.server.screenshot(shot)
    image = QImage(str(shot)).copy(x, y, width // 3, height)
    return [
        (column, row)
        for row in range(image.height())
        for column in range(image.width())
        if image.pixelColor(column, row).lightness() < 120
    ]


def bar_is_on_the_right(ink: list[tuple[int, int]]) -> bool:
    """For a drawn square bracket: is its upright stroke on the right, as in ``]``?"""
    columns = [column for column, _row in ink]
    upright = max(set(columns), key=columns.count)
    return upright > (min(columns) + max(columns)) / 2


def lowest_ink_is_on_the_right(ink: list[tuple[int, int]]) -> bool:
    """For ``Ctrl+,``: the comma, the only glyph reaching below the line, ends the text on the right."""
    columns = [column for column, _row in ink]
    bottom = max(row for _column, row in ink)
    low = [column for column, row in ink if row >= bottom - 1]
    return sum(low) / len(low) > (min(columns) + max(columns)) / 2


def test_arabic_menus_show_the_shortcut_keys_as_they_are_on_the_keyboard(
    start_window: WindowStarter, tmp_path: Path
) -> None:
    window = start_window("ar")
    entries = open_menu(window, "edit-menu")
    extend = shortcut_ink(window, entries[EXTEND], tmp_path / "extend.png")
    shrink = shortcut_ink(window, entries[SHRINK], tmp_path / "shrink.png")
    preferences = shortcut_ink(window, entries[PREFERENCES], tmp_path / "preferences.png")
    assert bar_is_on_the_right(extend), "Extend by a word shows [ instead of ]"
    assert not bar_is_on_the_right(shrink), "Shrink by a word shows ] instead of ["
    assert lowest_ink_is_on_the_right(preferences), "Preferences shows ,+Ctrl instead of Ctrl+,"
    window.server.key("Escape")


def test_in_arabic_the_docks_are_on_the_left_beyond_the_text(start_window: WindowStarter) -> None:
    for language in ("en", "ar", "en", "ar"):  # each start restores the layout the previous one saved
        window = start_window(language)
        layout = window.ask("layout")
        text_x, _y, text_width, _h = layout["text_view"]
        list_x = layout["document_list"][0]
        dock_x, _y, dock_width, _h = layout["docks"]["annotations-dock"]
        if language == "ar":
            assert layout["direction"] == "RightToLeft"
            assert dock_x + dock_width <= text_x < list_x, layout
        else:
            assert list_x < text_x < text_x + text_width <= dock_x, layout
        window.server.key("ctrl+q")
        window.process.wait(10)
        window.close()


def test_qt_dialogs_are_in_arabic_and_file_names_keep_their_order(start_window: WindowStarter, tmp_path: Path) -> None:
    window = start_window("ar")
    window.wait_for_focus_in_text("start-up")
    window.server.key("ctrl+i")
    window.wait_until(lambda: window.ask("dialog")["class"] == "QFileDialog", "the import file dialog")
    window.server.key("ctrl+a")
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "100-ar-go-menu-c.txt").write_bytes(b"")
    (folder / "مقال.txt").write_text("نص", encoding="utf-8")
    window.server.type_text(str(folder))
    window.server.key("Return")
    window.wait_until(lambda: len(window.ask("dialog").get("file_names", {})) == 2, "the folder's files")
    dialog = window.ask("dialog")
    shown = " ".join(dialog["labels"] + dialog["buttons"])
    for english in ("Look in", "Files of type", "File name", "Cancel", "Open"):
        assert english not in shown, (english, dialog)
    names = dialog["file_names"]
    # A name is drawn as its own paragraph: a Latin name left to right, an Arabic name right to left.
    assert names["100-ar-go-menu-c.txt"] == "\u2068100-ar-go-menu-c.txt\u2069", names
    assert names["مقال.txt"] == "\u2068مقال.txt\u2069", names
    # The folder is a path, read left to right; the type of each file is said in Arabic, and the
    # size, type and date columns are wide enough to read whole.
    assert dialog["look_in"]["direction"] == "LeftToRight", dialog["look_in"]
    cells = dialog["file_cells"]
    assert all(cell["fits"] for row in cells.values() for cell in row), cells
    assert all(ARABIC_LETTER.search(row[1]["text"]) for row in cells.values()), cells
    window.server.key("Escape")
