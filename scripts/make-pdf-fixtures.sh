#!/usr/bin/env bash
# Regenerates fixtures/pdf/ and fixtures/pdf-holdout/: every real filing printed to PDF the way users
# print it (headless Chromium, its default header and footer: date and time, page title, file URL,
# page number), then read back by the routes users take from a PDF:
#
#   <stem>.layout.txt    pdftotext -layout (fixed-width columns)
#   <stem>.raw.txt       pdftotext (reading order, no -layout)
#   <stem>.ocr300.txt    pdftoppm -r 300 -png, then tesseract per page (pages joined by a form feed)
#   <stem>.ocr150.txt    the same at 150 dpi
#   <stem>.expected.json the truth records from the filer's XML (test/tools/xml-to-record.ts --rendered)
#
# The page printed is EDGAR's own HTML where ../shared/real/edgar holds it, otherwise the XML rendered as
# EDGAR shows it (test/tools/render-edgar-html.ts): the XML-only filings of real/edgar and all of
# real/edgar-more. Every 5th filing of real/edgar-more (sorted by name) goes to fixtures/pdf-holdout/: a
# set nobody tunes the readers on; the accuracy command reports it on its own.
#
#   bash scripts/make-pdf-fixtures.sh [SHARED_REAL_DIR] [JOBS]
#   RESUME=1 bash scripts/make-pdf-fixtures.sh     keeps OCR texts already written (an interrupted run)
#   MISSING_OCR=1 bash scripts/make-pdf-fixtures.sh
#       OCRs only the filings whose .ocr300.txt or .ocr150.txt is missing, and only the missing ones;
#       their PDF is printed again only when /tmp/form345-pdf lacks it, and no other text is rewritten
#       (reprinting every filing would change every fixture's print-date line).
#
# Needs chromium, poppler-utils and tesseract-ocr (+ -eng) from Debian. The printed pages and PDFs stay
# in /tmp/form345-pdf (regenerable and large, not committed); the texts are committed, so the tests never need the tools. Chromium's header carries the date and time of printing:
# that cannot be fixed, and it is what users get. The file URL is fixed (/tmp/form345-pdf/<stem>.html).
# Hand-written *.lost.json files are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

REAL="${1:-../shared/real}"
JOBS="${2:-2}"
OUT=fixtures/pdf
HOLD=fixtures/pdf-holdout
PAGES=/tmp/form345-pdf # the URL printed in every page's footer
mkdir -p "$OUT" "$HOLD" "$PAGES"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb OMP_THREAD_LIMIT=1

# One line per filing: stem, source kind (html|xml), source path, truth XML, output directory.
plan() {
  local x stem
  for x in "$REAL"/edgar/*.xml; do
    stem=$(basename "$x" .xml)
    case "$stem" in *.fromhtml) continue ;; esac
    [ -e "$REAL/edgar/$stem.html" ] && continue
    echo "$stem xml $x $x $OUT"
  done
  for h in "$REAL"/edgar/*.html; do
    stem=$(basename "$h" .html)
    x="$REAL/edgar/$stem.xml"
    [ -e "$REAL/edgar/$stem.fromhtml.xml" ] && x="$REAL/edgar/$stem.fromhtml.xml"
    echo "$stem html $h $x $OUT"
  done
  local i=0
  while IFS= read -r x; do
    i=$((i + 1))
    stem=$(basename "$x" .xml)
    if ((i % 5 == 0)); then echo "$stem xml $x $x $HOLD"; else echo "$stem xml $x $x $OUT"; fi
  done < <(ls "$REAL"/edgar-more/*.xml | LC_ALL=C sort)
}

# What the printed page never shows, whatever reads it (<stem>.lost.json): EDGAR's page (and the
# renderer, after it) gives the relationship of the first reporting owner only, in box 5; further
# owners are listed after Table II with name and address alone.
page_lost() { # dir/stem
  node -e '
    const fs = require("fs");
    const rec = JSON.parse(fs.readFileSync(process.argv[1] + ".expected.json", "utf8"));
    const lost = [];
    rec.reportingOwners.forEach((o, k) => {
      if (k === 0) return;
      for (const f of ["isDirector", "isOfficer", "isTenPercentOwner", "isOther", "officerTitle", "otherText"]) if (o[f] !== null) lost.push(`/reportingOwners/${k}/${f}`);
    });
    const file = process.argv[1] + ".lost.json";
    if (lost.length) fs.writeFileSync(file, JSON.stringify(lost, null, 2) + "\n");
    else if (fs.existsSync(file)) fs.unlinkSync(file);
  ' "$1"
}
export -f page_lost

# Phase 1, fast: the page, its PDF, both pdftotext readings and the truth.
print_one() { # stem kind source truth outdir
  local stem=$1 kind=$2 src=$3 truth=$4 dir=$5
  local html="$PAGES/$stem.html" pdf="$PAGES/$stem.pdf"
  if [ "$kind" = html ]; then cp "$src" "$html"; else node --import tsx test/tools/render-edgar-html.ts "$src" >"$html"; fi
  chromium --headless --disable-gpu --no-sandbox --no-first-run --user-data-dir="$PAGES/.profile-$stem" \
    --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
  rm -rf "$PAGES/.profile-$stem"
  pdftotext -layout "$pdf" "$dir/$stem.layout.txt"
  pdftotext "$pdf" "$dir/$stem.raw.txt"
  node --import tsx test/tools/xml-to-record.ts --rendered "$truth" >"$dir/$stem.expected.json"
  page_lost "$dir/$stem"
  echo "$dir/$stem: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') page(s)"
}

# Phase 2, slow (tesseract): OCR of the pages at 300 and 150 dpi. With RESUME=1 an OCR text already
# written is kept (only the printing date in its header would differ).
ocr_one() { # stem kind source truth outdir
  local stem=$1 dir=$5
  local pdf="$PAGES/$stem.pdf" tmp dpi page
  tmp=$(mktemp -d)
  for dpi in 300 150; do
    [ "${RESUME:-0}" = 1 ] && [ -s "$dir/$stem.ocr$dpi.txt" ] && continue
    pdftoppm -r "$dpi" -png "$pdf" "$tmp/p"
    : >"$dir/$stem.ocr$dpi.txt.part"
    # tesseract ends each page with a form feed itself: the pages are simply concatenated.
    for page in $(ls "$tmp"/p-*.png | sort -V); do
      tesseract "$page" - 2>/dev/null >>"$dir/$stem.ocr$dpi.txt.part"
    done
    mv "$dir/$stem.ocr$dpi.txt.part" "$dir/$stem.ocr$dpi.txt"
    rm -f "$tmp"/p-*.png
  done
  rm -rf "$tmp"
  echo "$dir/$stem: OCR done"
}
# A filing one of whose OCR texts is missing (the plan's line passes through; others are dropped).
missing_ocr() {
  local stem kind src truth dir
  while read -r stem kind src truth dir; do
    if [ ! -s "$dir/$stem.ocr300.txt" ] || [ ! -s "$dir/$stem.ocr150.txt" ]; then
      echo "$stem $kind $src $truth $dir"
    fi
  done
}

# The PDF alone, for a filing whose texts stay as committed: printed only when it is not there.
pdf_only() { # stem kind source truth outdir
  local stem=$1 kind=$2 src=$3
  local html="$PAGES/$stem.html" pdf="$PAGES/$stem.pdf"
  [ -s "$pdf" ] && return 0
  if [ "$kind" = html ]; then cp "$src" "$html"; else node --import tsx test/tools/render-edgar-html.ts "$src" >"$html"; fi
  chromium --headless --disable-gpu --no-sandbox --no-first-run --user-data-dir="$PAGES/.profile-$stem" \
    --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
  rm -rf "$PAGES/.profile-$stem"
  if [ ! -s "$pdf" ]; then echo "$stem: chromium printed no PDF" >&2; return 1; fi
  echo "$stem: printed again for OCR"
}
export -f print_one ocr_one pdf_only
export PAGES

if [ "${MISSING_OCR:-0}" = 1 ]; then
  todo=$(plan | missing_ocr)
  if [ -z "$todo" ]; then echo "every filing has both OCR texts"; exit 0; fi
  echo "$todo" | xargs -P "$JOBS" -L 1 bash -c 'pdf_only "$@"' _
  echo "$todo" | RESUME=1 xargs -P "$JOBS" -L 1 bash -c 'ocr_one "$@"' _
  echo "missing OCR texts written"
  exit 0
fi

plan | xargs -P "$JOBS" -L 1 bash -c 'print_one "$@"' _
plan | xargs -P "$JOBS" -L 1 bash -c 'ocr_one "$@"' _

{
  echo "Tool versions used for the committed conversions:"
  chromium --version 2>/dev/null | sed -n 1p
  pdftotext -v 2>&1 | sed -n 1p
  tesseract --version 2>&1 | sed -n 1p
  echo "chromium --headless --disable-gpu --no-sandbox --print-to-pdf=X.pdf file:///tmp/form345-pdf/X.html (default header and footer, Letter)"
  echo "pdftotext -layout X.pdf; pdftotext X.pdf; pdftoppm -r 300|150 -png X.pdf p; tesseract p-N.png - (OMP_THREAD_LIMIT=1, pages concatenated)"
} >"$OUT/TOOLS.txt"
cp "$OUT/TOOLS.txt" "$HOLD/TOOLS.txt"
echo "fixtures written to $OUT and $HOLD"
