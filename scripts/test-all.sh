#!/usr/bin/env bash
# `npm test`: sets up what is missing, then runs every test layer in order.
# Each layer fails loudly; nothing is skipped silently.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm dependencies"
  npm ci --no-audit --no-fund
fi

echo "== typecheck"
npx tsc -p . --noEmit

echo "== build"
node esbuild.mjs

echo "== unit tests"
npm run --silent test:unit
