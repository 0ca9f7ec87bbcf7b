"""Make the fonts of resources/fonts from their upstream files, renamed so no system font can stand in.

    python scripts/bundle_fonts.py NotoSans.ttf NotoSansArabic.ttf DejaVuSans.ttf NotoColorEmoji.ttf

Qt picks a system font over an application font of the same family name: with Debian's
fonts-noto-core installed, "Noto Sans" and "Noto Sans Arabic" came from /usr/share/fonts and the
window changed. Each bundled font therefore gets a family of its own ("Hashiya Sans", ...); its
glyphs are untouched. The licences (SIL OFL 1.1 for Noto, the Bitstream Vera licence for DejaVu)
allow renamed copies; resources/fonts/README.md says where each file comes from.
Needs fontTools (pip install fonttools), which Hashiya itself does not.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# upstream family -> (bundled family, bundled file name)
RENAMES = {
    "Noto Sans": ("Hashiya Sans", "HashiyaSans.ttf"),
    "Noto Sans Arabic": ("Hashiya Sans Arabic", "HashiyaSansArabic.ttf"),
    "DejaVu Sans": ("Hashiya Symbols", "HashiyaSymbols.ttf"),
    "Noto Color Emoji": ("Hashiya Emoji", "HashiyaEmoji.ttf"),
}
# Family, full name, unique id, PostScript name, typographic family, compatible full name, WWS family,
# variations PostScript prefix.
FAMILY_NAME_IDS = (1, 3, 4, 6, 16, 18, 21, 25)


def family_of(font: TTFont) -> str:
    name = font["name"]
    return str(name.getDebugName(16) or name.getDebugName(1))


def rename(source: Path) -> Path:
    font = TTFont(str(source))
    old = family_of(font)
    if old not in RENAMES:
        raise SystemExit(f"{source}: family {old!r} is not one of {sorted(RENAMES)}")
    new, file_name = RENAMES[old]
    pairs = ((old, new), (old.replace(" ", ""), new.replace(" ", "")))
    for record in font["name"].names:
        if record.nameID in FAMILY_NAME_IDS:
            text = record.toUnicode()
            for before, after in pairs:
                text = text.replace(before, after)
            record.string = text
    target = OUT / file_name
    font.save(str(target))
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+", type=Path)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for source in args.sources:
        print(rename(source))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
