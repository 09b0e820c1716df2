#!/bin/sh
# Builds Readmark.app (and a .dmg) on macOS: PyInstaller's bundle from
# packaging/pyinstaller/readmark.spec, with packaging/macos/Info.plist (document types for
# .md/.markdown/.epub/.txt/.html, the readmark:// URL scheme) and Readmark.icns.
#
#   sh packaging/macos/build_app.sh
#
# Needs Python 3.11+ (python.org's universal2 installer, or Homebrew's) and Xcode's
# command-line tools (hdiutil, codesign). Leaves dist/Readmark.app and
# dist/readmark-VERSION-macos.dmg. The app is signed ad hoc only: to give it to others, sign
# it with a Developer ID and notarise it (codesign --deep -s "Developer ID..."; notarytool).
# Not run on Readmark's CI (Linux); tests/test_platform_packaging.py checks the Info.plist.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/build/bundle-macos"
VENV="$WORK/venv"
mkdir -p "$WORK"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --disable-pip-version-check -q --force-reinstall \
  "$ROOT" 'pyinstaller>=6.10,<7'
VERSION=$("$VENV/bin/python" -c 'import readmark; print(readmark.__version__)')
(cd "$WORK" && "$VENV/bin/pyinstaller" --noconfirm --distpath "$ROOT/dist" \
  --workpath "$WORK/pyinstaller" "$ROOT/packaging/pyinstaller/readmark.spec")
APP="$ROOT/dist/Readmark.app"
plutil -lint "$APP/Contents/Info.plist"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/readmark" --smoke-test --new-instance \
  | grep -q 'smoke-test ok' || { echo "the frozen Readmark did not start" >&2; exit 1; }
hdiutil create -volname Readmark -srcfolder "$APP" -ov -format UDZO \
  "$ROOT/dist/readmark-$VERSION-macos.dmg"
echo "app: $APP"
