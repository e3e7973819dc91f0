/**
 * Entry point of the extension-host suite: VS Code (test-electron, or the VS Code server in code-server)
 * loads this file from `extensionTestsPath` and awaits `run()`. A rejection makes the host exit with 1.
 *
 * Compiled by scripts/vscode/prepare.mjs into .vscode-test/out/vscode/, one bundle per test file next
 * to this one under suite/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    // Output goes through the workbench's log forwarding, which has no terminal to colour.
    color: false,
    // Individual waits have their own deadlines; this only stops a test that hangs outright.
    timeout: 90_000,
    grep: process.env.FORM345_TEST_GREP || undefined,
  });
  const dir = path.join(__dirname, 'suite');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
