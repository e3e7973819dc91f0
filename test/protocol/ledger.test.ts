/**
 * The workspace ledger through the real server over stdio: a folder of one owner's filings, a
 * balance that does not follow from the previous filing (listed by `form345/ledger`; `ledger-break`
 * on the file once open, with the quick fix that writes the expected figure), the hover on a balance
 * with its link, `short-swing` information on matched rows, and file watching (a file fixed on
 * disk clears its break; unchanged files are not read again).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/analysis';
import { WorkspaceLedger } from '../../server/src/lsp/ledger';
import { generateSeries, type Series } from '../gen/series';
import { applyEdits, hoverText, LspClient, waitFor } from './harness';

import { tempDir } from '../support/temp';

/**
 * A series whose one injected break is the first row of its position in its filing: the previous
 * entry is in another filing (and at least `minIndex` filings come before the break's).
 */
function seriesWithCrossFilingBreak(minIndex = 0): Series {
  for (let i = 0; ; i++) {
    const s = generateSeries(`lsp-ledger-${i}`, { breaks: 1, layouts: ['tabbed', 'fixed-width', 'pipe', 'markdown'] });
    const b = s.breaks[0]!;
    if (s.files.findIndex((f) => f.name === b.file) < minIndex) continue;
    const rows = s.files.find((f) => f.name === b.file)!.record.nonDerivative;
    const r = rows[b.row]!;
    const earlier = rows.slice(0, b.row).some((x) => x.securityTitle === r.securityTitle && x.directOrIndirect === r.directOrIndirect && x.natureOfOwnership === r.natureOfOwnership);
    if (!earlier && s.files.some((f) => f.record.nonDerivative.some((x) => x.transactionCode === 'S'))) return s;
  }
}

function writeFolder(s: Series): string {
  const dir = tempDir('form345-ws-');
  for (const f of s.files) writeFileSync(path.join(dir, f.name), f.text);
  return dir;
}

test('workspace ledger over LSP: a break listed before the file is opened, quick fix when open, hover, short swing, watched files', async () => {
  const s = seriesWithCrossFilingBreak();
  const dir = writeFolder(s);
  const b = s.breaks[0]!;
  const uri = pathToFileURL(path.join(dir, b.file)).toString();
  const client = await LspClient.start({ ledgerFolder: dir });
  try {
    await waitFor('file watching registered', () => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles') || undefined);
    // The ledger of the folder lists the break before anyone opens the file.
    const listed = await waitFor('the break in form345/ledger', async () => {
      const l = await client.request<{ groups: { breaks: { file: string; line: number; expected: number; reported: number }[] }[] } | null>('form345/ledger', {});
      return l?.groups.flatMap((g) => g.breaks).find((x) => x.file === uri);
    });
    assert.equal(listed.expected, b.expected);
    assert.equal(listed.reported, b.reported);
    const text = s.files.find((f) => f.name === b.file)!.text;
    const lines = text.split(/\r?\n/);
    assert.ok(lines[listed.line - 1]!.replace(/,/g, '').includes(String(b.reported)), 'the line of the reported balance');
    assert.equal(client.published.get(uri), undefined, 'nothing published for a file that is not open');

    // Open it: the ledger's finding joins the file's own, and the quick fix writes the expected figure.
    await client.open(uri, text, 1, 'form345');
    const open = await waitFor('ledger-break on the open file', async () => {
      const d = await client.diagnosticsFor(uri, 1);
      return d.find((x) => x.code === 'ledger-break');
    });
    const expected = b.expected.toLocaleString('en-US');
    assert.match(open.message, new RegExp(`follows from the previous filing as ${expected}`));
    assert.equal(open.range.start.line, listed.line - 1);
    assert.equal(lines[open.range.start.line]!.slice(open.range.start.character, open.range.end.character).replace(/,/g, ''), String(b.reported), 'the range is the reported balance');
    const actions = await client.request<{ title: string; edit?: { changes: Record<string, { range: typeof open.range; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: open.range,
      context: { diagnostics: [open] },
    });
    const fix = actions.find((a) => a.title.startsWith('Change to ') && a.title.includes('previous filing'));
    assert.ok(fix?.edit, `quick fix offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!actions.some((a) => a.title.startsWith('Disable ledger-break')), 'no disable comment for a finding across filings');
    const fixed = applyEdits(text, fix.edit.changes[uri]!);
    assert.equal(fixed.split(/\r?\n/)[open.range.start.line]!.replace(/,/g, '').includes(String(b.expected)), true);

    // Hover on the balance: what it follows from, with a link to that file and line.
    const hover = hoverText(await client.request('textDocument/hover', { textDocument: { uri }, position: open.range.start }));
    assert.match(hover, /Follows from \[[^\]]+\]\(file:[^)]+#L\d+\)/);
    assert.match(hover, /does not follow/);

    await client.change(uri, 2, [{ text: fixed }]);
    await waitFor('the break gone after the fix', async () => {
      const d = await client.diagnosticsFor(uri, 2);
      return d.some((x) => x.code === 'ledger-break') ? undefined : true;
    });

    // Short-swing pairs show on their rows.
    const pair = await waitFor('a short-swing pair in form345/ledger', async () => {
      const l = await client.request<{ groups: { shortSwing: { pairs: { sale: { file: string; line: number } }[] } }[] } | null>('form345/ledger', {});
      return l?.groups[0]?.shortSwing.pairs[0];
    });
    const saleText = s.files.find((f) => pathToFileURL(path.join(dir, f.name)).toString() === pair.sale.file)!.text;
    await client.open(pair.sale.file, saleText, 1, 'form345');
    const swing = await waitFor('short-swing on the sale row', async () => (await client.diagnosticsFor(pair.sale.file, 1)).find((d) => d.code === 'short-swing'));
    assert.equal(swing.severity, 3, 'information');
    const swingLines = (await client.diagnosticsFor(pair.sale.file, 1)).filter((d) => d.code === 'short-swing').map((d) => d.range.start.line);
    assert.equal(new Set(swingLines).size, swingLines.length, 'one short-swing finding per row, with all its pairs');
    assert.match(swing.message, /Section 16\(b\) short swing: (this row is in \d+ pairs .*|[\d,.]+ shares bought at .*): \$[\d,]+\.\d\d/);
    await client.close(pair.sale.file);

    // Closed again, the file on disk still breaks (the ledger says so); fixed on disk and announced, the break goes.
    await client.close(uri);
    await waitFor('diagnostics cleared on close', () => (client.published.get(uri)?.diagnostics.length === 0 ? true : undefined));
    const breaksOf = async (line: number) => {
      const l = await client.request<{ groups: { breaks: { file: string; line: number }[] }[] } | null>('form345/ledger', {});
      return l?.groups.flatMap((g) => g.breaks).filter((x) => x.file === uri && x.line === line).length ?? -1;
    };
    await waitFor('the break back from the file on disk', async () => ((await breaksOf(listed.line)) === 1 ? true : undefined));
    writeFileSync(path.join(dir, b.file), fixed);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    // (Rows after it in the same filing followed the wrong figure; they are holding-arithmetic's.)
    await waitFor('break cleared by the watched change', async () => ((await breaksOf(listed.line)) === 0 ? true : undefined));
    assert.ok(client.alive);
    assert.doesNotMatch(client.stderr, /Error/);
  } finally {
    await client.stop();
  }
});

test('workspace ledger reads a file again only when it changed', async () => {
  const s = generateSeries('lsp-reads', { breaks: 0 });
  const dir = writeFolder(s);
  const changed: string[][] = [];
  const ledger = new WorkspaceLedger({ logger: { error: () => undefined, info: () => undefined }, onChanged: (u) => changed.push([...u]), debounceMs: 0 });
  await ledger.scanFolders([pathToFileURL(dir).toString()]);
  assert.equal(ledger.reads, s.files.length);
  assert.equal(ledger.ledger.groups.length, 1);
  const uris = s.files.map((f) => pathToFileURL(path.join(dir, f.name)).toString());
  await ledger.filesChanged(uris.map((uri) => ({ uri, type: 2 })));
  assert.equal(ledger.reads, s.files.length, 'nothing changed on disk: nothing read');
  // A new file: one more read.
  writeFileSync(path.join(dir, 'zz-copy.txt'), s.files[s.files.length - 1]!.text);
  await ledger.filesChanged([{ uri: pathToFileURL(path.join(dir, 'zz-copy.txt')).toString(), type: 1 }]);
  ledger.rebuildNow();
  assert.equal(ledger.reads, s.files.length + 1);
  // An exact copy of a filing is a duplicate, not a second set of trades.
  assert.equal(ledger.ledger.groups[0]!.breaks.length, 0);
  assert.equal(ledger.ledger.groups[0]!.filings.filter((f) => f.duplicate).length, 1);
  await ledger.filesChanged([{ uri: pathToFileURL(path.join(dir, 'zz-copy.txt')).toString(), type: 3 }]);
  ledger.rebuildNow();
  assert.equal(ledger.ledger.groups[0]!.filings.length, s.files.length);
  ledger.dispose();
});

test('workspace ledger: nothing is judged while a scan reads the folder; its end builds the ledger with what changed meanwhile', async () => {
  const s = seriesWithCrossFilingBreak(2);
  const dir = writeFolder(s);
  const b = s.breaks[0]!;
  const uri = pathToFileURL(path.join(dir, b.file)).toString();
  const text = s.files.find((f) => f.name === b.file)!.text;
  const changed: string[][] = [];
  const ledger = new WorkspaceLedger({ logger: { error: () => undefined, info: () => undefined }, onChanged: (u) => changed.push([...u]), debounceMs: 0 });
  const scan = ledger.scanFolders([pathToFileURL(dir).toString()]);
  await waitFor('the scan under way', () => ledger.reads >= 1 || undefined);
  // The break's file is open and analysed while the series is half read; a rebuild is asked for.
  ledger.updateOpen(uri, analyze(text, { today: new Date('2025-06-02T12:00:00Z') }));
  ledger.rebuildNow();
  await new Promise((r) => setTimeout(r, 5));
  assert.ok(ledger.reads < s.files.length, `the scan was still reading (${ledger.reads} of ${s.files.length} files)`);
  assert.deepEqual(ledger.findingsFor(uri), [], 'no finding from half the folder');
  assert.equal(ledger.ledger.groups.length, 0);
  await scan;
  const found = ledger.findingsFor(uri).find((f) => f.code === 'ledger-break');
  assert.match(found?.message ?? '', new RegExp(`follows from the previous filing as ${b.expected.toLocaleString('en-US')} `));
  assert.ok(changed.some((u) => u.includes(uri)), 'the end of the scan announces the break');
  ledger.dispose();
});

test('workspace ledger, pulled diagnostics: the break is in the pulled list, and its fix asks the editor to pull again', async () => {
  const s = seriesWithCrossFilingBreak();
  const dir = writeFolder(s);
  const b = s.breaks[0]!;
  const uri = pathToFileURL(path.join(dir, b.file)).toString();
  const client = await LspClient.start({ ledgerFolder: dir, pullDiagnostics: true });
  type Report = { kind: string; resultId?: string; items?: { code?: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }[] };
  const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  try {
    // Opened at once, while the folder's scan may still be reading (the break shows when it ends).
    const text = s.files.find((f) => f.name === b.file)!.text;
    await client.open(uri, text, 1, 'form345');
    const open = await waitFor('ledger-break in a pull', async () => (await pull()).items?.find((d) => d.code === 'ledger-break'));
    const actions = await client.request<{ title: string; edit?: { changes: Record<string, { range: typeof open.range; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: open.range,
      context: { diagnostics: [open] },
    });
    const fix = actions.find((a) => a.title.startsWith('Change to ') && a.title.includes('previous filing'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    // Let the refresh of the break's own appearance arrive before counting.
    await new Promise((r) => setTimeout(r, 300));
    const refreshes = client.refreshes;
    await client.change(uri, 2, [{ text: applyEdits(text, fix.edit.changes[uri]!) }]);
    await pull();
    // The ledger rebuilds after the edit; its finding gone, the server asks the editor to pull again.
    // The edit itself may bring a refresh first (before the rebuild): pull after each refresh until
    // one shows the list without the break.
    let seen = refreshes;
    let after: Report | undefined;
    await waitFor('a refresh after which the pulled list has no ledger-break', async () => {
      if (client.refreshes <= seen) return undefined;
      seen = client.refreshes;
      after = await pull();
      return (after.kind === 'full' && !after.items!.some((d) => d.code === 'ledger-break')) || undefined;
    });
    assert.equal(after!.kind, 'full');
    assert.equal(client.published.get(uri), undefined, 'nothing pushed to a pulling client');
  } finally {
    await client.stop();
  }
});

test('workspace ledger, edits during the first scan: no break judged on a half-read workspace, and its fix holds once the scan ends', async () => {
  // The break's file is opened at once and typed in while the folder is read. Another owner's
  // filings sort between the series' first filing and the rest, so the scan spends a while with
  // only part of the series read: a break judged then names the wrong previous filing, and its
  // "fix" writes a figure the rest of the series contradicts.
  const s = seriesWithCrossFilingBreak(2);
  const dir = writeFolder(s);
  const first = s.files[0]!.name.replace(/\.txt$/, '');
  const others = [...generateSeries('lsp-ledger-others-a', { breaks: 0 }).files, ...generateSeries('lsp-ledger-others-b', { breaks: 0 }).files];
  others.forEach((f, i) => writeFileSync(path.join(dir, `${first}_other-${String(i).padStart(3, '0')}.txt`), f.text));
  const files = s.files.length + others.length;
  const b = s.breaks[0]!;
  const uri = pathToFileURL(path.join(dir, b.file)).toString();
  const text = s.files.find((f) => f.name === b.file)!.text;
  const client = await LspClient.start({ ledgerFolder: dir, pullDiagnostics: true });
  type Item = { code?: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string };
  const pull = async () => (await client.request<{ kind: string; items?: Item[] }>('textDocument/diagnostic', { textDocument: { uri } })).items ?? [];
  const filingsInLedger = async () => {
    const l = await client.request<{ groups: { filings: unknown[] }[] } | null>('form345/ledger', {});
    return l?.groups.reduce((n, g) => n + g.filings.length, 0) ?? 0;
  };
  try {
    await client.open(uri, text, 1, 'form345');
    // Typing that moves no figure (a space at the end, then gone), each keystroke analysed and
    // read into the ledger, until the ledger holds every file of the folder.
    const seen = new Set<string>();
    let version = 1;
    const end = { line: text.split(/\r?\n|\r/).length - 1, character: text.split(/\r?\n|\r/).pop()!.length };
    await waitFor('the whole folder in the ledger', async () => {
      version++;
      const change = version % 2 === 0 ? { range: { start: end, end }, text: ' ' } : { range: { start: end, end: { line: end.line, character: end.character + 1 } }, text: '' };
      await client.change(uri, version, [change]);
      for (const d of await pull()) if (d.code === 'ledger-break') seen.add(d.message);
      return (await filingsInLedger()) === files || undefined;
    }, 60_000);
    if (version % 2 === 0) await client.change(uri, ++version, [{ range: { start: end, end: { line: end.line, character: end.character + 1 } }, text: '' }]);
    const settled = await waitFor('the break in a pull', async () => (await pull()).find((d) => d.code === 'ledger-break'));
    assert.match(settled.message, new RegExp(`follows from the previous filing as ${b.expected.toLocaleString('en-US')} `));
    for (const m of seen) assert.equal(m, settled.message, 'a break shown while the folder was read is the one the whole folder gives');

    // Its fix, applied, leaves no break.
    const actions = await client.request<{ title: string; edit?: { changes: Record<string, { range: Item['range']; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: settled.range,
      context: { diagnostics: [settled] },
    });
    const fix = actions.find((a) => a.title.startsWith('Change to ') && a.title.includes('previous filing'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    await client.change(uri, ++version, [{ text: applyEdits(text, fix.edit.changes[uri]!) }]);
    await waitFor('the break gone after its fix', async () => ((await pull()).some((d) => d.code === 'ledger-break') ? undefined : true));
  } finally {
    await client.stop();
  }
});
