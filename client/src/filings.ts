/**
 * Which document a command without arguments is about: the active `form345` editor, else the
 * one the preview shows, else a visible `form345` editor.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './languageClient';

export function isFilingDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === LANGUAGE_ID;
}

export function currentFilingUri(previewed?: vscode.Uri): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (isFilingDocument(active)) return active.uri;
  if (previewed) return previewed;
  return vscode.window.visibleTextEditors.find((e) => isFilingDocument(e.document))?.document.uri;
}
