// The fuzzer's fixed quick seed set, in every `npm test`: mutated corpus plans (malformed links and
// escapes, CRLF and lone CR, BOM, NUL, surrogate halves, RTL and zero-width characters, unclosed
// fences and HTML) through the bundled server over JSON-RPC and the CLI. The expensive shapes and
// the 2 s budget per request belong to `npm run fuzz` (a loaded machine is not a bug); here any
// error response, out-of-document range, edit that does not apply or re-parse, or CLI failure fails.
import { strict as assert } from 'node:assert';
import { runFuzz } from '../../scripts/dev/fuzz/fuzz';
import { assertBuilt } from '../helpers/cli';

describe('fuzz: fixed seed set through the server and the CLI', function () {
  this.timeout(120000);
  before(assertBuilt);

  for (const seed of [1, 20261207]) {
    it(`seed ${seed}: 15 documents, no failures`, async () => {
      const report = await runFuzz({ seed, count: 15, huge: false, positions: 3, cliEvery: 15 });
      assert.deepEqual(report.failures, []);
      assert.equal(report.documents, 15);
      assert.equal(report.cliFiles, 15);
      assert.ok((report.requests['textDocument/codeAction'] ?? 0) >= 45);
    });
  }
});
