# Sourced by run.sh and test.sh: installs what Hashiya needs on a Debian machine, then nothing more.
# - the Debian libraries Qt needs (DESIGN.md section 11), when missing;
# - Python 3.11 with venv, when missing;
# - a virtual environment in .venv with the project and its Python packages.

HASHIYA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HASHIYA_VENV="${HASHIYA_VENV:-$HASHIYA_ROOT/.venv}"

QT_OFFSCREEN_PACKAGES=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3)
QT_WINDOW_PACKAGES=(xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
# The team-project tests start a scratch PostgreSQL server from this package (DESIGN.md section 12).
TEAM_SERVER_PACKAGES=(postgresql)
# Hashiya draws with its own fonts (resources/fonts); a test shows the window is the same when the
# machine has these too (tests/ui/test_bundled_fonts.py).
EXTRA_SYSTEM_FONT_PACKAGES=(fonts-noto-core fonts-noto-color-emoji fonts-dejavu-core fonts-liberation)
# The tests that drive the real window on Xvfb: a window manager, synthetic input, screenshots.
REAL_DISPLAY_TEST_PACKAGES=(openbox xdotool imagemagick)

say() { printf 'hashiya setup: %s\n' "$*" >&2; }

ensure_debian_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian system: make sure these are installed yourself: $*"
    return 0
  fi
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "need root or sudo to install: ${missing[*]}"; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

is_python_311() { "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info[:2] != (3, 11))' >/dev/null 2>&1; }

find_python() {
  local candidate
  for candidate in "${HASHIYA_PYTHON:-}" python3.11 python3; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 && is_python_311 "$candidate" && {
      command -v "$candidate"
      return 0
    }
  done
  say "installing Python 3.11 from Debian"
  ensure_debian_packages python3.11 python3.11-venv >&2 || return 1
  command -v python3.11
}

# ensure_venv EXTRAS: create .venv and install the project with the given extras ("" or "test"),
# skipping pip when pyproject.toml has not changed since the last install.
ensure_venv() {
  local extras="$1" python stamp wanted
  if [ ! -x "$HASHIYA_VENV/bin/python" ] || ! is_python_311 "$HASHIYA_VENV/bin/python"; then
    python="$(find_python)" || { say "Python 3.11 is needed"; return 1; }
    say "creating the virtual environment $HASHIYA_VENV"
    rm -rf "$HASHIYA_VENV"
    "$python" -m venv "$HASHIYA_VENV"
  fi
  stamp="$HASHIYA_VENV/.hashiya-installed"
  wanted="$(sha256sum "$HASHIYA_ROOT/pyproject.toml" | cut -d' ' -f1) [$extras]"
  if [ -f "$stamp" ] && grep -qxF "$wanted" "$stamp"; then
    return 0
  fi
  say "installing Python packages"
  "$HASHIYA_VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  local target="$HASHIYA_ROOT"
  [ -n "$extras" ] && target="$HASHIYA_ROOT[$extras]"
  "$HASHIYA_VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$target"
  printf '%s\n' "$wanted" >>"$stamp"
}
