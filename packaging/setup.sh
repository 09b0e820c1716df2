#!/bin/sh
# Sets up Readmark from a clone, then optionally runs it or its tests.
#
#   sh packaging/setup.sh            set up only
#   sh packaging/setup.sh run [ARGS] set up, then start the reader (ARGS go to `readmark`)
#   sh packaging/setup.sh test [ARGS] set up, then run the whole test suite offscreen
#                                     (ARGS go to pytest; exits with pytest's status)
#
# Idempotent: every step checks first and does only what is missing. Written for a
# fresh Debian 12 (run as root, or as a user with sudo); elsewhere the apt step is
# skipped and you install Qt's system libraries yourself.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV="$ROOT/.venv"
STAMP="$VENV/.readmark-setup"

say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

mode=${1:-}
case "$mode" in
  run|test) shift ;;
  "") ;;
  -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown mode '$mode' (use: run, test, or nothing)" ;;
esac

# --- 1. system packages (Debian/Ubuntu) -------------------------------------------------------
# python3-venv/-pip to make the virtual environment; the libraries the Qt xcb and offscreen
# platform plugins load; a CJK font so Chinese books show, and DejaVu (no CJK) for the
# end-to-end test that must see tofu without one; Xvfb for the end-to-end tests; the desktop's
# tools that `readmark --install-desktop` refreshes and its tests check with (desktop-file-utils,
# appstream, xdg-utils, shared-mime-info, gio from libglib2.0-bin; gdk-pixbuf-thumbnailer and
# the SVG loader, libgdk-pixbuf2.0-bin and librsvg2-common, to draw the menu icon as GTK does); pipx for the packaging
# test; xprop and xwininfo (x11-utils) to read the window's class on the X display;
# xdotool to type and press keys in the real program (the library's end-to-end test);
# libpython3-dev for the shared libpython that packaging/build_bundle.sh freezes (its test).
APT_PACKAGES="python3-venv python3-pip libpython3-dev
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-noto-cjk fonts-dejavu-core xvfb xauth
  desktop-file-utils appstream xdg-utils shared-mime-info libglib2.0-bin pipx x11-utils
  libgdk-pixbuf2.0-bin librsvg2-common xdotool"

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for pkg in $APT_PACKAGES; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
      SUDO="sudo"
    else
      die "these packages are missing and you are not root (and there is no sudo):$missing"
    fi
    say "installing system packages:$missing"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # shellcheck disable=SC2086 # word splitting of the package list is intended
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
else
  say "no apt/dpkg here: skipping system packages (Qt needs its xcb libraries and a CJK font)"
fi

# --- 2. the virtual environment ---------------------------------------------------------------
ok_python() {  # runs, is >= 3.11 and can make venvs (a pyenv shim may exist but not run)
  "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

if [ -x "$VENV/bin/python" ] && ok_python "$VENV/bin/python"; then
  :
else
  PYTHON=""
  for candidate in python3.11 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && ok_python "$candidate"; then
      PYTHON=$(command -v "$candidate")
      break
    fi
  done
  [ -n "$PYTHON" ] || die "Readmark needs Python 3.11 or newer with the venv module (python3.11, python3.12 or python3)"
  if [ -e "$VENV" ]; then
    say "replacing the unusable virtual environment in $VENV"
    rm -rf "$VENV"
  fi
  say "creating $VENV with $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"
  "$PYTHON" -m venv "$VENV"
fi

# --- 3. Readmark and its test tools, editable -------------------------------------------------
# Reinstalled only when pyproject.toml changed or the install is not this checkout's.
want=$("$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$ROOT/pyproject.toml")
have=$(cat "$STAMP" 2>/dev/null || true)
where=$(cd / && "$VENV/bin/python" -c 'import readmark; print(readmark.__file__)' 2>/dev/null || true)
if [ "$want" != "$have" ] || [ "$where" != "$ROOT/src/readmark/__init__.py" ] || [ ! -x "$VENV/bin/readmark" ]; then
  say "installing Readmark (editable) with its test tools into $VENV"
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e "$ROOT[test]" \
    || die "pip could not install Readmark (see pip's messages above)"
  printf '%s\n' "$want" > "$STAMP"
fi

# --- 4. what was asked for --------------------------------------------------------------------
case "$mode" in
  run)
    # In the applications menu, and the reader of .md/.epub and readmark:// links
    # (idempotent; `readmark --uninstall-desktop` takes it away).
    case "$(uname -s)" in
      Linux|*BSD)
        "$VENV/bin/readmark" --install-desktop >/dev/null \
          || say "could not add Readmark to the applications menu (see above); starting it anyway"
        ;;
    esac
    exec "$VENV/bin/readmark" "$@"
    ;;
  test)
    cd "$ROOT"
    QT_QPA_PLATFORM=offscreen
    export QT_QPA_PLATFORM
    # pytest's own exit status: 5 (no tests collected) is a failure too.
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    say "ready. Start the reader: sh packaging/setup.sh run   Run the tests: sh packaging/setup.sh test"
    ;;
esac
