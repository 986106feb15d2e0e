import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { INTERRUPT_BUDGET, tieringFlag } from '../../server/src/node/jitTiering';

describe('node/jitTiering', () => {
  it('asks V8 for eight times its default interrupt budget', () => {
    assert.equal(INTERRUPT_BUDGET, 8 * 67584);
    assert.equal(tieringFlag([]), `--interrupt-budget=${INTERRUPT_BUDGET}`);
    assert.equal(tieringFlag(['--enable-source-maps']), `--interrupt-budget=${INTERRUPT_BUDGET}`);
  });

  it('leaves a budget given on the node command line alone, in either spelling', () => {
    assert.equal(tieringFlag(['--interrupt-budget=67584']), undefined);
    assert.equal(tieringFlag(['--interrupt_budget=1000']), undefined);
    assert.equal(tieringFlag(['--interrupt-budget', '1000']), undefined);
    // a different flag that merely starts the same is not a budget
    assert.equal(tieringFlag(['--interrupt-budget-for-feedback-allocation=940']), `--interrupt-budget=${INTERRUPT_BUDGET}`);
  });

  it('is a flag this node accepts (V8 rejects unknown flags silently, so ask V8 to list it)', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    assert.match(options, /^\s+--interrupt-budget \(/m);
  });
});
