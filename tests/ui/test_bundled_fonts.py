"""The window looks the same whatever fonts the machine has: it is drawn with the bundled fonts only.

Each case starts `hashiya` in a process of its own under a fontconfig configuration: one that
gives the machine no font at all, one that gives it the system's fonts plus Debian's Noto,
DejaVu and Liberation packages (scripts/test.sh installs them; fonts-noto-core has a "Noto Sans"
and a "Noto Sans Arabic" of its own, which Qt used to prefer to the bundled ones).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ROOT
from ui.fonts import ARABIC_FAMILY, EMOJI_FAMILY, LATIN_FAMILY, SYMBOLS_FAMILY

# Folders of Debian's fonts-noto-core, fonts-noto-color-emoji, fonts-dejavu-core and fonts-liberation.
EXTRA_FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation"),
)
SYSTEM_FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
SHADOWING_SYSTEM_FONT = EXTRA_FONT_FOLDERS[0] / "NotoSans-Regular.ttf"
ARTICLE = "تقرير 📄 عن المغرب 🇲🇦 وروسيا 🇷🇺 ← «اتفاقية» Report 📄 Morocco 🇲🇦 → Russia 🇷🇺 κ ⟦LRM⟧\n"
BUNDLED = {LATIN_FAMILY, ARABIC_FAMILY, SYMBOLS_FAMILY, EMOJI_FAMILY}

# Prints the families the glyphs of the article are drawn with, in the interface font and the text font.
PROBE = """
import json, sys
from PySide6.QtGui import QTextLayout
from ui.app import application
from ui.fonts import interface_font, text_font
app = application()
used = {}
for name, font in (("interface", app.font()), ("text", text_font())):
    layout = QTextLayout(sys.argv[1], font)
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    used[name] = sorted({run.rawFont().familyName() for run in layout.glyphRuns()})
print(json.dumps(used))
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not SHADOWING_SYSTEM_FONT.exists(), reason="Debian's fonts-noto-core is not installed (scripts/test.sh does)"
    ),
]


def fontconfig(folder: Path, name: str, with_system_fonts: bool) -> Path:
    """A fontconfig file: no font at all, or the system's fonts and the extra Debian folders.

    Both take the system's rendering rules (hinting, antialiasing), which change the pixels too."""
    fonts = ['<include ignore_missing="yes">/etc/fonts/conf.d</include>']
    if with_system_fonts:
        fonts += [f"<dir>{path}</dir>" for path in (*SYSTEM_FONT_FOLDERS, *EXTRA_FONT_FOLDERS)]
    else:
        (folder / f"{name}-empty").mkdir()
        fonts.append(f"<dir>{folder / f'{name}-empty'}</dir>")
    path = folder / f"{name}.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        + "\n".join(fonts)
        + f"\n<cachedir>{folder / f'{name}-cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return path


def run(args: list[str], env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def machine(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "HASHIYA_ANNOTATOR": "amal"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    run([str(ROOT / "main.py"), "--db", "p.hashiya", "import-texts", "article.txt"], env, tmp_path)
    return env


def window_under(tmp_path: Path, env: dict[str, str], name: str, with_system_fonts: bool) -> list[QImage]:
    env = {**env, "FONTCONFIG_FILE": str(fontconfig(tmp_path, name, with_system_fonts))}
    shots = []
    for language in ("en", "ar"):
        target = tmp_path / f"{name}-{language}.png"
        run(
            [str(ROOT / "main.py"), "--db", "p.hashiya", "screenshot", "--lang", language, "-o", str(target)],
            env,
            tmp_path,
        )
        shots.append(QImage(str(target)))
    return shots


def families_under(tmp_path: Path, env: dict[str, str], name: str, with_system_fonts: bool) -> dict[str, list[str]]:
    env = {**env, "FONTCONFIG_FILE": str(fontconfig(tmp_path, f"{name}-probe", with_system_fonts))}
    return dict(json.loads(run(["-c", PROBE, ARTICLE.strip()], {**env, "PYTHONPATH": str(ROOT)}, ROOT)))


def test_the_article_is_drawn_with_the_bundled_fonts_only_even_with_more_system_fonts(
    tmp_path: Path, machine: dict[str, str]
) -> None:
    for name, with_system_fonts in (("bare", False), ("extra", True)):
        used = families_under(tmp_path, machine, name, with_system_fonts)
        assert set(used["interface"]) <= BUNDLED and set(used["text"]) <= BUNDLED, (name, used)
        assert EMOJI_FAMILY in used["text"] and SYMBOLS_FAMILY in used["interface"]


def test_the_window_is_the_same_on_a_machine_without_fonts_and_on_one_with_many(
    tmp_path: Path, machine: dict[str, str]
) -> None:
    bare = window_under(tmp_path, machine, "bare", with_system_fonts=False)
    extra = window_under(tmp_path, machine, "extra", with_system_fonts=True)
    for language, alone, among_many in zip(("en", "ar"), bare, extra, strict=True):
        assert not alone.isNull() and alone.size() == among_many.size(), language
        assert alone == among_many, f"the {language} window changes when the machine has more fonts"
