/**
 * The incremental analyzer and the server's copy of the text never disagree with a fresh open:
 * the cases an independent client found (issue 9), each reduced to its smallest form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze, IncrementalAnalyzer, type AnalysisResult, type ContentChange } from '../../server/src/analysis';
import { LineDocument } from '../../server/src/lsp/lineDocument';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const seedTexts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
const TODAY = new Date('2026-11-23T12:00:00Z');

const plain = (r: AnalysisResult | null): unknown => JSON.parse(JSON.stringify(r));

/** Applies the changes as an editor and as the server do, and checks both against a fresh open. */
function check(initial: string, notifications: ContentChange[][], label: string): void {
  const doc = new LineDocument('file:///t', 'form345', 1, initial);
  const inc = new IncrementalAnalyzer(initial, { today: TODAY });
  inc.analyze();
  for (const changes of notifications) {
    doc.update(changes, doc.version + 1);
    inc.applyChanges(changes);
  }
  const text = doc.getText();
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(doc.lineCount, lines.length, `${label}: the document's lines`);
  assert.equal(inc.text, lines.join('\n'), `${label}: the analyzer's lines are the document's`);
  assert.deepStrictEqual(plain(inc.analyze()), plain(analyze(text, { today: TODAY })), `${label}: same as a fresh open`);
}

const endOf = (text: string) => {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
};
const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

test('a paste of three filings at the end of one does not double their findings', () => {
  const base = seedTexts[0]!;
  const pasted = '\n' + seedTexts.slice(1).join('\n');
  const e = endOf(base);
  check(base, [[{ range: at(e.line, e.character), text: pasted }]], 'paste');
  const fresh = analyze(base + pasted, { today: TODAY });
  const inc = new IncrementalAnalyzer(base, { today: TODAY });
  inc.analyze();
  inc.applyChanges([{ range: at(e.line, e.character), text: pasted }]);
  assert.equal(inc.analyze()!.findings.length, fresh.findings.length);
  assert.equal(inc.analyze()!.filings.length, fresh.filings.length);
});

test('a filing pasted into a document holding only a newline is one filing, no phantom', () => {
  check('\n', [[{ range: at(1, 0), text: seedTexts[2]! }]], 'paste into newline');
});

test('a second change inside the range the first rewrote, one notification or two', () => {
  const base = seedTexts.join('\n');
  const inserted = 'line one\nline two\nline three\nline four\n';
  // The first change inserts four lines near the top; the second types inside them.
  const first: ContentChange = { range: at(3, 0), text: inserted };
  const second: ContentChange = { range: { start: { line: 4, character: 0 }, end: { line: 6, character: 4 } }, text: 'x\ny\nz\nw\nv' };
  check(base, [[first, second]], 'one notification');
  check(base, [[first], [second]], 'two notifications');
  // A deletion that then grows again inside the first filing, moving every filing below.
  const del: ContentChange = { range: { start: { line: 5, character: 0 }, end: { line: 40, character: 0 } }, text: '' };
  const grow: ContentChange = { range: at(5, 0), text: seedTexts[1]!.split('\n').slice(0, 60).join('\n') + '\n' };
  check(base, [[del, grow]], 'delete then grow');
});

test('line breaks: \\r before \\n, \\n after a lone \\r, and a reversed range mean what the editor means', () => {
  const lf = seedTexts[0]!;
  check(lf, [[{ range: at(2, lf.split('\n')[2]!.length), text: '\r' }]], '\\r before \\n');
  const cr = seedTexts[0]!.replace(/\r?\n/g, '\r');
  check(cr, [[{ range: at(3, 0), text: '\n' }]], '\\n after a lone \\r');
  check(cr, [[{ range: at(3, 0), text: '\n' }], [{ range: at(5, 0), text: '\n\r' }]], 'more breaks');
  const reversed: ContentChange = { range: { start: { line: 8, character: 3 }, end: { line: 4, character: 1 } }, text: 'Z' };
  check(lf, [[reversed]], 'reversed range');
  const outside: ContentChange = { range: { start: { line: -3, character: -1 }, end: { line: 1e6, character: 7 } }, text: seedTexts[1]! };
  check(lf, [[outside]], 'a range outside the document');
});

test('a paste of 150,000 lines is applied without a stack overflow', () => {
  const big = Array.from({ length: 150_000 }, (_, i) => `line ${i}`).join('\n');
  const doc = new LineDocument('file:///t', 'form345', 1, seedTexts[0]!);
  const inc = new IncrementalAnalyzer(seedTexts[0]!, { today: TODAY });
  inc.analyze();
  inc.applyChanges([{ range: at(5, 0), text: big }]);
  doc.update([{ range: at(5, 0), text: big }], 2);
  assert.equal(inc.lineCount, doc.lineCount);
});

test('the filing at a line is known without analysing only when the edit left its lines alone', () => {
  const text = seedTexts.join('\n');
  const inc = new IncrementalAnalyzer(text, { today: TODAY });
  const before = inc.analyze()!;
  assert.ok(before.filings.length >= 3);
  const [first, second, third] = before.filings;
  // Typing in the first filing: the third is known as analysed, the first is not.
  const at = { line: first!.range.start.line + 5, character: 0 };
  inc.applyChanges([{ range: { start: at, end: at }, text: 'q' }]);
  const known = inc.cachedFilingAt(third!.range.start.line + 3);
  assert.ok(known, 'a filing the edit did not touch');
  assert.equal(known, third, 'the very filing analysed, nothing moved');
  assert.equal(inc.cachedFilingAt(first!.range.start.line + 2), undefined, 'the edited filing must be analysed first');
  // A line added above moves the second: its analysis comes shifted, as a full analysis gives it.
  inc.applyChanges([{ range: { start: at, end: at }, text: '\n' }]);
  const moved = inc.cachedFilingAt(second!.range.start.line + 4);
  const fresh = inc.analyze()!;
  assert.deepStrictEqual(JSON.parse(JSON.stringify(moved)), JSON.parse(JSON.stringify(fresh.filings[1])));
  assert.equal(moved!.range.start.line, second!.range.start.line + 1);
});
