#!/bin/sh
# Builds Readmark's standalone Linux bundle: a folder with the `readmark` program and
# everything it needs (Python, Qt, the libraries, the guide, translations, icons), for
# people without Python. Made with PyInstaller from packaging/pyinstaller/readmark.spec.
#
#   sh packaging/build_bundle.sh [--work DIR] [--out DIR] [--no-archive]
#
#   --work DIR    where the build venv and PyInstaller's work files go (default: build/bundle)
#   --out DIR     where the bundle goes (default: dist); it holds
#                   readmark/                   the bundle (an AppDir: AppRun, .desktop, icon)
#                   readmark-VERSION-linux-ARCH.tar.gz   the same, archived (unless --no-archive)
#                   readmark-VERSION-ARCH.AppImage       only when appimagetool is on the PATH
#   --no-archive  skip the .tar.gz (and the AppImage)
#
# Needs Python 3.11+ built with a shared libpython (Debian's python3, pyenv's default
# builds too) and PyPI (through pip) the first time: the build venv is kept in --work and
# reused while pyproject.toml is unchanged. Readmark itself is reinstalled, not editable,
# from this checkout at every build. Takes ~1 minute on 2 cores (the first build ~1.5).
#
# Users run `readmark/readmark` (or `readmark/readmark --install-desktop` once, to put it
# in the applications menu and make it the reader of .md/.epub files and readmark:// links).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/build/bundle"
OUT="$ROOT/dist"
ARCHIVE=1
# PyInstaller 6.10 is the first with hooks for PySide6 6.8+; 7 may change the spec format.
PYINSTALLER='pyinstaller>=6.10,<7'

say() { printf 'build_bundle: %s\n' "$*" >&2; }
die() { printf 'build_bundle: error: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --work) [ $# -ge 2 ] || die "--work needs a folder"; WORK=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a folder"; OUT=$2; shift 2 ;;
    --no-archive) ARCHIVE=0; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
mkdir -p "$WORK" "$OUT"
WORK=$(cd "$WORK" && pwd)
OUT=$(cd "$OUT" && pwd)
VENV="$WORK/venv"
STAMP="$VENV/.readmark-bundle"

# --- 1. a build venv of its own (never the development venv) --------------------------------
ok_python() {  # >= 3.11, can make venvs, and has the shared libpython PyInstaller bundles
  "$1" -c 'import os, sys, sysconfig, venv, ensurepip
v = sysconfig.get_config_var
name, lib = v("INSTSONAME") or "", v("LIBDIR") or ""
found = any(os.path.isfile(os.path.join(d, name)) for d in (lib, os.path.join(lib, v("MULTIARCH") or "")))
sys.exit(sys.version_info < (3, 11) or not found)' >/dev/null 2>&1
}
want=$(cat "$ROOT/pyproject.toml" "$0" | cksum | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null || true)" != "$want" ]; then
  PYTHON=""
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && ok_python "$candidate"; then
      PYTHON=$(command -v "$candidate")
      break
    fi
  done
  [ -n "$PYTHON" ] || die "needs Python 3.11 or newer, with venv and its shared libpython (Debian: apt-get install python3-venv libpython3-dev)"
  say "creating the build venv $VENV with $PYTHON"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q "$ROOT" "$PYINSTALLER" \
    || die "pip could not install Readmark and PyInstaller (see above)"
  printf '%s\n' "$want" > "$STAMP"
else
  say "reinstalling Readmark from $ROOT into $VENV"
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q --no-deps \
    --force-reinstall "$ROOT" || die "pip could not install Readmark (see above)"
fi
VERSION=$("$VENV/bin/python" -c 'import readmark; print(readmark.__version__)')
ARCH=$(uname -m)

# --- 2. freeze --------------------------------------------------------------------------------
say "freezing Readmark $VERSION with $("$VENV/bin/pyinstaller" --version 2>/dev/null | tail -n 1)"
rm -rf "$OUT/readmark"
# Run from the work folder: the spec finds the sources through the installed package, so
# nothing from the checkout's src/ can slip in instead.
(cd "$WORK" && "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$OUT" --workpath "$WORK/pyinstaller" "$ROOT/packaging/pyinstaller/readmark.spec") \
  || die "PyInstaller failed (see above)"
BUNDLE="$OUT/readmark"
[ -x "$BUNDLE/readmark" ] || die "PyInstaller made no $BUNDLE/readmark"

# --- 3. the desktop entry and icon, AppDir-style ---------------------------------------------
# At the top of the folder as an AppImage wants them; `readmark --install-desktop` installs
# the same entry with Exec naming this folder's program.
DESKTOP="$ROOT/resources/desktop"
cp "$DESKTOP/org.readmark.Readmark.desktop" "$BUNDLE/"
cp "$DESKTOP/icons/org.readmark.Readmark.svg" "$BUNDLE/"
cp "$DESKTOP/icons/256x256/org.readmark.Readmark.png" "$BUNDLE/"
ln -sf org.readmark.Readmark.png "$BUNDLE/.DirIcon"
mkdir -p "$BUNDLE/usr/share/metainfo"
cp "$DESKTOP/org.readmark.Readmark.metainfo.xml" "$BUNDLE/usr/share/metainfo/"
cat > "$BUNDLE/AppRun" <<'EOF'
#!/bin/sh
# An AppImage's (or the unpacked folder's) entry: the program beside this script.
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/readmark" "$@"
EOF
chmod +x "$BUNDLE/AppRun"

# --- 4. archives ------------------------------------------------------------------------------
if [ "$ARCHIVE" = 1 ]; then
  TARBALL="$OUT/readmark-$VERSION-linux-$ARCH.tar.gz"
  tar -C "$OUT" -czf "$TARBALL" readmark
  say "archive: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
  if command -v appimagetool >/dev/null 2>&1; then
    ARCH="$ARCH" appimagetool --no-appstream "$BUNDLE" "$OUT/readmark-$VERSION-$ARCH.AppImage" \
      || die "appimagetool failed (see above)"
  else
    say "no appimagetool on the PATH: no AppImage (the folder is an AppDir, ready for one)"
  fi
fi
say "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)); run $BUNDLE/readmark"
