// Writes what the check catalogue implies for the extension manifest and the config-file schema:
// `contributes.configuration` properties `releasePlan.checks.<id>`, `contributes.jsonValidation`, and
// schemas/releaseplanrc.schema.json. Run after adding a check (its module, registered in server/src/service/checks/catalogue.ts):
//   npx tsx scripts/gen-check-config.ts
// test/service/checks/manifest.test.ts fails until the generated files agree with the catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSettingProperties, jsonValidation, rcSchema } from '../server/src/service/checks/manifest';

const root = join(__dirname, '..');
const pkgPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));

const props: Record<string, unknown> = pkg.contributes.configuration.properties;
// the check settings replace the old ones where they stood, so regenerating moves nothing else
const entries = Object.entries(props);
const at = entries.findIndex(([k]) => k.startsWith('releasePlan.checks.'));
const kept = entries.filter(([k]) => !k.startsWith('releasePlan.checks.'));
const insertAt = at < 0 ? kept.length : at;
pkg.contributes.configuration.properties = Object.fromEntries([...kept.slice(0, insertAt), ...Object.entries(checkSettingProperties()), ...kept.slice(insertAt)]);
const validations: Array<{ fileMatch: string }> = (pkg.contributes.jsonValidation ?? []).filter((v: { fileMatch: string }) => v.fileMatch !== jsonValidation.fileMatch);
pkg.contributes.jsonValidation = [...validations, jsonValidation];
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(join(root, 'schemas', 'releaseplanrc.schema.json'), JSON.stringify(rcSchema(), null, 2) + '\n');
console.log('package.json contributes and schemas/releaseplanrc.schema.json updated');
