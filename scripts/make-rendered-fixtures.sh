#!/usr/bin/env bash
# Regenerates fixtures/rendered/: the XML-only real filings of ../shared/real/edgar rendered as EDGAR's
# HTML page (test/tools/render-edgar-html.ts), converted to text by each HTML-to-text tool, with the
# truth records; and, in fixtures/rendered/check/, the renderer's pages for the three filings that also
# have EDGAR's own HTML, converted the same way (the renderer is checked against reality with them).
#
#   bash scripts/make-rendered-fixtures.sh [EDGAR_DIR]
#
# Needs w3m, lynx, pandoc and html2text (Debian's 1.3.2a) on PATH; the commands are those of
# scripts/make-real-fixtures.sh and fixtures/real/README.md. The outputs are committed, so the tests never
# need the tools. The hand-written *.lost.json files and README.md are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

SRC="${1:-../shared/real/edgar}"
OUT=fixtures/rendered
mkdir -p "$OUT/check"
# shellcheck source=html-to-text.sh
source "$(dirname "$0")/html-to-text.sh"
isolate_tools

# Filings with XML only (no EDGAR HTML stored): the fixtures proper.
STEMS=(form4.snow form3.snow.nonderiv form3.nosecurities VertexForm4.derivative-only candlechaser.form4.MVIS)
# Filings with both XML and EDGAR's HTML: rendered too, to compare with fixtures/real.
CHECK=(374WaterForm4 form3.snow form5.snow)


render_and_convert() { # dir stem
  local dir=$1 stem=$2
  node --import tsx test/tools/render-edgar-html.ts "$SRC/$stem.xml" >"$dir/$stem.html"
  for tool in "${TOOLS[@]}"; do
    convert "$tool" "$dir/$stem.html" >"$dir/$stem.$tool.txt"
  done
}

for stem in "${STEMS[@]}"; do
  render_and_convert "$OUT" "$stem"
  node --import tsx test/tools/xml-to-record.ts --rendered "$SRC/$stem.xml" >"$OUT/$stem.expected.json"
done
for stem in "${CHECK[@]}"; do
  render_and_convert "$OUT/check" "$stem"
done

tool_versions >"$OUT/TOOLS.txt"

echo "fixtures written to $OUT"
