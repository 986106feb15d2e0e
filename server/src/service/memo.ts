// The service's three kinds of cache, written once:
// - boundedMemo: results keyed by text (a chunk, a line, a label) that recur across keystrokes and
//   plans; entries not used lately go first once `max` is reached, so memory stays bounded.
// - perPlan: values derived from one object — a model (its line index, its dates, its timeline), or a
//   chunk's analysis (per-line values, parse/reuse.ts) — computed on first use and dropped with it.
// - lastCall: the one last result of a pass over a whole document, for a caller that asks the same
//   question twice in a row.

export interface Memo<K, V> {
  (key: K): V;
  clear(): void;
}

export function boundedMemo<K, V>(max: number, compute: (key: K) => V): Memo<K, V> {
  // Two generations instead of a strict LRU: a hit in the young map is one lookup (a strict LRU's
  // delete + re-insert on every hit showed up in the keystroke profile — several thousand hits per
  // edit); a hit in the old map moves the entry young; when the young map holds `max` entries the old
  // one is dropped. So the last `max` distinct keys are always kept (what a strict LRU of `max`
  // promises: a document of up to `max` chunks re-parses one chunk per keystroke), and at most 2 × max.
  let young = new Map<K, V>();
  let old = new Map<K, V>();
  const memo = ((key: K): V => {
    const hit = young.get(key);
    if (hit !== undefined || young.has(key)) return hit as V;
    const own = detached(key);
    const value = old.has(key) ? (old.get(key) as V) : compute(own);
    old.delete(key);
    young.set(own, value);
    if (young.size >= max) {
      old = young;
      young = new Map<K, V>();
    }
    return value;
  }) as Memo<K, V>;
  memo.clear = () => {
    young = new Map<K, V>();
    old = new Map<K, V>();
  };
  return memo;
}

/**
 * A string key as a copy of its own. The keys are slices of a document version (a chunk, a line, a
 * label), and V8 keeps a slice as a view that holds on to the whole text it was cut from: a cache of
 * slices kept every version of an edited document alive (tens of MB after a few hundred keystrokes),
 * and what the computed value slices from the key did too. Copying the key (and computing from the
 * copy) keeps only its own characters.
 */
function detached<K>(key: K): K {
  return (typeof key === 'string' ? ownString(key) : key) as K;
}

/** A string as a copy of its own, not a view of a larger one (see detached). */
export function ownString(s: string): string {
  // concatenating makes a new string; slicing it flattens that into one fresh copy (V8 copies
  // strings shorter than 13 characters when slicing anyway)
  return s.length > 12 ? (' ' + s).slice(1) : s;
}

/**
 * `compute` with its last call kept: asked again with the same arguments (===; two strings are equal
 * when their characters are), it answers without running. For the passes over a whole document that
 * the server's stepwise parse of a large plan makes twice per keystroke (parse/stepwise.ts, then
 * parsePlan), which tell nothing apart but a text. The result is shared: callers must not change it.
 */
export function lastCall<A extends readonly unknown[], V>(compute: (...args: A) => V): LastCall<A, V> {
  let last: { args: A; value: V } | undefined;
  const memo = ((...args: A): V => {
    if (last && sameArgs(last.args, args)) return last.value;
    const value = compute(...args);
    last = { args, value };
    return value;
  }) as LastCall<A, V>;
  memo.clear = () => {
    last = undefined;
  };
  return memo;
}

// a loop, not every(): a callback would be a closure made per call, on the keystroke path
function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface LastCall<A extends readonly unknown[], V> {
  (...args: A): V;
  clear(): void;
}

export interface PerPlan<P extends object, V> {
  (plan: P): V;
  /** Supplies the value for a plan up front (the parser registers the line index it built anyway). */
  remember(plan: P, value: V): void;
}

/**
 * Where a plan keeps its perPlan values: one Map on the plan itself, not a WeakMap per cache keyed by
 * plans. V8's scavenger keeps a young key's WeakMap entry (the WeakMaps themselves live in the old
 * generation) until a full GC, so every keystroke's dates, timeline and field index were promoted to
 * the old generation and died there — a full GC every ~25 keystrokes on a 30 KB plan, each followed by
 * V8 recompiling the parser (the issue-17 profile finding). A Map owned by the plan dies young with it.
 * Non-enumerable, so a model still compares and serializes as the pure data it is.
 */
const DERIVED = Symbol('perPlan values');
type Holder = { [DERIVED]?: Map<unknown, unknown> };

function derivedOf(plan: object): Map<unknown, unknown> {
  const own = (plan as Holder)[DERIVED];
  if (own) return own;
  const created = new Map<unknown, unknown>();
  Object.defineProperty(plan, DERIVED, { value: created });
  return created;
}

export function perPlan<P extends object, V>(build: (plan: P) => V): PerPlan<P, V> {
  const key = Symbol('perPlan');
  const get = ((plan: P): V => {
    const values = derivedOf(plan);
    if (values.has(key)) return values.get(key) as V;
    const value = build(plan);
    values.set(key, value);
    return value;
  }) as PerPlan<P, V>;
  get.remember = (plan, value) => void derivedOf(plan).set(key, value);
  return get;
}
