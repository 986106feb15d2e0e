import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { boundedMemo, lastCall, perPlan } from '../../server/src/service/memo';

/** A full collection, without starting node with --expose-gc. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('memo', () => {
  it('lastCall answers a repeat of its last call without computing, and nothing older', () => {
    const calls: string[] = [];
    const m = lastCall((a: string, b: string) => {
      calls.push(a + b);
      return { joined: a + b };
    });
    const first = m('ab', 'cd');
    assert.equal(m('ab', 'cd'), first); // the same result object, not computed again
    // equal texts built apart are the same argument (a document's text is a new string per version)
    assert.equal(m(['a', 'b'].join(''), 'c' + 'd'), first);
    assert.deepEqual(m('ab', 'ce'), { joined: 'abce' });
    assert.deepEqual(m('ab', 'cd'), { joined: 'abcd' }); // only the last call is kept
    m.clear();
    m('ab', 'cd');
    assert.deepEqual(calls, ['abcd', 'abce', 'abcd', 'abcd']);
  });

  it('boundedMemo computes once per key and evicts what was not used since the last turnover', () => {
    const calls: string[] = [];
    // two generations of `max`: the young one turns old when full, and the old one is then dropped
    const m = boundedMemo(2, (k: string) => {
      calls.push(k);
      return k.toUpperCase();
    });
    assert.equal(m('a'), 'A');
    assert.equal(m('b'), 'B');
    assert.equal(m('a'), 'A'); // a is now the most recent
    assert.equal(m('c'), 'C'); // evicts b, not a
    assert.equal(m('a'), 'A');
    assert.equal(m('b'), 'B');
    assert.deepEqual(calls, ['a', 'b', 'c', 'b']);
    m.clear();
    m('a');
    assert.deepEqual(calls, ['a', 'b', 'c', 'b', 'a']);
  });

  it('boundedMemo keeps neither the text its keys were cut from nor what values cut from them', () => {
    // a "document" of 8 MB, each key a slice of it (as chunks and lines are of a document version)
    const m = boundedMemo(100, (k: string) => ({ head: k.slice(0, 20) }));
    let doc: string | undefined = `${'x'.repeat(8_000_000)}${Math.random()}`;
    const values = Array.from({ length: 10 }, (_, i) => m(doc!.slice(i * 1000, i * 1000 + 200)));
    collect();
    const withDoc = process.memoryUsage().heapUsed;
    doc = undefined;
    collect();
    const freed = withDoc - process.memoryUsage().heapUsed;
    assert.ok(freed > 6_000_000, `dropping the document freed ${(freed / 1e6).toFixed(1)} MB: the cache still holds it`);
    // and the cache still answers, from its own copies
    assert.equal(m('x'.repeat(200)), values[0]);
  });

  it('boundedMemo keeps the last max keys and what is in use, and never more than twice its bound', () => {
    let n = 0;
    const m = boundedMemo(10, (k: number) => {
      n++;
      return k * 2;
    });
    for (let i = 0; i < 1000; i++) {
      assert.equal(m(i), i * 2);
      assert.equal(m(0), 0); // used on every step: never recomputed
    }
    assert.equal(n, 1000);
    n = 0;
    for (let i = 991; i < 1000; i++) m(i); // with 0, the last ten distinct keys: all still there
    assert.equal(n, 0);
    for (let i = 999; i >= 0; i--) m(i);
    assert.ok(n >= 1000 - 20, `at most 20 entries are kept: only ${n} of 1000 recomputed`);
  });

  it('boundedMemo caches undefined results too', () => {
    let n = 0;
    const m = boundedMemo(10, () => {
      n++;
      return undefined;
    });
    m('x');
    m('x');
    assert.equal(n, 1);
  });

  it('perPlan builds once per object, and takes a value supplied up front', () => {
    let built = 0;
    const size = perPlan((p: { text: string }) => {
      built++;
      return p.text.length;
    });
    const a = { text: 'abc' };
    assert.equal(size(a), 3);
    assert.equal(size(a), 3);
    assert.equal(built, 1);
    const b = { text: 'abcd' };
    size.remember(b, 99);
    assert.equal(size(b), 99);
    assert.equal(built, 1);
    assert.equal(size({ text: 'abc' }), 3);
    assert.equal(built, 2);
  });

  it('perPlan keeps values with the plan: the model still compares and serializes as data, caches do not mix, and the values go with it', async () => {
    const lines = perPlan((p: { text: string }) => p.text.split('\n'));
    const words = perPlan((p: { text: string }) => p.text.split(/\s+/));
    const plan = { text: 'a b\nc' };
    const bare = { text: 'a b\nc' };
    assert.deepEqual(lines(plan), ['a b', 'c']);
    assert.deepEqual(words(plan), ['a', 'b', 'c']);
    assert.deepStrictEqual(plan, bare, 'cached values are not part of the model as data');
    assert.equal(JSON.stringify(plan), JSON.stringify(bare));
    assert.deepEqual(Object.keys(plan), ['text']);
    let kept: { text: string } | undefined = { text: 'x'.repeat(1000) };
    const value = new WeakRef(lines(kept));
    kept = undefined;
    await new Promise((resolve) => setImmediate(resolve)); // a WeakRef holds its target until the job ends
    collect();
    assert.equal(value.deref(), undefined, 'a dropped plan takes its values with it');
  });
});
