import { strict as assert } from 'node:assert';
import { isReleasePlan, looksLikeReleasePlan, pathMatchesPlanGlobs } from '../../server/src/service/detect';
import { corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../helpers/fixtures';

describe('which markdown is a release plan', () => {
  it('matches the default globs case-insensitively, with and without folders', () => {
    for (const p of ['release-plan.md', 'products/x/Release-Plan.md', 'docs/AMA2-releaseplan.md', 'a/b/my_release_plan_v2.md', 'RELEASE PLAN.md'])
      assert.ok(pathMatchesPlanGlobs(p), p);
    for (const p of ['README.md', 'products/x/plan.md', 'release-notes.md', 'release-plan.txt']) assert.ok(!pathMatchesPlanGlobs(p), p);
    assert.ok(!isReleasePlan('release-plan.txt', 'hello'));
  });

  it('honours custom globs', () => {
    assert.ok(pathMatchesPlanGlobs('rollouts/q3.md', ['rollouts/*.md']));
    assert.ok(!pathMatchesPlanGlobs('other/q3.md', ['rollouts/*.md']));
  });

  it('recognises the seeds by content alone', () => {
    for (const f of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]) assert.ok(looksLikeReleasePlan(read(f)), f);
  });

  it('recognises every corpus plan that has stages and rollout vocabulary', () => {
    const missed = corpusFiles().filter((f) => /^#{1,6}\s+Stage [A-Z]\b/m.test(read(f)) && !looksLikeReleasePlan(read(f)));
    assert.deepEqual(missed, []);
  });

  it('leaves ordinary markdown alone', () => {
    assert.ok(!looksLikeReleasePlan('# README\n\nInstall with npm.\n\n## Usage\n\nStage your changes with git add.\n'));
    assert.ok(!looksLikeReleasePlan('# Game design\n\n## Stage A\n\nThe first level.\n'));
    assert.ok(!isReleasePlan('docs/README.md', '# Docs\n\n- [ ] todo\n'));
  });
});
