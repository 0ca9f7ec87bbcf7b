"""One GUI measurement in this fresh process; prints one JSON line {"samples": [ms, ...], "rss_mb": ...}.

    python benchmarks/measure_gui.py MEASUREMENT ARGS...

Run by benchmarks/run.py with QT_QPA_PLATFORM=offscreen. Every clock stops once the view's
viewport has handled a Paint event: an event filter notes the Paint, and the time is read when
the event loop pass that delivered it returns (the paint has then been drawn).

Measurements on the application (PROJECT is a project file, copied before use):
  open PROJECT          open the project, build the MainWindow (which shows the first document), first paint;
                        also until the whole layer is read (a long document is shown with its first part)
  add-span PROJECT N    N spans added by selecting words and pressing the PER key, each to its repaint
  undo-redo PROJECT N   add one span, then N times: Ctrl+Z to its repaint, Ctrl+Shift+Z to its repaint
  scroll PROJECT N      N page steps of the vertical scroll bar, each to its repaint
  startup PROJECT       prints "painted" once the window has painted (the parent times the process)
Floors, on a bare QPlainTextEdit with the same text, font, size and direction:
  bare-open TEXT        setPlainText to first paint
  bare-repaint TEXT N   N selection changes, each to its repaint
  bare-scroll TEXT N    N page steps, each to its repaint
  bare-startup          a QWidget shown to its first paint (the parent times the process)
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# A 1280 x 800 main window; the bare floors get the size its document view has in it.
VIEW_WIDTH, VIEW_HEIGHT = 1280, 800
BARE_WIDTH, BARE_HEIGHT = 637, 715


class PaintWatch(QObject):
    """Notes when ``widget`` has finished painting: the clock stops at the end of the paint itself.

    Stopping it when ``processEvents`` returns instead counted whatever else that call went on to
    do after the paint (reading the rest of a long layer, for one), which the analyst does not wait
    for: the text is on the screen by then.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.seen = False
        self.ended = 0.0
        self._painting = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or self._painting:
            return False
        self._painting = True
        try:
            QApplication.sendEvent(watched, event)  # the widget paints here, inside the same paint
        finally:
            self._painting = False
        self.ended = time.perf_counter()
        self.seen = True
        return True  # painted already


def until_painted(app: QApplication, watch: PaintWatch, timeout: float = 600.0) -> float:
    """Run the event loop until ``watch`` has seen a paint; the time that paint ended."""
    deadline = time.perf_counter() + timeout
    while not watch.seen:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("no paint")
    return watch.ended


def timed_to_paint(app: QApplication, watch: PaintWatch, action: Callable[[], object]) -> float:
    """Milliseconds from ``action`` to the end of the paint it causes."""
    settle(app)
    watch.seen = False
    started = time.perf_counter()
    action()
    return (until_painted(app, watch) - started) * 1000


def settle(app: QApplication, quiet: float = 0.05) -> None:
    """Process events until nothing has been pending for ``quiet`` seconds (timers, deferred layouts)."""
    end = time.perf_counter() + quiet
    while time.perf_counter() < end:
        app.processEvents()


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    VmHWM rather than ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec,
    so a child of a large parent would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(samples: list[float], **extra: object) -> None:
    print(json.dumps({"samples": samples, "rss_mb": peak_rss_mb(), **extra}), flush=True)


def application() -> QApplication:
    from ui.app import application as hashiya_application

    return hashiya_application()


def private_copy(path: Path | str) -> Path | str:
    if isinstance(path, str):
        return path  # a team project on a server: nothing to copy
    folder = Path(tempfile.mkdtemp(prefix="hashiya-bench-"))
    target = folder / path.name
    shutil.copyfile(path, target)
    return target


# -- the application ---------------------------------------------------------------------------


class Opened(NamedTuple):
    app: QApplication
    window: MainWindow
    watch: PaintWatch
    painted_ms: float  # to the first paint of the document view
    whole_ms: float  # until every span of the layer is read (later than the paint for a long document)


def open_window(project_path: Path | str) -> Opened:
    """The main window on ``project_path``, shown and painted, with its whole layer read."""
    from PySide6.QtTest import QTest

    from benchmarks.data import open_project
    from ui.main_window import MainWindow

    app = application()
    if isinstance(project_path, str):
        # The driver is imported before the clock starts, as the file's storage modules are (they come with
        # benchmarks.data): the figure is opening a document, not starting the program.
        import storage.postgres_repository  # noqa: F401
    started = time.perf_counter()
    project = open_project(project_path)
    window = MainWindow(project)
    window.resize(VIEW_WIDTH, VIEW_HEIGHT)
    watch = PaintWatch(window.view.viewport())
    window.show()
    painted = until_painted(app, watch)
    while not window.annotations.layer_complete:
        app.processEvents()
    whole = time.perf_counter()
    QTest.qWaitForWindowActive(window)
    window.activateWindow()
    window.view.setFocus()
    return Opened(app, window, watch, (painted - started) * 1000, (whole - started) * 1000)


def free_words(window: MainWindow, count: int) -> list[tuple[int, int]]:
    """``count`` words spread over the document that no span covers yet."""
    from benchmarks.data import words

    view = window.view
    covered = bytearray(len(view.stored_text) + 1)
    for span in view.spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    free = [(t.start, t.end) for t in words(view.stored_text) if not any(covered[t.start : t.end])]
    step = max(len(free) // (count + 1), 1)
    return [free[step * (i + 1)] for i in range(count)]


def show_selection(app: QApplication, window: MainWindow, start: int, end: int) -> None:
    view = window.view
    view.select_offsets(start, end)
    view.ensureCursorVisible()
    settle(app)


def type_key(widget: QWidget, key: Qt.Key, text: str) -> None:
    """A key that types ``text``, pressed and released, as the keyboard sends it."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def shortcut(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, modifiers)


def stored_span_count(window: MainWindow) -> int:
    document_id = window.view.document_id
    if document_id is None:
        raise SystemExit("the window shows no document")
    return len(window.project.spans(document_id))


def add_span_samples(app: QApplication, window: MainWindow, watch: PaintWatch, count: int) -> list[float]:
    view = window.view
    before = stored_span_count(window)
    samples = []
    for start, end in free_words(window, count):
        show_selection(app, window, start, end)
        samples.append(timed_to_paint(app, watch, lambda: type_key(view, Qt.Key.Key_P, "p")))
    stored = stored_span_count(window)
    if stored != before + count:
        raise SystemExit(f"{count} spans were added by key but {stored - before} were stored")
    return samples


def measure_open(project: Path | str) -> None:
    opened = open_window(private_copy(project))
    emit([opened.painted_ms], whole_ms=opened.whole_ms)


def measure_add_span(project: Path | str, count: int) -> None:
    app, window, watch, *_ = open_window(private_copy(project))
    emit(add_span_samples(app, window, watch, count))


def measure_undo_redo(project: Path, count: int) -> None:
    app, window, watch, *_ = open_window(private_copy(project))
    view = window.view
    control = Qt.KeyboardModifier.ControlModifier
    control_shift = control | Qt.KeyboardModifier.ShiftModifier
    add_span_samples(app, window, watch, 1)
    total = stored_span_count(window)
    undo, redo = [], []
    for _ in range(count):
        undo.append(timed_to_paint(app, watch, lambda: shortcut(view, Qt.Key.Key_Z, control)))
        if stored_span_count(window) != total - 1:
            raise SystemExit("Ctrl+Z did not undo the span")
        redo.append(timed_to_paint(app, watch, lambda: shortcut(view, Qt.Key.Key_Z, control_shift)))
        if stored_span_count(window) != total:
            raise SystemExit("Ctrl+Shift+Z did not redo the span")
    print(json.dumps({"samples": undo, "redo": redo, "rss_mb": peak_rss_mb()}), flush=True)


def page_steps(app: QApplication, editor: QPlainTextEdit, watch: PaintWatch, count: int) -> list[float]:
    bar = editor.verticalScrollBar()
    step = QAbstractSlider.SliderAction.SliderPageStepAdd
    return [timed_to_paint(app, watch, lambda: bar.triggerAction(step)) for _ in range(count)]


def measure_scroll(project: Path, count: int) -> None:
    app, window, watch, *_ = open_window(private_copy(project))
    emit(page_steps(app, window.view, watch, count))


def measure_startup(project: Path) -> None:
    from benchmarks.data import open_project
    from ui.main_window import MainWindow

    app = application()
    window = MainWindow(open_project(private_copy(project)))
    window.resize(VIEW_WIDTH, VIEW_HEIGHT)
    watch = PaintWatch(window.view.viewport())
    window.show()
    until_painted(app, watch)
    print("painted", flush=True)
    emit([])


# -- the floors --------------------------------------------------------------------------------


def bare_editor(text_path: Path) -> tuple[QApplication, QPlainTextEdit, PaintWatch, float]:
    from ui.fonts import DEFAULT_TEXT_POINT_SIZE, text_font
    from ui.rtl import make_document_rtl

    app = application()
    started = time.perf_counter()
    text = text_path.read_text(encoding="utf-8")
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.setFont(text_font(DEFAULT_TEXT_POINT_SIZE))
    editor.resize(BARE_WIDTH, BARE_HEIGHT)
    watch = PaintWatch(editor.viewport())
    editor.setPlainText(text)
    make_document_rtl(editor.document())
    editor.show()
    painted = until_painted(app, watch)
    return app, editor, watch, (painted - started) * 1000


def measure_bare_open(text_path: Path) -> None:
    *_, elapsed = bare_editor(text_path)
    emit([elapsed])


def measure_bare_repaint(text_path: Path, count: int) -> None:
    app, editor, watch, _ = bare_editor(text_path)
    cursor = editor.textCursor()
    samples = []
    for number in range(count):
        cursor.setPosition(10 * number)
        cursor.setPosition(10 * number + 6, cursor.MoveMode.KeepAnchor)
        samples.append(timed_to_paint(app, watch, lambda: editor.setTextCursor(cursor)))
    emit(samples)


def measure_bare_scroll(text_path: Path, count: int) -> None:
    app, editor, watch, _ = bare_editor(text_path)
    emit(page_steps(app, editor, watch, count))


def measure_bare_startup() -> None:
    app = QApplication(sys.argv[:1])
    widget = QWidget()
    widget.resize(VIEW_WIDTH, VIEW_HEIGHT)
    watch = PaintWatch(widget)
    widget.show()
    until_painted(app, watch)
    print("painted", flush=True)
    emit([])


def where(argument: str) -> Path | str:
    """A project file, or a team project's URL."""
    return argument if argument.startswith("postgresql://") else Path(argument)


def main(argv: list[str]) -> None:
    name, *args = argv
    if name == "open":
        measure_open(where(args[0]))
    elif name == "add-span":
        measure_add_span(where(args[0]), int(args[1]))
    elif name == "undo-redo":
        measure_undo_redo(Path(args[0]), int(args[1]))
    elif name == "scroll":
        measure_scroll(Path(args[0]), int(args[1]))
    elif name == "startup":
        measure_startup(Path(args[0]))
    elif name == "bare-open":
        measure_bare_open(Path(args[0]))
    elif name == "bare-repaint":
        measure_bare_repaint(Path(args[0]), int(args[1]))
    elif name == "bare-scroll":
        measure_bare_scroll(Path(args[0]), int(args[1]))
    elif name == "bare-startup":
        measure_bare_startup()
    else:
        raise SystemExit(f"unknown measurement {name!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
