// Worker threads change how fast, never what: the whole corpus gives byte-identical output, notes and
// exit code in the main thread and spread over two workers (every format is a pure function of the
// sorted findings, so json stands for all of them).
import { strict as assert } from 'node:assert';
import { autoWorkerCount } from '../../server/src/cli/workers';
import { assertBuilt, parseJson, runCli } from '../helpers/cli';

const INPUTS = ['--today', '2025-09-01', 'test/fixtures/corpus/va-release-plans', 'test/fixtures/seeds'];

describe('release-plan check on worker threads', function () {
  this.timeout(120000);
  before(assertBuilt);

  it('the corpus: the same json, notes and exit code with 0 and 2 workers', () => {
    const inline = runCli(['check', '-f', 'json', '--workers', '0', ...INPUTS]);
    assert.equal(inline.code, 0, inline.stderr);
    assert.ok(parseJson(inline).length > 2000);
    const threaded = runCli(['check', '-f', 'json', '--workers', '2', ...INPUTS]);
    assert.equal(threaded.code, inline.code, threaded.stderr);
    assert.ok(threaded.stdout === inline.stdout, 'two workers changed the output');
    assert.equal(threaded.stderr, inline.stderr);
  });

  it('more workers than batches of files still checks every file once', () => {
    const inline = runCli(['check', '-f', 'json', '--workers', '0', '--today', '2025-09-01', 'test/fixtures/seeds']);
    const many = runCli(['check', '-f', 'json', '--workers', '8', '--today', '2025-09-01', 'test/fixtures/seeds']);
    assert.equal(many.code, 0, many.stderr);
    assert.equal(many.stdout, inline.stdout);
  });

  it('auto: the main thread for few files, both of two cores for large inputs, otherwise workers leaving a core for V8', () => {
    assert.equal(autoWorkerCount(10, 16), 0);
    assert.equal(autoWorkerCount(116, 2), 0);
    // two cores: both, once the input is large enough to pay for a second isolate's warm-up
    assert.equal(autoWorkerCount(599, 2), 0);
    assert.equal(autoWorkerCount(600, 2), 2);
    assert.equal(autoWorkerCount(5000, 2), 2);
    assert.equal(autoWorkerCount(5000, 1), 0);
    assert.equal(autoWorkerCount(116, 4), 3);
    assert.equal(autoWorkerCount(45, 16), 3);
    assert.equal(autoWorkerCount(116, 16), 6);
    assert.equal(autoWorkerCount(5000, 64), 8);
  });
});
