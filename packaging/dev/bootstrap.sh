#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: system libraries, a venv, pinned dependencies.
# Usage: bootstrap.sh runtime|test      (prints the venv's python on its last line)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
KIND=${1:-runtime}
VENV=${ACUMAT_VENV:-$ROOT/.venv}

RUNTIME_PKGS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxss1 libegl1
libgl1 libfontconfig1 libdbus-1-3 libpulse0 fonts-dejavu-core"
# appstream and desktop-file-utils: the validators tests/packaging runs on the desktop files.
TEST_PKGS="xvfb xdotool x11-utils imagemagick trayer pulseaudio pulseaudio-utils sox
libsox-fmt-pulse dbus-x11 dbus-daemon at-spi2-core python3-pyatspi python3-gi libglib2.0-bin
appstream desktop-file-utils playerctl dbus-bin"

say() { printf 'acumat-setup: %s\n' "$*" >&2; }

ensure_system_packages() {
    [ "$(uname -s)" = Linux ] || return 0
    command -v dpkg-query >/dev/null 2>&1 || { say "not Debian/Ubuntu: install Qt's xcb libraries yourself"; return 0; }
    local wanted=$RUNTIME_PKGS missing=""
    [ "$KIND" = test ] && wanted="$wanted $TEST_PKGS"
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ]; then
        say "installing system packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing >&2
    else
        say "missing system packages; run this once, then try again:"
        echo "sudo apt-get install -y$missing" >&2
        exit 1
    fi
}

find_python() {
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    say "Python 3.11 or newer (with venv) is needed: sudo apt-get install python3 python3-venv"
    exit 1
}

ensure_venv() {
    local py stamp want
    py=$(find_python)
    [ -x "$VENV/bin/python" ] || { say "creating $VENV"; "$py" -m venv "$VENV" >&2; }
    want=$(cat "$ROOT/pyproject.toml" "$ROOT/packaging/requirements-lock.txt" | sha256sum | cut -c1-16)-$KIND
    stamp="$VENV/.acumat-stamp"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "installing pinned dependencies into $VENV"
        local extra=""
        [ "$KIND" = test ] && extra="[test]"
        { "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip &&
          "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
            -c "$ROOT/packaging/requirements-lock.txt" -e "$ROOT$extra"; } 2>&1 |
            grep -v "^WARNING: Location" >&2 || true
        "$VENV/bin/python" -c "import acumat_desktop, PySide6" ||
            { say "the dependencies did not install (see above)"; exit 1; }
        echo "$want" > "$stamp"
    fi
}

ensure_system_packages
ensure_venv
echo "$VENV/bin/python"
