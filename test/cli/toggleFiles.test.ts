// The toggle registry for `unknown-toggle`: --registry, or `config/features.yml` under the current
// directory (where the server looks under the workspace root), with vets-website's flag-name mapping
// matching camelCase names; no registry, no unknown-toggle findings.
import { strict as assert } from 'node:assert';
import { assertBuilt, parseJson, runCli, scratch, WARNING_PLAN } from '../helpers/cli';

const TODAY = ['--today', '2025-06-01'];
const REGISTRY = 'test/fixtures/corpus/vets-api-features.yml';
const WITH_TOGGLES = `${WARNING_PLAN}
## Toggles

| Toggle name | Description |
| ----------- | ----------- |
| show_one_va_debt_letter | the real one |
| show_one_va_dbet_letter | a typo |
| showOneVADebtLetter | camelCase of the real one |
| manageDependents | camelCase whose snake name cannot be derived |
`;
const FEATURES_YML = `features:
  show_one_va_debt_letter:
    actor_type: user
    description: Shows the letter
  dependents_management:
    actor_type: user
    description: Manage dependents
`;
const MAPPING = 'src/platform/utilities/feature-toggles/featureFlagNames.json';

describe('release-plan check: toggle registry', function () {
  this.timeout(30000);
  before(assertBuilt);

  const unknown = (args: string[], cwd: string) => parseJson(runCli(['check', '-f', 'json', ...TODAY, ...args], { cwd })).filter((f) => f.code === 'unknown-toggle');

  it('--registry ~/… is under the home folder (as the server reads registryFiles); an unreadable one is one readable line', () => {
    const s = scratch({ 'work/release-plan.md': WITH_TOGGLES, 'home/vets-api/config/features.yml': FEATURES_YML });
    try {
      const env = { HOME: `${s.dir}/home`, USERPROFILE: `${s.dir}/home` };
      // passed as one argument, unexpanded, as `--registry=~/…` or a quoted path reaches the CLI
      for (const args of [['--registry', '~/vets-api/config/features.yml'], ['--registry=~/vets-api/config/features.yml']]) {
        const r = runCli(['check', '-f', 'json', ...TODAY, ...args], { cwd: `${s.dir}/work`, env });
        assert.deepEqual(parseJson(r).filter((f) => f.code === 'unknown-toggle').map((f) => f.line), [23, 25], r.stderr);
      }
      const missing = runCli(['check', ...TODAY, '--registry', '~/nope/features.yml'], { cwd: `${s.dir}/work`, env });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /^release-plan: --registry ~\/nope\/features\.yml: cannot read \(.+\)\n$/);
      assert.doesNotMatch(missing.stderr, /\n\s+at /);
    } finally {
      s.remove();
    }
  });

  it('--registry <features.yml> turns on unknown-toggle, with a suggestion for a typo', () => {
    const s = scratch({ 'release-plan.md': WITH_TOGGLES, 'registry.yml': FEATURES_YML });
    try {
      assert.deepEqual(unknown([], s.dir), [], 'no registry: no unknown-toggle');
      const found = unknown(['--registry', 'registry.yml'], s.dir);
      assert.deepEqual(found.map((f) => f.line), [23, 25]);
      assert.match(found[0].message, /show_one_va_dbet_letter/);
      assert.match(found[0].message, /show_one_va_debt_letter/, 'suggests the registry name');
      assert.match(found[1].message, /manageDependents/);
    } finally {
      s.remove();
    }
  });

  it('finds config/features.yml and the flag-name mapping under the current directory, as the server does under the workspace root', () => {
    const s = scratch({ 'release-plan.md': WITH_TOGGLES, 'config/features.yml': FEATURES_YML, [MAPPING]: '{ "manageDependents": "dependents_management" }' });
    try {
      assert.deepEqual(unknown([], s.dir).map((f) => f.line), [23]);
    } finally {
      s.remove();
    }
  });

  it('the real vets-api registry on the seeds and the corpus', () => {
    const without = parseJson(runCli(['check', '-f', 'json', ...TODAY, 'test/fixtures/seeds', 'test/fixtures/corpus/va-release-plans/2*.md']));
    const withRegistry = parseJson(runCli(['check', '-f', 'json', ...TODAY, '--registry', REGISTRY, 'test/fixtures/seeds', 'test/fixtures/corpus/va-release-plans/2*.md']));
    assert.equal(without.filter((f) => f.code === 'unknown-toggle').length, 0);
    const found = withRegistry.filter((f) => f.code === 'unknown-toggle').map((f) => `${f.file}:${f.line} ${f.message.match(/'([^']+)'/)?.[1]}`);
    assert.ok(found.includes("test/fixtures/corpus/va-release-plans/21-0779__collaboration-cycle__release-plan.md:11 form_0779_enabled"), found.join('\n'));
    // every other finding is unchanged by the registry
    assert.deepEqual(withRegistry.filter((f) => f.code !== 'unknown-toggle'), without);
  });

  it('a registry file with no toggles is a configuration error (exit 2)', () => {
    const s = scratch({ 'release-plan.md': WITH_TOGGLES, 'empty.yml': 'features: []\n' });
    try {
      const r = runCli(['check', '--registry', 'empty.yml'], { cwd: s.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^release-plan: --registry empty\.yml: no toggles found/);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1);
    } finally {
      s.remove();
    }
  });
});
