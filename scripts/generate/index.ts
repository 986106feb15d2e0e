// npm run generate: every generated file from its one source —
//   package.json `releasePlan.checks.*` settings (as %keys%), their English text in package.nls.json,
//   and schemas/releaseplanrc.schema.json from the Check objects (server/src/service/checks), syntaxes/ from scripts/generate/injection-grammar.ts.
// `--check` writes nothing and exits 1 when a file differs from what would be generated (CI-style
// "regenerate, then diff"); test/scripts/generate.test.ts asserts the same.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageJsonWithChecks, packageNlsWithChecks, rcSchemaText } from './checkConfig';
import { renderInjectionGrammar } from './injection-grammar';

export const ROOT = join(__dirname, '..', '..');

export interface GeneratedFile {
  path: string;
  text: string;
}

/** Each generated file and the text it should hold, computed from the files in `root`. */
export function generatedFiles(root = ROOT): GeneratedFile[] {
  const pkgPath = join(root, 'package.json');
  const nlsPath = join(root, 'package.nls.json');
  return [
    { path: pkgPath, text: packageJsonWithChecks(readFileSync(pkgPath, 'utf8')) },
    { path: nlsPath, text: packageNlsWithChecks(readFileSync(nlsPath, 'utf8')) },
    { path: join(root, 'schemas', 'releaseplanrc.schema.json'), text: rcSchemaText() },
    { path: join(root, 'syntaxes', 'release-plan.injection.tmLanguage.json'), text: renderInjectionGrammar() },
  ];
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const stale = generatedFiles().filter((f) => readOrEmpty(f.path) !== f.text);
  for (const f of stale) {
    if (check) console.error(`${relative(ROOT, f.path)} is out of date: run npm run generate`);
    else writeFileSync(f.path, f.text);
  }
  if (!check) console.log(stale.length ? `wrote ${stale.map((f) => relative(ROOT, f.path)).join(', ')}` : 'generated files are up to date');
  process.exitCode = check && stale.length ? 1 : 0;
}
