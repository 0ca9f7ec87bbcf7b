"""The command line's grammar: ``hashiya [--db PATH] [--annotator NAME] COMMAND ...``."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.exchange import ImportInto
from annotator.formats import OffsetUnit
from annotator.formats.table import EXPORTS, IMPORTS
from cli import backup_command, claims_command
from cli.team_command import add_team_commands
from cli.terminal import BidiMode
from storage.team_location import project_location

SCREENSHOT_VIEWS = ("main", "overview", "preferences", "review", "dashboard", "shortcuts", "claims", "arcs")
PROJECT_COMMANDS = (
    "export",
    "import",
    "undo-import",
    "validate",
    "stats",
    "search",
    "agreement",
    "import-texts",
    "claims",
    "backup",
)


def _common_options(*, top_level: bool) -> argparse.ArgumentParser:
    """--db and --annotator, accepted before or after the command name.

    A command's copy has no default, so that it cannot overwrite a value given before the command.
    """
    options = argparse.ArgumentParser(add_help=False)
    default = None if top_level else argparse.SUPPRESS
    options.add_argument(
        "--db",
        type=project_location,
        default=default,
        help="project file, or postgresql://... for a team project (default: the project in the user data folder)",
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
    exporter.add_argument("--format", required=True, choices=[fmt.value for fmt in EXPORTS], dest="export_format")
    exporter.add_argument("--gold", action="store_true", help="export the adjudicated gold layer")
    exporter.add_argument("--doc", help="id of one document to export (default: all)")
    exporter.add_argument("-o", "--output", type=Path, required=True, help="file (or folder or .zip for brat)")
    exporter.add_argument("--details", action="store_true", help="list every item written without its attributes")

    importer_layers = commands.add_parser(
        "import", parents=[common], help="import a native, doccano, Prodigy or Label Studio file as a layer"
    )
    importer_layers.add_argument("file", type=Path, metavar="FILE")
    importer_layers.add_argument(
        "--format", choices=[fmt.value for fmt in IMPORTS], dest="import_format", help="default: detected"
    )
    importer_layers.add_argument(
        "--into",
        choices=[choice.value for choice in ImportInto],
        help="when a layer already holds work on a text: replace it (undo-import puts it back), merge the "
        "file's new spans into it, or store the file as a new layer (default: refuse)",
    )
    commands.add_parser(
        "undo-import", parents=[common], help="put back the layers the last import replaced or merged into"
    )

    validator = commands.add_parser("validate", parents=[common], help="report every problem in a file, import nothing")
    validator.add_argument("file", type=Path, metavar="FILE")
    validator.add_argument("--format", choices=[fmt.value for fmt in IMPORTS], dest="import_format")
    for command in (exporter, importer_layers, validator):
        command.add_argument(
            "--offset-unit", choices=[u.value for u in OffsetUnit], help="override the unit the tool counts offsets in"
        )

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
        "--short-aliases", action="store_true", help="a registry name also finds its entry's short aliases"
    )
    finder.add_argument(
        "--bidi",
        choices=[m.value for m in BidiMode],
        default=BidiMode.AUTO.value,
        help="Arabic on a terminal: visual order on a TTY, logical when piped (auto)",
    )

    claims_command.add_parser(commands, common)
    backup_command.add_parser(commands, common)
    add_team_commands(commands, common)

    shot = commands.add_parser("screenshot", parents=[common], help="render the main window offscreen into a PNG")
    shot.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    shot.add_argument("--doc", help="id of the document to show (default: the first)")
    shot.add_argument(
        "--view",
        choices=list(SCREENSHOT_VIEWS),
        default="main",
        help="which screen to render: the main window, the corpus overview, preferences, the review window "
        "(compare or dashboard tab), the shortcut sheet, the claims ledger, or the main window at the span "
        "with the most relation arcs",
    )
    shot.add_argument(
        "--lang", choices=["ar", "en"], help="interface language (default: the preference, else the system's)"
    )
    shot.add_argument("--width", type=int, default=1280)
    shot.add_argument("--height", type=int, default=800)
    return parser
