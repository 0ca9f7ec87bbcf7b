#!/usr/bin/env bash
# Install everything Hashiya needs and open it on the sample corpus.
# With no display it writes a screenshot of the main window instead and prints its path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/environment.sh"
ensure_debian_packages "${QT_OFFSCREEN_PACKAGES[@]}" "${QT_WINDOW_PACKAGES[@]}"
ensure_venv ""
exec "$HASHIYA_VENV/bin/hashiya" "$@"
