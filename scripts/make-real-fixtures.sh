#!/usr/bin/env bash
# Regenerates fixtures/real/: the EDGAR HTML renderings of ../shared/real/edgar converted to text by each
# HTML-to-text tool, the truth records from the matching XML, and the multi-filing documents.
#
#   bash scripts/make-real-fixtures.sh [EDGAR_DIR]
#
# Needs w3m, lynx, pandoc and html2text (Debian's 1.3.2a) on PATH. The outputs are committed, so the tests
# never need the tools. The hand-written *.lost.json files and README.md are not touched.
# Tool versions the committed files were made with are recorded in fixtures/real/TOOLS.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

SRC="${1:-../shared/real/edgar}"
OUT=fixtures/real
mkdir -p "$OUT"
# shellcheck source=html-to-text.sh
source "$(dirname "$0")/html-to-text.sh"
isolate_tools

STEMS=(374WaterForm4 form3.snow form5.snow form4.Evans form3.BAMPartners)

# stem → XML that holds the truth (EDGAR's own XML, or the hand transcription of the HTML).
truth_xml() {
  case "$1" in
    form4.Evans | form3.BAMPartners) echo "$SRC/$1.fromhtml.xml" ;;
    *) echo "$SRC/$1.xml" ;;
  esac
}


for stem in "${STEMS[@]}"; do
  html="$SRC/$stem.html"
  for tool in "${TOOLS[@]}"; do
    convert "$tool" "$html" >"$OUT/$stem.$tool.txt"
  done
  node --import tsx test/tools/xml-to-record.ts --rendered "$(truth_xml "$stem")" >"$OUT/$stem.expected.json"
done

# Multi-filing documents: conversions of different filings back to back (no separator beyond each
# tool's own trailing newline), with one truth record per line, in the same order, in NAME.expected.jsonl.
#   multi.w3m.txt                          374WaterForm4, form3.snow, form5.snow (w3m -cols 160)
#   multi5.lynx.txt, multi5.html2text.txt  all five filings, Evans first, BAM (10 owners) in the middle
make_multi() { # name tool stem...
  local name=$1 tool=$2
  shift 2
  : >"$OUT/$name.$tool.txt"
  for stem in "$@"; do cat "$OUT/$stem.$tool.txt" >>"$OUT/$name.$tool.txt"; done
}
make_truth_jsonl() { # name stem...
  local name=$1
  shift
  : >"$OUT/$name.expected.jsonl"
  for stem in "$@"; do
    node --import tsx test/tools/xml-to-record.ts --rendered --jsonl "$(truth_xml "$stem")" >>"$OUT/$name.expected.jsonl"
  done
}
MULTI=(374WaterForm4 form3.snow form5.snow)
make_multi multi w3m "${MULTI[@]}"
make_truth_jsonl multi "${MULTI[@]}"
MULTI5=(form4.Evans 374WaterForm4 form3.BAMPartners form5.snow form3.snow)
make_multi multi5 lynx "${MULTI5[@]}"
make_multi multi5 html2text "${MULTI5[@]}"
make_truth_jsonl multi5 "${MULTI5[@]}"

tool_versions >"$OUT/TOOLS.txt"

echo "fixtures written to $OUT"
