#!/usr/bin/env bash
# Install everything Hashiya's tests need and run them all: ruff, mypy, then pytest
# (which also checks the import-linter layer contracts). Qt runs offscreen, except for the tests of
# tests/ui/real_display, which start their own Xvfb with openbox and use Qt's xcb platform.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/environment.sh"
ensure_debian_packages "${QT_OFFSCREEN_PACKAGES[@]}" "${QT_WINDOW_PACKAGES[@]}" "${EXTRA_SYSTEM_FONT_PACKAGES[@]}" \
  "${REAL_DISPLAY_TEST_PACKAGES[@]}" "${TEAM_SERVER_PACKAGES[@]}"
ensure_venv "test"
cd "$HASHIYA_ROOT"
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
"$HASHIYA_VENV/bin/ruff" check .
"$HASHIYA_VENV/bin/ruff" format --check .
echo "== mypy"
"$HASHIYA_VENV/bin/mypy"
echo "== pytest"
exec "$HASHIYA_VENV/bin/pytest" "$@"
