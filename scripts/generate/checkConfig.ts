// What the check registry implies for the extension manifest and the config-file schema:
// `contributes.configuration` properties `releasePlan.checks.<id>` (as %keys%, with their English text
// in package.nls.json), `contributes.jsonValidation`, and schemas/releaseplanrc.schema.json. Written by
// `npm run generate` (scripts/generate/index.ts).
import { checkSettingProperties, checkSettingStrings, jsonValidation, rcSchema } from '../../server/src/service/checks/manifest';

/** package.json with the check settings and the schema validation replaced where they stood. */
export function packageJsonWithChecks(packageJsonText: string): string {
  const pkg = JSON.parse(packageJsonText);
  const props: Record<string, unknown> = pkg.contributes.configuration.properties;
  // the check settings replace the old ones where they stood, so regenerating moves nothing else
  const entries = Object.entries(props);
  const at = entries.findIndex(([k]) => k.startsWith('releasePlan.checks.'));
  const kept = entries.filter(([k]) => !k.startsWith('releasePlan.checks.'));
  const insertAt = at < 0 ? kept.length : at;
  pkg.contributes.configuration.properties = Object.fromEntries([...kept.slice(0, insertAt), ...Object.entries(checkSettingProperties()), ...kept.slice(insertAt)]);
  const validations: Array<{ fileMatch: string }> = (pkg.contributes.jsonValidation ?? []).filter((v: { fileMatch: string }) => v.fileMatch !== jsonValidation.fileMatch);
  pkg.contributes.jsonValidation = [...validations, jsonValidation];
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** package.nls.json with the check settings' strings replaced; every other key stays where it stood. */
export function packageNlsWithChecks(nlsText: string): string {
  const nls: Record<string, string> = JSON.parse(nlsText);
  const kept = Object.entries(nls).filter(([k]) => !k.startsWith('config.checks.'));
  return JSON.stringify(Object.fromEntries([...kept, ...Object.entries(checkSettingStrings())]), null, 2) + '\n';
}

export function rcSchemaText(): string {
  return JSON.stringify(rcSchema(), null, 2) + '\n';
}
