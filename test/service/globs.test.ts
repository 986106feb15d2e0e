import { strict as assert } from 'node:assert';
import { pathMatchesPlanGlobs } from '../../server/src/service/detect';
import { compileGlob, MAX_GLOB_LENGTH, usableGlobs } from '../../server/src/service/globs';

describe('globs from settings and config files', () => {
  it('compiles ordinary globs and says why a huge one is left out', () => {
    const ok = compileGlob('**/*release*plan*.md');
    assert.ok('matcher' in ok && ok.matcher('a/b/release-plan.md'));
    const huge = compileGlob('*'.repeat(100_000));
    assert.ok('problem' in huge);
    assert.match(huge.problem, /is 100,000 characters long \(at most 1,000\); it is ignored, the other patterns apply/);
    assert.ok('matcher' in compileGlob('a'.repeat(MAX_GLOB_LENGTH)));
  });

  it('keeps the usable globs of a list', () => {
    const { globs, problems } = usableGlobs(['docs/**', 'y'.repeat(100_000), '**/*plan*.md']);
    assert.deepEqual(globs, ['docs/**', '**/*plan*.md']);
    assert.equal(problems.length, 1);
  });

  it('plan detection never throws on a glob picomatch cannot take; the other globs still match', () => {
    const globs = ['z'.repeat(100_000), '**/*rollout*.md'];
    assert.equal(pathMatchesPlanGlobs('products/avs/rollout.md', globs), true);
    assert.equal(pathMatchesPlanGlobs('products/avs/notes.md', globs), false);
  });
});
