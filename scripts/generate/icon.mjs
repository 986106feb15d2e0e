// Renders media/icon.svg to media/icon.png (128×128, the marketplace icon) with the test Chromium,
// so the PNG is always the SVG in the repository and nobody needs an image editor:
//   npm run icon
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, makeRunDir, ROOT } from '../editors/lib/editor-env.mjs';

const SIZE = 128;
const svg = readFileSync(join(ROOT, 'media', 'icon.svg'), 'utf8');
const runDir = makeRunDir('icon');
const context = await launchChromium(runDir);
try {
  const page = await context.newPage();
  await page.setViewportSize({ width: SIZE, height: SIZE });
  // the SVG inline, on a transparent page, scaled to exactly SIZE×SIZE
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`);
  await page.locator('svg').screenshot({ path: join(ROOT, 'media', 'icon.png'), omitBackground: true });
  console.log(`media/icon.png written (${SIZE}×${SIZE}) from media/icon.svg`);
} finally {
  await context.close();
  rmSync(runDir, { recursive: true, force: true });
}
