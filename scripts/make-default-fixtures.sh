#!/usr/bin/env bash
# Regenerates fixtures/defaults/: the ten real filings of fixtures/real (EDGAR's HTML) and
# fixtures/rendered (XML-only filings rendered as EDGAR's HTML) converted by the HTML-to-text
# tools as people run them by default (80 columns, pandoc's 72, GitHub markdown, Python html2text).
# Truths are those of fixtures/real and fixtures/rendered. Needs w3m, lynx, pandoc and
# python3-html2text (html2markdown), links and elinks on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC="${1:-../shared/real/edgar}"
OUT=fixtures/defaults
mkdir -p "$OUT"
# shellcheck source=html-to-text.sh
source "$(dirname "$0")/html-to-text.sh"
isolate_tools

pages=("$SRC"/374WaterForm4.html "$SRC"/form3.snow.html "$SRC"/form5.snow.html "$SRC"/form4.Evans.html "$SRC"/form3.BAMPartners.html fixtures/rendered/*.html)
for html in "${pages[@]}"; do
  stem=$(basename "$html" .html)
  for tool in "${DEFAULT_TOOLS[@]}"; do
    convert_default "$tool" "$html" >"$OUT/$stem.$tool.txt"
  done
done
{
  tool_versions
  echo "html2markdown (Python html2text) $(html2markdown --version 2>&1 | sed -n 1p)"
  links -version 2>&1 | sed -n 1p
  elinks -version 2>&1 | sed -n 1p
} >"$OUT/TOOLS.txt"
echo "fixtures written to $OUT"
