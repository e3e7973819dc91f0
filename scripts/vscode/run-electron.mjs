#!/usr/bin/env node
// The same extension-host suite (test/vscode) in VS Code desktop via @vscode/test-electron, for machines
// that can download VS Code (update.code.visualstudio.com). Not usable on the offline build machines:
// there `npm run test:vscode` runs the suite in code-server's VS Code server and says this one is skipped.
//
// Options: --no-build, --version <vscode version|stable|insiders>, --grep PATTERN.
import { join } from 'node:path';
import { ROOT, die, isolatedEnv, log, makeRunDir, makeWorkspace, useRunTmp } from './lib.mjs';
import { buildExtension, compileSuite, suiteOut } from './prepare.mjs';

const TAG = 'test:vscode:electron';
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const runDir = makeRunDir('electron');
useRunTmp(runDir);
if (!argv.includes('--no-build')) await buildExtension(TAG);
const suiteIndex = await compileSuite(TAG, suiteOut(runDir));
const workspace = makeWorkspace(join(runDir, 'workspace'));
const started = Date.now();
const { runTests } = await import('@vscode/test-electron');
try {
  // Same isolation as the code-server runner: own user data, extensions, XDG and TMP dirs.
  const env = isolatedEnv(runDir, { FORM345_TEST_GREP: opt('--grep') ?? process.env.FORM345_TEST_GREP ?? '' });
  const code = await runTests({
    version: opt('--version') ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suiteIndex,
    extensionTestsEnv: env,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(runDir, 'user'),
      '--extensions-dir', join(runDir, 'ext'),
    ],
  });
  if (code !== 0) die(TAG, `suite exited ${code}`);
} catch (e) {
  die(TAG, String(e?.message ?? e).split('\n')[0]);
}
log(TAG, `passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
