/**
 * "Form 345: Show Transaction Code Reference": the whole code table (domain/codes.ts) as a
 * read-only markdown document, shown rendered when the markdown preview is available.
 */
import * as vscode from 'vscode';
import { codeReferenceMarkdown } from '../../../server/src/analysis/domain/codes';

export const REFERENCE_SCHEME = 'form345-reference';
export const REFERENCE_URI = vscode.Uri.from({ scheme: REFERENCE_SCHEME, path: '/Transaction Codes.md' });

/** Serves the reference text: a virtual document is never dirty and needs no file. */
export function registerReferenceProvider(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(REFERENCE_SCHEME, {
    provideTextDocumentContent: () => codeReferenceMarkdown(),
  });
}

/** Opens the reference; returns its Uri (tests read the document through it). */
export async function showCodeReference(): Promise<vscode.Uri> {
  const doc = await vscode.workspace.openTextDocument(REFERENCE_URI);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  } catch {
    // The built-in markdown extension may be disabled: the source is readable too.
    await vscode.window.showTextDocument(doc, { preview: true });
  }
  return doc.uri;
}
