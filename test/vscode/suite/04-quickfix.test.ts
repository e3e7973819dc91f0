/**
 * Quick fixes offered by the server, applied the way the lightbulb applies them (the action's
 * WorkspaceEdit), make their diagnostic go away once the server re-analyses the edited text.
 * Each test edits its own copy of a seed so the other tests keep seeing the original text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, diagnosticsWithCode, openFiling, scratchCopy, waitFor, waitForDiagnostics } from './helpers';

/** Providers may answer with bare Commands (whose `command` is a string) as well as CodeActions. */
function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return typeof (a as vscode.Command).command !== 'string';
}

async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const code = codeOf(diagnostic);
  let seen = 'no code actions at all';
  return waitFor(
    `quick fixes for '${code}' at line ${diagnostic.range.start.line + 1}`,
    async () => {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      seen = (actions ?? []).map((a) => `${JSON.stringify(a.title)} [${isCodeAction(a) ? (a.diagnostics ?? []).map(codeOf).join(',') || 'no diagnostics' : 'command'}]`).join('; ') || 'no code actions at all';
      const all = (actions ?? []).filter(isCodeAction).filter((a) => a.edit !== undefined);
      // Actions that name the diagnostic they resolve come first; servers that leave
      // CodeAction.diagnostics empty still answer a request made for exactly this range.
      const linked = all.filter((a) => (a.diagnostics ?? []).some((d) => codeOf(d) === code && d.range.isEqual(diagnostic.range)));
      const fixes = linked.length > 0 ? linked : all;
      return fixes.length > 0 ? fixes : undefined;
    },
    undefined,
    () => `offered: ${seen}`,
  );
}

async function applyAndExpectGone(uri: vscode.Uri, code: string, pick: (d: vscode.Diagnostic, doc: vscode.TextDocument) => boolean): Promise<void> {
  const doc = await openFiling(uri);
  const before = await waitForDiagnostics(uri, code);
  const target = before.find((d) => pick(d, doc));
  assert.ok(target, `no '${code}' diagnostic of the kind this test fixes: ${describeDiagnostics(uri)}`);
  const targetText = doc.lineAt(target.range.start.line).text;
  const fixes = await quickFixesFor(uri, target);
  const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
  assert.ok(fix.edit, `quick fix '${fix.title}' has no edit`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), `workspace.applyEdit refused '${fix.title}'`);

  // Gone: one fewer finding with that code, and none left on the text the fix was about.
  await waitFor(
    `'${code}' to disappear after applying '${fix.title}'`,
    () => {
      const now = diagnosticsWithCode(uri, code);
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
      const stillThere = now.some((n) => n.range.start.line < (d?.lineCount ?? 0) && d?.lineAt(n.range.start.line).text === targetText && n.message === target.message);
      return now.length === before.length - 1 && !stillThere;
    },
    undefined,
    () => `now: ${describeDiagnostics(uri)}`,
  );
}

describe('quick fixes', () => {
  it("seed 000: 'unused-footnote' fixed by its quick fix", async () => {
    const uri = await scratchCopy('000', 'fix-footnote');
    await applyAndExpectGone(uri, 'unused-footnote', (_d, doc) => doc.lineAt(_d.range.start.line).text.includes('25% of these options vest'));
  });

  it("seed 001: an 'ocr-text' replacement removes its finding", async () => {
    const uri = await scratchCopy('001', 'fix-ocr');
    await applyAndExpectGone(uri, 'ocr-text', () => true);
  });
});
