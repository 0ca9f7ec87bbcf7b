"""Relation arcs in a main window: drawn over the text view, selected by a click, deleted like a span.

``install_relation_arcs(window)`` adds View > Relation Arcs (Ctrl+Shift+R) to show or hide them.
A click on an arc (its label or its line) selects it, Delete removes it through the undo stack as
any edit, Esc lets it go; hovering an arc names both of its ends. The relations are read after
the view has painted a newly opened document, so opening it is not slowed down.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QAction, QHelpEvent, QKeyEvent, QKeySequence, QMouseEvent, QPainter
from PySide6.QtWidgets import QToolTip

from annotator.model import Relation, Span
from ui.i18n import display_name
from ui.relation_arcs import Arc, RelationArcs
from ui.rtl import isolated_rtl

if TYPE_CHECKING:
    from ui.annotation_controller import AnnotationController
    from ui.shell import Shell

DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def arc_description(arc: Arc, name: str) -> str:
    """What hovering an arc says: both ends and the relation between them."""
    return QCoreApplication.translate("RelationArcsFeature", "“{head}” — {relation} → “{tail}”").format(
        head=isolated_rtl(arc.head.span.text), relation=name, tail=isolated_rtl(arc.tail.span.text)
    )


class RelationArcsFeature(QObject):
    def __init__(self, shell: Shell, annotations: AnnotationController) -> None:
        window = shell.frame()
        super().__init__(window)
        self.window = window
        self.view = annotations.view
        self.controller = annotations
        self.arcs = RelationArcs(self.view)
        self.view.decorations.append(self._paint)
        self._source: list[Relation] | None = None
        self._stale = False
        self._pressed_on_arc = False
        self.controller.spans_changed.connect(self._spans_changed)
        self.controller.spans_replaced.connect(self._spans_replaced)
        self.controller.document_shown.connect(lambda _id: self._forget())
        self.view.span_clicked.connect(lambda _id: self.arcs.select(None))
        # Kept, so that the filter compares objects without calling Qt (it also sees the events
        # sent while the window is being destroyed).
        self._viewport = self.view.viewport()
        self._viewport.installEventFilter(self)
        self.view.installEventFilter(self)
        self.action = QAction(self.tr("Relation &Arcs"), window)
        self.action.setObjectName("relation-arcs-action")
        self.action.setCheckable(True)
        self.action.setChecked(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action.toggled.connect(self.arcs.set_shown)
        window.addAction(self.action)
        self.schema_changed()
        if self.controller.document_id is not None:  # the window showed a document before this was installed
            self.view.after_next_paint(self.follow)

    def _paint(self, painter: QPainter, first: int, last: int, exposed: QRect) -> None:
        if self.controller.project.schema is not self._schema:  # edited: relation names and colours may differ
            self.schema_changed()
        self.arcs.paint(painter, first, last, exposed)

    def schema_changed(self) -> None:
        self._schema = self.controller.project.schema
        relations = self._schema.relations
        self.arcs.set_styles({r.name: display_name(r) for r in relations}, {r.name: r.colour for r in relations})

    # -- following the layer ------------------------------------------------------------------

    def _forget(self) -> None:
        self._source = None
        self.arcs.set_relations([])

    def _spans_changed(self) -> None:
        self.view.after_next_paint(self.follow)

    def _spans_replaced(self, before: list[Span], after: list[Span]) -> None:
        if self.arcs.joins(span.id for span in (*before, *after)):
            self._stale = True

    def follow(self) -> None:
        """Take the controller's relations if they changed, and index them again if their spans moved."""
        if self.controller.document_id is None:
            self._forget()
            return
        relations = self.controller.relations
        if relations is not self._source:
            self._source = relations
            self._stale = False
            self.arcs.set_relations(relations)
        elif self._stale:
            self._stale = False
            self.arcs.reindex()

    def showcase(self) -> None:
        """Bring the span with the most relations to the middle of the view (``hashiya screenshot --view arcs``)."""
        self.follow()
        ends = Counter(end for r in self.arcs.relations for end in (r.head, r.tail))
        busiest = next((span for span_id, _n in ends.most_common() if (span := self.view.span_by_id(span_id))), None)
        if busiest is not None:
            self.view.select_offsets(busiest.start, busiest.start)
            self.view.centerCursor()

    # -- mouse and keys -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                return self._press(event)
            if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick) and self._pressed_on_arc:
                self._pressed_on_arc = kind == QEvent.Type.MouseButtonDblClick
                return True
            if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                return self._tooltip(event)
        elif watched is self.view and isinstance(event, QKeyEvent) and self.arcs.selected_id is not None:
            if kind == QEvent.Type.ShortcutOverride and event.key() in (*DELETE_KEYS, Qt.Key.Key_Escape):
                event.accept()  # the key comes here as a key press, not as the Delete Span shortcut
                return True
            if kind == QEvent.Type.KeyPress and event.key() in DELETE_KEYS:
                self.delete_selected()
                return True
            if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.arcs.select(None)
                return True
        return False

    def _press(self, event: QMouseEvent) -> bool:
        arc = self.arcs.arc_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if arc is None:
            self.arcs.select(None)
            return False
        self.select(arc.relation.id)
        self._pressed_on_arc = True
        return True

    def select(self, relation_id: str) -> None:
        """Select the relation's arc (and no span), and say how to remove it."""
        self.controller.select_span("")
        self.arcs.select(relation_id)
        arc = next((a for a in self.arcs.drawn if a.relation.id == relation_id), None)
        if arc is not None:
            text = arc_description(arc, self._name(arc.relation)) + "  " + self.tr("Delete removes it; Esc lets it go.")
            self.window.statusBar().showMessage(text, 10000)
        self.view.setFocus()

    def delete_selected(self) -> None:
        relation_id = self.arcs.selected_id
        if relation_id is not None:
            self.arcs.select(None)
            self.controller.delete_relation(relation_id)

    def _tooltip(self, event: QHelpEvent) -> bool:
        arc = self.arcs.arc_at(QPointF(event.pos()))
        if arc is None:
            return False
        QToolTip.showText(event.globalPos(), arc_description(arc, self._name(arc.relation)), self.view.viewport())
        return True

    def _name(self, relation: Relation) -> str:
        schema = self.controller.project.schema
        return next((display_name(r) for r in schema.relations if r.name == relation.label), relation.label)


def install_relation_arcs(shell: Shell, annotations: AnnotationController) -> RelationArcsFeature:
    """Draw the current layer's relations as arcs over the text, with View > Relation Arcs."""
    feature = RelationArcsFeature(shell, annotations)
    menu = shell.parts.view_menu
    menu.addSeparator()
    menu.addAction(feature.action)
    return feature
