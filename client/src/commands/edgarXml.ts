/**
 * EDGAR ownership XML in the editor: "Form 345: Open EDGAR XML to the Side" (a read-only virtual
 * document that follows edits of the filing) and "Form 345: Export EDGAR XML" (the active filing,
 * or all filings of the document). The XML and EDGAR's verdict come from the server.
 *
 * Arguments (for tests and other extensions; the command palette passes none): `{ source?: Uri,
 * filing?: number, all?: boolean, target?: Uri }`. Without them the active filing editor and the
 * filing at its cursor are used, and dialogs ask where to write.
 */
import * as vscode from 'vscode';
import type { EdgarXmlResult } from '../../../server/src/protocol';
import { currentFilingUri } from '../filings';
import type { RecordsService } from '../records';

export const EDGAR_XML_SCHEME = 'form345-edgar';

interface Args {
  source?: vscode.Uri;
  filing?: number;
  all?: boolean;
  target?: vscode.Uri;
}

function parseArgs(arg: unknown): Args {
  if (arg instanceof vscode.Uri) return { source: arg };
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  return {
    source: o.source instanceof vscode.Uri ? o.source : undefined,
    filing: typeof o.filing === 'number' ? o.filing : undefined,
    all: o.all === true,
    target: o.target instanceof vscode.Uri ? o.target : undefined,
  };
}

/** `filing.txt` → `filing` (the stem XML files are named by). */
function stemOf(source: vscode.Uri): string {
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  return name.replace(/\.[^.]*$/, '') || 'filing';
}

/** The filing of `source` the cursor is in (its editor's), else the first. */
async function activeFiling(records: RecordsService, source: vscode.Uri): Promise<number | undefined> {
  const result = await records.get(source);
  if (!result || !result.filings.length) return undefined;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.toString());
  const line = editor?.selection.active.line;
  const hit = line === undefined ? undefined : result.filings.find((f) => f.range.start.line <= line && line <= f.range.end.line);
  return (hit ?? result.filings[0]).index;
}

/** The virtual document of filing `index` of `source`. */
export function edgarXmlUri(source: vscode.Uri, index: number, count: number): vscode.Uri {
  const name = count > 1 ? `${stemOf(source)}.${index + 1}.xml` : `${stemOf(source)}.xml`;
  return vscode.Uri.from({ scheme: EDGAR_XML_SCHEME, path: `/${name}`, query: source.toString(), fragment: String(index) });
}

function verdictLine(v: EdgarXmlResult['filings'][number]): string {
  if (v.verdict === 'accepted') return 'EDGAR would accept it.';
  const n = v.findings.length;
  return `${v.verdict === 'suspended' ? 'EDGAR would suspend it' : 'EDGAR would accept it with warnings'}: ${n} finding${n === 1 ? '' : 's'} (${[...new Set(v.findings.map((f) => f.code))].join(', ')}).`;
}

/** Serves the virtual XML documents; each follows its filing's edits. */
export class EdgarXmlProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly records: RecordsService) {
    this.subscriptions.push(
      records.onDidChange((p) => {
        for (const doc of vscode.workspace.textDocuments) {
          if (doc.uri.scheme === EDGAR_XML_SCHEME && sameDocument(doc.uri.query, p.uri)) this.changed.fire(doc.uri);
        }
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    try {
      const source = vscode.Uri.parse(uri.query, true);
      const index = Number(uri.fragment);
      const result = await this.records.edgarXml(source, Number.isInteger(index) ? index : undefined, token);
      const x = result?.filings[0];
      if (!x) return `<!-- Form 345: no filing ${Number.isInteger(index) ? index + 1 : ''} in ${source.toString()} (is it open as a Form 345 filing?) -->\n`;
      return x.xml;
    } catch (e) {
      return `<!-- Form 345: the XML could not be made: ${e instanceof Error ? e.message : String(e)} -->\n`;
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

/** The server's URI and VS Code's spelling of one file may differ in escaping. */
function sameDocument(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return vscode.Uri.parse(a, true).toString() === vscode.Uri.parse(b, true).toString();
  } catch {
    return false;
  }
}

/** "Open EDGAR XML to the Side": returns the opened editor, or undefined. */
export async function openEdgarXml(records: RecordsService, arg: unknown, previewed?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const args = parseArgs(arg);
  const source = args.source ?? currentFilingUri(previewed);
  if (!source) {
    void vscode.window.showWarningMessage('Form 345: open a Form 3, 4 or 5 filing to see its EDGAR XML.');
    return undefined;
  }
  const result = await records.get(source);
  const index = args.filing ?? (await activeFiling(records, source));
  if (!result || index === undefined) {
    void vscode.window.showWarningMessage('Form 345: no filing found in this document.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(edgarXmlUri(source, index, result.filings.length));
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
}

/** "Export EDGAR XML": writes the active filing's XML, or every filing's; returns the written files. */
export async function exportEdgarXml(records: RecordsService, arg: unknown, previewed?: vscode.Uri): Promise<vscode.Uri[]> {
  const args = parseArgs(arg);
  const source = args.source ?? currentFilingUri(previewed);
  if (!source) {
    void vscode.window.showWarningMessage('Form 345: open a Form 3, 4 or 5 filing to export its EDGAR XML.');
    return [];
  }
  const all = await records.edgarXml(source);
  if (!all || !all.filings.length) {
    void vscode.window.showWarningMessage('Form 345: no filing found in this document.');
    return [];
  }
  let everything = args.all;
  if (args.filing === undefined && !everything && all.filings.length > 1 && !args.target) {
    const pick = await vscode.window.showQuickPick(['The filing at the cursor', `All ${all.filings.length} filings of the document`], { title: 'Export EDGAR XML' });
    if (!pick) return [];
    everything = pick.startsWith('All');
  }
  const stem = stemOf(source);
  const many = all.filings.length > 1;
  const written: vscode.Uri[] = [];
  const exported: EdgarXmlResult['filings'] = [];
  if (everything) {
    const folder =
      args.target ??
      (await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Export here', title: 'Export EDGAR XML of every filing' }))?.[0];
    if (!folder) return [];
    for (const f of all.filings) {
      const target = vscode.Uri.joinPath(folder, many ? `${stem}.${f.index + 1}.xml` : `${stem}.xml`);
      await vscode.workspace.fs.writeFile(target, Buffer.from(f.xml, 'utf8'));
      written.push(target);
      exported.push(f);
    }
  } else {
    const index = args.filing ?? (await activeFiling(records, source)) ?? 0;
    const f = all.filings.find((x) => x.index === index);
    if (!f) return [];
    const name = many ? `${stem}.${index + 1}.xml` : `${stem}.xml`;
    const target =
      args.target ??
      (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(source, '..', name), filters: { XML: ['xml'] }, title: 'Export EDGAR XML' }));
    if (!target) return [];
    await vscode.workspace.fs.writeFile(target, Buffer.from(f.xml, 'utf8'));
    written.push(target);
    exported.push(f);
  }
  const worst = exported.find((f) => f.verdict === 'suspended') ?? exported.find((f) => f.verdict === 'warnings');
  const message = `Form 345: wrote ${written.length === 1 ? written[0].path.slice(written[0].path.lastIndexOf('/') + 1) : `${written.length} XML files`}. ${worst ? verdictLine(worst) : 'EDGAR would accept it.'}`;
  if (worst?.verdict === 'suspended') void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return written;
}
