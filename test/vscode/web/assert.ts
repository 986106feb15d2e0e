// node:assert's strict API as far as the shared suite files use it, for the web bundle (a worker has
// no node:assert). Same semantics: Object.is equality, deep structural equality, RegExp matching.
class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};

export const strict = {
  ok(value: unknown, message?: string): asserts value {
    if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
  },
  equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
    if (!Object.is(actual, expected)) fail(message, `${show(actual)} !== ${show(expected)}`);
  },
  notEqual(actual: unknown, expected: unknown, message?: string): void {
    if (Object.is(actual, expected)) fail(message, `${show(actual)} === ${show(expected)}`);
  },
  deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
    if (!deepEqual(actual, expected)) fail(message, `${show(actual)} does not deep-equal ${show(expected)}`);
  },
  match(value: string, pattern: RegExp, message?: string): void {
    if (!pattern.test(value)) fail(message, `${show(value)} does not match ${pattern}`);
  },
  doesNotMatch(value: string, pattern: RegExp, message?: string): void {
    if (pattern.test(value)) fail(message, `${show(value)} matches ${pattern}`);
  },
};

export default strict;
