// The catalogue as VS Code and JSON-schema consumers see it: one setting per check id and the
// `.releaseplanrc.json` schema. Generated into package.json and schemas/ by `npm run generate`,
// and compared by a test, so the manifest cannot drift from the catalogue.
import { CATALOGUE, SEVERITY_SETTINGS, docsUrl, type CatalogueEntry } from './catalogue';

const SEVERITY_DESCRIPTIONS: Record<(typeof SEVERITY_SETTINGS)[number], string> = {
  off: 'Do not run this check.',
  hint: 'Report findings as hints (shown faintly in the editor, not in the Problems panel).',
  information: 'Report findings as information.',
  warning: 'Report findings as warnings.',
  error: 'Report findings as errors.',
};

function describe({ id, description, defaultSeverity, timeline: raises }: CatalogueEntry): string {
  const timeline = raises
    ? ' At the default, findings in a stage or check-in whose planned dates are past are raised to `warning`, and stage results not yet due or fields under a section marked N/A are lowered to `hint`; any other setting applies to every finding.'
    : '';
  // no website to link to: the docs ship with the extension, and a problem's check id opens them
  return `${description} Default: \`${defaultSeverity}\`.${timeline} Documented in \`${docsUrl(id)}\`, which ships with the extension (click the check id on a problem to open it).`;
}

function settingDescription(entry: CatalogueEntry): string {
  return `Severity of the \`${entry.id}\` check. ${describe(entry)} A \`.releaseplanrc.json\` in the repository overrides this setting.`;
}

const severityKey = (s: string) => `config.checks.severity.${s}`;
const descriptionKey = (id: string) => `config.checks.${id}.markdownDescription`;

/**
 * The `releasePlan.checks.<id>` settings as package.json declares them: every string is a `%key%`
 * of package.nls.json (checkSettingStrings), so the marketplace and translations get them too.
 */
export function checkSettingProperties(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of CATALOGUE) {
    out[`releasePlan.checks.${entry.id}`] = {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      enumDescriptions: SEVERITY_SETTINGS.map((s) => `%${severityKey(s)}%`),
      default: entry.defaultSeverity,
      scope: 'resource',
      markdownDescription: `%${descriptionKey(entry.id)}%`,
    };
  }
  return out;
}

/** The package.nls.json entries the check settings use (key → English text). */
export function checkSettingStrings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of SEVERITY_SETTINGS) out[severityKey(s)] = SEVERITY_DESCRIPTIONS[s];
  for (const entry of CATALOGUE) out[descriptionKey(entry.id)] = settingDescription(entry);
  return out;
}

export const jsonValidation = { fileMatch: '.releaseplanrc.json', url: './schemas/releaseplanrc.schema.json' };

export function rcSchema(): Record<string, unknown> {
  const checks: Record<string, unknown> = {};
  for (const entry of CATALOGUE) {
    checks[entry.id] = {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      enumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_DESCRIPTIONS[s]),
      default: entry.defaultSeverity,
      description: `${entry.description} Default: ${entry.defaultSeverity}.`,
      markdownDescription: describe(entry),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/release-plan-tools/release-plan-tools/blob/main/schemas/releaseplanrc.schema.json',
    title: 'Release Plan Tools configuration (.releaseplanrc.json)',
    description:
      'Repository configuration for the release-plan checks. The nearest .releaseplanrc.json above a plan applies; it overrides the releasePlan.checks.* settings id by id.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON schema this file follows.' },
      checks: {
        type: 'object',
        description: 'Severity per check id: off, hint, information, warning or error.',
        additionalProperties: false,
        properties: checks,
      },
      ignore: {
        type: 'array',
        description: 'Glob patterns, relative to this file\'s folder, of plans to skip entirely (e.g. "archive/**", "**/*-draft.md").',
        items: { type: 'string', minLength: 1 },
        uniqueItems: true,
      },
    },
  };
}
