#!/usr/bin/env bash
# Build dist/acumat-desktop_<version>_<arch>.deb: a frozen, self-contained AcuMat (PyInstaller
# onedir) that needs no Python packages from the system. Run from anywhere; as root it installs
# the Debian packages the build needs (dpkg-dev, and the libraries the bundle links so that
# dpkg-shlibdeps can name their packages).
#
# Layout: /usr/lib/acumat-desktop/ (the bundle), /usr/bin/acumat (a symlink into it), the desktop
# file, the AppStream metainfo and the icons (hicolor PNG sizes and the SVG) named by the app id.
# Environment: ACUMAT_BUILD (default build/deb) holds the build venv and the work files.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${ACUMAT_BUILD:-$ROOT/build/deb}
APP_ID=io.github.acumat.acumat
PKG=acumat-desktop
# Build-time only: dpkg-shlibdeps must find every library the bundle links (it derives Depends).
BUILD_PKGS="dpkg-dev binutils libwayland-client0 libwayland-cursor0 libwayland-egl1 libspeechd2
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxss1 libegl1 libgl1 libfontconfig1 libdbus-1-3
libpulse0"

started=$(date +%s)
say() { printf 'build-deb [%3ss]: %s\n' "$(($(date +%s) - started))" "$*" >&2; }

ensure_build_packages() {
    local missing=""
    for pkg in $BUILD_PKGS; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        say "missing build packages; run: sudo apt-get install -y$missing"
        exit 1
    fi
    say "installing build packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

find_python() {
    for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
        [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
        "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null &&
            { echo "$candidate"; return 0; }
    done
    say "Python 3.11 or newer (with venv) is needed: sudo apt-get install python3 python3-venv"
    exit 1
}

ensure_build_venv() {
    local venv=$BUILD/venv want
    want=$(cat "$ROOT/pyproject.toml" "$ROOT/packaging/requirements-lock.txt" \
        "$ROOT/packaging/pyinstaller/requirements.txt" | sha256sum | cut -c1-16)
    [ "$(cat "$venv/.stamp" 2>/dev/null)" = "$want" ] && return 0
    say "creating the build venv $venv"
    rm -rf "$venv"
    "$(find_python)" -m venv "$venv"
    # The project's pinned dependencies and the freezer; the project itself is frozen from
    # this source tree (the spec's pathex), so its installed copy is removed again.
    "$venv/bin/python" -m pip install -q --disable-pip-version-check \
        -c "$ROOT/packaging/requirements-lock.txt" -r "$ROOT/packaging/pyinstaller/requirements.txt" \
        "$ROOT" 2>&1 | grep -v "^WARNING: Location" >&2 || true
    "$venv/bin/python" -m pip uninstall -q -y "$PKG" >&2
    "$venv/bin/python" -c "import PyInstaller, PySide6, numpy, pydantic, platformdirs"
    echo "$want" > "$venv/.stamp"
}

freeze() {
    say "freezing with PyInstaller"
    rm -rf "$BUILD/dist"
    "$BUILD/venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$BUILD/dist" \
        --workpath "$BUILD/work" "$ROOT/packaging/pyinstaller/acumat.spec"
}

stage() {
    local stage=$1 share icons
    rm -rf "$stage"
    mkdir -p "$stage/usr/lib" "$stage/usr/bin"
    cp -a "$BUILD/dist/acumat" "$stage/usr/lib/$PKG"
    ln -s "../lib/$PKG/acumat" "$stage/usr/bin/acumat"
    share=$stage/usr/share
    install -Dm644 "$ROOT/packaging/linux/$APP_ID.desktop" "$share/applications/$APP_ID.desktop"
    install -Dm644 "$ROOT/packaging/linux/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
    icons=$share/icons/hicolor
    for png in "$ROOT"/resources/icons/acumat-*.png; do
        size=${png##*-}; size=${size%.png}
        install -Dm644 "$png" "$icons/${size}x${size}/apps/$APP_ID.png"
    done
    install -Dm644 "$ROOT/resources/icons/acumat.svg" "$icons/scalable/apps/$APP_ID.svg"
    install -Dm644 "$ROOT/packaging/linux/copyright" "$share/doc/$PKG/copyright"
    find "$stage" -type d -exec chmod 755 {} +
}

shlib_depends() {
    # Depends from the libraries the bundle links, found the Debian way (dpkg-shlibdeps, run in
    # the source-package layout it expects: <dir>/debian/control, <dir>/debian/<package>/); the
    # bundle's own copies (Qt, Python, numpy's BLAS) are searched first and need no package.
    local top=$1 lib=$1/debian/$PKG/usr/lib/$PKG elves
    printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$PKG" "$PKG" > "$top/debian/control"
    elves=$(find "$lib" -type f \( -name '*.so*' -o -name acumat \) -exec sh -c \
        'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
    # shellcheck disable=SC2086
    (cd "$top" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
        -l"$lib/_internal" -l"$lib/_internal/PySide6/Qt/lib" -l"$lib/_internal/numpy.libs" \
        -l"$lib/_internal/PySide6" -l"$lib/_internal/shiboken6" $elves) |
        sed -n 's/^shlibs:Depends=//p'
}

write_control() {
    local stage=$1 version=$2 arch=$3 depends size
    mkdir -p "$stage/DEBIAN"
    say "finding the package's dependencies (dpkg-shlibdeps)"
    depends=$(shlib_depends "$(dirname "$(dirname "$stage")")")
    [ -n "$depends" ] || { say "dpkg-shlibdeps found no dependencies"; exit 1; }
    size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
    cat > "$stage/DEBIAN/control" <<CONTROL
Package: $PKG
Version: $version
Architecture: $arch
Maintainer: The AcuMat Desktop team <acumat-desktop@users.noreply.github.com>
Installed-Size: $size
Depends: $depends
Recommends: speech-dispatcher, fonts-dejavu-core
Section: utils
Priority: optional
Homepage: https://github.com/acumat/acumat-desktop
Description: calm companion for your acupressure mat
 Timed routines for back and neck, stress, sleep, desk breaks and tired feet,
 a breathing guide to follow with your eyes closed, ambient soundscapes, and
 gentle reminders to get up from the desk when you have been sitting too long.
 .
 This package holds a self-contained build (Python and Qt included).
CONTROL
}

main() {
    cd "$ROOT"
    local version arch stage deb
    version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' acumat_desktop/__init__.py)
    arch=$(dpkg --print-architecture)
    ensure_build_packages
    ensure_build_venv
    freeze
    stage=$BUILD/pkg/debian/$PKG
    rm -rf "$BUILD/pkg"
    stage "$stage"
    write_control "$stage" "$version" "$arch"
    mkdir -p "$ROOT/dist"
    deb=$ROOT/dist/${PKG}_${version}_${arch}.deb
    say "packing $deb"
    # xz -1: 60 MB in ~15 s on 2 cores; the default -6 saves 7 MB for 3.5 more minutes. Set
    # ACUMAT_DEB_COMPRESSION="-Zxz -z9" for a release build.
    # shellcheck disable=SC2086
    dpkg-deb --root-owner-group ${ACUMAT_DEB_COMPRESSION:--Zxz -z1} --build "$stage" "$deb" >/dev/null
    say "built $deb: $(du -h "$deb" | cut -f1) download, $(($(du -sk --exclude=DEBIAN "$stage" | cut -f1) / 1024)) MiB installed, in $(($(date +%s) - started)) s"
    echo "$deb"
}

main "$@"
