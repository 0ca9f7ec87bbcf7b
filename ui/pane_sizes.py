"""Small windows keep a usable text pane: the side panels yield space, the text never does.

At the window's smallest size the text pane was about 40 px wide (Arabic words broken mid-word)
while the annotations panel kept 380 px, and the annotations table was a few pixels tall. The
text pane keeps room for a few words a line, the panels give up theirs first, and the table keeps
room for a handful of rows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget

TEXT_MIN_WIDTH = 260
DOCUMENT_LIST_MIN_WIDTH = 100
PANEL_MIN_WIDTH = 260
TABLE_MIN_ROWS = 5


def keep_panes_usable(text: QWidget, document_list: QWidget, panel: QWidget, table: QAbstractItemView) -> None:
    text.setMinimumWidth(TEXT_MIN_WIDTH)
    document_list.setMinimumWidth(DOCUMENT_LIST_MIN_WIDTH)
    panel.setMinimumWidth(PANEL_MIN_WIDTH)
    rows = table.fontMetrics().height() + 8
    table.setMinimumHeight(rows * (TABLE_MIN_ROWS + 1))
