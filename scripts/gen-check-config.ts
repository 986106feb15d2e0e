// Writes what the check catalogue implies for the extension manifest and the config-file schema:
// `contributes.configuration` properties `releasePlan.checks.<id>` (as %keys%, with their English
// text in package.nls.json), `contributes.jsonValidation`, and schemas/releaseplanrc.schema.json.
// Run after adding a check to server/src/service/checks/catalogue.ts:
//   npx tsx scripts/gen-check-config.ts
// test/service/checks/manifest.test.ts fails until the generated files agree with the catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSettingProperties, checkSettingStrings, jsonValidation, rcSchema } from '../server/src/service/checks/manifest';

const root = join(__dirname, '..');
const pkgPath = join(root, 'package.json');
const nlsPath = join(root, 'package.nls.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(nlsPath, 'utf8'));

// the check settings replace the old ones where they stood (a diff shows only what changed)
const isCheck = (k: string) => k.startsWith('releasePlan.checks.');
const props: Record<string, unknown> = pkg.contributes.configuration.properties;
const entries = Object.entries(props);
const at = entries.findIndex(([k]) => isCheck(k));
const kept = entries.filter(([k]) => !isCheck(k));
const insertAt = at < 0 ? kept.length : entries.slice(0, at).filter(([k]) => !isCheck(k)).length;
kept.splice(insertAt, 0, ...Object.entries(checkSettingProperties()));
pkg.contributes.configuration.properties = Object.fromEntries(kept);
const validations: Array<{ fileMatch: string }> = (pkg.contributes.jsonValidation ?? []).filter((v: { fileMatch: string }) => v.fileMatch !== jsonValidation.fileMatch);
pkg.contributes.jsonValidation = [...validations, jsonValidation];
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

const nlsKept = Object.entries(nls).filter(([k]) => !k.startsWith('config.checks.'));
writeFileSync(nlsPath, JSON.stringify(Object.fromEntries([...nlsKept, ...Object.entries(checkSettingStrings())]), null, 2) + '\n');
writeFileSync(join(root, 'schemas', 'releaseplanrc.schema.json'), JSON.stringify(rcSchema(), null, 2) + '\n');
console.log('package.json contributes, package.nls.json and schemas/releaseplanrc.schema.json updated');
