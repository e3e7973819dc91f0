/**
 * The extension activates in the real workbench and recognizes filings saved as plain text by their
 * content, while leaving other .txt files alone.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, openFiling, seedUri, waitFor, workspaceRoot } from './helpers';

describe('language and activation', () => {
  it('the extension under test is installed', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
  });

  it('detects a .txt filing (seed 001, markdown-ish OCR) as form345', async () => {
    const uri = await seedUri('001');
    const doc = await openFiling(uri);
    assert.equal(doc.languageId, LANGUAGE_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor('the extension to be active', () => ext?.isActive === true, 30_000);
  });

  it('detects every seed, whatever its layout', async () => {
    for (const prefix of ['000', '002', '003']) {
      const doc = await openFiling(await seedUri(prefix));
      assert.equal(doc.languageId, LANGUAGE_ID, `seed ${prefix}`);
    }
  });

  it('leaves a .txt that is not a filing as plain text', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'notes.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('Shopping list\n- milk\n- FORM 4 paper\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // Detection runs on open; give the client the same chance it had with the seeds, then check
    // that it did not claim this file.
    const other = await openFiling(await seedUri('002'));
    assert.equal(other.languageId, LANGUAGE_ID);
    const again = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.equal(again?.languageId, 'plaintext');
  });
});
