"""Showing untrusted text (document text, titles, labels, notes, names, file names) safely.

Qt guesses whether a string is rich text for labels, tooltips and message boxes, so a title like
``<img src=...>`` would be rendered as HTML. Everything that can hold user or imported data goes
through these helpers: labels and message boxes are set to plain text, tooltips are escaped, and
invisible bidi controls are made visible where names are listed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

BIDI_CONTROLS = {
    "\u061c": "ALM",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
_VISIBLE = str.maketrans({char: f"⟦{name}⟧" for char, name in BIDI_CONTROLS.items()})


def visible_controls(text: str) -> str:
    """``text`` with each invisible bidi control written out, for names shown in lists."""
    return text.translate(_VISIBLE)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (Qt would render a tooltip that looks like HTML)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(icon, visible_controls(title), text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()
