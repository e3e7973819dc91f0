#!/usr/bin/env bash
# The one list of the Debian packages form345 needs, and the one place that installs them.
# `npm test` and `npm run main` run it first; when everything is there it prints nothing and takes
# a fraction of a second.
#
# Missing packages are installed with apt-get: directly as root, else through `sudo -n` when that
# works without a password, else it stops at once with one line naming the exact command to run.
#
# usage: bash scripts/setup.sh [--fixture-tools] [--dry-run]
#   --fixture-tools  also the HTML-to-text tools that regenerate fixtures/ (scripts/make-*-fixtures.sh)
#   --dry-run        say what is missing and print the commands it would run; run none of them
# environment:
#   FORM345_SKIP_NEOVIM=1  leave neovim out (the Neovim protocol test is then reported as opted out)
#   FORM345_SKIP_SETUP=1   check and install nothing (a machine whose packages are managed elsewhere)
#
# Exit status: 0 everything needed is installed (or would be, with --dry-run), 1 it is not, 2 usage.
# Only bash builtins and id, dpkg-query, sudo, env and apt-get are used, so a test can drive every
# decision with stand-ins for those on PATH.
set -uo pipefail

# What each package is for (kept beside the name so the list explains itself).
REQUIRED=(
  chromium           # headless browser: the VS Code and UI test layers, npm run main
  libkrb5-dev        # gssapi headers: code-server's native kerberos module builds against them
  neovim             # the independent LSP client of the protocol layer
  poppler-utils      # pdftotext: PDF fixtures and their regeneration
  tesseract-ocr      # OCR fixtures and their regeneration
  tesseract-ocr-eng  # tesseract's English data
)
FIXTURE_TOOLS=(w3m lynx pandoc html2text links elinks python3-html2text)

fixture_tools=0
dry_run=0
for arg in "$@"; do
  case "$arg" in
    --fixture-tools) fixture_tools=1 ;;
    --dry-run | --print) dry_run=1 ;;
    -h | --help)
      n=0
      while IFS= read -r l; do
        n=$((n + 1))
        if [ $n -ge 2 ] && [ $n -le 17 ]; then l=${l#\#}; printf '%s\n' "${l# }"; fi
      done <"$0"
      exit 0
      ;;
    *)
      echo "setup: unknown option '$arg' (--fixture-tools, --dry-run)" >&2
      exit 2
      ;;
  esac
done

if [ "${FORM345_SKIP_SETUP:-}" = 1 ]; then
  echo "setup: FORM345_SKIP_SETUP=1: system packages not checked"
  exit 0
fi

wanted=()
for p in "${REQUIRED[@]}"; do
  if [ "$p" = neovim ] && [ "${FORM345_SKIP_NEOVIM:-}" = 1 ]; then continue; fi
  wanted+=("$p")
done
if [ "$fixture_tools" = 1 ]; then wanted+=("${FIXTURE_TOOLS[@]}"); fi

# The wanted packages dpkg does not list as installed, in list order. One dpkg-query call for all.
missing_packages() {
  local status line name
  status=$(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null)
  local installed=" "
  while IFS= read -r line; do
    name=${line%% *}
    case "$line" in *" ok installed") installed+="$name " ;; esac
  done <<<"$status"
  local p
  for p in "${wanted[@]}"; do
    case "$installed" in *" $p "*) ;; *) printf '%s\n' "$p" ;; esac
  done
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: dpkg-query not found: this script installs Debian packages; install ${wanted[*]} by hand, then run again with FORM345_SKIP_SETUP=1" >&2
  exit 1
fi

mapfile -t missing < <(missing_packages)
if [ ${#missing[@]} -eq 0 ]; then
  if [ "$dry_run" = 1 ]; then echo "setup: nothing missing (${wanted[*]})"; fi
  exit 0
fi

# Who may install: root directly, else sudo when it needs no password, else nobody here.
if [ "$(id -u 2>/dev/null)" = 0 ]; then
  prefix=(env DEBIAN_FRONTEND=noninteractive)
  how="as root"
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  prefix=(sudo -n env DEBIAN_FRONTEND=noninteractive)
  how="with sudo -n"
else
  echo "setup: missing Debian packages: ${missing[*]}; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

update=("${prefix[@]}" apt-get update -qq)
install=("${prefix[@]}" apt-get install -y -qq "${missing[@]}")
if [ "$dry_run" = 1 ]; then
  echo "setup: missing: ${missing[*]}; would run ($how):"
  echo "  ${update[*]}"
  echo "  ${install[*]}"
  exit 0
fi

echo "setup: installing ${missing[*]} ($how)"
# A failed update (a mirror down) may still leave lists good enough to install from: go on.
"${update[@]}" || echo "setup: apt-get update failed (exit $?); installing from the package lists there are" >&2
out=$("${install[@]}" 2>&1)
code=$?
if [ $code -ne 0 ]; then
  mapfile -t lines <<<"$out"
  from=$((${#lines[@]} > 15 ? ${#lines[@]} - 15 : 0))
  printf '%s\n' "${lines[@]:from}" >&2
  echo "setup: '${install[*]}' failed (exit $code)" >&2
  exit 1
fi
mapfile -t still < <(missing_packages)
if [ ${#still[@]} -gt 0 ]; then
  echo "setup: apt-get reported success but dpkg does not list ${still[*]} as installed" >&2
  exit 1
fi
echo "setup: installed ${missing[*]}"
