#!/bin/sh
# Makes docs/images/menu-entry.png: Readmark's entry in an applications menu (rofi's
# launcher, which reads desktop entries and icons as a desktop's menu does), after
# `readmark --install-desktop` into a throwaway XDG home, on a virtual display.
#
#   sh packaging/make_menu_screenshot.sh
#
# Needs xvfb-run and rofi (Debian/Ubuntu: apt-get install xvfb xauth rofi); rofi is
# for this picture only, not for the tests.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-.venv/bin/python}
OUT=docs/images/menu-entry.png

die() { printf 'make_menu_screenshot: error: %s\n' "$*" >&2; exit 1; }
command -v xvfb-run >/dev/null 2>&1 || die "xvfb-run is missing (apt-get install xvfb xauth)"
command -v rofi >/dev/null 2>&1 || die "rofi is missing (apt-get install rofi)"
[ -x "$PYTHON" ] || die "$PYTHON is missing; run sh packaging/setup.sh first"

# Unset QT_QPA_PLATFORM: the screen is read from the virtual display (xcb).
env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 640x230x24" \
  "$PYTHON" packaging/menu_screenshot.py "$OUT"
for tool in oxipng optipng; do
  if command -v "$tool" >/dev/null 2>&1; then
    "$tool" -q "$OUT" 2>/dev/null || true
    break
  fi
done
