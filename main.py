"""Hashiya's composition root: parse the command line, open the project, run the window or a command."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from annotator.project import Project
from annotator.repository import ProjectError
from annotator.resources import sample_corpus_files
from annotator.text_import import TextImportError

APP_NAME = "hashiya"
DEFAULT_PROJECT_NAME = "project.hashiya"


def default_project_path() -> Path:
    return platformdirs.user_data_path(APP_NAME) / DEFAULT_PROJECT_NAME


def default_screenshot_path() -> Path:
    return platformdirs.user_cache_path(APP_NAME) / "main-window.png"


def default_annotator() -> str:
    name = os.environ.get("HASHIYA_ANNOTATOR", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


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

    shot = commands.add_parser("screenshot", parents=[common], help="render the main window offscreen into a PNG")
    shot.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    shot.add_argument("--doc", help="id of the document to show (default: the first)")
    shot.add_argument("--width", type=int, default=1280)
    shot.add_argument("--height", type=int, default=800)
    return parser


def run_import_texts(project: Project, paths: list[Path]) -> int:
    summary = project.import_paths(paths)
    print(f"imported {len(summary.added)} text(s); {len(summary.already_present)} already in {project.location}")
    return 0


def run_window(
    project: Project, *, screenshot: Path | None = None, doc: str | None = None, size: tuple[int, int] | None = None
) -> int:
    from ui.app import application, save_screenshot
    from ui.main_window import MainWindow

    app = application()
    window = MainWindow(project)
    if size is not None:
        window.resize(*size)
    if doc is not None:
        window.open_document(doc)
    if screenshot is not None:
        path = save_screenshot(window, screenshot)
        window.close()
        return _report_screenshot(path)
    window.show()
    return app.exec()


def _report_screenshot(path: Path) -> int:
    print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    annotator = args.annotator or default_annotator()
    headless = not has_display()
    if args.command == "screenshot" or (args.command is None and headless):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        project = open_project(args.db, annotator)
    except ProjectError as error:
        print(f"hashiya: {error}", file=sys.stderr)
        return 2
    except TextImportError as error:
        print("hashiya: the sample corpus could not be imported:\n" + "\n".join(error.problems), file=sys.stderr)
        return 2
    try:
        if args.command == "import-texts":
            return run_import_texts(project, args.paths)
        if args.command == "screenshot":
            return run_window(project, screenshot=args.output, doc=args.doc, size=(args.width, args.height))
        if headless:
            print("No display found: writing a screenshot of the main window instead.", file=sys.stderr)
            return run_window(project, screenshot=default_screenshot_path())
        return run_window(project)
    except (ProjectError, TextImportError) as error:
        problems = error.problems if isinstance(error, TextImportError) else [str(error)]
        print("hashiya: " + "\n".join(problems), file=sys.stderr)
        return 1
    finally:
        project.close()


if __name__ == "__main__":
    sys.exit(main())
