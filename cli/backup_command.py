"""``hashiya backup -o FILE``: the whole project, what its log holds included, as one self-contained file.

Copying only the ``.hashiya`` file after a crash leaves out the edits still in its ``-wal`` log;
this copy holds everything, and it is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.project import Project


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    backup_parser = commands.add_parser(
        "backup", parents=[common], help="write the whole project as one self-contained file (safe while it is open)"
    )
    backup_parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write the copy to")


def backup(project: Project, output: Path, out: TextIO) -> int:
    project.save_copy(output)
    print(f"saved {project.location} as one self-contained file: {output}", file=out)
    return 0
