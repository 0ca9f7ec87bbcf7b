"""The window on a real screen: zoom keeps the place in the text, the Review window fits the screen."""

from __future__ import annotations

from functools import partial

from tests.ui.real_display.conftest import WindowStarter
from tests.ui.real_display.window_process import WindowProcess
from tests.ui.real_display.xserver import PANEL_HEIGHT, SCREEN


def test_zooming_keeps_the_place_in_the_text(start_window: WindowStarter) -> None:
    window = start_window("ar")
    x, y, width, height = window.ask("text_view")["geometry"]
    window.server.xdotool("mousemove", str(x + width // 2), str(y + height // 2))
    window.server.xdotool("click", "--repeat", "12", "--delay", "20", "5")  # the wheel, downwards
    window.wait_until(lambda: window.ask("text_view")["scroll"] > 10, "the text to scroll down")
    before = window.ask("text_view")
    shown = before
    # Two steps in, four out, six in: a zoom out was where the first line shown slid off the top.
    for keys in (("ctrl+equal",) * 2, ("ctrl+minus",) * 4, ("ctrl+equal",) * 6):
        wanted = shown["point_size"] + (len(keys) if keys[0] == "ctrl+equal" else -len(keys))
        window.server.key(*keys)
        window.wait_until(partial(has_point_size, window, wanted), "the text to zoom")
        shown = window.ask("text_view")
        assert shown["first_shown"] <= before["first_shown"] <= shown["last_shown"], (keys, before, shown)


def has_point_size(window: WindowProcess, wanted: float) -> bool:
    return bool(window.ask("text_view")["point_size"] == wanted)


def test_the_review_window_fits_a_1000_pixel_screen_with_a_panel(start_window: WindowStarter) -> None:
    window = start_window("ar")
    window.server.key("ctrl+r")
    window.wait_until(lambda: window.ask("focus")["window_class"] == "ReviewWindow", "the Review window")
    frames = window.ask("windows")
    review = frames["ReviewWindow"]
    x, y, width, height = review
    assert SCREEN[1] == 1000
    assert y >= 0 and y + height <= SCREEN[1] - PANEL_HEIGHT, review
    assert x >= 0 and x + width <= SCREEN[0], review
