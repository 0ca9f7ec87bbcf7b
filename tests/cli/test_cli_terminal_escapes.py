"""Titles, layer names and texts reach a terminal with their control characters escaped, never acted on."""

from __future__ import annotations

import json
from pathlib import Path

from tests.command_line import hashiya

HOSTILE_TITLE = "عنوان\x1b[2J\x1b]0;owned\x07\nfake 9 document(s), 1 characters in /etc\u202e\x85"


def test_stats_and_search_escape_control_characters(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    texts = tmp_path / "texts.jsonl"
    line = {"title": HOSTILE_TITLE, "text": "قال لافروف\x1b[31m إن موسكو تدعم بيونغ يانغ"}
    texts.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert hashiya("--db", str(db), "import-texts", str(texts)).returncode == 0

    for arguments in (("stats", "--bidi", "logical"), ("search", "موسكو", "--bidi", "logical")):
        result = hashiya("--db", str(db), "--annotator", "huda\x1b[8m", *arguments)
        assert result.returncode == 0, result.stderr
        controls = [
            char for char in result.stdout if char not in "\n\t" and (ord(char) < 32 or 0x7F <= ord(char) < 0xA0)
        ]
        assert controls == [], arguments
        assert "\u202e" not in result.stdout
        assert "\\x1b[2J" in result.stdout or "\\x1b[31m" in result.stdout  # shown, not acted on
        assert not any(line.startswith("fake") for line in result.stdout.splitlines())
    stats = hashiya("--db", str(db), "stats", "--bidi", "logical").stdout.split("\n")
    assert len([line for line in stats if line]) == 2  # the summary and one document; the title forged none
