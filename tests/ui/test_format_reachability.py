"""Every exchange format in the one table can be chosen on the command line and in the window's
dialogs, its files pass the dialogs' filters, and a file of it is recognised from its name."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.exchange import export_layer
from annotator.formats import detect_format
from annotator.formats.table import (
    EXPORTS,
    FORMATS,
    IMPORTS,
    ExchangeFormat,
    ExportFormat,
    ImportFormat,
    import_patterns,
)
from annotator.project import Project
from cli.parser import build_parser
from tests.ui.test_annotating import open_window
from ui.exchange_dialogs import ExportDialog, ImportDialog, export_filter


def named(f: ExchangeFormat) -> str:
    return (f.writes or f.reads or "").replace("-", "_")


def passes(filter_text: str, name: str) -> bool:
    """Whether the file dialog ``filter_text``'s first filter shows a file called ``name``."""
    patterns = filter_text.split(";;")[0].rsplit("(", 1)[1].rstrip(")").split()
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def test_every_format_in_the_table_is_a_format_of_the_program() -> None:
    assert set(EXPORTS) == set(ExportFormat)
    assert set(IMPORTS) == set(ImportFormat)
    assert all(f.writes or f.reads for f in FORMATS)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.writes], ids=named)
def test_a_written_format_is_offered_by_the_command_line_and_the_export_dialog(
    qtbot: QtBot, sample_project: Project, fmt: ExchangeFormat
) -> None:
    assert fmt.writes is not None
    args = build_parser().parse_args(["export", "--format", fmt.writes.value, "-o", "out"])
    assert args.export_format == fmt.writes.value
    window = open_window(qtbot, sample_project)
    dialog = ExportDialog(sample_project, None, window)
    qtbot.addWidget(dialog)
    offered = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert fmt.writes.value in offered
    dialog.format_combo.setCurrentIndex(offered.index(fmt.writes.value))
    assert dialog.chosen_format is fmt.writes
    for suffix in fmt.suffixes:
        assert passes(export_filter(fmt.writes), f"amal-{fmt.writes.value}{suffix}")
    assert not passes(export_filter(fmt.writes), "amal.txt")


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.reads], ids=named)
def test_a_read_format_is_offered_filtered_and_detected_from_a_file_of_it(
    qtbot: QtBot, sample_project: Project, tmp_path: Path, fmt: ExchangeFormat
) -> None:
    assert fmt.reads is not None and fmt.writes is not None, "a read format is also written, to be checked here"
    for command in ("import", "validate"):
        args = build_parser().parse_args([command, "file", "--format", fmt.reads.value])
        assert args.import_format == fmt.reads.value
    dialog = ImportDialog(tmp_path / "x", None)
    qtbot.addWidget(dialog)
    offered = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert fmt.reads.value in offered
    dialog.format_combo.setCurrentIndex(offered.index(fmt.reads.value))
    assert dialog.chosen_format is fmt.reads
    document = sample_project.documents()[0].id
    sample_project.add_span(document, 0, 3, "PER")
    for suffix in fmt.suffixes:
        path = tmp_path / f"layer{suffix}"
        export_layer(sample_project, fmt.writes, path, sample_project.annotator)
        assert passes(f"Annotations ({import_patterns()})", path.name)
        assert detect_format(path) is fmt.reads
