/**
 * Switches plain-text and markdown documents that hold a Form 3/4/5 filing to the `form345`
 * language (setting `form345.detectFilings`). The recognition itself is detect.ts (pure).
 */
import * as vscode from 'vscode';
import { detectFiling, DETECTION_LINES } from './detect';
import { LANGUAGE_ID } from './languageClient';

const CANDIDATE_LANGUAGES = new Set(['plaintext', 'markdown']);

/** A close followed by an open of the same document within this time is a language change. */
const LANGUAGE_CHANGE_MS = 2000;

export class FilingDetector implements vscode.Disposable {
  /**
   * Documents switched once already. A language change reopens the document, so a user who sets
   * the language back to plain text would otherwise be overruled on the spot.
   */
  private readonly switched = new Set<string>();
  /** When a switched document was last closed as form345, to tell a language change from a reopen. */
  private readonly closedAt = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => void this.check(doc, true)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.languageId === LANGUAGE_ID && this.switched.has(doc.uri.toString())) this.closedAt.set(doc.uri.toString(), Date.now());
      }),
      // A filing pasted into a new untitled editor: recognized once its head is there.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.isUntitled && e.contentChanges.some((c) => c.range.start.line < DETECTION_LINES)) void this.check(e.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('form345.detectFilings')) this.checkOpenDocuments();
      }),
    );
  }

  checkOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) void this.check(doc);
  }

  /**
   * Switches `doc` if it is an undetected filing; returns the switched document, if any.
   * `opened`: called because the document was (re)opened, the only time a document switched
   * before may be recognized again.
   */
  async check(doc: vscode.TextDocument, opened = false): Promise<vscode.TextDocument | undefined> {
    if (!CANDIDATE_LANGUAGES.has(doc.languageId)) return undefined;
    if (!vscode.workspace.getConfiguration('form345', doc).get<boolean>('detectFilings', true)) return undefined;
    const key = doc.uri.toString();
    if (this.switched.has(key)) {
      // Closed as form345 and reopened at once: the user picked another language. Respect it.
      if (!opened || Date.now() - (this.closedAt.get(key) ?? 0) < LANGUAGE_CHANGE_MS) return undefined;
      // Otherwise the file was closed and opened again later: recognize it afresh.
      this.switched.delete(key);
    }
    // Only the head of the document: detection must stay cheap on large files.
    const head = doc.getText(new vscode.Range(0, 0, DETECTION_LINES, 0));
    if (!detectFiling(head)) return undefined;
    this.switched.add(key);
    try {
      return await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } catch {
      // The document may have closed meanwhile; nothing to do.
      return undefined;
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
