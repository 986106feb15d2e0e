import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { INTERRUPT_BUDGET, tieringFlag } from '../../server/src/node/jitTiering';

/** This node's V8 flag listing (V8 ignores an unknown flag without a word, so the tests ask V8 itself). */
const v8Options = (): string => execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 1 << 24 });

describe('node/jitTiering', () => {
  it('is eight times the default interrupt budget of the V8 this node runs, a flag that V8 lists', () => {
    const listing = /^\s+--interrupt-budget \(.*\)\n\s+type: int\s+default: --interrupt-budget=(\d+)$/m.exec(v8Options());
    assert.ok(listing, 'V8 no longer lists --interrupt-budget: the server, CLI and Action would set nothing');
    assert.equal(INTERRUPT_BUDGET, 8 * Number(listing[1]));
  });

  it('sets that budget when the node command line gives none', () => {
    assert.equal(tieringFlag([]), `--interrupt-budget=${INTERRUPT_BUDGET}`);
    assert.equal(tieringFlag(['--enable-source-maps']), `--interrupt-budget=${INTERRUPT_BUDGET}`);
    // a different flag that merely starts the same is not a budget
    assert.equal(tieringFlag(['--interrupt-budget-for-feedback-allocation=940']), `--interrupt-budget=${INTERRUPT_BUDGET}`);
  });

  it('leaves a budget given on the node command line alone, in either spelling', () => {
    assert.equal(tieringFlag(['--interrupt-budget=67584']), undefined);
    assert.equal(tieringFlag(['--interrupt_budget=1000']), undefined);
    assert.equal(tieringFlag(['--interrupt-budget', '1000']), undefined);
  });
});
