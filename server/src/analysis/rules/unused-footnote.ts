/** The `unused-footnote` rule: a footnote that is defined but never referenced (EDGAR suspends such a filing). */
import type { Range, TextEdit } from '../types';
import { finding, type Rule, type RuleModule, referencedIds, readFromImage } from './rule';

export const META = {
  code: 'unused-footnote',
  level: 'warning',
  description: 'A footnote that is defined but never referenced (EDGAR suspends such a filing).',
  docs: 'defined, never referenced (EDGAR suspends such filings); fix: remove it',
} as const;

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.character === b.end.character;
}

function deleteLinesEdit(range: Range): TextEdit {
  return { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' };
}

const check: Rule = ({ model }) => {
  const refs = referencedIds(model);
  // A reference OCR read without its number (reported as unread text) may be any footnote's.
  if (model.rows.some((r) => r.unreadRefs.some((u) => !r.refs.some((x) => sameRange(x.range, u))))) return [];
  return model.footnotes
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !refs.has(f.id))
    .map(({ f, i }) => {
      // Its reference may stand in text the reader could not place ("(2)" beside a value no column
      // took), or on a page OCR read, which loses superscript references most of all: a hint then.
      // So may every reference of a filing whose several footnotes none is referenced: a filer
      // leaves one footnote unreferenced, a conversion that drops superscripts leaves them all.
      const unplaced = model.problems.some((p) => p.text.includes(`(${f.id})`));
      const noneRead = refs.size === 0 && model.footnotes.length >= 2;
      const lost = unplaced || noneRead || readFromImage(model);
      const note = unplaced
        ? ` (a "(${f.id})" stands in text that was not read: check where it belongs)`
        : noneRead
          ? ' (no reference to any footnote was read: the text may have lost them)'
          : lost
            ? ' (OCR text: its reference may be on the page unread)'
            : '';
      return finding(META, `Footnote (${f.id}) is defined but no cell refers to it${note} (EDGAR suspends such filings); add the reference (${f.id}) where it applies, or remove the footnote.`, f.markerRange, {
        pointer: `/footnotes/${i}`,
        fixes: [{ title: `Remove footnote (${f.id})`, edits: [deleteLinesEdit(f.range)], isPreferred: false }],
        ...(lost ? { severity: 'hint' as const } : {}),
      });
    });
};

const rule: RuleModule = { ...META, check };
export default rule;
