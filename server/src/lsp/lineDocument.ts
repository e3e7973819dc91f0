/**
 * The text of an open document, kept as an array of lines.
 *
 * Why not `TextDocument` from vscode-languageserver-textdocument: it keeps one string and rebuilds
 * it on every edit (substring + concat), which forces V8 to flatten the whole document each
 * keystroke — about 2 ms per character typed in a 1 MB document, more than the incremental
 * analysis itself. Here an edit splices only the lines it touches, so typing costs what the
 * edited lines cost. Each line keeps its own terminator (\n, \r\n, \r or none for the last one),
 * so the text is reproduced byte for byte and LSP line numbers match the client's.
 */
import type { ContentChange, Position, Range } from '../analysis';

/** What the feature modules read from a document. */
export interface TextLines {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly lineCount: number;
  /** Line `line` without its terminator ('' outside the document). */
  lineText(line: number): string;
  /** Text of a range (clamped to the document), or the whole text. */
  getText(range?: Range): string;
  /** The first line terminator of the document, '\n' when it has none. */
  readonly eol: string;
}

/** Splits keeping each line's terminator; the last element has none (and may be ''). */
function splitKeepingBreaks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    } else if (c === 13) {
      const end = i + 1 < n && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      out.push(text.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function contentLength(line: string): number {
  let end = line.length;
  if (end > 0 && line.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && line.charCodeAt(end - 1) === 13) end--;
  return end;
}

export class LineDocument implements TextLines {
  private lines: string[];
  private eolCache: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.lines = splitKeepingBreaks(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  get eol(): string {
    if (this.eolCache === undefined) {
      const first = this.lines.find((l) => contentLength(l) < l.length);
      this.eolCache = first ? first.slice(contentLength(first)) : '\n';
    }
    return this.eolCache;
  }

  lineText(line: number): string {
    const raw = this.lines[line];
    return raw === undefined ? '' : raw.slice(0, contentLength(raw));
  }

  getText(range?: Range): string {
    if (!range) return this.lines.join('');
    const s = this.clamp(range.start);
    const e = this.clamp(range.end);
    if (s.line === e.line) return this.lines[s.line]!.slice(s.character, Math.max(s.character, e.character));
    const parts = [this.lines[s.line]!.slice(s.character)];
    for (let i = s.line + 1; i < e.line; i++) parts.push(this.lines[i]!);
    parts.push(this.lines[e.line]!.slice(0, e.character));
    return parts.join('');
  }

  /** Applies LSP content changes in order, like the client did. */
  update(changes: readonly ContentChange[], version: number): void {
    for (const change of changes) {
      if (!change.range) {
        this.lines = splitKeepingBreaks(change.text);
      } else {
        this.replace(change.range, change.text);
      }
    }
    this.version = version;
    this.eolCache = undefined;
  }

  private clamp(pos: Position): Position {
    const last = this.lines.length - 1;
    if (pos.line > last) return { line: last, character: contentLength(this.lines[last]!) };
    const line = Math.max(0, pos.line);
    return { line, character: Math.min(Math.max(0, pos.character), contentLength(this.lines[line]!)) };
  }

  private replace(range: Range, text: string): void {
    const s = this.clamp(range.start);
    let e = this.clamp(range.end);
    if (e.line < s.line || (e.line === s.line && e.character < s.character)) e = s;
    // One neighbour on each side joins the re-split: a "\r" left at the end of one line and a "\n"
    // starting the next are a single "\r\n" line break to the client.
    const from = Math.max(0, s.line - 1);
    const to = Math.min(this.lines.length - 1, e.line + 1);
    const before = from < s.line ? this.lines[from]! : '';
    const after = to > e.line ? this.lines[to]! : '';
    const merged = before + this.lines[s.line]!.slice(0, s.character) + text + this.lines[e.line]!.slice(e.character) + after;
    const pieces = splitKeepingBreaks(merged);
    // The merged text ends with the old terminator of line `to`; unless that was the last line,
    // the empty piece after it belongs to the next line, which is still in the array.
    if (to < this.lines.length - 1 && pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
    if (pieces.length < 5000) {
      this.lines.splice(from, to - from + 1, ...pieces);
    } else {
      // Spread arguments overflow the stack for huge pastes; rebuild instead.
      this.lines = [...this.lines.slice(0, from), ...pieces, ...this.lines.slice(to + 1)];
    }
  }
}
