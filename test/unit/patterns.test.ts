/**
 * The one module that turns the vocabulary's phrases into patterns (`vocabulary/patterns.ts`):
 * tiny named inputs and what their patterns match and refuse, in each style the readers ask
 * for, and properties over every phrase of the wording table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as WORDING from '../../server/src/analysis/vocabulary/wording';
import {
  anyPhrase,
  CELL_EDGES,
  escapeRegExp,
  firstWords,
  fuzzyPhrase,
  fuzzyWord,
  HEADING_LINE,
  lastWord,
  lastWordFuzzy,
  phrasePattern,
  printingPattern,
  wordsOf,
  type PhraseStyle,
} from '../../server/src/analysis/vocabulary/patterns';

/** The phrase's pattern matches all of `text`. */
const whole = (phrase: string, text: string, style?: PhraseStyle): boolean => new RegExp(`^(?:${phrasePattern(phrase, style)})$`, 'i').test(text);

test('escapeRegExp: every special character stands for itself', () => {
  const text = String.raw`a.b*c+d?e^f$g{h}i(j)k|l[m]n\o/p`;
  assert.ok(new RegExp(`^${escapeRegExp(text)}$`).test(text));
  assert.ok(!new RegExp(`^${escapeRegExp('a.b')}$`).test('axb'), 'a period is not any character');
  // In a regex literal's place too: the slash is escaped.
  assert.equal(escapeRegExp('Month/Day'), String.raw`Month\/Day`);
});

test('word helpers: first words, a range of words, the last word, white space ignored', () => {
  const phrase = '  Name and  Address of Reporting Person ';
  assert.equal(firstWords(phrase, 3), 'Name and Address');
  assert.equal(firstWords(phrase, 0), '');
  assert.equal(firstWords(phrase, 99), 'Name and Address of Reporting Person');
  assert.equal(wordsOf(phrase, 3, 5), 'of Reporting');
  assert.equal(wordsOf(phrase, -2), 'Reporting Person');
  assert.equal(wordsOf(phrase, -2, -1), 'Reporting');
  assert.equal(lastWord(phrase), 'Person');
});

test('exact style: any white space between words, none missing; punctuation required', () => {
  assert.ok(whole('Table I', 'Table I'));
  assert.ok(whole('Table I', 'Table \t  I'), 'a run of spaces or a tab');
  assert.ok(!whole('Table I', 'TableI'), 'words do not touch');
  assert.ok(!whole('Explanation of Responses', 'Explanation of'), 'every word');
  assert.ok(whole('See 18 U.S.C. 1001', 'See 18 U. S. C. 1001'), "an abbreviation's periods with space after them");
  assert.ok(!whole('See 18 U.S.C. 1001', 'See 18 USC 1001'), 'its periods required');
  assert.ok(whole('Note: File', 'Note : File') && whole('Note: File', 'Note:File'), 'a colon with any space around it');
  assert.ok(!whole('Note: File', 'Note File'), 'the colon required');
  assert.ok(!whole('(A) or (D)', '(A) or(D)'), 'no touching before a parenthesis');
  assert.ok(whole('10% Owner', '10% owner'), 'case is the caller’s flag');
});

test('cell-edge style (one cell a line): periods, commas and colons optional; words touch at a period or parenthesis', () => {
  const s = CELL_EDGES;
  assert.ok(whole('Washington, D.C.', 'Washington, D.C.', s));
  assert.ok(whole('Washington, D.C.', 'Washington DC', s));
  assert.ok(whole('Washington, D.C.', 'Washington, D. C', s));
  assert.ok(!whole('Washington, D.C.', 'WashingtonD.C.', s), 'a comma is not a gap');
  assert.ok(whole('hours per response:', 'hours per response', s));
  assert.ok(whole('Estimated average', 'Estimated   average', s));
  assert.ok(whole('(Check all applicable)', '(Check all applicable)', s));
  assert.ok(whole('Section 30(h)', 'Section 30(h)', s));
  assert.ok(whole('Officer (give title below)', 'Officer(give title below)', s), 'touching before a parenthesis');
  assert.ok(whole('continue. See', 'continue.See', s), 'touching after a period');
  assert.ok(whole('continue. See', 'continue See', s), 'the period dropped');
  assert.ok(!whole('Estimated average', 'Estimated, average', s), 'no comma where none is printed');
  assert.ok(!whole('Estimated average', 'Estimatedaverage', s));
});

test('heading-line style: a slash with any space around it, a lone comma optional, touching at a period or parenthesis', () => {
  const s = HEADING_LINE;
  assert.ok(whole('(Month/Day/Year)', '(Month / Day / Year)', s));
  assert.ok(whole('(Month/Day/Year)', '(Month/Day/Year)', s));
  assert.ok(whole('Code (Instr. 8)', 'Code(Instr.8)', s));
  assert.ok(!whole('Code (Instr. 8)', 'Code (Instr 8)', s), 'the period required');
  assert.ok(whole(', if any', ', if any', s) && whole(', if any', ' if any', s), 'the comma optional, the space after it kept');
  assert.ok(!whole('(Month/Day/Year)', '(Month/Day/Year', s), 'parentheses required');
});

test('anyPhrase: each phrase in the style asked', () => {
  const re = new RegExp(`^(?:${anyPhrase(['OMB Number', 'OMB APPROVAL'])})$`, 'i');
  assert.ok(re.test('OMB  Number') && re.test('omb approval') && !re.test('OMB'));
  const loose = new RegExp(`^(?:${anyPhrase(['Reminder:'], CELL_EDGES)})$`, 'i');
  assert.ok(loose.test('Reminder') && loose.test('Reminder:'));
});

test('printingPattern: a column label in parts, the optional parts each with the space before it', () => {
  const date = new RegExp(`^${printingPattern(['Transaction Date', ['(Month/Day/Year)']])}$`, 'i');
  assert.ok(date.test('Transaction Date'));
  assert.ok(date.test('Transaction Date (Month/Day/Year)'));
  assert.ok(date.test('Transaction Date(Month / Day / Year)'));
  assert.ok(!date.test('Transaction (Month/Day/Year)'));
  const deemed = new RegExp(`^${printingPattern(['Deemed Execution Date', [', if any'], ['(Month/Day/Year)']])}$`, 'i');
  assert.ok(deemed.test('Deemed Execution Date, if any (Month/Day/Year)'));
  assert.ok(deemed.test('Deemed Execution Date if any'), 'the comma of an optional part optional too');
  assert.ok(!deemed.test('Deemed Execution Date ,if any'), 'no space before a comma');
  const form = new RegExp(`^${printingPattern(['Ownership Form', [':'], ['Direct (D) or Indirect (I)']])}$`, 'i');
  assert.ok(form.test('Ownership Form: Direct (D) or Indirect (I)'));
  assert.ok(form.test('Ownership Form : Direct (D) or Indirect (I)'));
  assert.ok(form.test('Ownership Form'));
  const title = new RegExp(`^${printingPattern(['Title of', ['Derivative'], 'Security', ['(Instr. 3)', '(Instr. 4)']])}$`, 'i');
  assert.ok(title.test('Title of Security (Instr. 3)') && title.test('Title of Derivative Security (Instr. 4)'));
  assert.ok(!title.test('Title of Security (Instr. 5)'), 'only the alternatives printed');
});

test('fuzzyWord: one OCR edit in a word of five letters or more, shorter words exact', () => {
  const w = (word: string, text: string, loose = false) => new RegExp(`^${fuzzyWord(word, loose)}$`).test(text);
  assert.ok(w('Reporting', 'Reporting'));
  assert.ok(w('Reporting', 'Rcporting'), 'a letter substituted');
  assert.ok(w('Reporting', 'Reportng'), 'a letter dropped');
  assert.ok(w('Reporting', 'Reporrting'), 'a letter added');
  assert.ok(w('Amount', 'Arnount'), 'm read as rn');
  assert.ok(w('Number', 'Nurnber'), 'one letter read as two');
  assert.ok(!w('Address', 'Aclclress'), 'two letters read as two each: two edits');
  assert.ok(!w('Reporting', 'Rcportng'), 'two edits');
  assert.ok(!w('Reporting', 'eporting'), 'the first letter kept');
  assert.ok(w('Date', 'Date') && !w('Date', 'Dale'), 'a four-letter word exactly');
  assert.ok(w('Date', 'Dale', true) && w('Date', 'Da te', true), 'loose: a four-letter word takes one edit after its first letter');
  assert.ok(!w('Date', 'Bate', true));
  assert.ok(w('Transaction', 'Transact tion', true), 'loose: cut with the letter before the cut read twice');
  assert.ok(w('Transaction', 'Transac  \ttion', true) && !w('Transaction', 'Transac  \ttion'), 'loose: cut by a gap of any width');
  assert.equal(fuzzyWord('10%'), '10%', 'not letters: literal');
});

test('fuzzyPhrase and lastWordFuzzy: words tolerant, raw pieces in braces, loose runs words together', () => {
  const exact = new RegExp(`^${fuzzyPhrase('Explanation of Responses')}$`);
  assert.ok(exact.test('Explanatlon of Responses') && !exact.test('Explanation ofResponses'));
  assert.ok(new RegExp(`^${fuzzyPhrase('Explanation of Responses', true)}$`).test('Explanation ofResponses'));
  assert.ok(new RegExp(`^${fuzzyPhrase('Table {[I1]}')}$`).test('Table 1'));
  const last = new RegExp(`^${lastWordFuzzy('Title of Security')}$`);
  assert.ok(last.test('Title of Secunty') && !last.test('Tltle of Security'));
});

/** Every string of the wording table. */
function phrases(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(Object.values(WORDING));
  return [...new Set(out.filter((p) => p.trim()))];
}

test('every phrase of the vocabulary matches itself in every style, with its spaces widened', () => {
  const all = phrases();
  assert.ok(all.length > 100, `the wording table's phrases (${all.length})`);
  for (const p of all) {
    for (const style of [{}, CELL_EDGES, HEADING_LINE]) {
      assert.ok(whole(p, p.trim(), style), `${JSON.stringify(p)} in ${JSON.stringify(style)}`);
      assert.ok(whole(p, p.trim().split(/\s+/).join('  \t'), style), `${JSON.stringify(p)} widened in ${JSON.stringify(style)}`);
    }
  }
});

test('phrase patterns have no nested quantifier (matching stays linear)', () => {
  const nested = /\)[*+?{]/;
  for (const p of phrases()) {
    for (const style of [{}, CELL_EDGES, HEADING_LINE]) assert.ok(!nested.test(phrasePattern(p, style)), `${JSON.stringify(p)} in ${JSON.stringify(style)}`);
  }
  for (const parts of Object.values(WORDING.COLUMN_LABEL_PARTS)) {
    for (const printing of parts!) {
      // An optional part is one group with `?`; inside it, no quantified group.
      const src = printingPattern(printing);
      assert.ok(!/\)[*+{]|\)\?[*+?{]/.test(src), src);
    }
  }
  // A long run of spaces that fails at the end stays fast.
  const re = new RegExp(phrasePattern('Name and Address of Reporting Person', CELL_EDGES), 'i');
  const text = `Name${' '.repeat(50_000)}and${' '.repeat(50_000)}x`;
  const t0 = performance.now();
  assert.ok(!re.test(text));
  assert.ok(performance.now() - t0 < 500);
});
