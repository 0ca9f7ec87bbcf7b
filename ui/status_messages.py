"""Status-bar messages shown whole: the permanent fields step aside while a long message is up.

Qt draws a temporary message in the room the permanent fields (status, zoom, annotator) leave;
a long hint, such as the relation picker's, was cut off and ran into "Status". While a message
needs more room than that, the permanent fields are hidden, and they come back when it clears.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QStatusBar, QWidget

# The status bar's own margins and the gap Qt leaves around the message.
MESSAGE_MARGIN = 24


def room_for_message(bar: QStatusBar, permanent: Sequence[QWidget]) -> int:
    """The width a message has beside the permanent fields (all shown)."""
    layout = bar.layout()
    spacing = layout.spacing() if layout is not None else 0
    taken = sum(widget.sizeHint().width() + spacing for widget in permanent)
    return bar.width() - taken - MESSAGE_MARGIN


def give_messages_room(bar: QStatusBar, permanent: Sequence[QWidget]) -> None:
    fields = list(permanent)

    def on_message(text: str) -> None:
        crowded = bool(text) and bar.fontMetrics().horizontalAdvance(text) > room_for_message(bar, fields)
        for widget in fields:
            widget.setVisible(not crowded)

    bar.messageChanged.connect(on_message)
