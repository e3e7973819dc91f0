/**
 * The printed wording of the forms is written in one place, `analysis/vocabulary/wording.ts`:
 * every other module derives its patterns, texts and keywords from it. This test reads the
 * source tree's string, template and regular-expression literals (comments are free to quote
 * the form) and fails when one spells out a phrase of the vocabulary: any three consecutive
 * words of a printed phrase, two of them words of the form rather than "of", "or", "the"...
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import * as W from '../../server/src/analysis/vocabulary/wording';

const ROOT = join(__dirname, '..', '..');
const WORDING = join(ROOT, 'server', 'src', 'analysis', 'vocabulary', 'wording.ts');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(?:ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) out.push(p);
  }
  return out;
}

/** Every string held by the vocabulary's tables, nested records and lists included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Short words that never make a phrase the form's on their own. */
const COMMON = new Set(['and', 'the', 'for', 'any', 'this', 'that', 'are', 'not', 'who', 'with', 'see', 'may', 'one', 'all', 'than', 'more', 'which', 'must', 'each', 'form', 'file', 'filed']);

/** Words of a text as the form's words: letters and digits, lower case; regex escapes (\s, \b) are separators. */
export function wordsOf(text: string): string[] {
  return text.replace(/\\[a-zA-Z]/g, ' ').toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** The longest phrase read as a label or heading; longer ones are sentences. */
const MAX_PHRASE_WORDS = 12;

// A form word is a word of letters: rule and section numbers ("Rule 10b5-1", "Section 16") are cited in prose too.
const isFormWord = (w: string) => w.length >= 4 && /^[a-z]+$/.test(w) && !COMMON.has(w);

/** The three-word windows of the vocabulary's phrases that say something of the form. */
export function phraseWindows(phrases: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) {
    const w = wordsOf(p);
    // Sentences (the notices) share their common words with prose: they are known by their marker phrases.
    if (w.length > MAX_PHRASE_WORDS) continue;
    for (let i = 0; i + 3 <= w.length; i++) {
      const win = w.slice(i, i + 3);
      if (win.filter(isFormWord).length >= 2) out.add(win.join(' '));
    }
  }
  return out;
}

/** The word runs a module writes as literals: each literal, a template with the literal arguments of its calls. */
export function literalRuns(file: string, source: string): { at: number; words: string[] }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const runs: { at: number; words: string[] }[] = [];
  const literalWords = (n: ts.Node): string[] => {
    // A template's raw text: `String.raw` patterns keep their escapes (`Name\s+and`), which the cooked text loses.
    if (ts.isNoSubstitutionTemplateLiteral(n)) return wordsOf(n.rawText ?? n.text);
    if (ts.isStringLiteralLike(n) || ts.isRegularExpressionLiteral(n)) return wordsOf(ts.isRegularExpressionLiteral(n) ? n.text.slice(1, n.text.lastIndexOf('/')) : n.text);
    if (ts.isCallExpression(n)) return n.arguments.flatMap(literalWords);
    if (ts.isTemplateExpression(n)) return [...wordsOf(n.head.rawText ?? n.head.text), ...n.templateSpans.flatMap((s) => [...literalWords(s.expression), ...wordsOf(s.literal.rawText ?? s.literal.text)])];
    return [];
  };
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteralLike(n) || ts.isRegularExpressionLiteral(n) || ts.isTemplateExpression(n)) {
      const words = literalWords(n);
      // A sentence of the editor's (a hover's explanation, a finding's message) may name the form's
      // fields: longer than any label and ending as a sentence does. Patterns never do.
      const prose = !ts.isRegularExpressionLiteral(n) && words.length > MAX_PHRASE_WORDS && /[.!?]["')]?$/.test(n.getText(sf).slice(1, -1).trim());
      if (!prose) runs.push({ at: n.getStart(sf), words });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return runs;
}

/** Where `windows` occur in the literals of `files` (file:line and the phrase). */
export function wordingOutside(files: readonly string[], windows: Set<string>): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false);
    for (const run of literalRuns(file, source)) {
      for (let i = 0; i + 3 <= run.words.length; i++) {
        const win = run.words.slice(i, i + 3).join(' ');
        if (windows.has(win)) {
          found.push(`${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(run.at).line + 1}: "${win}"`);
          break;
        }
      }
    }
  }
  return found;
}

// The header's line pieces are cuts of the phrases above (tested below): their phrases stand for them,
// and a cut as short as "purchase or sale" is as much a code's prose as the form's.
export const PHRASES = strings({ ...W, HEADER_LINE_PIECES: [] });
export const WINDOWS = phraseWindows(PHRASES);
export const TREE = [join(ROOT, 'server', 'src'), join(ROOT, 'client', 'src'), join(ROOT, 'scripts')].flatMap(sourceFiles).filter((f) => f !== WORDING);

test('the vocabulary holds the printed phrases the scan looks for', () => {
  // Enough to mean something: the box labels, the column labels, the notices.
  for (const phrase of ['date of earliest', 'issuer name and', 'beneficially owned following', 'explanation of responses', 'signature of reporting', 'persons who respond']) {
    assert.ok(WINDOWS.has(phrase), phrase);
  }
});

test('the scan finds a phrase written in a string, a regular expression or a template with calls', () => {
  const sample = [
    "const a = 'Date of Earliest Transaction';",
    'const b = /Explanation\\s+of\\s+Responses/i;',
    "const c = new RegExp(`${fuzzyWord('Persons')}\\\\s+who\\\\s+${fuzzyWord('respond')}`);",
    '// Signature of Reporting Person: a comment quotes the form freely',
    "const d = 'Transaction';",
    'const e = String.raw`^\\d\\.\\s+Name\\s+and\\s+Address`;',
  ].join('\n');
  const runs = literalRuns('sample.ts', sample).map((r) => r.words.join(' '));
  const windows = phraseWindows(PHRASES);
  const hits = runs.filter((r) => [...windows].some((w) => ` ${r} `.includes(` ${w} `)));
  assert.deepEqual(hits, ['date of earliest transaction', 'explanation of responses', 'persons who respond', 'name and address']);
});

test("no module outside the vocabulary writes the forms' printed wording", () => {
  assert.deepEqual(wordingOutside(TREE, WINDOWS), [], 'printed wording written outside vocabulary/wording.ts');
});

test("a sentence of the editor's may name a field; a label, a pattern or a long pattern may not", () => {
  const sample = [
    "const a = 'The class of securities held, e.g. Common Stock, or in Table II the derivative, such as an option.';",
    "const b = 'class of securities';",
    'const c = /Report on a separate line for each class of securities beneficially owned directly or indirectly\\./;',
    "const d = `the class of securities held, e.g. ${x}, or in Table II the derivative, e.g. an option (see above)`;",
  ].join('\n');
  const runs = literalRuns('sample.ts', sample).map((r) => r.words.join(' '));
  const hits = runs.filter((r) => [...WINDOWS].some((w) => ` ${r} `.includes(` ${w} `)));
  assert.equal(hits.length, 3);
  assert.ok(!hits.some((h) => h.startsWith('the class of securities held e g common stock')));
});

test('the derived modules write none of the wording', () => {
  const derived = ['vocabulary/patterns.ts', 'filing/vocabulary.ts', 'filing/footer.ts', 'document.ts', 'domain/ocr.ts'].map((f) => join(ROOT, 'server', 'src', 'analysis', f));
  assert.deepEqual(wordingOutside([...derived, join(ROOT, 'client', 'src', 'detect.ts')], WINDOWS), []);
});

test("the header's line pieces are runs of words of the vocabulary's printed phrases", () => {
  // A table's texts in order read on from one another: the exit box's "... may continue. See Instruction 1(b)".
  const tables = Object.values({ ...W, HEADER_LINE_PIECES: [] }).filter((v) => v && typeof v === 'object' && !Array.isArray(v));
  const printed = [...PHRASES, ...tables.map((t) => strings(t).join(' '))].map((p) => ` ${wordsOf(p).join(' ')} `);
  const strays = strings(W.HEADER_LINE_PIECES).filter((piece) => !printed.some((p) => p.includes(` ${wordsOf(piece).join(' ')} `)));
  assert.deepEqual(strays, []);
});
