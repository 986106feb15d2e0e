// Random edit sequences on corpus plans: after every edit, the model and the findings the pipeline
// answers from what it kept (the chunks taken over from the previous version's model, the parser's
// text-keyed chunk and line memos, the registry's remembered suggestions) equal those of a cold parse
// with every cache emptied. A seeded generator keeps a
// failure reproducible.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../../server/src/service/clock';
import { createReleasePlanService } from '../../server/src/service/index';
import { clearParseCaches, parsePlan } from '../../server/src/service/parse/index';
import { createRegistryView } from '../../server/src/service/toggles/catalog';
import { nameMappingFromFiles } from '../../server/src/service/toggles/flagNamesFile';
import { seededRandom } from '../helpers/random';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus', 'va-release-plans');
const PIECES = ['x', ' ', '\n', '\n\n', '\r', '### Stage Z: 5% of users\n', '- Owner: someone\n', '| a | b |\n', '[FILL_IN]', '7/16/25 - 7/21/25', '`code`', '<!-- c -->'];

describe('incremental results equal a fresh full parse over random edits', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  const service = createReleasePlanService({ clock: fixedClock({ year: 2025, month: 7, day: 1 }) });
  const { mapping } = nameMappingFromFiles([]);
  for (const [i, file] of files.filter((_, k) => k % 20 === 0).entries()) {
    it(file, () => {
      const random = seededRandom(17 + i);
      let text = readFileSync(join(CORPUS, file), 'utf8');
      const names = [...new Set(text.match(/\b[a-z]+(?:_[a-z0-9]+){1,5}\b/g) ?? [])];
      // a registry missing every other name, so unknown-toggle suggests (and remembers) on each edit
      const registry = createRegistryView(names.filter((_, k) => k % 2 === 0), mapping);
      let previous = parsePlan(text);
      service.findings(previous, { registry });
      for (let e = 0; e < 12; e++) {
        const at = Math.floor(random() * text.length);
        text = random() < 0.3 ? text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 40))) : text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
        // as the LSP parses an edited document: from the previous version's model (reuse.ts)
        const warm = parsePlan(text, previous);
        previous = warm;
        const warmFindings = service.findings(warm, { registry });
        clearParseCaches();
        const cold = parsePlan(text);
        assert.deepEqual(warm, cold, `model after edit ${e}`);
        const fresh = createRegistryView(names.filter((_, k) => k % 2 === 0), mapping);
        assert.deepEqual(warmFindings, service.findings(cold, { registry: fresh }), `findings after edit ${e}`);
      }
    });
  }
});
