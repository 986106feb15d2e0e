import { strict as assert } from 'node:assert';
import {
  CONFIG_FILE_NAME,
  configFileCandidates,
  findConfigFile,
  isIgnored,
  MAX_CONFIG_DEPTH,
  parseRcFile,
  readSettings,
  resolveConfig,
} from '../../server/src/service/config';

describe('config: settings', () => {
  it('reads the releasePlan.checks object, dropping unknown ids and bad values with a note', () => {
    const { checks, notes } = readSettings({ placeholder: 'hint', 'stage-sequence': 'off', placeholdr: 'off', 'pick-one': 'loud' });
    assert.deepEqual(checks, { placeholder: 'hint', 'stage-sequence': 'off' });
    assert.deepEqual(notes, [
      'releasePlan.checks.placeholdr: unknown check id; ignored',
      'releasePlan.checks.pick-one: "loud" is not one of off, hint, information, warning, error; ignored',
    ]);
  });

  it('treats a missing section as no settings and a non-object as a note', () => {
    assert.deepEqual(readSettings(undefined), { checks: {}, notes: [] });
    assert.deepEqual(readSettings('warning').notes, ['releasePlan.checks must be an object; ignored']);
  });

  it('defaults every catalogue id to its default severity', () => {
    const { config } = resolveConfig({});
    assert.equal(config.checks.placeholder, 'information');
    assert.equal(config.checks['invalid-date'], 'error');
    assert.equal(config.checks['stage-sequence'], 'warning');
    assert.equal(config.ignored, false);
  });
});

describe('config: .releaseplanrc.json', () => {
  it('parses checks and ignore; comments and trailing commas are fine', () => {
    const parsed = parseRcFile('{\n  // team policy\n  "checks": { "placeholder": "warning", "empty-field": "off", },\n  "ignore": ["archive/**"],\n}');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config, { checks: { placeholder: 'warning', 'empty-field': 'off' }, ignore: ['archive/**'] });
  });

  it('reports malformed JSON once, at the error, and ignores the whole file', () => {
    const parsed = parseRcFile('{\n  "checks": {\n    "placeholder": "off"\n    "pick-one": "off"\n  }\n}');
    assert.equal(parsed.config, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].severity, 'error');
    assert.match(parsed.problems[0].message, /Expected ',' between entries; the file is ignored/);
    assert.deepEqual(parsed.problems[0].range.start, { line: 3, character: 4 });
  });

  it('reports an empty file and a non-object', () => {
    assert.match(parseRcFile('').problems[0].message, /empty|Expected a value/);
    assert.equal(parseRcFile('').config, undefined);
    const arr = parseRcFile('["placeholder"]');
    assert.equal(arr.config, undefined);
    assert.match(arr.problems[0].message, /Expected an object/);
  });

  it('reports unknown keys, unknown ids (with a suggestion) and bad values at their ranges, keeping the valid entries', () => {
    const text = '{\n  "rules": {},\n  "checks": {\n    "placeholdr": "off",\n    "pick-one": "loud",\n    "stage-sequence": "error"\n  },\n  "ignore": "drafts/**"\n}';
    const parsed = parseRcFile(text);
    assert.deepEqual(parsed.config, { checks: { 'stage-sequence': 'error' }, ignore: [] });
    assert.deepEqual(
      parsed.problems.map((p) => [p.message, p.range.start.line, p.range.start.character, p.range.end.character]),
      [
        [".releaseplanrc.json: Unknown property 'rules'; allowed: '$schema', 'checks', 'ignore'", 1, 2, 9],
        [".releaseplanrc.json: Unknown check id 'placeholdr'; did you mean 'placeholder'?", 3, 4, 16],
        ['.releaseplanrc.json: \'pick-one\' must be one of "off", "hint", "information", "warning", "error", not "loud"', 4, 16, 22],
        ['.releaseplanrc.json: \'ignore\' must be an array of glob strings, e.g. ["archive/**"]', 7, 12, 23],
      ],
    );
  });

  it('rejects non-string and empty ignore entries one by one', () => {
    const parsed = parseRcFile('{ "ignore": ["ok/**", 3, ""] }');
    assert.deepEqual(parsed.config?.ignore, ['ok/**']);
    assert.equal(parsed.problems.length, 2);
  });

  it('rejects a file nested 100,000 levels deep with one readable problem instead of overflowing the stack', () => {
    const n = 100_000;
    for (const text of ['{"checks":' + '['.repeat(n) + ']'.repeat(n) + '}', '{"checks": {"placeholder": "off"}, "x":' + '{"a":'.repeat(n) + '1' + '}'.repeat(n) + '}', '['.repeat(n)]) {
      const parsed = parseRcFile(text);
      assert.equal(parsed.config, undefined);
      assert.equal(parsed.problems.length, 1);
      assert.match(parsed.problems[0].message, new RegExp(`more than ${MAX_CONFIG_DEPTH} levels deep, so it is ignored \\(built-in defaults and settings apply\\)`));
      // the range points at the bracket that went too deep
      assert.equal(parsed.problems[0].range.start.line, 0);
      assert.ok('[{'.includes(text[parsed.problems[0].range.start.character]));
      // and resolving with it falls back to the defaults
      assert.equal(resolveConfig({ configFile: { path: '/p/.releaseplanrc.json', text }, documentPath: '/p/a.md' }).config.checks.placeholder, 'information');
    }
    // brackets inside strings and comments are text, not nesting
    const quoted = parseRcFile(`{ // ${'['.repeat(200)}\n "ignore": ["${'{'.repeat(200)}"], "checks": { "placeholder": "off" } }`);
    assert.deepEqual(quoted.problems, []);
    assert.equal(quoted.config?.checks.placeholder, 'off');
  });

  it('rejects an ignore glob too long to compile, keeping the other globs', () => {
    const long = 'x'.repeat(100_000);
    const parsed = parseRcFile(JSON.stringify({ ignore: [long, 'drafts/**'] }));
    assert.deepEqual(parsed.config?.ignore, ['drafts/**']);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /^\.releaseplanrc\.json: 'ignore': the pattern 'x{40}…' is 100,000 characters long \(at most 1,000\); it is ignored, the other patterns apply$/);
    const resolved = resolveConfig({ configFile: { path: '/p/.releaseplanrc.json', text: JSON.stringify({ ignore: [long, 'drafts/**'] }) }, documentPath: '/p/drafts/release-plan.md' });
    assert.equal(resolved.config.ignored, true);
  });
});

describe('config: precedence', () => {
  it('the config file overrides settings id by id; ids it does not name keep their settings value', () => {
    const { config, problems } = resolveConfig({
      settings: { placeholder: 'hint', 'pick-one': 'error' },
      configFile: { path: '/repo/.releaseplanrc.json', text: '{ "checks": { "placeholder": "off" } }' },
      documentPath: '/repo/plans/a.md',
    });
    assert.deepEqual(problems, []);
    assert.equal(config.checks.placeholder, 'off');
    assert.equal(config.checks['pick-one'], 'error');
    assert.equal(config.checks['empty-field'], 'information');
    assert.equal(config.configFile, '/repo/.releaseplanrc.json');
  });

  it('a malformed config file leaves settings and defaults in force and reports the problem', () => {
    const { config, problems } = resolveConfig({
      settings: { placeholder: 'hint' },
      configFile: { path: '/repo/.releaseplanrc.json', text: '{ "checks": ' },
      documentPath: '/repo/a.md',
    });
    assert.equal(problems.length, 1);
    assert.equal(config.checks.placeholder, 'hint');
    assert.equal(config.checks['stage-sequence'], 'warning');
    assert.equal(config.configFile, undefined);
    assert.equal(config.ignored, false);
  });
});

describe('config: discovery', () => {
  it('walks up from the document folder, nearest first, stopping at the workspace folder', () => {
    assert.deepEqual(configFileCandidates('/ws/team/plans/a.md', '/ws'), ['/ws/team/plans/.releaseplanrc.json', '/ws/team/.releaseplanrc.json', '/ws/.releaseplanrc.json']);
    assert.deepEqual(configFileCandidates('/ws/a.md'), ['/ws/.releaseplanrc.json', '/.releaseplanrc.json']);
    // a document outside the workspace folder walks to the root
    assert.deepEqual(configFileCandidates('/other/a.md', '/ws'), ['/other/.releaseplanrc.json', '/.releaseplanrc.json']);
  });

  it('handles Windows paths', () => {
    assert.deepEqual(configFileCandidates('C:\\ws\\plans\\a.md', 'C:\\ws'), ['C:\\ws\\plans\\.releaseplanrc.json', 'C:\\ws\\.releaseplanrc.json']);
    assert.deepEqual(configFileCandidates('C:\\a.md'), ['C:\\.releaseplanrc.json']);
  });

  it('finds the nearest existing file', () => {
    const files = new Set(['/ws/.releaseplanrc.json', '/ws/team/.releaseplanrc.json']);
    assert.equal(findConfigFile('/ws/team/plans/a.md', (p) => files.has(p), '/ws'), '/ws/team/.releaseplanrc.json');
    assert.equal(findConfigFile('/ws/other/a.md', (p) => files.has(p), '/ws'), '/ws/.releaseplanrc.json');
    assert.equal(findConfigFile('/elsewhere/a.md', (p) => files.has(p)), undefined);
    assert.equal(CONFIG_FILE_NAME, '.releaseplanrc.json');
  });
});

describe('config: ignore globs', () => {
  const rc = '/repo/.releaseplanrc.json';
  it('match paths relative to the config file folder', () => {
    assert.equal(isIgnored('/repo/archive/old-plan.md', rc, ['archive/**']), true);
    assert.equal(isIgnored('/repo/plans/archive/old-plan.md', rc, ['archive/**']), false);
    assert.equal(isIgnored('/repo/plans/archive/old-plan.md', rc, ['**/archive/**']), true);
    assert.equal(isIgnored('/repo/plans/x-template.md', rc, ['**/*-template.md']), true);
    assert.equal(isIgnored('/repo/.drafts/a.md', rc, ['.drafts/**']), true);
    assert.equal(isIgnored('/repo/plans/a.md', rc, []), false);
  });

  it('never match documents outside the config file folder', () => {
    assert.equal(isIgnored('/other/archive/a.md', rc, ['**']), false);
  });

  it('work with Windows paths', () => {
    assert.equal(isIgnored('C:\\repo\\archive\\a.md', 'C:\\repo\\.releaseplanrc.json', ['archive/**']), true);
  });

  it('make resolveConfig mark the document ignored', () => {
    const { config } = resolveConfig({ configFile: { path: rc, text: '{ "ignore": ["drafts/**"] }' }, documentPath: '/repo/drafts/a.md' });
    assert.equal(config.ignored, true);
  });
});
