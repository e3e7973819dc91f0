// Protocol: what a client without pulled diagnostics (Neovim) receives per keystroke on a 1 MB
// document of OCR'd filings. A large list is pushed only when it changed (most keystrokes change
// none), and `form345/recordsChanged` follows each version's diagnostics, so the client knows the
// version is settled; the list the client holds is always the current text's.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { DiagnosticConverter } from '../../server/src/lsp/diagnostics';
import { LineDocument } from '../../server/src/lsp/lineDocument';
import { RESEND_BYTES } from '../../server/src/lsp/publish';
import { generateDocument } from '../gen';
import { LspClient, waitFor, type Diagnostic } from './harness';

const clients: LspClient[] = [];
after(async () => {
  for (const c of clients) {
    assert.ok(c.alive, c.stderr);
    await c.stop();
  }
});

/** Generated filings of every layout with OCR damage, up to 1 MB. */
function oneMegabyte(): string {
  let n = 120;
  let text = generateDocument('push-bytes', n, { noise: 2, layout: 'mixed' }).text;
  while (text.length < 1024 * 1024) text = generateDocument('push-bytes', (n = Math.ceil((n * 1024 * 1024) / text.length) + 1), { noise: 2, layout: 'mixed' }).text;
  return text;
}

/** The diagnostics a fresh open of `text` publishes (the harness's date and default levels). */
function expected(text: string): Diagnostic[] {
  const result = analyze(text, { today: new Date('2025-06-02T12:00:00Z') });
  const uri = 'file:///push/fresh.txt';
  const snapshot = { uri, version: 0, languageId: 'plaintext', document: new LineDocument(uri, 'plaintext', 0, text), result, declined: false };
  return (JSON.parse(JSON.stringify(new DiagnosticConverter().convert(snapshot, {}))) as { diagnostics: Diagnostic[] }).diagnostics;
}

test('1 MB pushed: a list the client holds is not sent again; at most 100 KB a keystroke; the held list stays the current one', async () => {
  const c = await LspClient.start();
  clients.push(c);
  let received = 0;
  c.proc.stdout.on('data', (d: Buffer) => (received += d.length));
  const uri = 'file:///push/big.txt';
  let text = oneMegabyte();
  await c.open(uri, text);
  const opened = await c.diagnosticsFor(uri, 1, 60_000);
  assert.ok(Buffer.byteLength(JSON.stringify(opened)) >= RESEND_BYTES, 'the list is large enough to be sent only when it changes');
  const settled = (version: number) => waitFor(`version ${version} settled`, () => c.recordsChanged.some((r) => r.uri === uri && r.version === version) || undefined, 30_000);
  await settled(1);

  const lines = text.split('\n');
  let version = 1;
  const edit = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string) => {
    version++;
    const before = received;
    await c.change(uri, version, [{ range, text: newText }]);
    await settled(version);
    // Lines are split on \n only: the generated text has no other breaks.
    const all = text.split('\n');
    const head = all.slice(0, range.start.line).join('\n') + (range.start.line ? '\n' : '') + all[range.start.line]!.slice(0, range.start.character);
    const tailLines = all.slice(range.end.line);
    tailLines[0] = tailLines[0]!.slice(range.end.character);
    text = head + newText + tailLines.join('\n');
    return received - before;
  };

  // Typing a letter and taking it back, at places spread over the document.
  const bytes: number[] = [];
  let sentAgain = 0;
  for (let k = 0; k < 16; k++) {
    const line = Math.floor(((k * 0.618034) % 1) * lines.length);
    const at = { line, character: Math.min(3, lines[line]!.length) };
    const count = c.published.get(uri)!.count;
    bytes.push(await edit({ start: at, end: at }, 'x'));
    bytes.push(await edit({ start: at, end: { line, character: at.character + 1 } }, ''));
    sentAgain += c.published.get(uri)!.count - count;
  }
  const mean = bytes.reduce((a, b) => a + b, 0) / bytes.length;
  assert.ok(mean <= 100 * 1024, `${(mean / 1024).toFixed(1)} KB received per keystroke`);
  assert.ok(sentAgain < bytes.length, `a list sent after each of ${bytes.length} keystrokes (${sentAgain} publishes)`);
  assert.deepEqual(c.published.get(uri)!.diagnostics, expected(text), 'after typing, the held list is the current text\'s');

  // A keystroke that changes the list (a damaged line removed, then put back) is pushed at once.
  const damaged = opened.find((d) => d.code === 'ocr-text')!;
  const removedLine = lines[damaged.range.start.line]!;
  const count = c.published.get(uri)!.count;
  await edit({ start: { line: damaged.range.start.line, character: 0 }, end: { line: damaged.range.start.line + 1, character: 0 } }, '');
  assert.equal(c.published.get(uri)!.count, count + 1, 'the changed list was pushed');
  assert.equal(c.published.get(uri)!.version, version);
  assert.deepEqual(c.published.get(uri)!.diagnostics, expected(text), 'the pushed list is the current text\'s');
  await edit({ start: { line: damaged.range.start.line, character: 0 }, end: { line: damaged.range.start.line, character: 0 } }, `${removedLine}\n`);
  assert.equal(c.published.get(uri)!.count, count + 2);
  assert.deepEqual(c.published.get(uri)!.diagnostics, opened, 'back to the text as opened, back to its list');
});

test('a small list is pushed with every version, changed or not', async () => {
  const c = await LspClient.start();
  clients.push(c);
  const uri = 'file:///push/small.txt';
  const text = generateDocument('push-small', 1, { noise: 2, layout: 'mixed' }).text;
  await c.open(uri, text);
  const opened = await c.diagnosticsFor(uri, 1);
  assert.ok(Buffer.byteLength(JSON.stringify(opened)) < RESEND_BYTES);
  const at = { line: 0, character: 0 };
  await c.change(uri, 2, [{ range: { start: at, end: at }, text: ' ' }]);
  await c.change(uri, 3, [{ range: { start: at, end: { line: 0, character: 1 } }, text: '' }]);
  assert.deepEqual(await c.diagnosticsFor(uri, 3), opened);
});
