// Writes syntaxes/release-plan.injection.tmLanguage.json from scripts/grammar/injection-grammar.ts.
// Run after editing the grammar source: `npx tsx scripts/build-grammar.ts`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderInjectionGrammar } from './grammar/injection-grammar';

const out = resolve(__dirname, '..', 'syntaxes', 'release-plan.injection.tmLanguage.json');
writeFileSync(out, renderInjectionGrammar());
console.log(`wrote ${out}`);
