// Publishing diagnostics from the converter's per-filing memory: after any edit (lines added or removed
// above filings, disable comments, filings appearing and disappearing, new rule levels) the bytes
// written must be exactly those of a fresh conversion; and the framing of the cached encoding must be
// read back by a real client, in process and from the real server over stdio.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { StreamMessageReader, type Message } from 'vscode-jsonrpc/node';
import type { ContentChange } from '../../server/src/analysis';
import { DiagnosticConverter, PublishedDiagnostics, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { DocumentStore, type DocumentSnapshot } from '../../server/src/lsp/documents';
import type { RuleLevels } from '../../server/src/lsp/settings';
import { PUBLISH_DIAGNOSTICS_METHOD, encodeMessage, streamWriter } from '../../server/src/lsp/transport';
import { LspClient, seeds, waitFor } from './harness';

const TODAY = new Date('2025-06-02T12:00:00Z');
const logger = { error: (m: string) => assert.fail(m), info: () => undefined };

function unit(): string {
  return seeds()
    .map((s) => s.text)
    .join('\n\n');
}

/** Line numbers of the filings' titles ("FORM 4" and the like) in `text`. */
function titleLines(text: string): number[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((l, i) => (/^\s*(?:#{1,6}\s*)?(?:SEC\s+)?FORM\s?[345](?:\/A)?\s*$/i.test(l) ? [i] : []));
}

function insertAt(line: number, text: string): ContentChange {
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, text };
}

function deleteLines(line: number, count: number): ContentChange {
  return { range: { start: { line, character: 0 }, end: { line: line + count, character: 0 } }, text: '' };
}

function notification(params: PublishedDiagnostics): Message {
  return { jsonrpc: '2.0', method: PUBLISH_DIAGNOSTICS_METHOD, params } as Message;
}

/** What JSON.stringify writes for a publish converted from scratch. */
function freshBytes(snap: DocumentSnapshot, levels: RuleLevels): string {
  const params = { uri: snap.uri, version: snap.version, diagnostics: toDiagnostics(snap, levels) };
  return JSON.stringify({ jsonrpc: '2.0', method: PUBLISH_DIAGNOSTICS_METHOD, params });
}

async function freshAnalysis(uri: string, text: string): Promise<DocumentSnapshot> {
  const store = new DocumentStore({ logger, debounceMs: 0, analyzeOptions: { today: TODAY } });
  store.open(uri, 'plaintext', 1, text);
  const snap = await store.snapshot(uri);
  store.dispose();
  assert.ok(snap);
  return snap;
}

describe('cached diagnostics publish', () => {
  test('after edits that move, add and remove lines, filings and disable comments: the bytes of a fresh conversion', async () => {
    const uri = 'file:///tmp/publish.txt';
    const store = new DocumentStore({ logger, debounceMs: 0, analyzeOptions: { today: TODAY } });
    const converter = new DiagnosticConverter();
    let levels: RuleLevels = {};
    const text = `${unit()}\n\n${unit()}\n`;
    store.open(uri, 'plaintext', 1, text);
    let version = 1;
    const titles = titleLines(text);
    assert.ok(titles.length >= 6, 'the document holds several filings');
    const [t0, t1, t2, t3] = titles as [number, number, number, number];
    const middle = Math.floor((t2 + t3) / 2);

    const check = async (what: string): Promise<PublishedDiagnostics> => {
      const snap = await store.snapshot(uri);
      assert.ok(snap, what);
      const published = converter.convert(snap, levels);
      const bytes = encodeMessage(notification(published)).toString('utf8');
      assert.equal(bytes, freshBytes(snap, levels), `${what}: cached publish differs from a fresh conversion`);
      assert.deepEqual(published.diagnostics, toDiagnostics(snap, levels), `${what}: diagnostics objects`);
      // ...and the analysis it came from is the one a fresh open of the same text gives.
      const fresh = await freshAnalysis(uri, store.document(uri)!.getText());
      assert.equal(bytes, freshBytes({ ...fresh, version: snap.version }, levels), `${what}: differs from a fresh open`);
      return published;
    };
    const edit = async (what: string, ...changes: ContentChange[]): Promise<PublishedDiagnostics> => {
      store.change(uri, ++version, changes);
      return check(what);
    };

    const first = await check('opened');
    assert.ok(first.count > 20);
    await edit('two lines added on top', insertAt(0, '\n\n'));
    await edit('a character typed in a filing', insertAt(middle + 2, 'x'));
    await edit('three lines added inside the third filing', insertAt(middle + 2, 'one\ntwo\nthree\n'));
    await edit('lines removed above the second filing', deleteLines(t1 - 3, 3));
    await edit('the three lines removed again', deleteLines(middle - 1, 3));
    await edit('file-wide disable comment on top', insertAt(0, 'form345-disable missing-price, late-filing\n'));
    await edit('the disable comment removed', deleteLines(0, 1));
    const before = await edit('a bare next-line disable inside the second filing', insertAt(t1, 'form345-disable-next-line\n'));
    await edit('the first filing loses its title line', deleteLines(t0 + 2, 1));
    await edit('the title back', insertAt(t0 + 2, 'FORM 4\n'));
    await edit('CRLF lines pasted between filings', insertAt(t2, 'pasted\r\nlines\r\n\r\n'));

    levels = { 'missing-price': 'off', 'late-filing': 'hint', 'unused-footnote': 'error' };
    await check('new rule levels');
    levels = { ...levels, 'late-filing': 'error' };
    const afterLevels = await check('levels changed again');
    assert.notEqual(afterLevels.count, 0);
    assert.ok(before.count > 0);
    store.dispose();
  });

  test('an edit inside one filing reuses the diagnostics of the others', async () => {
    const uri = 'file:///tmp/reuse.txt';
    const store = new DocumentStore({ logger, debounceMs: 0, analyzeOptions: { today: TODAY } });
    const converter = new DiagnosticConverter();
    const levels: RuleLevels = {};
    const text = `${unit()}\n\n${unit()}\n`;
    store.open(uri, 'plaintext', 1, text);
    const a = converter.convert((await store.snapshot(uri))!, levels).diagnostics;
    const titles = titleLines(text);
    const edited = titles[2]! + 3;
    store.change(uri, 2, [insertAt(edited, 'x')]);
    const b = converter.convert((await store.snapshot(uri))!, levels).diagnostics;
    assert.equal(a.length, b.length);
    const outside = b.filter((d) => d.range.start.line < titles[2]! || d.range.start.line >= titles[3]!);
    assert.ok(outside.length > 0);
    for (const d of outside) assert.ok(a.includes(d), `diagnostic at line ${d.range.start.line} was converted again`);
    store.dispose();
  });

  test('the cached encoding is framed and read back by a vscode-jsonrpc reader, multi-byte text included', async () => {
    const uri = 'file:///tmp/Ωμέγα café.txt';
    const snap = await freshAnalysis(uri, unit()); // seed 000 has an OCR finding quoting 'Γransaction'
    const published = new DiagnosticConverter().convert(snap, {});
    assert.ok(published.diagnostics.some((d) => typeof d.message === 'string' && /[^\x00-\x7f]/.test(d.message)), 'a message with non-ASCII text');
    const pipe = new PassThrough();
    const writer = streamWriter(pipe);
    const reader = new StreamMessageReader(pipe);
    const received: unknown[] = [];
    reader.listen((m) => received.push(m));
    const messages: Message[] = [
      notification(published),
      { jsonrpc: '2.0', id: 1, result: { text: 'plain path: ünïcödé' } } as Message,
      notification(new DiagnosticConverter().convert(snap, { 'ocr-text': 'off' })),
    ];
    for (const m of messages) await writer.write(m);
    await waitFor('three messages read back', () => (received.length === 3 ? true : undefined), 5000);
    assert.deepEqual(received, JSON.parse(JSON.stringify(messages)));
    for (const m of messages) assert.deepEqual(encodeMessage(m), Buffer.from(JSON.stringify(m), 'utf8'));
    reader.dispose();
    writer.dispose();
  });
});

describe('cached diagnostics publish, real server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('diagnostics after line-inserting edits equal those of a fresh open of the same text', async () => {
    const edited = 'file:///tmp/edited Ω.txt';
    const fresh = 'file:///tmp/fresh Ω.txt';
    let text = `${unit()}\n\n${unit()}\n`;
    await client.open(edited, text);
    await client.diagnosticsFor(edited, 1);
    const titles = titleLines(text);
    const edits: ContentChange[][] = [
      [insertAt(0, '\n\n\n')],
      [insertAt(titles[1]! + 3, 'a line typed in\n')],
      [deleteLines(titles[2]! + 1, 2)],
      [insertAt(titles[3]!, 'form345-disable-next-line\n'), insertAt(0, 'top\n')],
    ];
    let version = 1;
    for (const changes of edits) {
      await client.change(edited, ++version, changes);
      text = applyChanges(text, changes);
      // Wait for each publish, so every edit goes through the converter's memory.
      await client.diagnosticsFor(edited, version);
    }
    const mine = await client.diagnosticsFor(edited, version);
    await client.open(fresh, text);
    const theirs = await client.diagnosticsFor(fresh, 1);
    assert.ok(mine.length > 20);
    assert.deepEqual(mine, theirs);
    assert.ok(client.alive);
  });
});

/** Applies LSP content changes in order to a string (LF text only, as the test builds it). */
function applyChanges(text: string, changes: readonly ContentChange[]): string {
  for (const c of changes) {
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }): number =>
      lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    text = text.slice(0, offset(c.range!.start)) + c.text + text.slice(offset(c.range!.end));
  }
  return text;
}
