"""The search dock: folded Arabic search over the document or the corpus, and what builds on it.

``install_search(window)`` adds the dock, a Search menu and its shortcuts to a main window:
Ctrl+F search, F3 / Shift+F3 next and previous hit, Ctrl+Shift+A annotate all occurrences,
and the suggestion keys (F4 / Shift+F4 next and previous, Ctrl+Return accept, Ctrl+Backspace
reject). "Whole corpus" searches the folded texts and index the store keeps (the search of
``hashiya search``); "This document" folds the shown document once and keeps it while it is shown.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.arabic import FoldedText, fold
from annotator.model import Span
from annotator.occurrences import TREATY_LABEL, Occurrence, alias_groups, inside_span_of_label, plan_annotate_all
from annotator.project import InvalidEditError
from annotator.repository import ProjectError
from annotator.search import FoldedCorpus, Hit, SearchResult, expand_aliases, folded_document, search_corpus
from ui.annotate_all import AnnotateAllDialog, hit_context
from ui.annotation_controller import AnnotationController
from ui.document_view import Overlay, OverlayStyle
from ui.plain import plain_label, show_message, visible_controls
from ui.refusals import error_text
from ui.rtl import RtlTextDelegate, isolated_rtl
from ui.shell import Shell
from ui.suggestions import SuggestionController

SEARCH_GROUP = "search"
CURRENT_HIT_GROUP = "search-current"
# Search hits are hatched, in a colour of no label: a flat amber fill looked like a CLAIM or DATE highlight.
HIT_HATCH = "#37474f"
CURRENT_HIT_OUTLINE = "#e65100"
MAX_LISTED_HITS = 1000
TYPING_DELAY_MS = 200
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT, COUNT = range(2)


class SearchScope(Enum):
    DOCUMENT = str(QT_TRANSLATE_NOOP("SearchScope", "This document"))
    CORPUS = str(QT_TRANSLATE_NOOP("SearchScope", "Whole corpus"))

    @property
    def display(self) -> str:
        """The scope's name in the interface language."""
        return QCoreApplication.translate("SearchScope", self.value)


class QueryEdit(QLineEdit):
    """The query box: Down moves into the results."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """Query, scope, whole-word option, and the results grouped by document with their counts."""

    hit_chosen = Signal(int, bool)  # the hit's number in the result, and whether to focus the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = QueryEdit()
        self.query.setObjectName("search-query")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr("Search: {equivalences}, diacritics and tatweel ignored").format(
                equivalences=isolated_rtl("أ/إ/آ=ا ى=ي ة=ه غ=ج")
            )
        )
        self.scope = QComboBox()
        self.scope.setObjectName("search-scope")
        for scope in SearchScope:
            self.scope.addItem(scope.display, scope)
        self.whole_word = QCheckBox(
            self.tr("Whole words, also after {proclitics}").format(proclitics=isolated_rtl("و ف ب ل ك ال"))
        )
        self.whole_word.setObjectName("search-whole-word")
        self.short_aliases = QCheckBox(self.tr("Short names too"))
        self.short_aliases.setObjectName("search-short-aliases")
        self.short_aliases.setToolTip(
            self.tr("A registry name also finds its entry's short names ({example}), not inside other names").format(
                example=isolated_rtl("كيم، لافروف")
            )
        )
        self.annotate_button = QPushButton(self.tr("Annotate All…"))
        self.annotate_button.setObjectName("search-annotate-all")
        self.summary = plain_label()
        self.summary.setObjectName("search-summary")

        self.results = QTreeWidget()
        self.results.setObjectName("search-results")
        self.results.setColumnCount(2)
        self.results.setHeaderLabels([self.tr("Hit in context"), self.tr("Hits")])
        self.results.setItemDelegate(RtlTextDelegate(self.results))
        self.results.setUniformRowHeights(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.results.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.results.itemClicked.connect(lambda item, _column: self._choose(item, focus_text=False))
        self.results.itemActivated.connect(lambda item, _column: self._choose(item, focus_text=True))
        self.query.down_pressed.connect(self._enter_results)

        options = QHBoxLayout()
        options.addWidget(self.scope)
        options.addWidget(self.whole_word, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.annotate_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addLayout(options)
        layout.addWidget(self.short_aliases)  # a row of its own: the dock keeps its width
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)

    @property
    def chosen_scope(self) -> SearchScope:
        scope = self.scope.currentData()
        return scope if isinstance(scope, SearchScope) else SearchScope.DOCUMENT

    def show_result(self, result: SearchResult, titles: dict[str, str]) -> None:
        self.results.clear()
        by_document: dict[str, QTreeWidgetItem] = {}
        for number, hit in enumerate(result.hits):
            parent = by_document.get(hit.doc_id)
            if parent is None:
                title = visible_controls(titles.get(hit.doc_id, hit.doc_id))
                parent = QTreeWidgetItem([title, str(result.counts.get(hit.doc_id, 0))])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                parent.setTextAlignment(COUNT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                by_document[hit.doc_id] = parent
                self.results.addTopLevelItem(parent)
            item = QTreeWidgetItem([hit_context(hit), ""])
            item.setData(CONTEXT, HIT_ROLE, number)
            parent.addChild(item)
        self.results.expandAll()
        if not result.total:
            self.summary.setText(self.tr("No hits."))
            return
        text = self.tr("%n hit(s) in {documents}", "", result.total).format(
            documents=self.tr("%n document(s)", "", len(result.counts))
        )
        if result.truncated:
            text = self.tr("{summary} (the first %n listed)", "", len(result.hits)).format(summary=text)
        self.summary.setText(text)

    def hit_items(self) -> list[QTreeWidgetItem]:
        """The hit rows, in result order, under their documents."""
        items: list[QTreeWidgetItem] = []
        for row in range(self.results.topLevelItemCount()):
            parent = self.results.topLevelItem(row)
            if parent is not None:
                children = (parent.child(index) for index in range(parent.childCount()))
                items.extend(child for child in children if child is not None)
        return items

    def hit_item(self, number: int) -> QTreeWidgetItem | None:
        return next((item for item in self.hit_items() if item.data(CONTEXT, HIT_ROLE) == number), None)

    def mark_hit(self, number: int) -> None:
        item = self.hit_item(number)
        if item is not None:
            self.results.blockSignals(True)
            self.results.setCurrentItem(item)
            self.results.blockSignals(False)
            self.results.scrollToItem(item)

    def _choose(self, item: QTreeWidgetItem, *, focus_text: bool) -> None:
        number = item.data(CONTEXT, HIT_ROLE)
        if isinstance(number, int):
            self.hit_chosen.emit(number, focus_text)

    def _enter_results(self) -> None:
        items = self.hit_items()
        if items:
            self.results.setCurrentItem(items[0])
            self.results.setFocus()


class SearchFeature(QObject):
    """The search dock, the annotate-all command and the suggestions, installed on a main window."""

    def __init__(self, shell: Shell, annotations: AnnotationController) -> None:
        window = shell.frame()
        super().__init__(window)
        self.shell = shell
        self.window = window
        self.annotations = annotations
        self.view = annotations.view
        self.project = annotations.project
        self._corpus: FoldedCorpus | None = None  # the store's, asked for again when the documents change
        self._shown: tuple[str, FoldedText] | None = None  # the folded text of the last document searched alone
        self.result = SearchResult()
        self.current_hit = -1
        # What the listed result answers: query, whole words, scope, and the document it was
        # searched in when the scope is "This document" (None for the whole corpus).
        self._searched: tuple[str, bool, SearchScope, str | None] | None = None
        self._order: list[str] = self._document_ids()

        self.panel = SearchPanel()
        self.dock = QDockWidget(self.tr("Search"), window)
        self.dock.setObjectName("search-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        annotations_dock = shell.parts.annotations_dock
        window.tabifyDockWidget(annotations_dock, self.dock)
        annotations_dock.raise_()
        self.suggestions = SuggestionController(annotations, shell.settings)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._typing.timeout.connect(self.run_search)
        self.panel.query.textChanged.connect(lambda _text: self._typing.start())
        self.panel.query.returnPressed.connect(self._query_entered)
        self.panel.scope.currentIndexChanged.connect(lambda _index: self.run_search())
        self.panel.whole_word.toggled.connect(lambda _checked: self.run_search())
        self.panel.short_aliases.toggled.connect(lambda _checked: self.run_search())
        self.panel.hit_chosen.connect(self.open_hit)
        self.panel.annotate_button.clicked.connect(self.annotate_all_from_search)
        annotations.document_shown.connect(lambda _document_id: self._document_shown())
        shell.documents.modelReset.connect(self._documents_changed)
        self._build_menu()

    # -- menu and shortcuts -----------------------------------------------------------------------

    def _build_menu(self) -> None:
        window = self.window
        menu = QMenu(self.tr("&Search"), window)
        menu.setObjectName("search-menu")
        window.menuBar().insertMenu(self.shell.parts.view_menu.menuAction(), menu)
        self.menu = menu
        self.find_action = self._window_action(self.tr("&Find…"), QKeySequence.StandardKey.Find, self.focus_search)
        self.find_next_action = self._window_action(self.tr("Find &Next"), QKeySequence("F3"), lambda: self.step_hit(1))
        self.find_previous_action = self._window_action(
            self.tr("Find &Previous"), QKeySequence("Shift+F3"), lambda: self.step_hit(-1)
        )
        self.annotate_all_action = self._window_action(
            self.tr("&Annotate All Occurrences…"), QKeySequence("Ctrl+Shift+A"), self.annotate_all
        )
        menu.addSeparator()
        self.show_suggestions_action = QAction(self.tr("&Show Suggestions"), window, checkable=True)
        self.show_suggestions_action.setChecked(self.suggestions.visible)
        self.show_suggestions_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.show_suggestions_action.toggled.connect(self.suggestions.set_visible)
        window.addAction(self.show_suggestions_action)
        menu.addAction(self.show_suggestions_action)
        self.next_suggestion_action = self._window_action(
            self.tr("Next Suggestion"), QKeySequence("F4"), lambda: self.suggestions.step(1)
        )
        self.previous_suggestion_action = self._window_action(
            self.tr("Previous Suggestion"), QKeySequence("Shift+F4"), lambda: self.suggestions.step(-1)
        )
        # Only while the text has the focus: in the query box these keys edit the query.
        self.accept_suggestion_action = self._text_action(
            self.tr("A&ccept Suggestion"), QKeySequence("Ctrl+Return"), self.suggestions.accept_current
        )
        self.reject_suggestion_action = self._text_action(
            self.tr("&Reject Suggestion"), QKeySequence("Ctrl+Backspace"), self.suggestions.reject_current
        )

    def _window_action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.menu.addAction(action)
        return action

    def _text_action(self, text: str, shortcut: QKeySequence, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        self.menu.addAction(action)
        return action

    # -- the documents searched -------------------------------------------------------------------

    def _document_ids(self) -> list[str]:
        documents = self.shell.documents
        return [documents.document_at(row).id for row in range(documents.rowCount())]

    def _documents_changed(self) -> None:
        before = set(self._order)
        self._order = self._document_ids()
        self._corpus = None
        if set(self._order) != before:
            self.suggestions.forget_project_surfaces()
            if self._searched is not None:
                self.run_search()

    def titles(self) -> dict[str, str]:
        documents = self.shell.documents
        return {documents.document_at(row).id: documents.document_at(row).title for row in range(documents.rowCount())}

    # -- searching --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: show the dock and put the caret in the query, with the selected text if short."""
        self.dock.show()
        self.dock.raise_()
        selected = self.view.selected_stored_text().strip()
        if selected and "\n" not in selected and len(selected) <= 80:
            self.panel.query.setText(selected)
        self.panel.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.query.selectAll()

    def search(self, query: str, *, whole_word: bool, scope: SearchScope, limit: int | None) -> SearchResult:
        try:
            corpus = self._searched_corpus(scope)
            if corpus is None:
                return SearchResult()
            found = search_corpus(
                corpus,
                query,
                whole_word=whole_word,
                alias_groups=alias_groups(self.project.registry),
                short_aliases=self.panel.short_aliases.isChecked(),
                limit=limit,
            )
            # The listed hits built now, while the documents searched are those shown.
            return SearchResult(list(found.hits), found.counts)
        except ProjectError as error:  # the project cannot be read now (a team server away)
            self.window.statusBar().showMessage(error_text(error), 5000)
            return SearchResult()

    def _searched_corpus(self, scope: SearchScope) -> FoldedCorpus | None:
        if scope is SearchScope.CORPUS:
            if self._corpus is None:
                self._corpus = self.project.repository.folded_corpus()
            return self._corpus
        document_id = self.view.document_id
        if not document_id:
            return None
        if self._shown is None or self._shown[0] != document_id:
            self._shown = (document_id, fold(self.project.document(document_id).text))
        return folded_document(document_id, self._shown[1])

    def _asked(self) -> tuple[str, bool, SearchScope, str | None]:
        """The search the panel and the shown document ask for now."""
        scope = self.panel.chosen_scope
        here = self.view.document_id if scope is SearchScope.DOCUMENT else None
        return self.panel.query.text(), self.panel.whole_word.isChecked(), scope, here

    def _stale(self) -> bool:
        """Whether the listed result no longer answers what is asked (typing, or another document)."""
        return self._typing.isActive() or (bool(self.panel.query.text().strip()) and self._asked() != self._searched)

    def _document_shown(self) -> None:
        """Another document is shown: a search of "This document" is run on it, other hits are filled."""
        if self._searched is not None and self._searched[2] is SearchScope.DOCUMENT and self._stale():
            self.run_search()
        else:
            self._show_document_hits()

    def run_search(self) -> None:
        self._typing.stop()
        query, whole_word, scope, _here = asked = self._asked()
        self._searched = asked if query.strip() else None
        if self._searched is None:
            self.result = SearchResult()
            self.panel.results.clear()
            self.panel.summary.setText("")
        else:
            self.result = self.search(query, whole_word=whole_word, scope=scope, limit=MAX_LISTED_HITS)
            self.panel.show_result(self.result, self.titles())
        self.current_hit = -1
        self._show_document_hits()

    def _query_entered(self) -> None:
        """Enter in the query: search now if it changed, then go to the next hit."""
        if self._stale() or self._searched is None:
            self.run_search()
        self.step_hit(1)

    def _show_document_hits(self) -> None:
        """Fill every hit in the shown document, and outline the current one."""
        view = self.view
        document_id = view.document_id
        overlays: list[Overlay] = []
        if self._searched is not None and document_id is not None:
            query, whole_word, _scope, _here = self._searched
            here = self.search(query, whole_word=whole_word, scope=SearchScope.DOCUMENT, limit=None)
            overlays = [Overlay(hit.start, hit.end, HIT_HATCH, OverlayStyle.HATCH, 1.0) for hit in here.hits]
        view.set_overlays(SEARCH_GROUP, overlays)
        current = self.hit(self.current_hit)
        marks = []
        if current is not None and current.doc_id == document_id:
            marks.append(Overlay(current.start, current.end, CURRENT_HIT_OUTLINE, OverlayStyle.SOLID, 2.0))
        view.set_overlays(CURRENT_HIT_GROUP, marks)

    def hit(self, number: int) -> Hit | None:
        return self.result.hits[number] if 0 <= number < len(self.result.hits) else None

    def open_hit(self, number: int, focus_text: bool = True) -> None:
        """Show the hit's document, select the hit in the text and mark it in the results."""
        hit = self.hit(number)
        if hit is None:
            return
        self.current_hit = number
        view = self.view
        if view.document_id != hit.doc_id:
            try:
                self.shell.open_document(hit.doc_id)
            except ProjectError as error:
                show_message(self.window, QMessageBox.Icon.Warning, self.tr("Hit not shown"), error_text(error))
                return
        view.select_offsets(hit.start, hit.end)
        view.ensureCursorVisible()
        self.panel.mark_hit(number)
        self._show_document_hits()
        self.window.statusBar().showMessage(
            self.tr("Hit {number} of {count}").format(number=number + 1, count=len(self.result.hits)), 4000
        )
        if focus_text:
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def step_hit(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous hit, wrapping around; searches first if needed."""
        if self._stale():
            self.run_search()
        count = len(self.result.hits)
        if count == 0:
            self.window.statusBar().showMessage(
                self.tr("No hits.") if self._searched else self.tr("Press Ctrl+F to search."), 4000
            )
            return
        if self.current_hit < 0:
            number = self._first_hit_from_caret() if direction > 0 else count - 1
        else:
            number = (self.current_hit + direction) % count
        self.open_hit(number, focus_text=True)

    def _first_hit_from_caret(self) -> int:
        view = self.view
        caret = view.offsets.to_offset(view.textCursor().selectionStart())
        for number, hit in enumerate(self.result.hits):
            if hit.doc_id == view.document_id and hit.start >= caret:
                return number
        for number, hit in enumerate(self.result.hits):
            if hit.doc_id == view.document_id:
                return number
        return 0

    # -- annotate all occurrences -----------------------------------------------------------------

    def annotate_all(self) -> None:
        """Ctrl+Shift+A: from the selected span if there is one, else from the search."""
        if self.annotations.selected is not None and not self.panel.isAncestorOf(
            self.window.focusWidget() or self.panel
        ):
            self.annotate_all_from_span()
        else:
            self.annotate_all_from_search()

    def annotate_all_from_span(self) -> None:
        span = self.annotations.selected
        if span is None:
            self.window.statusBar().showMessage(self.tr("Select a span first."), 5000)
            return
        result = self.search(span.text, whole_word=True, scope=self.panel.chosen_scope, limit=MAX_LISTED_HITS)
        self._review(result, span.label, span.ref, label_fixed=True, source=span)

    def annotate_all_from_search(self) -> None:
        query = self.panel.query.text()
        if not query.strip():
            self.focus_search()
            self.window.statusBar().showMessage(self.tr("Search for the text to annotate first."), 5000)
            return
        if self._searched is None or self._typing.isActive():
            self.run_search()
        label, ref = self._label_for_query(query)
        self._review(self.result, label, ref, label_fixed=False, source=None)

    def _label_for_query(self, query: str) -> tuple[str, str | None]:
        """The label and registry entry of the entry one of whose aliases the query is, if any."""
        schema = self.project.schema
        folded = expand_aliases(query, [])
        if folded:
            entries = [(entity.type.value, entity.id, entity.alias_texts) for entity in self.project.registry.entities]
            entries += [(TREATY_LABEL, treaty.id, treaty.alias_texts) for treaty in self.project.registry.treaties]
            named = [
                (label, entry_id)
                for label, entry_id, aliases in entries
                if schema.has_label(label) and folded[0] in {expand_aliases(alias, [])[0] for alias in aliases}
            ]
            if named:  # a name of several entries is linked only when the analyst chooses one
                return named[0][0], named[0][1] if len(named) == 1 else None
        labels = [label.name for label in schema.labels]
        return (labels[0] if labels else ""), None

    def _review(
        self, result: SearchResult, label: str, ref: str | None, *, label_fixed: bool, source: Span | None
    ) -> None:
        if not result.hits:
            self.window.statusBar().showMessage(self.tr("No occurrences found."), 5000)
            return
        spans: dict[str, list[Span]] = {}

        def already_tagged(occurrence: Occurrence, chosen: str) -> bool:
            if occurrence.document_id not in spans:
                spans[occurrence.document_id] = self.project.spans(occurrence.document_id)
            return inside_span_of_label(occurrence, spans[occurrence.document_id], chosen)

        entry = self.project.registry.get(ref) if ref else None
        dialog = AnnotateAllDialog(
            result.hits,
            self.titles(),
            [item.name for item in self.project.schema.labels],
            label,
            entry.name_ar if entry is not None else None,
            already_tagged,
            label_fixed=label_fixed,
            truncated_from=result.total if result.truncated else None,
            parent=self.window,
        )
        accepted = dialog.exec()
        chosen_label = dialog.label
        occurrences = dialog.accepted_occurrences()
        dialog.deleteLater()
        self.window.activateWindow()
        if not accepted or not occurrences:
            return
        link = ref if entry is not None and (label_fixed or chosen_label == label) else None
        self.annotate(occurrences, chosen_label, link)
        if source is not None:
            self.annotations.select_span(source.id)

    def annotate(self, occurrences: list[Occurrence], label: str, ref: str | None) -> int:
        """Add the spans, one undo step for all of them; returns how many spans were made."""
        annotations = self.annotations
        current = self.view.document_id
        try:
            plan = plan_annotate_all(self.project, occurrences, label, ref, last_document=current)
        except InvalidEditError as error:
            annotations.problem.emit(error_text(error))
            return 0
        if not plan.batches:
            self.window.statusBar().showMessage(self.tr("Every occurrence is already tagged."), 5000)
            return 0
        if len(plan.batches) == 1:
            annotations.push(plan.batches[0])
        else:
            # One batch per document, so each document's view is updated from its own edits.
            annotations.undo_stack.beginMacro(
                self.tr("Annotate %n occurrence(s) as {label}", "", plan.span_count).format(label=label)
            )
            for batch in plan.batches:
                annotations.push(batch)
            annotations.undo_stack.endMacro()
        if current is not None and self.view.document_id != current:
            self.shell.open_document(current)
        done = self.tr("Annotated %n occurrence(s) as {label}.", "", plan.span_count).format(label=label)
        if plan.already_tagged:
            done = self.tr("{done} %n already tagged.", "", len(plan.already_tagged)).format(done=done)
        self.window.statusBar().showMessage(done, 8000)
        self.view.setFocus()
        return plan.span_count


def install_search(shell: Shell, annotations: AnnotationController) -> SearchFeature:
    """Add the search dock, the Search menu, annotate-all and suggestions to the window of ``shell``."""
    return SearchFeature(shell, annotations)
