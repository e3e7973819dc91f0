// The feature modules in-process, over a hand-built analysis of a small Form 4: checks the server's
// own logic (lookups, rename, fix combination, disable comments, settings) independently of the core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult, AnalyzedFiling, Finding, FilingRecord, Range } from '../../server/src/analysis';
import { codeActions, combineFixes } from '../../server/src/lsp/codeActions';
import { completion } from '../../server/src/lsp/completion';
import { DiagnosticConverter, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { disableForFile, disableForLine } from '../../server/src/lsp/disableComments';
import type { DocumentSnapshot } from '../../server/src/lsp/documents';
import { definition, highlights, prepareRename, references, rename } from '../../server/src/lsp/footnotes';
import { hover } from '../../server/src/lsp/hover';
import { LineDocument } from '../../server/src/lsp/lineDocument';
import { documentSymbols, flatSymbols, foldingRanges } from '../../server/src/lsp/outline';
import { recordsOf } from '../../server/src/lsp/records';
import { parseRuleLevels, sectionFromPushedSettings, Settings } from '../../server/src/lsp/settings';
import { applyEdits, positionOf } from './harness';

const TEXT = [
  'FORM 4',
  '3. Transaction Code (Instr. 8)',
  'Common Stock\t11/14/2017\tP\t2,000\tA\t$ 2.64\t3,418\tD',
  'Stock Option (Right to Buy)(1)\t11/14/2017\tM\t41,140\tD\t$ 0',
  '/s/ Ben Locke\t11/20/2017',
  'Explanation of Responses:',
  '(1) Vests in four equal installments.',
  '(2) Never cited.',
  '',
].join('\n');

function at(needle: string, occurrence = 0, length = needle.length): Range {
  const start = positionOf(TEXT, needle, occurrence);
  return { start, end: { line: start.line, character: start.character + length } };
}

function lineRange(line: number): Range {
  const text = TEXT.split('\n')[line]!;
  return { start: { line, character: 0 }, end: { line, character: text.length } };
}

const record: FilingRecord = {
  formType: '4',
  issuer: { name: 'TECOGEN INC.', tradingSymbol: 'TGEN' },
  reportingOwners: [],
  periodOfReport: '2017-11-14',
  dateOfOriginalSubmission: null,
  notSubjectToSection16: null,
  jointFiling: null,
  nonDerivative: [
    { kind: 'transaction', securityTitle: 'Common Stock', transactionDate: '2017-11-14', deemedExecutionDate: null, transactionCode: 'P', equitySwapInvolved: false, reportedEarly: false, shares: 2000, acquiredDisposed: 'A', pricePerShare: 2.64, sharesOwnedFollowing: 3418, directOrIndirect: 'D', natureOfOwnership: null, footnoteIds: [] },
  ],
  derivative: [
    { kind: 'transaction', securityTitle: 'Stock Option (Right to Buy)', conversionOrExercisePrice: null, transactionDate: '2017-11-14', deemedExecutionDate: null, transactionCode: 'M', equitySwapInvolved: false, reportedEarly: false, shares: 41140, acquiredDisposed: 'D', dateExercisable: null, expirationDate: null, underlyingSecurityTitle: null, underlyingShares: null, pricePerShare: 0, sharesOwnedFollowing: null, directOrIndirect: null, natureOfOwnership: null, footnoteIds: ['1'] },
  ],
  footnotes: [
    { id: '1', text: 'Vests in four equal installments.' },
    { id: '2', text: 'Never cited.' },
  ],
  signatures: [{ name: 'Ben Locke', date: '2017-11-20' }],
  remarks: null,
};

const unused: Finding = {
  code: 'unused-footnote',
  severity: 'warning',
  message: 'Footnote (2) is never referenced.',
  range: at('(2)'),
  filing: 0,
  pointer: '/footnotes/1',
  fixes: [{ title: 'Remove footnote (2)', edits: [{ range: { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } }, newText: '' }], isPreferred: true }],
};
const late: Finding = {
  code: 'late-filing',
  severity: 'warning',
  message: 'Signed 4 business days after the transaction.',
  range: at('11/20/2017'),
  filing: 0,
  pointer: '/signatures/0/date',
};
const mismatch: Finding = {
  code: 'acquired-disposed-mismatch',
  severity: 'warning',
  message: 'P is a purchase: (A) expected.',
  range: at('\tA\t', 0, 2),
  filing: 0,
  fixes: [
    { title: 'Change to (D)', edits: [{ range: { start: { line: 2, character: 32 }, end: { line: 2, character: 33 } }, newText: 'D' }] },
    { title: 'Change to (A)', edits: [{ range: { start: { line: 2, character: 32 }, end: { line: 2, character: 33 } }, newText: 'A' }] },
  ],
};

const filing: AnalyzedFiling = {
  index: 0,
  range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } },
  layout: 'tabbed',
  record,
  sources: { '/nonDerivative/0': lineRange(2), '/derivative/0': lineRange(3) },
  fields: [
    { pointer: '/nonDerivative/0/transactionDate', field: 'transactionDate', range: at('11/14/2017'), raw: '11/14/2017' },
    { pointer: '/nonDerivative/0/transactionCode', field: 'transactionCode', range: at('\tP\t', 0, 2), raw: 'P' },
    { pointer: '/nonDerivative/0/shares', field: 'shares', range: at('2,000'), raw: '2,000' },
    { pointer: '/nonDerivative/0/directOrIndirect', field: 'directOrIndirect', range: at('\tD', 0, 2), raw: 'D' },
    { pointer: '/derivative/0/transactionCode', field: 'transactionCode', range: at('\tM\t', 0, 2), raw: 'M' },
    { pointer: '/signatures/0/date', field: 'signatureDate', range: at('11/20/2017'), raw: '11/20/2017' },
  ].map((f) => ({ ...f, range: f.raw.length < f.range.end.character - f.range.start.character ? { start: { ...f.range.start, character: f.range.start.character + 1 }, end: f.range.end } : f.range })) as AnalyzedFiling['fields'],
  labels: [{ key: 'col.transactionCode', range: at('Transaction Code (Instr. 8)') }],
  footnoteRefs: [{ id: '1', range: at('(1)'), pointer: '/derivative/0' }],
  footnoteDefs: [
    { id: '1', range: lineRange(6), markerRange: at('(1)', 1), text: 'Vests in four equal installments.' },
    { id: '2', range: lineRange(7), markerRange: at('(2)'), text: 'Never cited.' },
  ],
  outline: {
    name: 'Form 4: TECOGEN INC.',
    kind: 'filing',
    range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } },
    selectionRange: lineRange(0),
    children: [
      { name: 'Table I', kind: 'section', range: lineRange(2), selectionRange: lineRange(2), children: [
        { name: 'P 2,000 Common Stock @ $2.64 (11/14/2017)', kind: 'row', range: lineRange(2), selectionRange: lineRange(2), pointer: '/nonDerivative/0', children: [] },
      ] },
      // A node whose selection lies outside its range must be repaired, not passed on.
      { name: '', kind: 'section', range: { start: { line: 5, character: 0 }, end: { line: 7, character: 16 } }, selectionRange: lineRange(0), children: [] },
    ],
  },
  findings: [unused, late, mismatch],
};

const result: AnalysisResult = { filings: [filing], findings: [unused, late, mismatch] };

function snapshot(languageId = 'plaintext', text = TEXT): DocumentSnapshot {
  return { uri: 'file:///f4.txt', version: 1, languageId, document: new LineDocument('file:///f4.txt', languageId, 1, text), result, declined: false };
}

const hoverValue = (pos: { line: number; character: number }): string => {
  const h = hover(snapshot(), pos);
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
};

describe('hover', () => {
  test('transaction code: meaning, group, direction and this row', () => {
    const v = hoverValue(positionOf(TEXT, '\tP\t', 0, 1));
    assert.match(v, /\*\*P\*\*/);
    assert.match(v, /General transaction codes/);
    assert.match(v, /Here:\*\* 2,000 shares acquired at \$2\.64/);
    const m = hoverValue(positionOf(TEXT, '\tM\t', 0, 1));
    assert.match(m, /Exercise or conversion/);
    assert.match(m, /Table II/);
    assert.match(m, /41,140 shares disposed of at \$0/);
  });
  test('values are normalized', () => {
    assert.match(hoverValue(positionOf(TEXT, '11/14/2017', 0, 2)), /`2017-11-14` \(Tuesday\)/);
    assert.match(hoverValue(positionOf(TEXT, '2,000', 0, 1)), /`2000`/);
    assert.match(hoverValue(positionOf(TEXT, '\tD', 0, 1)), /direct ownership/);
  });
  test('signature date: Form 4 due date and verdict', () => {
    const v = hoverValue(positionOf(TEXT, '11/20/2017', 0, 1));
    assert.match(v, /2017-11-20/);
    assert.match(v, /due `2017-11-16` \(Thursday\)/);
    assert.match(v, /late\*\* by 2 business days/);
  });
  test('footnote reference and definition', () => {
    assert.match(hoverValue(positionOf(TEXT, '(1)', 0, 1)), /four equal installments/);
    assert.match(hoverValue(positionOf(TEXT, '(1)', 1, 1)), /Table II row 1 \(Stock Option/);
    assert.match(hoverValue(positionOf(TEXT, '(2)', 0, 1)), /never referenced/);
  });
  test('label', () => {
    assert.match(hoverValue(positionOf(TEXT, 'Transaction Code (Instr', 0, 3)), /Instr\. 8/);
  });
  test('out of range and empty places', () => {
    assert.equal(hover(snapshot(), { line: 99, character: 0 }), null);
    assert.equal(hover(snapshot(), { line: 0, character: 99 }), null);
    assert.equal(hover(snapshot(), { line: 5, character: 3 }), null);
  });
});

describe('footnotes', () => {
  const ref = positionOf(TEXT, '(1)', 0, 1);
  test('definition, references, highlights', () => {
    assert.deepEqual(definition(snapshot(), ref).map((l) => l.range.start.line), [6]);
    assert.equal(references(snapshot(), ref, true).length, 2);
    assert.equal(references(snapshot(), ref, false).length, 1);
    assert.equal(highlights(snapshot(), positionOf(TEXT, '(1)', 1, 1)).length, 2);
    assert.deepEqual(definition(snapshot(), { line: 0, character: 0 }), []);
  });
  test('rename renumbers the digits only', () => {
    const prep = prepareRename(snapshot(), ref)!;
    assert.equal(prep.placeholder, '1');
    assert.equal(prep.range.end.character - prep.range.start.character, 1);
    const edit = rename(snapshot(), ref, '(5)')!;
    const out = applyEdits(TEXT, edit.changes!['file:///f4.txt']!);
    assert.ok(out.includes('Buy)(5)\t'));
    assert.ok(out.includes('(5) Vests'));
    assert.throws(() => rename(snapshot(), ref, '2'), /already exists/);
    assert.throws(() => rename(snapshot(), ref, 'abc'), /digits only/);
  });
  test('superscript markers keep their style', () => {
    const text = TEXT.replace('Buy)(1)', 'Buy)⁽¹⁾');
    const s = snapshot('plaintext', text);
    const edit = rename(s, positionOf(text, '⁽¹⁾', 0, 1), '3')!;
    assert.ok(applyEdits(text, edit.changes!['file:///f4.txt']!).includes('Buy)⁽³⁾'));
  });
});

describe('code actions', () => {
  const params = (range: Range, only?: string[]) => ({ textDocument: { uri: 'file:///f4.txt' }, range, context: { diagnostics: [], ...(only ? { only } : {}) } });
  test('quick fixes plus disable for line and file', () => {
    const titles = codeActions(snapshot(), params(unused.range), {}).map((a) => a.title);
    assert.deepEqual(titles, ['Remove footnote (2)', 'Disable unused-footnote for this line', 'Disable unused-footnote for this file']);
  });
  test('a rule set to off offers nothing', () => {
    assert.deepEqual(codeActions(snapshot(), params(unused.range), { 'unused-footnote': 'off' }), []);
  });
  test('fix-all skips findings whose fix needs a choice', () => {
    const { fixed } = combineFixes([unused, mismatch, late]);
    assert.deepEqual(fixed.map((f) => f.code), ['unused-footnote']);
    const fixAll = codeActions(snapshot(), params({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']), {});
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0]!.kind, 'source.fixAll.form345');
  });
  test('overlapping fixes are not combined', () => {
    const again: Finding = { ...unused, fixes: [{ title: 'x', isPreferred: true, edits: [{ range: { start: { line: 7, character: 2 }, end: { line: 7, character: 4 } }, newText: 'y' }] }] };
    assert.equal(combineFixes([unused, again]).fixed.length, 1);
    assert.equal(combineFixes([unused, { ...unused }]).edits.length, 1, 'identical edits are merged');
  });
});

describe('disable comments', () => {
  const doc = (text: string, lang = 'plaintext') => new LineDocument('file:///x', lang, 1, text);
  test('inserts a directive above the line, wrapped in markdown', () => {
    assert.equal(disableForLine(doc('a\nb\n'), 'plaintext', 1, 'late-filing')!.newText, 'form345-disable-next-line late-filing\n');
    assert.equal(disableForLine(doc('a\r\nb\r\n', 'markdown'), 'markdown', 1, 'late-filing')!.newText, '<!-- form345-disable-next-line late-filing -->\r\n');
  });
  test('extends an existing directive instead of adding a line', () => {
    const d = doc('<!-- form345-disable-next-line ocr-text -->\nb\n', 'markdown');
    const e = disableForLine(d, 'markdown', 1, 'late-filing')!;
    assert.equal(applyEdits(d.getText(), [e]), '<!-- form345-disable-next-line ocr-text, late-filing -->\nb\n');
    assert.equal(disableForLine(d, 'markdown', 1, 'ocr-text'), null);
    const f = doc('x\r\nform345-disable ocr-text\r\ny');
    assert.equal(applyEdits(f.getText(), [disableForFile(f, 'plaintext', 'no-rows')!]), 'x\r\nform345-disable ocr-text, no-rows\r\ny');
    assert.equal(disableForFile(doc('a'), 'plaintext', 'no-rows')!.newText, 'form345-disable no-rows\n');
  });
});

describe('completion', () => {
  test('codes in the code cell, footnote ids after "("', () => {
    const codes = completion(snapshot(), positionOf(TEXT, '\tP\t', 0, 2))!;
    assert.equal(codes.items.length, 20);
    const text = TEXT.replace('$ 0', '$ 0 (');
    const s = snapshot('plaintext', text);
    const pos = positionOf(text, '$ 0 (', 0, 5);
    assert.deepEqual(completion(s, pos)!.items.map((i) => i.label), ['1', '2']);
    assert.equal(completion(snapshot(), { line: 0, character: 2 }), null);
  });
});

describe('outline, diagnostics, records, settings', () => {
  test('symbols are valid and named; folding ranges span lines', () => {
    const symbols = documentSymbols(snapshot());
    assert.equal(symbols[0]!.children![0]!.children![0]!.name, 'P 2,000 Common Stock @ $2.64 (11/14/2017)');
    const repaired = symbols[0]!.children![1]!;
    assert.equal(repaired.name, '(untitled)');
    assert.deepEqual(repaired.selectionRange.start, repaired.range.start);
    assert.ok(flatSymbols(snapshot()).some((s) => s.containerName === 'Table I'));
    assert.ok(foldingRanges(snapshot()).every((f) => f.endLine > f.startLine));
  });
  test('levels apply to diagnostics and records', () => {
    const diags = toDiagnostics(snapshot(), { 'late-filing': 'error', 'acquired-disposed-mismatch': 'off' });
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['unused-footnote', 2], ['late-filing', 1]]);
    assert.deepEqual(diags[0]!.tags, [1]);
    const rec = recordsOf(snapshot(), { 'unused-footnote': 'hint' });
    assert.equal(rec.filings[0]!.findings[0]!.severity, 'hint');
  });
  test('settings accept nested and flat shapes, ignore junk', () => {
    assert.deepEqual(parseRuleLevels({ rules: { 'late-filing': 'off', bogus: 'error', 'ocr-text': 'loud' } }), { 'late-filing': 'off' });
    assert.deepEqual(parseRuleLevels(sectionFromPushedSettings({ 'form345.rules.no-rows': 'info' })), { 'no-rows': 'information' });
    const s = new Settings();
    assert.equal(s.update({ rules: { 'no-rows': 'hint' } }), true);
    const levels = s.ruleLevels;
    assert.equal(s.update({ rules: { 'no-rows': 'hint' } }), false);
    assert.equal(s.ruleLevels, levels, 'unchanged levels stay the same object (the diagnostics converter keys its memory on it)');
    assert.equal(s.update({ rules: { 'no-rows': 'off' } }), true);
    assert.notEqual(s.ruleLevels, levels);
  });
});

describe('LineDocument', () => {
  test('keeps text byte for byte and agrees with TextDocument over random edits', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const start = 'FORM 4\r\nline two\n\rthird\r\n\nlast';
    const ours = new LineDocument('u', 'plaintext', 1, start);
    let theirs = TextDocument.create('u', 'plaintext', 1, start);
    assert.equal(ours.getText(), start);
    assert.equal(ours.eol, '\r\n');
    const pieces = ['', 'x', '\n', '\r\n', 'ab\ncd', '\r', '(1)'];
    for (let i = 0; i < 2000; i++) {
      const a = { line: rand(theirs.lineCount), character: rand(12) };
      const b = { line: a.line + rand(3), character: rand(12) };
      // Normalize into a valid range the way a client would send it.
      const s = theirs.positionAt(theirs.offsetAt(a));
      const e = theirs.positionAt(Math.max(theirs.offsetAt(s), theirs.offsetAt(b)));
      const change = { range: { start: s, end: e }, text: pieces[rand(pieces.length)]! };
      ours.update([change], i + 2);
      theirs = TextDocument.update(theirs, [change], i + 2);
      assert.equal(ours.getText(), theirs.getText(), `after edit ${i}: ${JSON.stringify(change)}`);
      assert.equal(ours.lineCount, theirs.lineCount);
    }
    for (let l = 0; l < theirs.lineCount; l++) {
      const full = theirs.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } });
      assert.equal(ours.lineText(l), full.replace(/\r?\n$|\r$/, ''));
    }
  });
});

describe('DiagnosticConverter', () => {
  test('reuses diagnostics of unchanged findings, resets on new levels', () => {
    const c = new DiagnosticConverter();
    const levels = { 'late-filing': 'error' as const };
    const a = c.convert(snapshot(), levels).diagnostics;
    const b = c.convert(snapshot(), levels).diagnostics;
    assert.equal(a[0], b[0]);
    assert.deepEqual(a, toDiagnostics(snapshot(), levels));
    const off = c.convert(snapshot(), { 'late-filing': 'off' }).diagnostics;
    assert.ok(!off.some((d) => d.code === 'late-filing'));
    assert.notEqual(off[0], a[0]);
  });

  test('the cached JSON text is exactly JSON.stringify of the diagnostics', () => {
    const c = new DiagnosticConverter();
    for (const levels of [{}, { 'late-filing': 'hint' as const, 'unused-footnote': 'error' as const }, { 'missing-price': 'off' as const }]) {
      const published = c.convert(snapshot(), levels);
      const expected = toDiagnostics(snapshot(), levels);
      assert.equal(published.paramsJson(), JSON.stringify({ uri: 'file:///f4.txt', version: 1, diagnostics: expected }));
      assert.equal(JSON.stringify(published), published.paramsJson());
    }
  });
});

describe('DocumentStore', () => {
  test('sliced analysis with edits queued mid-way ends equal to a fresh analysis of the final text', async () => {
    const { DocumentStore } = await import('../../server/src/lsp/documents.js');
    const { analyze } = await import('../../server/src/analysis/index.js');
    const { readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const dir = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
    const unit = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n\n');
    const text = `${unit}\n\n`.repeat(6);
    const published: number[] = [];
    // A tiny slice budget forces one filing per slice, so the edits land while the analysis runs.
    const store = new DocumentStore({ logger: { error: (m) => assert.fail(m), info: () => undefined }, debounceMs: 0, sliceMs: 0.001, onAnalyzed: (s) => published.push(s.version) });
    store.open('file:///s.txt', 'plaintext', 1, text);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    store.change('file:///s.txt', 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
    await new Promise((r) => setImmediate(r));
    store.change('file:///s.txt', 3, [{ range: { start: { line: 200, character: 0 }, end: { line: 201, character: 0 } }, text: '' }]);
    const snap = (await store.snapshot('file:///s.txt'))!;
    assert.equal(snap.version, 3);
    const fresh = analyze(snap.document.getText());
    assert.deepEqual(snap.result.filings.map((f) => f.record), fresh.filings.map((f) => f.record));
    assert.deepEqual(snap.result.findings.map((f) => [f.code, f.range]), fresh.findings.map((f) => [f.code, f.range]));
    assert.ok(!published.includes(1) || published.indexOf(1) < published.indexOf(3));
    store.dispose();
  });
});
