"""The Arabic interface: every menu, action, dock and dialog translated and mirrored; the catalogue complete."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotator import preferences
from annotator.model import Span
from annotator.preferences import Language, Preferences
from annotator.project import Project
from annotator.registry import EntityType, Treaty
from tests.storage.test_review_storage import LAVROV, TEAMMATE, make_layers
from tests.ui.test_annotating import document_row, open_window
from ui import i18n
from ui.annotate_all import AnnotateAllDialog
from ui.annotator_name import WelcomeDialog
from ui.app import application
from ui.exchange_dialogs import ExportDialog, ImportDialog
from ui.main_window import MainWindow
from ui.preferences_dialog import PreferencesDialog
from ui.registry_dialogs import EntityEditor, RegistryPicker, TreatyEditor
from ui.schema_editor import SchemaEditor
from ui.search_panel import SearchScope

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "hashiya_ar.ts"
# The interface's own sources, and the sentences that the domain and storage keep for it (annotator.said).
SOURCES = sorted((ROOT / "ui").glob("*.py")) + sorted(
    path
    for folder in ("annotator", "storage")
    for path in (ROOT / folder).rglob("*.py")
    if "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8")
)
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_\-]*")
# What stays as it is in the Arabic interface: Qt's key names, product and format names, format hints.
KEPT_WORDS = {
    *("Ctrl", "Shift", "Alt", "Meta", "Tab", "Enter", "Return", "Esc", "Del", "PgUp", "PgDown", "Backspace"),
    *("Left", "Right", "Up", "Down", "Home", "End", "Space"),
    *("JSONL", "JSON", "spaCy", "Prodigy", "doccano", "Label", "Studio", "brat", "standoff", "zip", "CoNLL", "BIO"),
    *("YYYY-MM-DD", "Q", "russia", "north-korea", "jsonl", "json", "txt", "ndjson", "CSV", "PNG", "csv", "png"),
    "English",  # the language's own name in the language chooser
}


def untranslated(texts: list[tuple[str, str]], kept: set[str]) -> list[tuple[str, str]]:
    """The (where, text) pairs with a Latin word that is not a name, key or format that stays as it is."""
    bad = []
    for where, text in texts:
        plain = re.sub(r"<[^>]+>|#[0-9a-fA-F]{6}\b", "", html.unescape(text)).replace("&", "")
        leftover = [word for word in LATIN_WORD.findall(plain) if word not in kept and not re.fullmatch(r"F\d+", word)]
        # One letter (a hotkey) on its own is a key name.
        leftover = [word for word in leftover if len(word) > 1]
        if leftover:
            bad.append((where, text))
    return bad


def kept_names(project: Project) -> set[str]:
    """Names that are data and stay as they are: labels, relations, entity types, layers, hotkeys."""
    schema = project.schema
    names = {label.name for label in schema.labels} | {relation.name for relation in schema.relations}
    names |= {word for name in names for word in name.split("_")}
    names |= {entity_type.value for entity_type in EntityType}
    names |= {project.annotator, "gold", *project.repository.annotators()}
    for summary in project.documents():  # document ids are data (the dashboard lists them)
        names |= set(LATIN_WORD.findall(summary.id))
    names |= set(LATIN_WORD.findall(str(project.location)))
    for entry in project.registry.entries():  # English names and ids of the registry are data too
        names |= set(LATIN_WORD.findall(f"{entry.id} {entry.name_en or ''}"))
    return KEPT_WORDS | names


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{where} > {action.text()}", action.text()
        yield f"{where} > {action.text()} (tooltip)", action.toolTip()
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from menu_texts(submenu, f"{where} > {action.text()}")


def widget_texts(root: QWidget, skip: tuple[QWidget, ...] = ()) -> Iterator[tuple[str, str]]:
    """Every text a person can read on ``root`` and its children (not what they typed)."""
    yield f"{type(root).__name__} title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if any(inside(widget, part) for part in skip):
            continue
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((f"{name} item", widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QTabWidget):
            yield from ((f"{name} tab", widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QDockWidget | QToolBar):
            yield name, widget.windowTitle()
        elif isinstance(widget, QListWidget):
            yield from ((f"{name} item", widget.item(i).text()) for i in range(min(widget.count(), 50)))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = widget.horizontalHeader().count() if isinstance(widget, QTableView) else 1
            yield from (
                (f"{name} header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(columns)
            )
            rows = min(model.rowCount(QModelIndex()), 50)
            yield from (
                (f"{name} cell", str(model.index(r, c).data() or "")) for r in range(rows) for c in range(columns)
            )
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()


def inside(widget: QObject, part: QObject) -> bool:
    """Whether ``widget`` is ``part`` or one of its children, also across pop-up windows."""
    current: QObject | None = widget
    while current is not None:
        if current is part:
            return True
        current = current.parent()
    return False


def test_the_language_follows_the_preference_else_the_system_locale() -> None:
    arabic, english = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt), QLocale("en_GB")
    assert i18n.resolve(Language.SYSTEM, arabic) is Language.ARABIC
    assert i18n.resolve(Language.SYSTEM, english) is Language.ENGLISH
    assert i18n.resolve(Language.ENGLISH, arabic) is Language.ENGLISH
    assert i18n.resolve(Language.ARABIC, english) is Language.ARABIC


def test_the_main_window_is_mirrored_and_every_menu_action_and_dock_is_translated(
    qtbot: QtBot, sample_project: Project, arabic: None
) -> None:
    claim = annotate_a_claim(sample_project)
    window = open_window(qtbot, sample_project)
    window.open_document(claim.document_id)
    window.annotations.select_span(claim.id)
    search_the_corpus(qtbot, window, "بيونغ يانغ")
    assert window.isRightToLeft() and QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    texts: list[tuple[str, str]] = [("window title", window.windowTitle())]
    menus = [action.menu() for action in window.menuBar().actions()]
    assert [menu.objectName() for menu in menus if isinstance(menu, QMenu)] == [
        *("file-menu", "edit-menu", "annotate-menu", "search-menu", "view-menu", "go-menu", "help-menu"),
        "review-menu",
    ]
    for menu in menus:
        assert isinstance(menu, QMenu) and menu.isRightToLeft()
        texts.extend(menu_texts(menu, menu.title()))
    docks = window.findChildren(QDockWidget)
    assert window.search.dock in docks and len(docks) == 2
    assert all(window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea for dock in docks)
    texts.extend(("dock", dock.windowTitle()) for dock in docks)
    palette = window.label_toolbar
    texts.append(("palette", palette.windowTitle()))
    for action in palette.actions():
        texts.extend([("palette action", action.text()), ("palette tooltip", action.toolTip())])
    texts.extend(widget_texts(window))
    seen = {text for _where, text in texts}
    # The walk did read the menus, both docks, the search results and the selected claim's attributes.
    assert {"&ملف", "التوسيمات", "الموقف", "مُعلَن", "&بحث", "البحث", "مرا&جعة", "م&راجعة…"} <= seen
    assert window.search.panel.summary.text() == "34 نتيجة في 5 مستندات"
    assert window.search.panel.results.topLevelItemCount() == 5
    assert untranslated(texts, kept_names(sample_project)) == []
    sources = english_sources()
    assert [(where, text) for where, text in texts if text.strip() and text in sources] == []


def search_the_corpus(qtbot: QtBot, window: MainWindow, query: str) -> None:
    """Search the whole corpus from the dock, as the analyst would: Ctrl+F, the query, the scope."""
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.search.panel
    assert QApplication.focusWidget() is panel.query
    panel.query.setText(query)  # QTest cannot type Arabic
    panel.scope.setFocus()
    qtbot.keyClick(panel.scope, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.results.topLevelItemCount() > 0)


def annotate_a_claim(project: Project) -> Span:
    """A claim with a stance, claimed by a person, in the first document; returns the claim."""
    document = project.documents()[0].id
    text = project.document(document).text
    person = project.add_span(document, text.index("بوتين"), text.index("بوتين") + len("بوتين"), "PER")
    project.apply(person)
    start = text.index("قام الرئيس")
    claim = project.add_span(document, start, start + len("قام الرئيس الروسي"), "CLAIM")
    project.apply(claim)
    project.apply(project.add_relation("CLAIMANT", claim.span, person.span))
    return claim.span


def test_menu_accelerators_are_arabic_letters_unique_in_each_menu(
    qtbot: QtBot, sample_project: Project, arabic: None
) -> None:
    window = open_window(qtbot, sample_project)
    bar = window.menuBar().actions()
    assert len(bar) == 8
    menus: list[list[QAction]] = [bar]
    menus.extend(menu.actions() for action in bar if isinstance(menu := action.menu(), QMenu))
    for actions in menus:
        keys = [mnemonic(action.text()) for action in actions if "&" in action.text()]
        assert all(key and ARABIC_LETTER.fullmatch(key) for key in keys), keys
        assert len(keys) == len(set(keys)), keys
    file_menu = window.findChild(QMenu, "file-menu")
    assert isinstance(file_menu, QMenu) and mnemonic(file_menu.title()) == "م"
    press = QKeyEvent(QEvent.Type.KeyPress, ord("م"), Qt.KeyboardModifier.AltModifier, "م")
    QApplication.sendEvent(window, press)
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyRelease, ord("م"), Qt.KeyboardModifier.AltModifier, "م"))
    qtbot.waitUntil(file_menu.isVisible, timeout=2000)
    file_menu.close()


def mnemonic(text: str) -> str:
    found = re.search(r"&([^&])", text)
    return found.group(1) if found else ""


def test_every_dialog_is_translated_and_mirrored(qtbot: QtBot, sample_project: Project, arabic: None) -> None:
    window = open_window(qtbot, sample_project)
    kept = kept_names(sample_project)
    treaty = next(entry for entry in sample_project.registry.entries() if isinstance(entry, Treaty))
    dialogs: list[QDialog] = [
        PreferencesDialog(Preferences(), sample_project.schema, "tester", window),
        ExportDialog(sample_project, window.view.document_id, window),
        ImportDialog(Path("team.jsonl"), window),
        RegistryPicker(sample_project.registry, "روسيا", window),
        EntityEditor(None, "روسيا", window),
        TreatyEditor(treaty, "", window),
        SchemaEditor(sample_project.schema, window),
        WelcomeDialog("tester", window),
    ]
    window.show_overview()
    window.show_shortcuts()
    dialogs.extend([window.overview, window.shortcut_sheet])
    dialogs.append(annotate_all_dialog(window))
    checked = []
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.isRightToLeft(), type(dialog).__name__
        texts = list(widget_texts(dialog))
        assert any(ARABIC_LETTER.search(text) for _where, text in texts), type(dialog).__name__
        assert untranslated(texts, kept) == [], type(dialog).__name__
        checked.append(type(dialog).__name__)
        dialog.close()
    assert len(set(checked)) == 11
    shortcut_areas = {
        window.shortcut_sheet.model.item(row, 0).text() for row in range(window.shortcut_sheet.model.rowCount())
    }
    assert {"بحث", "مراجعة"} <= shortcut_areas


def annotate_all_dialog(window: MainWindow) -> AnnotateAllDialog:
    """The review before annotating every occurrence of a registry name, one of them already tagged."""
    result = window.search.search("بيونغ يانغ", whole_word=True, scope=SearchScope.CORPUS, limit=None)
    first = result.hits[0]
    tagged = {(first.doc_id, first.start)}
    return AnnotateAllDialog(
        result.hits,
        window.search.titles(),
        [label.name for label in window.project.schema.labels],
        "GPE",
        "بيونغ يانغ",
        lambda occurrence, _label: (occurrence.document_id, occurrence.start) in tagged,
        label_fixed=False,
        truncated_from=result.total + 5,
        parent=window,
    )


def test_the_review_window_is_mirrored_and_translated_on_both_tabs(
    qtbot: QtBot, sample_project: Project, arabic: None, tmp_path: Path
) -> None:
    make_layers(sample_project, tmp_path)
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    review_menu = window.findChild(QMenu, "review-menu")
    assert isinstance(review_menu, QMenu) and review_menu.isRightToLeft()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    review = window.review.review_window
    assert review is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    assert review.isRightToLeft() and (review.layer_a, review.layer_b) == ("tester", TEAMMATE)
    qtbot.keyClick(review.compare.a.view, Qt.Key.Key_N)
    assert review.current_unit() is not None and review.differences.count() > 0

    # A is read first, so in the mirrored window it is the right-hand pane; both texts run right to left.
    a_left = review.compare.a.mapTo(review, QPoint(0, 0)).x()
    b_left = review.compare.b.mapTo(review, QPoint(0, 0)).x()
    assert a_left > b_left
    for pane in (review.compare.a, review.compare.b):
        assert pane.view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert review.compare.a.title.text() == "أ: tester"

    kept = kept_names(sample_project)
    texts: list[tuple[str, str]] = []
    for action in review.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu) and menu.isRightToLeft()
        texts.extend(menu_texts(menu, menu.title()))
        keys = [mnemonic(item.text()) for item in menu.actions() if "&" in item.text()]
        assert all(ARABIC_LETTER.fullmatch(key) for key in keys) and len(keys) == len(set(keys)), keys
    texts.extend(widget_texts(review, skip=(review.dashboard,)))
    texts.append(("counts", review.counts_label.text()))
    seen = {text for _where, text in texts}
    assert {"ال&مقارنة", "&لوحة المؤشرات", "الخلاف ال&تالي", "الطبقة أ:", "اختلاف في الوسم"} <= seen
    assert any(text.startswith("الموقف") or "الموقف" in text for text in seen)  # an attribute difference

    review.tabs.setCurrentWidget(review.dashboard)
    dashboard = review.dashboard
    assert dashboard.isRightToLeft() and dashboard.table.rowCount() > 0
    dashboard_texts = list(widget_texts(dashboard))
    dashboard_texts.append(("dashboard message", dashboard.message.text()))
    shown = {text for _where, text in dashboard_texts}
    assert {"النطاق", "κ كوهين", "المدوّنة", "تحد&يث"} <= shown
    texts.extend(dashboard_texts)

    assert untranslated(texts, kept) == []
    sources = english_sources()
    assert [(where, text) for where, text in texts if text.strip() and text in sources] == []
    review.close()


def test_the_shortcut_sheet_lists_arabic_names_and_keys_as_qt_prints_them(
    qtbot: QtBot, sample_project: Project, arabic: None
) -> None:
    window = open_window(qtbot, sample_project)
    window.show_shortcuts()
    sheet = window.shortcut_sheet
    rows = {tuple(sheet.model.item(r, c).text() for c in range(3)) for r in range(sheet.model.rowCount())}
    assert ("تحرير", "Ctrl+Z", "تراجع") in rows
    assert ("الوسوم", "p", "PER: شخص (حدّد النص أولًا)") in rows
    sheet.close()


def test_preferences_offer_the_language_for_the_next_start(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, sample_project)
    dialog = PreferencesDialog(Preferences(), sample_project.schema, "tester", window)
    qtbot.addWidget(dialog)
    choices = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert choices == ["System language", "العربية", "English"]
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    dialog._accept()
    assert dialog.preferences.language is Language.ARABIC

    def accept_chosen(shown: PreferencesDialog) -> int:
        shown.preferences = dialog.preferences
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", accept_chosen)
    window.preferences_dialog()
    assert preferences.load(preferences.default_path()).language is Language.ARABIC
    assert window.statusBar().currentMessage() == "The interface language changes at the next start of Hashiya."
    assert not window.isRightToLeft()


def test_english_is_shown_again_after_arabic(qtbot: QtBot, sample_project: Project) -> None:
    app = application()
    i18n.install(app, Language.ARABIC)
    i18n.install(app, Language.ENGLISH)
    window = open_window(qtbot, sample_project)
    assert not window.isRightToLeft()
    assert window.findChild(QMenu, "file-menu").title() == "&File"  # type: ignore[union-attr]
    assert i18n.current() is Language.ENGLISH


def test_the_catalogue_is_compiled_into_the_cache_only_when_it_changed(tmp_path: Path) -> None:
    source = tmp_path / "hashiya_ar.ts"
    shutil.copy(CATALOGUE, source)
    folder = tmp_path / "cache"
    compiled = i18n.compile_catalogue(source, folder)
    assert compiled == folder / "hashiya_ar.qm" and compiled.stat().st_size > 0
    first = compiled.stat().st_mtime_ns
    assert i18n.compile_catalogue(source, folder).stat().st_mtime_ns == first
    edited = source.stat().st_mtime
    os.utime(compiled, (edited - 60, edited - 60))  # the .ts was edited after it was compiled
    assert i18n.compile_catalogue(source, folder).stat().st_mtime >= edited


def test_a_catalogue_that_cannot_be_compiled_gives_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "hashiya_ar.ts"
    broken.write_text("<TS version='2.1'><context><name>X</name><message>", encoding="utf-8")
    with pytest.raises(i18n.TranslationError, match="could not compile the interface translations"):
        i18n.compile_catalogue(broken, tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*.qm"))
    with pytest.raises(i18n.TranslationError, match="missing"):
        i18n.compile_catalogue(tmp_path / "absent.ts", tmp_path / "cache")


def english_sources() -> set[str]:
    return {message.findtext("source") or "" for message in ET.parse(CATALOGUE).getroot().iter("message")}


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name") or "", message.findtext("source") or "")] = message
    return found


def test_the_catalogue_has_every_message_of_the_sources_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "hashiya_ar.ts"
    shutil.copy(CATALOGUE, fresh)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    result = subprocess.run(
        [str(lupdate), "-locations", "none", "-no-obsolete", *map(str, SOURCES), "-ts", str(fresh)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    kept, extracted = messages(CATALOGUE), messages(fresh)
    assert sorted(set(extracted) - set(kept)) == [], "messages missing from the catalogue: run pyside6-lupdate"
    assert sorted(set(kept) - set(extracted)) == [], "messages no longer in the sources"
    for key, message in kept.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, key
        source = key[1]
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            assert len(forms) == 6 and all(ARABIC_LETTER.search(form) for form in forms), key
            texts = forms
        else:
            texts = [translation.text or ""]
            assert texts[0].strip() or not source.strip(), key
        for text in texts:
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", source)), (key, text)
        if ARABIC_LETTER.search(texts[0]) is None:
            assert not LATIN_WORD.search(re.sub(r"\{\w+\}", "", source)), key


def test_english_counts_read_naturally_for_every_counting_message() -> None:
    english = ROOT / "resources" / "translations" / "hashiya_en.ts"
    counting = {key for key, message in messages(CATALOGUE).items() if message.get("numerus") == "yes"}
    plurals = messages(english)
    assert set(plurals) == counting, "hashiya_en.ts needs the singular and plural of every %n message"
    for (context, source), message in plurals.items():
        forms = [form.text or "" for form in message.iter("numerusform")]
        assert forms == [source.replace("(s)", ""), source.replace("(s)", "s")], (context, source)
    app = application()
    i18n.install(app, Language.ENGLISH)
    assert QCoreApplication.translate("SearchPanel", "%n document(s)", "", 1) == "1 document"
    assert QCoreApplication.translate("SearchPanel", "%n document(s)", "", 5) == "5 documents"
    assert QCoreApplication.translate("ExchangeMessages", "%n span(s)", "", 0) == "0 spans"
