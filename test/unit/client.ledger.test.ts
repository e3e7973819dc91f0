/**
 * The Ledger view's pure parts: the display model from a real ledger (generated series read back
 * from their text), the webview shell's Content-Security-Policy, and a script that builds the page
 * from text only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { buildLedger, ledgerCsv, ledgerFilings, ledgerJson } from '../../server/src/ledger';
import { ledgerShellHtml } from '../../client/src/ledger/html';
import { baseName, ledgerView } from '../../client/src/ledger/model';
import { generateSeries } from '../gen/series';

const ROOT = path.resolve(__dirname, '..', '..');

function viewOf(seed: string, breaks: number) {
  const s = generateSeries(seed, { breaks, prefix: 'file:///w/f' });
  const ledger = buildLedger(s.files.flatMap((f) => ledgerFilings(f.name, analyze(f.text, { today: new Date('2026-11-23') }))));
  const json = ledgerJson(ledger);
  return { s, view: ledgerView({ groups: json.groups, unplaced: json.unplaced, csv: ledgerCsv(ledger) }) };
}

test('ledger view: a chart and a table per position, breaks marked where the ledger found them', () => {
  const { s, view } = viewOf('view-1', 3);
  assert.equal(view.groups.length, 1);
  const g = view.groups[0]!;
  const rows = g.positions.flatMap((p) => p.rows);
  assert.equal(rows.filter((r) => r.status === 'break').length, s.breaks.length);
  assert.equal(g.breaks, s.breaks.length);
  for (const p of g.positions) {
    assert.equal(p.rows[0]!.status, 'opens');
    assert.equal(p.points.length, p.rows.length, 'every entry is a point and a row');
    for (const pt of p.points) {
      assert.ok(pt.x >= 0 && pt.x <= 1, `x ${pt.x}`);
      if (pt.y !== null) assert.ok(pt.y >= 0 && pt.y <= 1, `y ${pt.y}`);
      assert.ok(pt.line >= 1 && pt.uri.startsWith('file:///w/f'));
      assert.match(pt.label, /reported/);
    }
    // Points run forward in time.
    for (let i = 1; i < p.points.length; i++) assert.ok(p.points[i]!.x >= p.points[i - 1]!.x);
    assert.equal(p.points.filter((x) => x.isBreak).length, p.rows.filter((r) => r.status === 'break').length);
  }
  assert.match(g.profit, /^\$[\d,]+\.\d\d$/);
  assert.match(g.late, /late Form 4/);
  assert.match(view.summary, new RegExp(`1 owner/issuer group, ${s.breaks.length} break`));
});

test('ledger view: groups with breaks first, then with short-swing pairs', () => {
  const a = viewOf('order-a', 0);
  const b = viewOf('order-b', 2);
  const ledger = buildLedger([a, b].flatMap((x) => x.s.files.flatMap((f) => ledgerFilings(f.name, analyze(f.text, { today: new Date('2026-11-23') })))));
  const json = ledgerJson(ledger);
  const view = ledgerView({ groups: json.groups, unplaced: [], csv: '' });
  assert.equal(view.groups.length, 2);
  assert.equal(view.groups[0]!.breaks, 2);
  assert.equal(view.groups[1]!.breaks, 0);
});

test('ledger view: names from uris; an empty ledger says so', () => {
  assert.equal(baseName('file:///a/b/form%204.txt'), 'form 4.txt');
  assert.equal(baseName('file:///a/b/bad%E0.txt'), 'bad%E0.txt');
  assert.match(ledgerView({ groups: [], unplaced: [], csv: '' }).summary, /No filings/);
});

test('ledger shell: the preview\'s strict CSP with a nonce, nothing remote, no filing text', () => {
  const html = ledgerShellHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x.vscode-cdn.net/ledger.js', styleUri: 'https://x.vscode-cdn.net/ledger.css' });
  assert.match(html.replace(/&#39;/g, "'"), /Content-Security-Policy" content="default-src 'none'; style-src https:\/\/x\.vscode-cdn\.net 'nonce-abc123'; script-src 'nonce-abc123'/);
  assert.match(html, /<script nonce="abc123" src=/);
  assert.ok(!/https?:\/\/(?!x\.vscode-cdn\.net)/.test(html), 'no remote content');
  const script = readFileSync(path.join(ROOT, 'media', 'ledger.js'), 'utf8');
  assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/.test(script));
  assert.ok(!/setAttribute\(\s*['"]style/.test(script), 'no inline styles (the CSP forbids them)');
  const css = readFileSync(path.join(ROOT, 'media', 'ledger.css'), 'utf8');
  assert.ok(/forced-colors/.test(css) && /--vscode-charts-blue/.test(css), 'theme and contrast aware');
});
