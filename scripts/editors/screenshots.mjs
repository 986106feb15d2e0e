// `npm run screenshots` (after `npm run build`): regenerates every picture in the README, in a real
// VS Code (code-server) with the day pinned, so the pictures only change when the product does:
// editing (hover, completion, status bar, diagnostics, quick fix — lib/ui-editing-shots.mjs) and the
// rollout views (CodeLens, Release Plans view, timeline webview — lib/ui-views-smoke.mjs), each in
// its own workspace because each pins its own day.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { provision } from './provision.mjs';
import { freePort, launchChromium, makeRunDir, makeWorkspace, removeDir, ROOT, startCodeServer, writeUserSettings } from './lib/editor-env.mjs';
import { runEditingShots } from './lib/ui-editing-shots.mjs';
import { runViewsSmoke } from './lib/ui-views-smoke.mjs';

async function main() {
  provision(['vscode']);
  const runDir = makeRunDir('screenshots');
  const workspace = makeWorkspace(join(runDir, 'workspace'));
  const editingWorkspace = makeWorkspace(join(runDir, 'editing-workspace'));
  writeUserSettings(join(runDir, 'user-data'));
  const port = await freePort();
  const server = await startCodeServer({ port, runDir, folder: workspace });
  const context = await launchChromium(runDir);
  try {
    const resultsDir = join(ROOT, 'docs', 'images');
    mkdirSync(resultsDir, { recursive: true });
    const written = await runEditingShots({ context, port, workspace: editingWorkspace, extensionPath: ROOT, resultsDir }).catch(async (err) => {
      await context.pages().at(-1)?.screenshot({ path: join(runDir, '..', 'release-plan-screenshots-failure.png') }).catch(() => {});
      throw err;
    });
    console.log(`  ok   editing: ${written.join(', ')}`);
    const r = await runViewsSmoke({ context, port, workspace, extensionPath: ROOT, resultsDir });
    for (const line of r.log) console.log(`  ${line}`);
    if (!r.ok) throw new Error(`screenshots failed; see ${r.screenshot}`);
    console.log(`screenshots: written to ${resultsDir}`);
  } finally {
    await context.close().catch(() => {});
    server.stop();
    removeDir(runDir);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err?.stack ?? String(err));
    process.exit(1);
  },
);
