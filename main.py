"""Hashiya's composition root: parse the command line, open the project, run the window or a command."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from annotator.exchange import ExportFormat
from annotator.formats import ImportFormat
from annotator.model import GOLD
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.resources import sample_corpus_files
from annotator.terminal import BidiMode
from annotator.text_import import TextImportError

APP_NAME = "hashiya"
DEFAULT_PROJECT_NAME = "project.hashiya"
SCREENSHOT_VIEWS = ("main", "overview", "preferences", "review", "dashboard", "shortcuts")


def default_project_path() -> Path:
    return platformdirs.user_data_path(APP_NAME) / DEFAULT_PROJECT_NAME


def default_screenshot_path() -> Path:
    return platformdirs.user_cache_path(APP_NAME) / "main-window.png"


def system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def given_annotator(option: str | None) -> str | None:
    """The name from --annotator or the HASHIYA_ANNOTATOR variable, if either is set."""
    name = (option or os.environ.get("HASHIYA_ANNOTATOR", "")).strip()
    return name or None


def window_annotator(option: str | None, *, interactive: bool, sample_corpus: bool = True) -> str | None:
    """The annotator for the window: given, remembered, or asked once (None if the analyst cancels)."""
    from ui.annotator_name import ask_annotator, remembered_annotator

    name = given_annotator(option) or remembered_annotator()
    if name is None:
        name = ask_annotator(system_user(), sample_corpus=sample_corpus) if interactive else system_user()
    return name


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"] != "offscreen"
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_project(db: Path | None, annotator: str) -> Project:
    """Open ``db``, or the default project, created with the sample corpus on first run."""
    from storage.sqlite_repository import SqliteRepository

    path = db if db is not None else default_project_path()
    first_run = db is None and not path.exists()
    project = Project(SqliteRepository.open(path), annotator)
    if first_run:
        project.import_paths(sample_corpus_files())
    return project


def _common_options(*, top_level: bool) -> argparse.ArgumentParser:
    """--db and --annotator, accepted before or after the command name.

    A command's copy has no default, so that it cannot overwrite a value given before the command.
    """
    options = argparse.ArgumentParser(add_help=False)
    default = None if top_level else argparse.SUPPRESS
    options.add_argument(
        "--db", type=Path, default=default, help="project file to open (default: the project in the user data folder)"
    )
    options.add_argument("--annotator", default=default, help="annotator layer to work in (default: your user name)")
    return options


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(top_level=False)
    parser = argparse.ArgumentParser(
        prog="hashiya",
        description="Annotate Arabic news articles: entities, claims and treaty references.",
        parents=[_common_options(top_level=True)],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importer = commands.add_parser(
        "import-texts", parents=[common], help="import .txt files, folders of them, or JSONL with a 'text' field"
    )
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    exporter = commands.add_parser(
        "export", parents=[common], help="write a layer as training data or for a teammate (native, spaCy, ...)"
    )
    exporter.add_argument("--format", required=True, choices=[f.value for f in ExportFormat], dest="export_format")
    exporter.add_argument("--gold", action="store_true", help="export the adjudicated gold layer")
    exporter.add_argument("--doc", help="id of one document to export (default: all)")
    exporter.add_argument("-o", "--output", type=Path, required=True, help="file (or folder or .zip for brat)")

    importer_layers = commands.add_parser(
        "import", parents=[common], help="import a native, doccano, Prodigy or Label Studio file as a layer"
    )
    importer_layers.add_argument("file", type=Path, metavar="FILE")
    importer_layers.add_argument(
        "--format", choices=[f.value for f in ImportFormat], dest="import_format", help="default: detected"
    )

    validator = commands.add_parser("validate", parents=[common], help="report every problem in a file, import nothing")
    validator.add_argument("file", type=Path, metavar="FILE")
    validator.add_argument("--format", choices=[f.value for f in ImportFormat], dest="import_format")

    statistics = commands.add_parser("stats", parents=[common], help="documents, layers and spans per label")
    statistics.add_argument("--json", action="store_true", help="machine-readable output")
    statistics.add_argument(
        "--bidi",
        choices=[m.value for m in BidiMode],
        default=BidiMode.AUTO.value,
        help="Arabic on a terminal: visual order on a TTY, logical when piped (auto)",
    )

    agreement_parser = commands.add_parser(
        "agreement", parents=[common], help="agreement between layers: span F1, kappa, alpha, alpha_u"
    )
    agreement_parser.add_argument("--annotators", required=True, help="two or more layers, comma-separated: A,B[,C]")
    agreement_parser.add_argument("--json", action="store_true", help="machine-readable output")
    agreement_parser.add_argument("--doc", help="id of one document (default: every document someone annotated)")

    finder = commands.add_parser(
        "search", parents=[common], help="folded Arabic search over the corpus: every hit with offsets"
    )
    finder.add_argument("query", metavar="QUERY")
    finder.add_argument("--json", action="store_true", help="machine-readable output")
    finder.add_argument(
        "--whole-word", action="store_true", help="whole words only; و ف ب ل ك ال may stand before them"
    )
    finder.add_argument(
        "--bidi",
        choices=[m.value for m in BidiMode],
        default=BidiMode.AUTO.value,
        help="Arabic on a terminal: visual order on a TTY, logical when piped (auto)",
    )

    shot = commands.add_parser("screenshot", parents=[common], help="render the main window offscreen into a PNG")
    shot.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    shot.add_argument("--doc", help="id of the document to show (default: the first)")
    shot.add_argument(
        "--view",
        choices=list(SCREENSHOT_VIEWS),
        default="main",
        help="which screen to render: the main window, the corpus overview, preferences, the review window "
        "(compare or dashboard tab), or the shortcut sheet",
    )
    shot.add_argument(
        "--lang", choices=["ar", "en"], help="interface language (default: the preference, else the system's)"
    )
    shot.add_argument("--width", type=int, default=1280)
    shot.add_argument("--height", type=int, default=800)
    return parser


def run_import_texts(project: Project, paths: list[Path]) -> int:
    summary = project.import_paths(paths)
    print(f"imported {len(summary.added)} text(s); {len(summary.already_present)} already in {project.location}")
    return 0


def run_window(
    db: Path | None,
    annotator_option: str | None,
    *,
    screenshot: Path | None = None,
    doc: str | None = None,
    size: tuple[int, int] | None = None,
    view: str = "main",
    language: str | None = None,
) -> int:
    from ui.app import application, save_screenshot
    from ui.main_window import MainWindow

    app = application()
    install_language(app, language)
    annotator = window_annotator(annotator_option, interactive=screenshot is None, sample_corpus=db is None)
    if annotator is None:
        return 0
    project = open_project(db, annotator)
    try:
        window = MainWindow(project)
        if size is not None:
            window.resize(*size)
        if doc is not None:
            window.open_document(doc)
        if screenshot is not None:
            shown = window.screen_for_screenshot(view)
            path = save_screenshot(shown, screenshot)
            window.close()
            print(path)
            return 0
        window.show()
        return app.exec()
    finally:
        project.close()


def run_project_command(args: argparse.Namespace) -> int:
    """The commands that work on the project without a window."""
    from annotator import commands

    annotator = given_annotator(args.annotator) or system_user()
    project = open_project(args.db, annotator)
    try:
        if args.command == "export":
            layer = GOLD if args.gold else annotator
            target_format = ExportFormat(args.export_format)
            return commands.export(project, target_format, args.output, layer, args.doc, sys.stdout, sys.stderr)
        source_format = ImportFormat(args.import_format) if getattr(args, "import_format", None) else None
        if args.command == "import":
            # Only an explicit --annotator renames the layers: a native file names its own.
            return commands.import_(project, args.file, source_format, args.annotator, sys.stdout, sys.stderr)
        if args.command == "validate":
            return commands.validate(project, args.file, source_format, sys.stdout, sys.stderr)
        if args.command == "agreement":
            from annotator.review_command import agreement

            names = [name.strip() for name in args.annotators.split(",") if name.strip()]
            return agreement(project, names, args.json, args.doc, sys.stdout)
        if args.command == "search":
            from annotator.search_command import search

            return search(project, args.query, args.json, args.whole_word, BidiMode(args.bidi), sys.stdout)
        return commands.stats(project, args.json, BidiMode(args.bidi), sys.stdout)
    finally:
        project.close()


def install_language(app: object, language: str | None) -> None:
    """The interface language: as asked, else the preference, else the system's."""
    from PySide6.QtWidgets import QApplication

    from annotator import preferences
    from annotator.preferences import Language
    from ui.i18n import TranslationError, install

    assert isinstance(app, QApplication)
    chosen = Language(language) if language else preferences.load(preferences.default_path()).language
    try:
        install(app, chosen)
    except TranslationError as error:
        print(f"hashiya: {error}; the interface stays in English", file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    if args.command in ("export", "import", "validate", "stats", "search", "agreement"):
        return run_project_command(args)
    if args.command == "import-texts":
        project = open_project(args.db, given_annotator(args.annotator) or system_user())
        try:
            return run_import_texts(project, args.paths)
        finally:
            project.close()
    if args.command == "screenshot":
        return run_window(
            args.db,
            args.annotator,
            screenshot=args.output,
            doc=args.doc,
            size=(args.width, args.height),
            view=args.view,
            language=args.lang,
        )
    if not has_display():
        print("No display found: writing a screenshot of the main window instead.", file=sys.stderr)
        return run_window(args.db, args.annotator, screenshot=default_screenshot_path())
    return run_window(args.db, args.annotator)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "screenshot" or (args.command is None and not has_display()):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        return run_command(args)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ProjectError as error:
        print(f"hashiya: {error}", file=sys.stderr)
        return 2
    except TextImportError as error:
        print("hashiya: " + "\n".join(error.problems), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
