import { strict as assert } from 'node:assert';
import { basename } from 'node:path';
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

  it('recognises the corpus plans by content alone, including those written before their stages', () => {
    const missed = corpusFiles().filter((f) => !looksLikeReleasePlan(read(f))).map((f) => basename(f));
    // two fragments: a form page with only a rollback note, and a rollout note with no template vocabulary
    assert.deepEqual(missed, ['idx-17157932486__vre-28-1900-form.md', 'idx-17566249735__ves-rollout-and-rollback.md']);
  });

  it('a Phase heading alone, or a plan title alone, is not enough', () => {
    assert.ok(!looksLikeReleasePlan('# Roadmap\n\n## Phase I: discovery\n\nInterviews.\n'));
    assert.ok(!looksLikeReleasePlan('# Release plan for the docs site\n\nWe ship on Friday.\n'));
    assert.ok(looksLikeReleasePlan('# Roadmap\n\n## Phase I: moderated production testing\n\n- Desired date range: 6/1 - 6/5\n'));
  });

  it('leaves ordinary markdown alone', () => {
    assert.ok(!looksLikeReleasePlan('# README\n\nInstall with npm.\n\n## Usage\n\nStage your changes with git add.\n'));
    assert.ok(!looksLikeReleasePlan('# Game design\n\n## Stage A\n\nThe first level.\n'));
    assert.ok(!isReleasePlan('docs/README.md', '# Docs\n\n- [ ] todo\n'));
  });
});
