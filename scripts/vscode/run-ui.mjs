#!/usr/bin/env node
// `npm run test:ui`: the extension end to end, as a person uses it. Packages the .vsix, installs it into
// a fresh code-server, opens the workspace (fixtures/ + seed copies) in headless Debian Chromium and
// drives the workbench with the keyboard and mouse: open a seed, hover a transaction code, Ctrl+click a
// footnote reference, open Problems, apply a quick fix from the lightbulb, open the preview, read and
// click a record. Every step leaves a screenshot in test-results/ui/. Any failed step fails the run.
//
// Options: --vsix FILE (skip packaging), --timeout SECONDS (hard limit, default 480), --headed-debug
// (keeps the browser's console in our output).
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SEEDS, CHROMIUM, CHROMIUM_ARGS, ROOT, die, freePort, isolatedEnv, log, makeRunDir, makeWorkspace, pruneRuns, runResources, useRunTmp } from './lib.mjs';
import { installVsix, startCodeServer, workbenchUrl } from './code-server.mjs';
import { packageExtension } from './package.mjs';

const TAG = 'test:ui';
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const hardTimeoutMs = Number(opt('--timeout') ?? 480) * 1000;
const SHOTS = join(ROOT, 'test-results', 'ui');
/** How long anything that needs the language server may take from cold on a busy 2-core machine. */
const SERVER_DEADLINE = 45_000;

const started = Date.now();
const hardTimer = setTimeout(() => {
  console.error(`[${TAG}] FAILED: hard timeout after ${hardTimeoutMs / 1000} s`);
  resources.cleanup().finally(() => process.exit(1));
}, hardTimeoutMs);
hardTimer.unref();

// --- what the steps look for, computed from the seed texts so line/column numbers never drift ---
function seedFile(prefix) {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(`${prefix}_`) && n.endsWith('.txt'));
  if (!name) die(TAG, `seed ${prefix}_*.txt missing in ${SEEDS}`);
  return { name, lines: readFileSync(join(SEEDS, name), 'utf8').split(/\r?\n/) };
}
/** Where `needle`+offset sits in the first line containing `lineNeedle`: 1-based line, 0-based character. */
function locate(seed, lineNeedle, needle = lineNeedle, offset = 0) {
  const i = seed.lines.findIndex((l) => l.includes(lineNeedle));
  if (i < 0) die(TAG, `${JSON.stringify(lineNeedle)} not found in ${seed.name}`);
  return { line: i + 1, char: seed.lines[i].indexOf(needle) + offset, text: seed.lines[i] };
}
/** Go to Line and the status bar count columns visually (tabs expanded), so convert. */
function visualColumn(text, char, tabSize) {
  let col = 0;
  for (let k = 0; k < char; k++) col = text[k] === '\t' ? col + tabSize - (col % tabSize) : col + 1;
  return col + 1;
}
const seed000 = seedFile('000');
const seed001 = seedFile('001');
const seed003 = seedFile('003');
const codeP = locate(seed001, '11/14/2017\t\tP\t', '\t\tP\t', 2);
const footnoteRef = locate(seed003, 'Stock Option (Right to Buy)\t(1)', '\t(1)', 2);
const footnoteDef = locate(seed003, '**(1)** The option becomes');
const unusedFootnote = locate(seed000, '25% of these options vest', '(1)', 1);

// --- set up: package, install, start ---
const resources = runResources();

pruneRuns();
const runDir = makeRunDir('ui');
useRunTmp(runDir);
const given = opt('--vsix');
const vsix = given ? resolve(given) : await packageExtension({ out: join(runDir, 'form345.vsix') });
const workspace = makeWorkspace(join(runDir, 'workspace'));
rmSync(SHOTS, { recursive: true, force: true });
mkdirSync(SHOTS, { recursive: true });

let page;
const results = [];
let shotNo = 0;

async function shot(name) {
  const file = join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch((e) => log(TAG, `screenshot ${name} failed: ${e.message}`));
  return file;
}

/** One user-visible step: timed, screenshotted, and recorded; a failure does not stop later steps. */
async function step(name, fn, { required = false } = {}) {
  const t = Date.now();
  log(TAG, `▶ ${name}`);
  try {
    const detail = await fn();
    await shot(name);
    results.push({ name, ok: true, ms: Date.now() - t, detail });
    log(TAG, `✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`);
  } catch (e) {
    const file = await shot(`${name}-FAILED`);
    const msg = String(e?.message ?? e).split('\n')[0];
    results.push({ name, ok: false, ms: Date.now() - t, detail: msg });
    log(TAG, `✘ ${name}: ${msg} (screenshot ${file})`);
    if (required) throw new Error(`required step '${name}' failed: ${msg}`);
  }
}

/** Polls `probe` until it returns a truthy value; `what` names the wait in the error. */
async function poll(what, probe, timeoutMs = SERVER_DEADLINE) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${String(last.message ?? last).split('\n')[0]})` : ''}`);
    await page.waitForTimeout(200);
  }
}

// --- what a person does, in workbench terms ---
/**
 * Opens the quick input with `key`, enters `text` and waits for a row matching `row` (if given) before
 * Enter. Keys typed before the widget has focus would land in the editor, so wait for focus and set
 * the value in one go; retry the whole gesture if the list never shows the row.
 */
async function quickInput(key, text, row) {
  const input = page.locator('.quick-input-widget input');
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press(key);
      await page.locator('.quick-input-widget input:focus').waitFor({ timeout: 10_000 });
      await input.fill(text);
      // The focused row is what Enter picks; until the list has filtered, it can still be a
      // recently opened file from before the text was entered.
      if (row) await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: row }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

async function quickOpen(fileName) {
  await quickInput('Control+P', fileName, fileName);
  await page.locator('.tab.active').filter({ hasText: fileName }).first().waitFor({ timeout: 20_000 });
}

async function languageMode() {
  return (await page.locator('[id="status.editor.mode"]').innerText({ timeout: 2000 })).trim();
}

async function waitForFilingMode(fileName) {
  return poll(`${fileName} to switch to the Form 345 language (status bar)`, async () => /form ?345/i.test(await languageMode()) && languageMode(), 30_000);
}

/** Cursor position from the status bar ("Ln 23, Col 27"); needs a focused text editor. */
async function cursorLine() {
  const text = await page.locator('[id="status.editor.selection"]').innerText({ timeout: 2000 });
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), col: Number(m[2]), text: text.trim() } : undefined;
}

async function tabSize() {
  const text = await page.locator('[id="status.editor.indentation"]').innerText({ timeout: 2000 }).catch(() => '');
  const m = /(?:Tab Size|Spaces):\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : 4;
}

/** Ctrl+G to a place from locate() (or {line, col} with a visual column); checks the status bar agrees. */
async function goTo(where) {
  const col = where.col ?? visualColumn(where.text, where.char, await tabSize());
  // Go to Line's input starts with ':'; fill replaces it, so keep it.
  await quickInput('Control+G', `:${where.line}:${col}`);
  await poll(`the cursor at Ln ${where.line}, Col ${col}`, async () => {
    const c = await cursorLine();
    return c?.line === where.line && c.col === col;
  }, 10_000);
}

/** Screen point in the middle of the character right after the cursor in the active editor. */
async function pointAfterCursor() {
  const box = await poll(
    'the editor cursor to be laid out',
    () => page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first().boundingBox(),
    10_000,
  );
  return { x: box.x + 4, y: box.y + box.height / 2 };
}

async function runCommand(title) {
  // The command palette's input starts with '>' (commands mode).
  await quickInput('F1', `>${title}`, title);
}

async function problemsText() {
  return page.locator('.markers-panel').first().innerText({ timeout: 2000 });
}

const count = (text, word) => text.split(word).length - 1;

let exitCode = 0;
try {
  await installVsix(TAG, runDir, vsix);
  const port = await freePort();
  resources.server = await startCodeServer(TAG, { runDir, port, workspace });
  const { chromium } = await import('playwright-core');
  const env = isolatedEnv(runDir);
  const browser = (resources.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env, timeout: 60_000 }));
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => log(TAG, `page error: ${e.message}`));
  if (argv.includes('--headed-debug')) page.on('console', (m) => log(TAG, `console.${m.type()}: ${m.text()}`));

  await step(
    'workbench',
    async () => {
      await page.goto(workbenchUrl(port, workspace), { timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'seeds' }).first().waitFor({ timeout: 60_000 });
      return 'explorer shows the workspace';
    },
    { required: true },
  );

  await step(
    'open-seed-001',
    async () => {
      await quickOpen(seed001.name);
      return `language: ${await waitForFilingMode(seed001.name)}`;
    },
    { required: true },
  );

  await step('hover-transaction-code', async () => {
    await goTo(codeP);
    const at = await pointAfterCursor();
    const hover = page.locator('.monaco-hover:visible').first();
    // The first hover can come before the server answers; wiggle the mouse off and back until it does.
    const text = await poll("a hover mentioning 'purchase' over the P code", async () => {
      await page.mouse.move(at.x, at.y - 120);
      await page.mouse.move(at.x, at.y);
      try {
        await hover.waitFor({ timeout: 3000 });
      } catch {
        return undefined;
      }
      const t = await hover.innerText();
      return /purchase/i.test(t) && t;
    });
    const flat = text.replace(/\s+/g, ' ');
    const from = Math.max(0, flat.search(/purchase/i) - 60);
    return JSON.stringify(flat.slice(from, from + 140));
  });

  await step('ctrl-click-footnote', async () => {
    await page.mouse.move(5, 5);
    await quickOpen(seed003.name);
    await waitForFilingMode(seed003.name);
    const landed = await poll(`Ctrl+click on (1) to land on line ${footnoteDef.line}`, async () => {
      await goTo(footnoteRef);
      const at = await pointAfterCursor();
      await page.keyboard.down('Control');
      try {
        await page.mouse.move(at.x, at.y - 40);
        await page.mouse.move(at.x, at.y);
        // Monaco underlines the reference once the definition provider answered; then the click navigates.
        await page.locator('.editor-group-container.active .goto-definition-link').first().waitFor({ timeout: 3000 }).catch(() => {});
        await page.mouse.click(at.x, at.y);
      } finally {
        await page.keyboard.up('Control');
      }
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const c = await cursorLine();
        if (c?.line === footnoteDef.line) return c.text;
        await page.waitForTimeout(150);
      }
      return undefined;
    });
    const lineText = await page.locator('.editor-group-container.active .view-line').filter({ hasText: 'The option becomes' }).first().innerText();
    return `${landed}: ${JSON.stringify(lineText.slice(0, 50))}`;
  });

  await step('problems-panel', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 10_000 });
    const text = await poll('form345 problems listed in the Problems panel', async () => {
      const t = await problemsText();
      return /ocr-text|unused-footnote|undefined-footnote|late-filing|missing-/.test(t) && t;
    });
    const codes = [...new Set(text.match(/\b[a-z]+(?:-[a-z0-9]+)+\b/g) ?? [])].slice(0, 8);
    return `codes seen: ${codes.join(', ')}`;
  });

  await step('quick-fix-lightbulb', async () => {
    await quickOpen(seed000.name);
    await waitForFilingMode(seed000.name);
    const before = await poll("seed 000's unused-footnote problems", async () => {
      const n = count(await problemsText(), 'unused-footnote');
      return n > 0 && n;
    });
    await goTo(unusedFootnote);
    const menu = page.locator('.action-widget:visible').first();
    const items = await poll('the quick fix menu (Ctrl+.)', async () => {
      await page.keyboard.press('Control+.');
      await menu.waitFor({ timeout: 3000 });
      const rows = await menu.locator('.monaco-list-row.action').allInnerTexts();
      if (rows.length === 0) await page.keyboard.press('Escape');
      return rows.length > 0 && rows;
    });
    await shot('quick-fix-menu');
    const wanted = items.findIndex((t) => /remove|delete/i.test(t));
    const choice = wanted >= 0 ? wanted : 0;
    await menu.locator('.monaco-list-row.action').nth(choice).click();
    await poll(`unused-footnote problems to drop below ${before}`, async () => count(await problemsText(), 'unused-footnote') < before);
    return `applied ${JSON.stringify(items[choice])} (menu: ${items.map((t) => JSON.stringify(t)).join(', ')})`;
  });

  const webview = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
  let record;
  await step('preview-record', async () => {
    await quickOpen(seed001.name);
    await waitForFilingMode(seed001.name);
    await runCommand('Form 345: Open Preview to the Side');
    await page.locator('iframe.webview.ready').first().waitFor({ timeout: 30_000 });
    // A record of Table I: the 2,000-share purchase of 11/14/2017.
    record = webview.locator('tr, [role="row"], li, [data-pointer]').filter({ hasText: /2,000|2000/ }).first();
    await record.waitFor({ timeout: SERVER_DEADLINE });
    const text = (await record.innerText()).replace(/\s+/g, ' ');
    if (!/2,000|2000/.test(text)) throw new Error(`record text ${JSON.stringify(text)}`);
    return JSON.stringify(text.slice(0, 140));
  });

  await step('preview-click-selects-source', async () => {
    if (!record) throw new Error('no record from the previous step');
    // Put the editor's cursor somewhere else first, so a move is visible.
    await page.keyboard.press('Control+1');
    await goTo({ line: 1, col: 1 });
    await record.click();
    const row = codeP.line;
    // The text editor's active line number moves to the record's source line (whatever has focus).
    const active = page.locator('.editor-group-container').first().locator('.line-numbers.active-line-number');
    await poll(`the editor's active line to become ${row}`, async () => (await active.allInnerTexts()).some((t) => Number(t.trim()) === row), 15_000);
    await page.keyboard.press('Control+1');
    const c = await poll('the status bar to show the selection', cursorLine, 5000);
    if (c.line !== row) throw new Error(`editor selection at ${c.text}, expected line ${row}`);
    return c.text;
  });

  await step('preview-high-contrast', async () => {
    // The theme picker (Ctrl+K Ctrl+T from the editor; the palette would rank "Browse Color Themes" first).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    const input = page.locator('.quick-input-widget input:focus');
    await input.waitFor({ timeout: 10_000 });
    await input.fill('Dark High Contrast');
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Dark High Contrast' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The webview takes the theme's class and colors; table borders must be the contrast border.
    await poll('the preview to take the high contrast theme', async () => /vscode-high-contrast/.test((await webview.locator('body').getAttribute('class')) ?? ''), 15_000);
    const cell = webview.locator('td').first();
    const [border, contrast] = await poll('a preview table cell', () =>
      cell.evaluate((el) => [getComputedStyle(el).borderTopColor, getComputedStyle(document.body).getPropertyValue('--vscode-contrastBorder').trim()]),
    );
    const rgb = (hex) => {
      const h = hex.replace('#', '');
      const n = (i) => parseInt(h.length === 3 ? h[i] + h[i] : h.slice(2 * i, 2 * i + 2), 16);
      return `rgb(${n(0)}, ${n(1)}, ${n(2)})`;
    };
    if (!contrast || border !== rgb(contrast)) throw new Error(`cell border ${border}, theme contrast border ${contrast}`);
    await shot('preview-high-contrast');
    return `cell border ${border} = contrast border ${contrast}`;
  });

  await step('ledger-view', async () => {
    // The holdings ledger of the workspace: a chart per position, pairs, counts; a point opens its row.
    await page.keyboard.press('Escape');
    await runCommand('Form 345: Open Ledger');
    // The preview may be open too: the Ledger is the webview that holds charts.
    const ledgerFrame = await poll('the Ledger webview with its charts', async () => {
      for (let i = 0; i < (await page.locator('iframe.webview.ready').count()); i++) {
        const f = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
        if ((await f.locator('svg.chart').count().catch(() => 0)) > 0) return f;
      }
      return undefined;
    });
    const groups = await ledgerFrame.locator('section.group h2').count();
    const charts = await ledgerFrame.locator('svg.chart').count();
    const tables = await ledgerFrame.locator('table.entries').count();
    if (!groups || charts !== tables) throw new Error(`${groups} groups, ${charts} charts, ${tables} tables`);
    const point = ledgerFrame.locator('circle.point.tx').first();
    const label = (await point.getAttribute('aria-label')) ?? '';
    const file = /— (.+):(\d+)$/.exec(label);
    if (!file) throw new Error(`point label ${JSON.stringify(label)}`);
    await shot('ledger-view');
    await point.click();
    await poll(`the editor to open ${file[1]}`, async () => (await page.locator('.tabs-container .tab.active').filter({ hasText: file[1] }).count()) > 0 || undefined, 15_000);
    await shot('ledger-click-opens-row');
    return `${groups} owner/issuer groups, ${charts} charts; clicked ${JSON.stringify(label.slice(0, 90))}`;
  });
} catch (e) {
  log(TAG, `error: ${e?.message ?? e}`);
  exitCode = 1;
} finally {
  await resources.cleanup();
}

const failed = results.filter((r) => !r.ok);
console.log(`\n[${TAG}] steps (screenshots in ${SHOTS}):`);
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(30)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${r.detail ?? ''}`);
const secs = ((Date.now() - started) / 1000).toFixed(1);
if (exitCode !== 0 || failed.length > 0 || results.length === 0) {
  console.error(`[${TAG}] FAILED: ${failed.length || 'setup'} step(s) failed after ${secs} s (code-server log: ${join(runDir, 'code-server.log')})`);
  process.exit(1);
}
log(TAG, `all ${results.length} steps passed in ${secs} s`);
process.exit(0);
