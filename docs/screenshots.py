"""Make the README's screenshots with `hashiya screenshot`, from the sample corpus and the demo layers.

    python docs/screenshots.py [--out FOLDER]

The project is built in a temporary folder: the five sample articles of resources/corpus, and
two analysts' layers from resources/demo (amal and samira on the Lavrov article, with a few
deliberate disagreements for the review screens; amal's claims about North Korean troops and arms
for Russia across the articles, for the relation arcs and the claims ledger). Settings live in
the temporary folder too, so the pictures do not depend on the machine's saved window layout.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_DOCUMENT = "80964ec8cdf54967"
SHOTS = (
    ("main-en", "main", "en"),
    ("main-ar", "main", "ar"),
    ("overview-ar", "overview", "ar"),
    ("preferences-ar", "preferences", "ar"),
    ("review-ar", "review", "ar"),
    ("dashboard-ar", "dashboard", "ar"),
    ("shortcuts-en", "shortcuts", "en"),
    ("arcs-ar", "arcs", "ar"),
    ("arcs-en", "arcs", "en"),
    ("claims-ar", "claims", "ar"),
    ("claims-en", "claims", "en"),
)
# The relation arcs are shown on the article with the most claims of the demo layer.
DOCUMENTS = {"arcs": "5e48c522b86bfe0f"}


def hashiya(*args: str, env: dict[str, str], cwd: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env, cwd=cwd
    )
    if result.returncode != 0:
        raise SystemExit(f"hashiya {' '.join(args)} failed:\n{result.stderr}")


def make(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        # Everything is done as amal, so no layer named after the machine's user shows in the pictures.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "HASHIYA_ANNOTATOR": "amal"}
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(home / name.lower())
        db = "demo.hashiya"  # relative to the temporary folder, so the status bar shows no random path
        hashiya("--db", db, "import-texts", str(ROOT / "resources" / "corpus"), env=env, cwd=home)
        for layer in ("amal", "samira"):
            hashiya("--db", db, "import", str(ROOT / "resources" / "demo" / f"{layer}.jsonl"), env=env, cwd=home)
        for name, view, language in SHOTS:
            target = out / f"{name}.png"
            hashiya(
                "--db", db, "--annotator", "amal", "screenshot", "--view", view, "--lang", language,
                "--doc", DOCUMENTS.get(view, DEMO_DOCUMENT), "-o", str(target.resolve()), env=env, cwd=home,
            )  # fmt: skip
            written.append(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    for path in make(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
