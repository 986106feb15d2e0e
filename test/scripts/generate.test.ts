// `npm run generate` must be a no-op on a clean tree: every generated file (check settings in
// package.json and their texts in package.nls.json, the .releaseplanrc.json schema, the injection grammar) already holds what its source
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
      writeFileSync(join(dir, 'package.nls.json'), readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
      assert.equal(generatedFiles(dir)[0].text, real);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts back a check setting\'s text edited by hand in package.nls.json, and keeps every other key where it stood', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpt-generate-'));
    try {
      const real = readFileSync(join(ROOT, 'package.nls.json'), 'utf8');
      const nls = JSON.parse(real);
      nls['config.checks.placeholder.markdownDescription'] = 'edited by hand';
      delete nls['config.checks.severity.off'];
      writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json'), 'utf8'));
      writeFileSync(join(dir, 'package.nls.json'), JSON.stringify(nls, null, 2) + '\n');
      const generated = generatedFiles(dir).find((f) => f.path === join(dir, 'package.nls.json'));
      assert.equal(generated?.text, real);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
