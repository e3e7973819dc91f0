/**
 * fixtures/defaults: the ten real filings (EDGAR's pages in fixtures/real, rendered pages of the
 * XML-only filings in fixtures/rendered) converted by the tools as people run them by default:
 * w3m and lynx at a terminal's 80 columns, pandoc's plain text at its 72, GitHub markdown from
 * pandoc, Python's html2text, links and elinks at 80 columns, w3m, lynx, html2text and pandoc in a
 * 60-column pane, pandoc's markdown at 120 (scripts/make-default-fixtures.sh). Each must normalize to the
 * filing's truth, except for what the page never showed or the tool destroyed: the lost list of
 * the same filing's conversion by the same tool at full width (`<stem>.<family>.lost.json` in
 * fixtures/real or fixtures/rendered), plus a `fixtures/defaults/<stem>.<tool>.lost.json` of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { differences } from '../support/diff';
import { lostOf, TODAY } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(ROOT, 'fixtures', 'defaults');

/** The full-width conversion whose lost list applies too (what the page never shows). */
const FAMILY: Record<string, string> = { w3m80: 'w3m', lynx80: 'lynx', 'pandoc-plain72': 'pandoc-plain', gfm: 'pandoc-plain', h2md: 'w3m', links: 'w3m', elinks: 'w3m', w3m60: 'w3m', lynx60: 'lynx', html2text60: 'html2text', 'pandoc-plain60': 'pandoc-plain', 'pandoc-md120': 'pandoc-md' };

/** Conversions the parser does not read exactly yet, with what is wrong. Shrink this list. */
const KNOWN_GAPS: Record<string, string> = {};

function truthDir(stem: string): string {
  return existsSync(path.join(ROOT, 'fixtures', 'real', `${stem}.expected.json`)) ? path.join(ROOT, 'fixtures', 'real') : path.join(ROOT, 'fixtures', 'rendered');
}

const conversions = readdirSync(DIR).filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt');
test('all default conversions are present', () => assert.equal(conversions.length, 10 * Object.keys(FAMILY).length));

for (const name of conversions) {
  const [stem, tool] = [name.replace(/\.[^.]+\.txt$/, ''), name.split('.').slice(-2)[0]!];
  const dir = truthDir(stem);
  test(`${name} normalizes to the filing's records`, KNOWN_GAPS[name] ? { todo: KNOWN_GAPS[name] } : {}, () => {
    const truth = JSON.parse(readFileSync(path.join(dir, `${stem}.expected.json`), 'utf8'));
    const lost = new Set([...(lostOf(path.join(dir, `${stem}.${FAMILY[tool]}.txt`))[0] ?? []), ...(lostOf(path.join(DIR, name))[0] ?? [])]);
    const result = analyze(readFileSync(path.join(DIR, name), 'utf8'), { today: TODAY });
    assert.equal(result.filings.length, 1, 'number of filings');
    assert.deepStrictEqual(differences(result.filings[0]!.record, truth, lost), []);
  });
}

/** A document may hold several filings back to back, whatever tool made them. */
for (const tool of Object.keys(FAMILY)) {
  test(`the ten ${tool} conversions back to back read as ten filings, each as on its own`, () => {
    const texts = conversions.filter((f) => f.endsWith(`.${tool}.txt`)).sort().map((f) => readFileSync(path.join(DIR, f), 'utf8'));
    const alone = texts.map((t) => analyze(t, { today: TODAY }).filings.map((f) => f.record));
    const together = analyze(texts.join('\n'), { today: TODAY }).filings.map((f) => f.record);
    assert.equal(together.length, texts.length);
    together.forEach((record, i) => assert.deepStrictEqual(record, alone[i]![0], `filing ${i}`));
  });
}
