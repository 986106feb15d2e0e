// The service's two kinds of cache, written once:
// - boundedMemo: results keyed by text (a chunk, a line, a label) that recur across keystrokes and
//   plans; least recently used entries go first once `max` is reached, so memory stays bounded.
// - perPlan: values derived from one model (its line index, its dates, its timeline), computed on
//   first use and dropped with the model.

export interface Memo<K, V> {
  (key: K): V;
  clear(): void;
}

export function boundedMemo<K, V>(max: number, compute: (key: K) => V): Memo<K, V> {
  const cache = new Map<K, V>();
  const memo = ((key: K): V => {
    if (cache.has(key)) {
      const hit = cache.get(key) as V;
      // Map keeps insertion order: re-inserting marks the entry as the most recently used
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const value = compute(key);
    cache.set(key, value);
    if (cache.size > max) cache.delete(cache.keys().next().value as K);
    return value;
  }) as Memo<K, V>;
  memo.clear = () => cache.clear();
  return memo;
}

export interface PerPlan<P extends object, V> {
  (plan: P): V;
  /** Supplies the value for a plan up front (the parser registers the line index it built anyway). */
  remember(plan: P, value: V): void;
}

export function perPlan<P extends object, V>(build: (plan: P) => V): PerPlan<P, V> {
  const cache = new WeakMap<P, V>();
  const get = ((plan: P): V => {
    if (cache.has(plan)) return cache.get(plan) as V;
    const value = build(plan);
    cache.set(plan, value);
    return value;
  }) as PerPlan<P, V>;
  get.remember = (plan, value) => cache.set(plan, value);
  return get;
}
