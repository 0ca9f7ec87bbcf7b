"""Top-level windows sized to the screen they open on, never taller or wider than it.

The Review window asked for 1280 x 860: with the title bar and a panel its bottom (the decision
buttons' row and the status bar) was off a 1000 px tall screen. It now asks for what the main
window has (1280 x 800), and less where the screen's free area is smaller.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window manager's title bar and frame, which the window's own size leaves out.
FRAME_ALLOWANCE = QSize(16, 48)


def fitting_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made smaller where the screen's free area (less the frame) is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry().size() - FRAME_ALLOWANCE
    return wanted.boundedTo(free)


def fit_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or less, to fit on its screen with its frame."""
    size = fitting_size(widget, QSize(width, height))
    widget.setMinimumSize(widget.minimumSize().boundedTo(size))
    widget.resize(size)
