// PLACEHOLDER until the real pipeline lands (same exports, same types).
import type { AnalysisResult, AnalyzeOptions, CancellationLike, Range } from './types';

/** One LSP-style content change: a range in the old text and its replacement, or a whole new text. */
export interface ContentChange {
  range?: Range;
  text: string;
}

export function analyze(_text: string, _options: AnalyzeOptions = {}): AnalysisResult {
  return { filings: [], findings: [] };
}

export class IncrementalAnalyzer {
  private current: string;
  constructor(text: string, private readonly options: AnalyzeOptions = {}) {
    this.current = text;
  }
  get text(): string {
    return this.current;
  }
  applyChanges(changes: readonly ContentChange[]): void {
    for (const c of changes) if (!c.range) this.current = c.text;
  }
  analyze(_token?: CancellationLike): AnalysisResult | null {
    return analyze(this.current, this.options);
  }
}
