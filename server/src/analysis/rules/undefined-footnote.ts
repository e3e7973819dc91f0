/** The `undefined-footnote` rule: a footnote reference (n) with no definition under Explanation of Responses. */
import type { Finding, Fix } from '../types';
import { finding, type Rule, type RuleModule, readFromImage, referencedIds } from './rule';
import type { FilingModel } from '../filing/parse';
import { SECTION_HEADINGS } from '../vocabulary/wording';

/** The footnotes' heading, where a definition belongs. */
const EXPLANATION = SECTION_HEADINGS.explanation;

export const META = {
  code: 'undefined-footnote',
  level: 'error',
  description: `A footnote reference (n) with no definition under ${EXPLANATION}.`,
  docs: `\`(n)\` referenced, never defined; fix: a definition stub under ${EXPLANATION}`,
} as const;

/** Where a new footnote definition goes: after the last one, or under the explanation heading. */
function definitionInsertPoint(model: FilingModel): { line: number; prefix: string } | null {
  const last = model.footnotes[model.footnotes.length - 1];
  if (last) {
    const firstLine = model.lines.find((l) => l.line === last.range.start.line);
    const prefix = firstLine ? firstLine.raw.slice(0, firstLine.raw.length - firstLine.raw.trimStart().length) + (/^\s*-\s/.test(firstLine.raw) ? '- ' : '') : '';
    return { line: last.range.end.line + 1, prefix: prefix.replace(/-\s-\s$/, '- ') };
  }
  const heading = model.sections.find((s) => s.kind === 'explanation');
  if (heading) return { line: heading.headingRange.start.line + 1, prefix: '' };
  return null;
}

/**
 * OCR misreads a reference's small digits ("(7)" for "(1)") and may lose a footnote's line: in text
 * read from a printed image a reference without its definition is a hint to check the page.
 */
const check: Rule = ({ model }) => {
  const defined = new Set(model.footnotes.map((f) => f.id));
  const out: Finding[] = [];
  const where = definitionInsertPoint(model);
  let ocr: boolean | undefined;
  for (const [id, ranges] of referencedIds(model)) {
    if (defined.has(id)) continue;
    for (const range of ranges) {
      const fixes: Fix[] = where
        ? [{ title: `Add a definition of footnote (${id}) under ${EXPLANATION}`, edits: [{ range: { start: { line: where.line, character: 0 }, end: { line: where.line, character: 0 } }, newText: `${where.prefix}(${id}) \n` }], isPreferred: true }]
        : [];
      const misread = (ocr ??= readFromImage(model));
      out.push(finding(META, `Footnote (${id}) is referenced but never defined${misread ? ' (OCR text: check the page, the number may be misread or its footnote not read)' : ''}; add its text under ${EXPLANATION}.`, range, { fixes, ...(misread ? { severity: 'hint' as const } : {}) }));
    }
  }
  return out;
};

const rule: RuleModule = { ...META, check };
export default rule;
