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

echo "== unit tests (parser, model, rules, CLI, client modules, fuzz)"
npm run --silent test:unit

echo "== protocol tests (the real server over stdio; Neovim as an independent client)"
npm run --silent test:protocol

echo "== VS Code extension-host suite (VS Code server of code-server, headless Chromium)"
npm run --silent test:vscode

echo "== UI end to end (packaged .vsix in code-server, Playwright; screenshots in test-results/ui)"
npm run --silent test:ui
