/**
 * Code actions:
 *  - one quick fix per fix the analysis attached to a finding (the preferred one marked so);
 *  - "Fix all <code> problems" when a document has several fixable findings of one rule;
 *  - "Disable <code> for this line / for this file" through the comment convention;
 *  - `source.fixAll.form345`: every finding's preferred fix at once (editors run it on save).
 * Fixes are combined only when their edits do not touch each other; the rest stay for the next run.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { RULE_CODES, type Finding, type Fix, type OcrDetail, type RuleCode, type TextEdit } from '../analysis';
import { publishedFindings, toDiagnostic } from './diagnostics';
import { disableForFile, disableForLine } from './disableComments';
import type { DocumentSnapshot } from './documents';
import { comparePositions, isValidRange, rangesIntersect, rangesOverlap } from './ranges';
import type { RuleLevels } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.form345`;

/** True when an action of `kind` answers a request restricted to `only` (kinds are hierarchical). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function editFor(snapshot: DocumentSnapshot, edits: readonly TextEdit[]): CodeAction['edit'] {
  return { changes: { [snapshot.uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}

/** The fix an editor may apply unattended: the preferred one, or the only one. */
function unattendedFix(finding: Finding): Fix | undefined {
  const fixes = finding.fixes ?? [];
  return fixes.find((f) => f.isPreferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0 && a.newText === b.newText;
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (rangesIntersect(a.range, b.range)) return true;
  // Two inserts at one point, or an insert at the edge of a replacement: order would be ambiguous.
  return comparePositions(a.range.start, b.range.start) === 0 || comparePositions(a.range.end, b.range.end) === 0;
}

/** Combines the unattended fixes of `findings` into one list of disjoint edits. */
export function combineFixes(findings: readonly Finding[]): { edits: TextEdit[]; fixed: Finding[] } {
  const edits: TextEdit[] = [];
  const fixed: Finding[] = [];
  for (const finding of findings) {
    const fix = unattendedFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    const fresh = fix.edits.filter((e) => !edits.some((x) => sameEdit(x, e)));
    if (fresh.some((e) => edits.some((x) => conflicts(x, e)))) continue;
    edits.push(...fresh);
    fixed.push(finding);
  }
  return { edits, fixed };
}

export function codeActions(snapshot: DocumentSnapshot, params: CodeActionParams, levels: RuleLevels, ocrDetail: OcrDetail = 'line'): CodeAction[] {
  const doc = snapshot.document;
  if (!isValidRange(doc, params.range)) return [];
  const only = params.context?.only;
  const all = publishedFindings(snapshot, levels, ocrDetail);
  const actions: CodeAction[] = [];

  if (wanted(only, CodeActionKind.QuickFix)) {
    const here = all.filter((f) => rangesOverlap(f.range, params.range));
    const offeredFixAll = new Set<Finding['code']>();
    for (const finding of here) {
      const diagnostic = toDiagnostic(finding);
      actions.push(...quickFixes(snapshot, finding, diagnostic));
      if (!offeredFixAll.has(finding.code)) {
        offeredFixAll.add(finding.code);
        const fixAll = fixAllOfKind(snapshot, all, finding.code);
        if (fixAll) actions.push(fixAll);
      }
      actions.push(...disableActions(snapshot, finding, diagnostic));
    }
  }

  if (wanted(only, FIX_ALL_KIND) && only && only.length > 0) {
    const { edits, fixed } = combineFixes(all);
    if (edits.length > 0) {
      actions.push({
        title: `Fix all auto-fixable form345 problems (${fixed.length})`,
        kind: FIX_ALL_KIND,
        diagnostics: fixed.map(toDiagnostic),
        edit: editFor(snapshot, edits),
      });
    }
  }
  return actions;
}

function quickFixes(snapshot: DocumentSnapshot, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  return (finding.fixes ?? []).map((fix) => {
    const action: CodeAction = {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: editFor(snapshot, fix.edits),
    };
    if (fix.isPreferred) action.isPreferred = true;
    return action;
  });
}

/** Offered only when it does more than the single quick fix: two or more fixable findings of the rule. */
function fixAllOfKind(snapshot: DocumentSnapshot, all: readonly Finding[], code: Finding['code']): CodeAction | undefined {
  const ofKind = all.filter((f) => f.code === code);
  const { edits, fixed } = combineFixes(ofKind);
  if (fixed.length < 2) return undefined;
  return {
    title: `Fix all ${code} problems in this document (${fixed.length})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: fixed.map(toDiagnostic),
    edit: editFor(snapshot, edits),
  };
}

const DISABLEABLE: ReadonlySet<string> = new Set<string>(RULE_CODES);

function disableActions(snapshot: DocumentSnapshot, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  const out: CodeAction[] = [];
  // Disable comments silence the rules of one filing; findings across filings have their setting only.
  if (!DISABLEABLE.has(finding.code)) return out;
  const code = finding.code as RuleCode;
  const line = disableForLine(snapshot.document, snapshot.languageId, finding.range.start.line, code);
  if (line) {
    out.push({ title: `Disable ${finding.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editFor(snapshot, [line]) });
  }
  const file = disableForFile(snapshot.document, snapshot.languageId, code);
  if (file) {
    out.push({ title: `Disable ${finding.code} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editFor(snapshot, [file]) });
  }
  return out;
}
