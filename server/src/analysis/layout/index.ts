/**
 * The reading layer: everything that depends on which converter produced the text.
 *
 * Form readers (`filing/`) call only what is exported here and read only the intermediate form
 * of types.ts; converter names and layout heuristics live in this folder and nowhere else.
 *
 * - filing level: {@link singleSpacedLines} reads double-spaced text without its spacing lines;
 * - line level (run once per filing, by `filing/prepare.ts`): {@link maskLine} reads a line's
 *   markup (HTML, markdown, inline spans) into a mask of the same length; {@link readGridLines}
 *   reads cells that wrap or cut their text across a grid's lines, as rewrites of those masks;
 *   {@link readStrayTabs} reads a tab inside a word of space-laid text as a space;
 * - region level: {@link detectLayout} (the filing, as reported), {@link readsInDocumentOrder}
 *   (the header region), {@link readTableRows} (a table region: its family detected once, then
 *   that family's row reader, returning rows and problems).
 *
 * A new converter: a family in `LayoutFamily` (types.ts) with its detection in detect.ts, and a
 * reader beside the others returning the same intermediate form; see ARCHITECTURE.md.
 */
export type { Continuation, LayoutFamily, LayoutProblem, LineRewrite, LogicalRow, RowCell, RowJudge, SourceLine, TableReading } from './types';
export { maskLine, superscriptNumber, isPlainLine, isRuleOrBlank, openTagAt, opensLinkTarget, linkTargetRest, LINE_BREAK, type MaskedLine } from './mask';
export { readGridLines } from './grids';
export { readStrayTabs, readExpandedTabs } from './tabs';
export { detectLayout, readsInDocumentOrder } from './detect';
export { readTableRows } from './rows';
export { singleSpacedLines } from './spacing';
