/**
 * The footer reader reports what it saw under "Explanation of Responses" and no footnote took
 * (as `unread-text` hints), and reports nothing on clean filings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis';

const ROOT = join(__dirname, '..', '..');
const CLEAN = readFileSync(join(ROOT, 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');
const FN1 = '(1) The price reported is a weighted average price.';

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

/** The unread-text findings of a text that come from the footnotes: line and message. */
function footerLosses(text: string): { line: string; message: string }[] {
  const lines = text.split('\n');
  return analyze(text)
    .findings.filter((f) => f.code === 'unread-text' && /no numbered footnote/.test(f.message))
    .map((f) => ({ line: lines[f.range.start.line].slice(f.range.start.character, f.range.end.character), message: f.message }));
}

test('footer losses: a clean filing has none', () => {
  assert.deepEqual(footerLosses(CLEAN), []);
});

test('footer losses: a footnote whose marker OCR damaged ("1," for "(1)") is reported, not dropped', () => {
  const text = edit(CLEAN, FN1, '1, The price reported is a weighted average price.');
  const lost = footerLosses(text);
  assert.deepEqual(lost.map((l) => l.line), ['1, The price reported is a weighted average price. The shares were sold in multiple transactions at prices ranging from $31.05 to $31.40, inclusive.']);
  assert.match(lost[0].message, /check its marker/);
  // The record keeps only the footnote it could read.
  assert.deepEqual(analyze(text).filings[0].record.footnotes.map((f) => f.id), ['2']);
});

test('footer losses: a footnote paragraph after a blank line is reported', () => {
  const text = edit(CLEAN, '(2) Held by the Rivera Family Trust, of which the reporting person is trustee.', '(2) Held by the Rivera Family Trust.\n\nThe reporting person is trustee of the trust.');
  assert.deepEqual(footerLosses(text).map((l) => l.line), ['The reporting person is trustee of the trust.']);
});

test('footer losses: text after the heading on its line that is no definition is reported', () => {
  const text = edit(CLEAN, 'Explanation of Responses:\n', 'Explanation of Responses: see the notes below\n');
  assert.deepEqual(footerLosses(text).map((l) => l.line), ['see the notes below']);
  // A definition right after the heading is a footnote, not a loss.
  const fn1Line = /\(1\) The price[^\n]*\n/.exec(CLEAN)![0];
  const inline = edit(edit(CLEAN, fn1Line, ''), 'Explanation of Responses:\n', `Explanation of Responses: ${fn1Line}`);
  assert.equal(analyze(inline).filings[0].record.footnotes[0]?.id, '1');
  assert.deepEqual(footerLosses(inline), []);
});

test('footer losses: a signature printed under the footnotes is the signature\'s, not a loss', () => {
  // No footnotes: the signer's name (no "/s/") stands right under the heading, above its caption.
  const text = edit(
    edit(edit(CLEAN, /\(1\) The price[^\n]*\n/.exec(CLEAN)![0], ''), /\(2\) Held[^\n]*\n/.exec(CLEAN)![0], ''),
    '\nRemarks:\n\n/s/ Ana M. Rivera\t03/03/2021\n',
    'Ana M. Rivera\t03/03/2021\n',
  );
  assert.equal(analyze(text).filings[0].record.signatures[0]?.name, 'Ana M. Rivera');
  assert.deepEqual(footerLosses(text), []);
});

test('footer losses: none on the real filings rendered by every converter', () => {
  const dir = join(ROOT, 'fixtures', 'real');
  const found: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    for (const l of footerLosses(readFileSync(join(dir, name), 'utf8'))) found.push(`${name}: ${l.line}`);
  }
  assert.deepEqual(found, []);
});
