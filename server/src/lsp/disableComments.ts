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
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleCode, TextEdit } from '../analysis';
import { lineText } from './ranges';

const NEXT_LINE = /^([ \t]*(?:<!--[ \t]*)?form345-disable-next-line[ \t]+)([^\r\n]*?)([ \t]*(?:-->)?[ \t]*)$/;
const FILE_WIDE = /^([ \t]*(?:<!--[ \t]*)?form345-disable[ \t]+)([^\r\n]*?)([ \t]*(?:-->)?[ \t]*)\r?$/m;

function isMarkdown(languageId: string): boolean {
  return languageId === 'markdown';
}

function comment(languageId: string, directive: string): string {
  return isMarkdown(languageId) ? `<!-- ${directive} -->` : directive;
}

/** The document's line break, so an inserted line does not mix \n into a \r\n file. */
export function eolOf(doc: TextDocument): string {
  const text = doc.getText();
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
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
export function disableForLine(doc: TextDocument, languageId: string, line: number, code: RuleCode): TextEdit | null {
  if (line > 0) {
    const m = NEXT_LINE.exec(lineText(doc, line - 1));
    if (m) return appendTo(line - 1, m[1]!, m[2]!, code);
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: comment(languageId, `form345-disable-next-line ${code}`) + eolOf(doc) };
}

/** Disable `code` for the whole file: extend the first file-wide directive, or add one on top. */
export function disableForFile(doc: TextDocument, languageId: string, code: RuleCode): TextEdit | null {
  const text = doc.getText();
  const m = FILE_WIDE.exec(text);
  if (m) {
    const line = doc.positionAt(m.index).line;
    // Re-match on the line itself so the character offsets are the line's own.
    const own = FILE_WIDE.exec(lineText(doc, line));
    if (own) return appendTo(line, own[1]!, own[2]!, code);
  }
  const at = { line: 0, character: 0 };
  return { range: { start: at, end: at }, newText: comment(languageId, `form345-disable ${code}`) + eolOf(doc) };
}
