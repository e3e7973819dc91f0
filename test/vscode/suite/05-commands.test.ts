/** The client's own commands: the preview webview and the exports. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scratchCopy, seedUri, showFiling, waitFor, waitForAnalysis, workspaceRoot } from './helpers';

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

/** Finds `key` in a JSON value, however the export nests its filings (object, array, {filings: [...]}). */
function findKey(value: unknown, key: string, depth = 4): unknown {
  if (depth < 0 || value === null || typeof value !== 'object') return undefined;
  if (!Array.isArray(value) && key in value) return (value as Record<string, unknown>)[key];
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const found = findKey(v, key, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('commands', () => {
  afterEach(async () => {
    // Only the previews: closing the filings too would make each test depend on re-detection.
    await vscode.window.tabGroups.close(webviewTabs());
  });

  it('form345.openPreview opens a webview panel for the active filing', async () => {
    const uri = await seedUri('001');
    await showFiling(uri);
    const before = webviewTabs().length;
    await vscode.commands.executeCommand('form345.openPreview');
    const tab = await waitFor('a webview tab', () => webviewTabs().length > before && webviewTabs()[webviewTabs().length - 1], 20_000);
    assert.match((tab.input as vscode.TabInputWebview).viewType, /form345/i, `webview type ${(tab.input as vscode.TabInputWebview).viewType}`);
  });

  it('form345.openPreviewToSide opens the preview beside the editor', async () => {
    const uri = await seedUri('003');
    await showFiling(uri);
    await vscode.commands.executeCommand('form345.openPreviewToSide');
    await waitFor('a webview in a second editor group', () => vscode.window.tabGroups.all.length >= 2 && webviewTabs().length > 0, 20_000);
  });

  it('form345.exportJson writes JSON with formType to the given Uri', async () => {
    const uri = await seedUri('001');
    await showFiling(uri);
    // The records come from the server: wait until it has analysed the document.
    await waitForAnalysis(uri);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'exports', 'seed-001.json');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'exports'));
    await vscode.commands.executeCommand('form345.exportJson', target);
    const bytes = await waitFor('the export file', async () => {
      try {
        const b = await vscode.workspace.fs.readFile(target);
        return b.byteLength > 0 ? b : undefined;
      } catch {
        return undefined;
      }
    }, 20_000);
    const json: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    assert.equal(findKey(json, 'formType'), '4', 'seed 001 is a Form 4');
  });

  it('form345.exportCsv writes a header and at least one row', async () => {
    const uri = await seedUri('001');
    await showFiling(uri);
    await waitForAnalysis(uri);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'exports', 'seed-001.csv');
    await vscode.commands.executeCommand('form345.exportCsv', target);
    const text = await waitFor('the CSV export', async () => {
      try {
        const t = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
        return t.length > 0 ? t : undefined;
      } catch {
        return undefined;
      }
    }, 20_000);
    const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
    assert.ok(lines.length >= 2, `CSV has ${lines.length} line(s)`);
  });

  it('form345.exportEdgarXml writes the ownership XML of the filing', async () => {
    const uri = await seedUri('001');
    await showFiling(uri);
    await waitForAnalysis(uri);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'exports', 'seed-001.xml');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'exports'));
    const written = (await vscode.commands.executeCommand('form345.exportEdgarXml', { target })) as vscode.Uri[];
    assert.equal(written.length, 1);
    const xml = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ownershipDocument>\n {2}<documentType>4<\/documentType>/);
    assert.match(xml, /<issuerTradingSymbol>TGEN<\/issuerTradingSymbol>/);
  });

  it('form345.openEdgarXml shows the XML beside the filing, read-only, and follows edits', async () => {
    const uri = await scratchCopy('001', 'edgar-xml');
    const editor = await showFiling(uri);
    await waitForAnalysis(uri);
    const xmlEditor = (await vscode.commands.executeCommand('form345.openEdgarXml')) as vscode.TextEditor;
    assert.ok(xmlEditor, 'an editor opened');
    assert.equal(xmlEditor.document.uri.scheme, 'form345-edgar');
    assert.notEqual(xmlEditor.viewColumn, editor.viewColumn, 'beside the filing');
    assert.match(xmlEditor.document.getText(), /<issuerTradingSymbol>TGEN<\/issuerTradingSymbol>/);
    // Edit the trading symbol in the filing: the XML follows.
    const doc = editor.document;
    const line = doc.getText().split(/\r?\n/).findIndex((l) => l.includes('TGEN'));
    const col = doc.lineAt(line).text.indexOf('TGEN');
    await editor.edit((b) => b.replace(new vscode.Range(line, col, line, col + 4), 'TGNX'));
    await waitFor('the XML to follow the edit', () => /<issuerTradingSymbol>TGNX<\/issuerTradingSymbol>/.test(xmlEditor.document.getText()) || undefined, 20_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('form345.openLedger shows the workspace ledger; its CSV export writes the entries', async () => {
    await vscode.commands.executeCommand('form345.openLedger');
    const tab = await waitFor('the Ledger webview', () => webviewTabs().find((t) => /form345\.ledger/.test((t.input as vscode.TabInputWebview).viewType)), 20_000);
    assert.ok(tab);
    const ext = vscode.extensions.all.find((e) => (e.packageJSON as { name?: string }).name === 'form345');
    const api = ext?.exports as { ledger: { shown: { groups: unknown[] } | null; exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> } } | undefined;
    assert.ok(api?.ledger, 'the extension API exposes the ledger view');
    // The workspace (fixtures and seeds) holds filings of several owners: the ledger has groups.
    await waitFor('the ledger with groups', () => (api.ledger.shown?.groups.length ?? 0) > 0 || undefined, 30_000);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'exports'));
    const target = vscode.Uri.joinPath(workspaceRoot(), 'exports', 'ledger.csv');
    const written = await api.ledger.exportCsv(target);
    assert.equal(written?.toString(), target.toString());
    const text = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
    assert.match(lines[0]!, /^owner,issuer,security,directOrIndirect,nature,file,line,date,code,shares/);
    assert.ok(lines.length > 1, `CSV has ${lines.length} line(s)`);
  });
});
