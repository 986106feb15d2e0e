// `npm run generate` must be a no-op on a clean tree: every generated file (check settings in
// package.json, the .releaseplanrc.json schema, the injection grammar) already holds what its source
// implies. And the generator must really repair drift, or the first test proves nothing.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generatedFiles, ROOT } from '../../scripts/generate/index';

describe('npm run generate', () => {
  it('regenerating changes nothing: every generated file is up to date', () => {
    for (const f of generatedFiles()) assert.equal(readFileSync(f.path, 'utf8'), f.text, `${relative(ROOT, f.path)} is stale: run npm run generate`);
  });

  it('puts back a check setting edited by hand, and touches nothing else in package.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpt-generate-'));
    try {
      const real = readFileSync(join(ROOT, 'package.json'), 'utf8');
      const pkg = JSON.parse(real);
      pkg.contributes.configuration.properties['releasePlan.checks.placeholder'].default = 'error';
      writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
      assert.equal(generatedFiles(dir)[0].text, real);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
