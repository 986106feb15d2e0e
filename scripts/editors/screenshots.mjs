// `npm run screenshots` (after `npm run build`): regenerates the README's pictures of the rollout
// views (docs/images/codelens.png, release-plans-view.png, timeline-webview.png) in a real VS Code
// (code-server) with the day pinned, so the pictures only change when the product does.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { provision } from './provision.mjs';
import { freePort, launchChromium, makeRunDir, makeWorkspace, removeDir, ROOT, startCodeServer, writeUserSettings } from './lib/editor-env.mjs';
import { runViewsSmoke } from './lib/ui-views-smoke.mjs';

async function main() {
  provision(['vscode']);
  const runDir = makeRunDir('screenshots');
  const workspace = makeWorkspace(join(runDir, 'workspace'));
  writeUserSettings(join(runDir, 'user-data'));
  const port = await freePort();
  const server = await startCodeServer({ port, runDir, folder: workspace });
  const context = await launchChromium(runDir);
  try {
    const resultsDir = join(ROOT, 'docs', 'images');
    mkdirSync(resultsDir, { recursive: true });
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
