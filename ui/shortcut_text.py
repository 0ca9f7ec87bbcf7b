"""Shortcut keys written as they are on the keyboard, in an Arabic interface too.

A menu entry's shortcut ("Ctrl+,", "]") is drawn as part of a right-to-left line in Arabic: the
bidi algorithm then mirrors brackets (``]`` shows as ``[``) and moves the neutral characters of a
key sequence to the other end (``Ctrl+,`` shows as ``,+Ctrl``). Qt draws the shortcut from the text
after the entry's tab; this style isolates that text as a left-to-right run before it is drawn.

The same style draws a table's sort arrow pointing up for ascending order (a to z, first to last
in the text) and down for descending, as analysts know it from other programs; Qt's own style
drew ascending as a downward arrow, which read as the reverse of the order shown.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QStyleOptionMenuItem,
    QWidget,
)

from ui.rtl import LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE


def isolated_keys(keys: str) -> str:
    """Key names as one left-to-right run, whatever the direction of the line around them."""
    if not keys or keys.startswith(LEFT_TO_RIGHT_ISOLATE):
        return keys
    return f"{LEFT_TO_RIGHT_ISOLATE}{keys}{POP_DIRECTIONAL_ISOLATE}"


def with_isolated_shortcut(text: str) -> str:
    """A menu entry's text ("Preferences…\\tCtrl+,") with its shortcut part isolated left to right."""
    label, tab, keys = text.partition("\t")
    return f"{label}{tab}{isolated_keys(keys)}" if tab else text


class ShortcutTextStyle(QProxyStyle):
    """The application's style, drawing menu entries' shortcuts left to right and sort arrows as they sort."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            shown = QStyleOptionHeader(option)
            flipped = {
                QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
                QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
            }
            shown.sortIndicator = flipped.get(option.sortIndicator, option.sortIndicator)
            super().drawPrimitive(element, shown, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(option, QStyleOptionMenuItem):
            shown = QStyleOptionMenuItem(option)
            shown.text = with_isolated_shortcut(option.text)
            super().drawControl(element, shown, painter, widget)
            return
        super().drawControl(element, option, painter, widget)
