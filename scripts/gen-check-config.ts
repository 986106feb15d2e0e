// Writes what the check catalogue implies for the extension manifest and the config-file schema:
// `contributes.configuration` properties `releasePlan.checks.<id>`, `contributes.jsonValidation`, and
// schemas/releaseplanrc.schema.json. Run after adding a check to server/src/service/checks/catalogue.ts:
//   npx tsx scripts/gen-check-config.ts
// test/service/checks/manifest.test.ts fails until the generated files agree with the catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSettingProperties, jsonValidation, rcSchema } from '../server/src/service/checks/manifest';

const root = join(__dirname, '..');
const pkgPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));

const props: Record<string, unknown> = pkg.contributes.configuration.properties;
const kept = Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith('releasePlan.checks.')));
pkg.contributes.configuration.properties = { ...kept, ...checkSettingProperties() };
const validations: Array<{ fileMatch: string }> = (pkg.contributes.jsonValidation ?? []).filter((v: { fileMatch: string }) => v.fileMatch !== jsonValidation.fileMatch);
pkg.contributes.jsonValidation = [...validations, jsonValidation];
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(join(root, 'schemas', 'releaseplanrc.schema.json'), JSON.stringify(rcSchema(), null, 2) + '\n');
console.log('package.json contributes and schemas/releaseplanrc.schema.json updated');
