// Every string the extension contributes (settings, commands, views, the walkthrough) lives in
// package.nls.json, so the marketplace page and translations see all of them, and no key dangles.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSettingStrings } from '../../server/src/service/checks/manifest';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Fields whose values people read in the editor or on the marketplace. */
const TEXT_FIELDS = new Set(['title', 'description', 'markdownDescription', 'patternErrorMessage', 'category', 'enumDescriptions', 'displayName', 'markdownEnumDescriptions', 'name']);

function walk(value: unknown, path: string[], visit: (text: string, path: string[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)], visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
}

describe('package.nls.json', () => {
  it('every %key% in package.json has its text, and every text is used', () => {
    const used = new Set<string>();
    walk(pkg, [], (text) => {
      const m = /^%(.+)%$/.exec(text);
      if (m) used.add(m[1]);
    });
    for (const key of used) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `package.nls.json has no "${key}"`);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'unused keys');
  });

  it('no contributed text is left in package.json itself', () => {
    const literal: string[] = [];
    walk(pkg.contributes, ['contributes'], (text, path) => {
      const field = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
      // `name` is a text field only for views; settings items use it as a property name
      if (field === 'name' && !path.includes('views')) return;
      if (TEXT_FIELDS.has(field) && !/^%.+%$/.test(text)) literal.push(`${path.join('.')}: ${text}`);
    });
    assert.deepEqual(literal, []);
    for (const top of ['displayName', 'description']) assert.match(String(pkg[top]), /^%.+%$/, top);
  });

  it('the check settings\' texts are as generated (npm run generate)', () => {
    for (const [key, text] of Object.entries(checkSettingStrings())) assert.equal(nls[key], text, key);
  });
});
