/**
 * Root hook: before any test, the extension must be installed and activate on a seed. Without this,
 * a missing or crashing extension would make every test wait out its own deadline; with it, mocha
 * reports one failed "before all" hook at once and the run fails loudly.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFiling, seedUri, waitFor } from './helpers';

before(async function () {
  this.timeout(90_000);
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is dist/client.js built and package.json's publisher/name right?)`);
  await openFiling(await seedUri('001'));
  await waitFor('the extension to activate', () => ext.isActive, 60_000);
});
