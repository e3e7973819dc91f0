/**
 * Writes the keywords of the TextMate grammar (syntaxes/form345.tmLanguage.json) from the
 * forms' wording (server/src/analysis/vocabulary/wording.ts): the statement headings, the table
 * headings, the box and column labels, the section headings and the footnotes' heading. The
 * rest of the grammar (values, markup, instructions) is written by hand in the same file.
 *
 *   node --import tsx scripts/grammar.ts           rewrite the grammar
 *   node --import tsx scripts/grammar.ts --check   exit 1 when the grammar is not up to date
 *
 * `test/unit/grammar-generated.test.ts` fails when regenerating would change the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LABEL_PATTERNS,
  JOINT_FILING_WORDING,
  POWER_OF_ATTORNEY,
  SECTION_HEADINGS,
  SIGNATURE_CAPTION,
  STATEMENT_HEADINGS,
  STATEMENT_HEADING_TAIL,
  TABLE_HEADINGS,
} from '../server/src/analysis/vocabulary/wording';
import type { LabelKey } from '../server/src/analysis/types';

export const GRAMMAR_PATH = join(__dirname, '..', 'syntaxes', 'form345.tmLanguage.json');

/** Blanks and tabs: a grammar line never spans lines. */
const SP = '[\\t ]+';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a grammar pattern: its words with blanks or tabs between them. */
function words(phrase: string): string {
  return phrase.trim().split(/\s+/).map(escape).join(SP);
}

/**
 * A label as a grammar pattern: its words with blanks or tabs between them, each later word's
 * first letter in either case ("Disposed Of", "at end of"), a possessive's apostrophe optional.
 */
function labelWords(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w, i) => {
      const body = escape(w).replace(/'s\b/, "'?s");
      const first = w[0];
      // The label's first word keeps its capital: prose ("the transaction date") is no label.
      return i > 0 && /[A-Za-z]/.test(first) && w.length > 1
        ? `[${first.toUpperCase()}${first.toLowerCase()}]${body.slice(1)}`
        : body;
    })
    .join(SP);
}

/** Alternatives longest first (a shorter one that starts a longer one must not win), without repeats. */
function alternation(sources: Iterable<string>): string {
  return [...new Set(sources)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).join('|');
}

/** The instructions printed after a label ("(Instr. 3)", "(Month/Day/Year)", "*"): highlighted on their own. */
const INSTRUCTIONS_AFTER = /(?:\s*\((?:Instr|Month|Check)[^)]*\)|\*+)+\s*:?$/;

/** The labels the grammar highlights as box and column labels. */
function isBoxOrColumn(key: LabelKey): boolean {
  return (key.startsWith('box.') && key !== 'box.exit' && key !== 'box.tenb5One') || key.startsWith('col.');
}

/**
 * A label's words without the instructions after it. A label of one word ("Code (Instr. 8)")
 * is that word only where its instruction follows, or every "Code" would be a label.
 */
function labelSource(text: string): string {
  const core = text.replace(INSTRUCTIONS_AFTER, '').trim();
  if (/\s/.test(core)) return labelWords(core);
  const instruction = text.slice(core.length).trim();
  return `${escape(core)}(?=[\\t ]*${instruction.split(/\s+/).map(escape).join('[\\t ]*')})`;
}

export function boxLabelSource(): string {
  const labels = (Object.keys(LABEL_PATTERNS) as LabelKey[]).filter(isBoxOrColumn).flatMap((k) => LABEL_PATTERNS[k].map(labelSource));
  const captions = [SIGNATURE_CAPTION, JOINT_FILING_WORDING.one, `${JOINT_FILING_WORDING.formFiled} by ${JOINT_FILING_WORDING.moreThanOne}`].map(words);
  return `(?:\\b\\d{1,2}A?\\.[\\t ]?)?\\b(?:${alternation([...labels, ...captions])})(?![A-Za-z])`;
}

/** The statement headings as printed (upper case), "of Securities" optional: converters wrap it away. */
export function statementHeadingSource(): string {
  const heads = Object.values(STATEMENT_HEADINGS).map((h) => words(h.slice(0, h.length - STATEMENT_HEADING_TAIL.length).toUpperCase()));
  return `\\b(?:${alternation(heads)})(?:${SP}${words(STATEMENT_HEADING_TAIL.toUpperCase())})?\\b`;
}

/** The table headings: in full (any dash or a colon after the number), or "Table I" / "Table II" alone. */
export function tableHeadingSource(): string {
  const full = [...LABEL_PATTERNS.table1, ...LABEL_PATTERNS.table2].map((t) =>
    t
      .split(/\s+[-–—]\s+/)
      .map(words)
      .join('[\\t ]*[-–—:][\\t ]*'),
  );
  const bare = [TABLE_HEADINGS.tableII, TABLE_HEADINGS.tableI].map((t) => `${words(t)}(?![\\w])`);
  return `\\b(?:${alternation(full)}|${bare.join('|')})`;
}

/** Section headings first on their line (after table or markdown markup): as printed and in capitals. */
export function sectionHeadingSource(): string {
  const both = (w: string) => [words(w), words(w.toUpperCase())];
  const heads = [
    ...both(SECTION_HEADINGS.signatures),
    ...both(SECTION_HEADINGS.remarks).map((h) => `${h}:?`),
    words(SECTION_HEADINGS.reportingOwners),
    `(?:${POWER_OF_ATTORNEY.kinds[0].toUpperCase()}${SP})?${words(POWER_OF_ATTORNEY.heading.toUpperCase()).replace('TT', 'T+')}`,
  ];
  return `^[\\t ]*(?:\\|[\\t ]*)?(?:#{1,6}[\\t ]+)?(?:\\*\\*|<b>)?(${heads.join('|')})(?![\\w])`;
}

/** The footnotes' heading, which opens the region where numbered lines are footnote definitions. */
export function explanationBeginSource(): string {
  return `\\b(${words(SECTION_HEADINGS.explanation)}:?)`;
}

type Grammar = { repository: Record<string, { match?: string; begin?: string }> };

/** The grammar with its keyword rules written from the wording (the other rules as they are). */
export function generateGrammar(text: string): string {
  const grammar = JSON.parse(text) as Grammar;
  const r = grammar.repository;
  r.statementHeading.match = statementHeadingSource();
  r.tableHeading.match = tableHeadingSource();
  r.boxLabel.match = boxLabelSource();
  r.sectionHeading.match = sectionHeadingSource();
  r.explanation.begin = explanationBeginSource();
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

if (require.main === module) {
  const current = readFileSync(GRAMMAR_PATH, 'utf8');
  const next = generateGrammar(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('syntaxes/form345.tmLanguage.json is not up to date: run node --import tsx scripts/grammar.ts');
      process.exit(1);
    }
  } else if (next !== current) {
    writeFileSync(GRAMMAR_PATH, next);
    console.log('wrote syntaxes/form345.tmLanguage.json');
  } else console.log('syntaxes/form345.tmLanguage.json is up to date');
}
