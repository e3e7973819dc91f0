/**
 * Every rule, positive and negative, on fixtures/rules (made from one clean Form 4 by a few
 * edits each: test/tools/make-rule-fixtures.py). A positive fixture raises its rule and nothing
 * else; a negative one raises nothing. Where a rule offers a fix, applying it clears the finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, applyRuleLevels, RULE_CODES, type Finding, type TextEdit } from '../../server/src/analysis';
import { EXPORT_RULES } from '../../server/src/analysis/edgar/codes';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
const TODAY = new Date('2026-11-23T12:00:00Z');
const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { positive: Record<string, string>; negative: string[] };

function findings(text: string): Finding[] {
  return analyze(text, { today: TODAY }).findings;
}

/** Applies edits given in line/character positions (last first, so earlier ones stay valid). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('every rule has a positive fixture (the export\'s own rules are tested with the export)', () => {
  // internal-error reports a bug in a rule: no filing raises it, a throwing rule does (below).
  assert.deepStrictEqual(Object.values(manifest.positive).sort(), RULE_CODES.filter((c) => c !== 'internal-error' && !EXPORT_RULES.includes(c)).sort());
});

for (const [file, code] of Object.entries(manifest.positive)) {
  test(`${code}: raised by ${file}, and nothing else`, () => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const found = findings(text);
    assert.deepStrictEqual([...new Set(found.map((f) => f.code))], [code], found.map((f) => `${f.code}: ${f.message}`).join('\n'));
    for (const f of found) {
      assert.equal(f.range.start.line, f.range.end.line, 'one line');
      assert.ok(f.message.length > 20 && !f.message.includes('\n'));
    }
  });
}

for (const file of manifest.negative) {
  test(`${file} raises nothing`, () => {
    const found = findings(readFileSync(path.join(DIR, file), 'utf8'));
    assert.deepStrictEqual(found.map((f) => `${f.code}: ${f.message}`), []);
  });
}

for (const code of ['acquired-disposed-mismatch', 'invalid-date', 'holding-arithmetic', 'undefined-footnote', 'unused-footnote', 'ocr-text'] as const) {
  test(`${code}: applying the preferred fix clears the finding`, () => {
    const file = Object.keys(manifest.positive).find((f) => manifest.positive[f] === code)!;
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const finding = findings(text).find((f) => f.code === code);
    assert.ok(finding?.fixes?.length, 'the finding offers a fix');
    const fix = finding.fixes.find((x) => x.isPreferred) ?? finding.fixes[0];
    const fixed = applyEdits(text, fix.edits);
    assert.ok(!findings(fixed).some((f) => f.code === code), `${code} gone after "${fix.title}"`);
  });
}

test('holding-arithmetic says the expected figure and its fix writes it', () => {
  const text = readFileSync(path.join(DIR, 'holding-arithmetic.txt'), 'utf8');
  const f = findings(text).find((x) => x.code === 'holding-arithmetic')!;
  assert.match(f.message, /should be 21,000/);
  assert.equal(f.fixes?.[0].edits[0].newText, '21,000');
});

test('invalid-date offers real dates, most plausible first', () => {
  const text = readFileSync(path.join(DIR, 'invalid-date.txt'), 'utf8');
  const f = findings(text).find((x) => x.code === 'invalid-date')!;
  const candidates = f.fixes!.map((x) => x.edits[0].newText);
  assert.ok(candidates.length >= 1);
  for (const c of candidates) assert.match(c, /^\d{2}\/\d{2}\/\d{4}$/);
});

test('disable comments: next line and whole file; rule levels: off and re-levelled', () => {
  const text = readFileSync(path.join(DIR, 'late-filing.txt'), 'utf8');
  const late = findings(text).find((f) => f.code === 'late-filing')!;
  const lines = text.split('\n');
  lines.splice(late.range.start.line, 0, 'form345-disable-next-line late-filing');
  assert.ok(!findings(lines.join('\n')).some((f) => f.code === 'late-filing'), 'next-line comment');
  assert.ok(!findings(`<!-- form345-disable late-filing -->\n${text}`).some((f) => f.code === 'late-filing'), 'file comment');
  assert.ok(findings(`form345-disable ocr-text\n${text}`).some((f) => f.code === 'late-filing'), 'other rules stay on');
  assert.deepStrictEqual(applyRuleLevels(findings(text), { 'late-filing': 'off' }), []);
  assert.equal(applyRuleLevels(findings(text), { 'late-filing': 'error' })[0].severity, 'error');
});
