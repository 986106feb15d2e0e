// `npm start` (after `npm run build`): a real VS Code in the browser with the extension on sample
// plans. Provisions code-server if needed, starts it on 127.0.0.1 (PORT, default 8080) with the
// extension loaded from this checkout (extensionDevelopmentPath: rebuild + "Developer: Reload
// Window" picks up changes) and a workspace of the seeds and a few corpus plans, prints the URL.
// Ctrl-C stops everything.
//
// State (workspace, settings, extensions dir) lives in .cache/start/, so edits to the sample plans
// survive a restart; delete that folder for a fresh copy.
/* global setTimeout */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { provision } from './provision.mjs';
import { CACHE, ROOT, killGroup, makeWorkspace, remoteUri, sampleCorpusPlans, startCodeServer, workbenchUrl, writeUserSettings } from './lib/editor-env.mjs';

const DEFAULT_PORT = 8080;

async function main() {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
  provision(['vscode']);
  if (!existsSync(join(ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run npm run build first');

  const stateDir = join(CACHE, 'start');
  const workspace = join(stateDir, 'workspace');
  if (!existsSync(workspace)) makeWorkspace(workspace, { corpusPlans: sampleCorpusPlans(6) });
  writeUserSettings(join(stateDir, 'user-data'));

  const server = await startCodeServer({ port, runDir: stateDir, folder: workspace }).catch((err) => {
    throw new Error(`${err.message.split('\n')[0]} (is port ${port} free? set PORT=… to use another)`);
  });
  const stop = (code) => {
    killGroup(server.child);
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.child.once('exit', (code) => {
    console.error(`code-server exited (${code}):\n${server.output().split('\n').slice(-20).join('\n')}`);
    process.exit(1);
  });

  const url = workbenchUrl(port, workspace, [['extensionDevelopmentPath', remoteUri(port, ROOT)]]);
  console.log(`
Release Plan Tools in VS Code (code-server) on port ${port}${process.env.PORT ? '' : ` (default; set PORT to change)`}:

  ${url}

Open a plan under seeds/ or corpus/ to see its diagnostics. After \`npm run build\`, run
"Developer: Reload Window" to load the new build. Ctrl-C stops the server.
`);
  // Keep the process alive while code-server runs (its pipes already do; this makes it explicit).
  setTimeout(() => {}, 2 ** 31 - 1);
}

main().catch((err) => {
  console.error(`start: ${err.message}`);
  process.exit(1);
});
