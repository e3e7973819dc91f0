/**
 * The text of an open document, kept as an array of lines.
 *
 * Why not `TextDocument` from vscode-languageserver-textdocument: it keeps one string and rebuilds
 * it on every edit (substring + concat), which forces V8 to flatten the whole document each
 * keystroke — about 2 ms per character typed in a 1 MB document, more than the incremental
 * analysis itself. Here an edit splices only the lines it touches, so typing costs what the
 * edited lines cost. Each line keeps its own terminator (\n, \r\n, \r or none for the last one),
 * so the text is reproduced byte for byte and LSP line numbers match the client's. The buffer is
 * the analyzer's own ({@link LineBuffer}): the two cannot disagree on a line break.
 */
import type { ContentChange, Range } from '../analysis';
import { LineBuffer } from '../analysis/text/lineBuffer';

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

export class LineDocument implements TextLines {
  /** The same line buffer the incremental analyzer edits, so both split and clamp alike. */
  private readonly buffer: LineBuffer;
  private eolCache: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.buffer = new LineBuffer(text);
  }

  get lineCount(): number {
    return this.buffer.lineCount;
  }

  get eol(): string {
    if (this.eolCache === undefined) this.eolCache = this.buffer.breaks.find((b) => b !== '') ?? '\n';
    return this.eolCache;
  }

  lineText(line: number): string {
    return this.buffer.lines[line] ?? '';
  }

  getText(range?: Range): string {
    return range ? this.buffer.slice(range) : this.buffer.text();
  }

  /** Applies LSP content changes in order, like the client did. */
  update(changes: readonly ContentChange[], version: number): void {
    for (const change of changes) {
      const text = typeof change.text === 'string' ? change.text : '';
      if (!change.range) this.buffer.reset(text);
      else this.buffer.replace(change.range, text);
    }
    this.version = version;
    this.eolCache = undefined;
  }
}
