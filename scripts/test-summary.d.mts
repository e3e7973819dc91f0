// Types of test-summary.mjs for the TypeScript tests that import it.
export interface Counts {
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  todo: number;
}
export interface LayerRow extends Counts {
  name: string;
  code: number;
  ok: boolean;
  problem?: string;
  ms?: number;
}
export interface NotRunRow {
  name: string;
  notRun: string;
  optedOut?: boolean;
}
export interface Step {
  name: string;
  ok: boolean;
  ms?: number;
  problem?: string;
}
export function stripAnsi(text: string): string;
export function countNodeTest(text: string): Counts | undefined;
export function countMocha(text: string): Counts | undefined;
export function countUiSteps(text: string): Counts | undefined;
export function layerResult(name: string, code: number, counts: Counts | undefined, extra?: { ms?: number; problem?: string }): LayerRow;
export function formatSummary(input: { steps?: Step[]; rows?: (LayerRow | NotRunRow)[]; optedOut?: string[]; notes?: string[] }): string;
