/**
 * Edits that switch a rule off with a comment line, for the "disable" quick fixes.
 *
 * The convention (the analysis core honours it, so the CLI does too):
 *   form345-disable-next-line <code>[, <code>...]   on its own line, disables those rules on the next line;
 *   form345-disable <code>[, <code>...]             on its own line anywhere, disables them for the file.
 * Plain lines survive in plain text, where filings live. In markdown they are wrapped in `<!-- -->`
 * so the rendered document does not show them; the core accepts both spellings.
 * When a matching comment already exists, the code is appended to it instead of adding another line.
 */
import type { RuleCode, TextEdit } from '../analysis';
import type { TextLines } from './lineDocument';
import { lineText } from './ranges';

const NEXT_LINE = /^([ \t]*(?:<!--[ \t]*)?form345-disable-next-line[ \t]+)([^\r\n]*?)([ \t]*(?:-->)?[ \t]*)$/;
const FILE_WIDE = /^([ \t]*(?:<!--[ \t]*)?form345-disable[ \t]+)([^\r\n]*?)([ \t]*(?:-->)?[ \t]*)$/;

function isMarkdown(languageId: string): boolean {
  return languageId === 'markdown';
}

function comment(languageId: string, directive: string): string {
  return isMarkdown(languageId) ? `<!-- ${directive} -->` : directive;
}

/** The document's line break, so an inserted line does not mix \n into a \r\n file. */
export function eolOf(doc: TextLines): string {
  return doc.eol;
}

function codesOf(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

/** Adds `code` to an existing directive line's list: an insert right after the last code. */
function appendTo(line: number, prefix: string, list: string, code: RuleCode): TextEdit | null {
  if (codesOf(list).includes(code)) return null;
  const at = { line, character: prefix.length + list.length };
  return { range: { start: at, end: at }, newText: list.trim() ? `, ${code}` : code };
}

/** Disable `code` for line `line`: extend the directive above it, or insert one. */
export function disableForLine(doc: TextLines, languageId: string, line: number, code: RuleCode): TextEdit | null {
  if (line > 0) {
    const m = NEXT_LINE.exec(lineText(doc, line - 1));
    if (m) return appendTo(line - 1, m[1]!, m[2]!, code);
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: comment(languageId, `form345-disable-next-line ${code}`) + eolOf(doc) };
}

/** Disable `code` for the whole file: extend the first file-wide directive, or add one on top. */
export function disableForFile(doc: TextLines, languageId: string, code: RuleCode): TextEdit | null {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineText(line);
    if (!text.includes('form345-disable ')) continue; // cheap filter before the regex
    const m = FILE_WIDE.exec(text);
    if (m) return appendTo(line, m[1]!, m[2]!, code);
  }
  const at = { line: 0, character: 0 };
  return { range: { start: at, end: at }, newText: comment(languageId, `form345-disable ${code}`) + eolOf(doc) };
}
