"""Running a command of the command line on an open project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from annotator.exchange import ExportFormat, ImportInto
from annotator.formats import ImportFormat, OffsetUnit
from annotator.model import GOLD
from annotator.project import Project
from cli import project_commands as commands
from cli.terminal import BidiMode


def run_import_texts(project: Project, paths: list[Path]) -> int:
    summary = project.import_paths(paths)
    print(f"imported {len(summary.added)} text(s); {len(summary.already_present)} already in {project.location}")
    return 0


def run_import(args: argparse.Namespace, project: Project, out: TextIO, *, checked_while_stored: bool = False) -> int:
    unit = OffsetUnit(args.offset_unit) if args.offset_unit else None
    source_format = ImportFormat(args.import_format) if args.import_format else None
    # Only an explicit --annotator renames the layers: a native file names its own.
    into = ImportInto(args.into) if args.into else None
    return commands.import_(
        project,
        args.file,
        source_format,
        args.annotator,
        out,
        sys.stderr,
        unit,
        into,
        checked_while_stored=checked_while_stored,
    )


def run_project_command(args: argparse.Namespace, project: Project, annotator: str) -> int:
    """The commands that work on the project without a window; ``annotator`` names the analyst's layer."""
    if args.command == "import-texts":
        return run_import_texts(project, args.paths)
    unit = OffsetUnit(args.offset_unit) if getattr(args, "offset_unit", None) else None
    if args.command == "export":
        layer = GOLD if args.gold else annotator
        target_format = ExportFormat(args.export_format)
        return commands.export(
            project, target_format, args.output, layer, args.doc, sys.stdout, sys.stderr, unit, args.details
        )
    source_format = ImportFormat(args.import_format) if getattr(args, "import_format", None) else None
    if args.command == "import":
        return run_import(args, project, sys.stdout)
    if args.command == "undo-import":
        return commands.undo_import_(project, sys.stdout, sys.stderr)
    if args.command == "validate":
        return commands.validate(project, args.file, source_format, sys.stdout, sys.stderr, unit)
    if args.command == "agreement":
        from cli.agreement_command import agreement

        names = [name.strip() for name in args.annotators.split(",") if name.strip()]
        return agreement(project, names, args.json, args.doc, sys.stdout)
    if args.command == "search":
        from cli.search_command import search

        return search(
            project,
            args.query,
            args.json,
            args.whole_word,
            BidiMode(args.bidi),
            sys.stdout,
            short_aliases=args.short_aliases,
        )
    if args.command == "backup":
        from cli.backup_command import backup

        return backup(project, args.output, sys.stdout)
    if args.command == "claims":
        from cli.claims_command import claims

        layer = GOLD if args.gold else annotator
        return claims(project, layer, args.json, args.output, BidiMode(args.bidi), sys.stdout)
    return commands.stats(project, args.json, BidiMode(args.bidi), sys.stdout)
