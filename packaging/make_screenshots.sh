#!/bin/sh
# Makes the README's screenshots in docs/images/ from the real main window.
#
#   sh packaging/make_screenshots.sh
#
# Needs Xvfb (xvfb-run), a CJK font (fonts-noto-cjk) and the shared sample books in
# ../shared/books; `sh packaging/setup.sh` installs the first two. Each picture is
# taken by packaging/screenshot.py on its own throwaway READMARK_HOME. PNGs are
# optimised when oxipng, optipng or pngquant is installed, and are committed.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-.venv/bin/python}
OUT=docs/images
SAMPLE=../shared/books/000_25b2869f1a30fd56.txt
GUIDE=resources/guide/guide.en.md

die() { printf 'make_screenshots: error: %s\n' "$*" >&2; exit 1; }
command -v xvfb-run >/dev/null 2>&1 || die "xvfb-run is missing (apt-get install xvfb xauth)"
[ -x "$PYTHON" ] || die "$PYTHON is missing; run sh packaging/setup.sh first"
[ -f "$SAMPLE" ] || die "$SAMPLE is missing (the shared sample books)"
mkdir -p "$OUT"

shot() {  # shot BOOK OUT.png [screenshot.py options...]
  book=$1 out=$2
  shift 2
  # Unset QT_QPA_PLATFORM so Qt draws on the virtual display (xcb), as for a user.
  env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x860x24" \
    "$PYTHON" packaging/screenshot.py "$book" "$out" "$@"
}

shot "$SAMPLE" "$OUT/reader-light.png" --entry "前 言" --theme light
shot "$SAMPLE" "$OUT/reader-dark.png" --entry "前 言" --theme dark
shot "$SAMPLE" "$OUT/reader-sepia.png" --entry "前 言" --theme sepia
# Highlights in four colours (one with a note), an underline and a bookmark on the
# preface (section 2), with the annotations panel (F10) instead of the contents.
shot "$SAMPLE" "$OUT/annotations-light.png" --annotations 2 --theme light
shot "$SAMPLE" "$OUT/annotations-dark.png" --annotations 2 --theme dark
# One of each kind: a GBK .txt novel and an EPUB 3 poem.
shot ../shared/books/三国演义.txt "$OUT/text-novel.png" \
  --entry "第一回 宴桃园豪杰三结义 斩黄巾英雄首立功" --theme sepia
# Find in Book: a Traditional query over the Simplified novel, every hit marked.
shot ../shared/books/三国演义.txt "$OUT/search-in-book.png" \
  --entry "第一回 宴桃园豪杰三结义 斩黄巾英雄首立功" --search "張飛" --theme light
shot ../shared/books/wasteland.epub "$OUT/epub-poem.png" --entry "II. A GAME OF CHESS" --theme light
# docs/formats.md: every kind of book, and what a reader sees when one cannot be read.
KINDS=$OUT/formats
mkdir -p "$KINDS"
EPUBS=tests/fixtures/epub
TEXTS=tests/fixtures/plaintext
kind() {  # kind BOOK OUT.png [options...]
  book=$1 out=$2
  shift 2
  shot "$book" "$KINDS/$out" --size 1000x620 "$@"
}
kind ../shared/books/Liber_Esther.epub epub2-ncx.png --entry "1. REGINA VASTHI EICITUR, 1:1-22." --theme sepia
kind ../shared/books/三国演义.txt chapter-rules-zh.png --chapter-rules --lang zh_CN --theme sepia
kind ../shared/books/11-0.txt gutenberg.png --entry "CHAPTER I. Down the Rabbit-Hole" --theme light
kind "$TEXTS/gb18030_user_area.txt" gb18030-user-area.png --theme light
kind "$TEXTS/big5_wrapped.txt" big5-hard-wrapped.png --theme light
kind "$EPUBS/vertical_ja.epub" vertical-japanese-ruby.png --theme light
kind "$EPUBS/missing_file.epub" epub-missing-file.png --section 1 --theme light
kind "$EPUBS/non_utf8_name.epub" epub-legacy-entry-name.png --theme light
kind tests/fixtures/same_book/zh.html html-page.png --entry "第一章 渡口" --theme light
EMPTY=$(mktemp -d)/empty.txt
: > "$EMPTY"
kind "$EMPTY" error-empty-file.png --error
kind "$EPUBS/truncated.epub" error-truncated-zip.png --error
kind "$EPUBS/photo.epub" error-jpeg-renamed.png --error
kind ../shared/books/TIny-3-Bad.epub error-every-chapter-missing.png --error

if [ -f "$GUIDE" ]; then
  shot "$GUIDE" "$OUT/guide.png" --theme light
else
  printf 'make_screenshots: %s is missing; guide.png not made\n' "$GUIDE" >&2
fi

# The library view (Ctrl+L) over the shared books, as covers and as a list.
env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x860x24" \
  "$PYTHON" packaging/library_screenshot.py ../shared/books \
  "$OUT/library-grid.png" "$OUT/library-list.png"

for png in "$OUT"/*.png "$KINDS"/*.png; do
  if command -v oxipng >/dev/null 2>&1; then
    oxipng -q -o 4 --strip safe "$png"
  elif command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o5 -strip all "$png"
  elif command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --quality 80-95 --output "$png" -- "$png" || true
  fi
  printf '%s %s KB\n' "$png" "$(( $(wc -c < "$png") / 1024 ))"
done
