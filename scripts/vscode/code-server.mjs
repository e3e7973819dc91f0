// code-server as a person uses it: the packaged .vsix installed into a fresh extensions dir, the
// workspace opened, bound to 127.0.0.1 without auth. Shared by the UI run and the main job.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY, NODE24, capture, isolatedEnv, log, startDetached, waitForHttp } from './lib.mjs';

export const EXTENSION_ID = 'form345.form345';

function dirs(runDir) {
  return ['--user-data-dir', join(runDir, 'user'), '--extensions-dir', join(runDir, 'ext'), '--config', join(runDir, 'config.yaml')];
}

function writeConfig(runDir, port) {
  // Our own config file, or code-server writes a default one (with a password) into $XDG_CONFIG_HOME.
  writeFileSync(join(runDir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
}

export async function installVsix(tag, runDir, vsix) {
  writeConfig(runDir, 0);
  const r = await capture(NODE24, [CODE_SERVER_ENTRY, ...dirs(runDir), '--install-extension', vsix, '--force'], { env: isolatedEnv(runDir), cwd: runDir });
  if (r.code !== 0 || !/was successfully installed|already installed/i.test(r.out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.code}): ${r.out.trim().split('\n').slice(-3).join(' | ')}`);
  }
  log(tag, `installed ${vsix.split('/').pop()} into ${join(runDir, 'ext')}`);
}

/** Starts code-server on 127.0.0.1:port with `workspace` open; resolves once it answers /healthz. */
export async function startCodeServer(tag, { runDir, port, workspace }) {
  writeConfig(runDir, port);
  const proc = startDetached(
    NODE24,
    [
      CODE_SERVER_ENTRY,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...dirs(runDir),
      workspace,
    ],
    { env: isolatedEnv(runDir), cwd: runDir, logFile: join(runDir, 'code-server.log') },
  );
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000, proc);
  log(tag, `code-server listening on 127.0.0.1:${port}`);
  return proc;
}

export function workbenchUrl(port, workspace) {
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
}
