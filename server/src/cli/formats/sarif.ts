// SARIF 2.1.0, the format GitHub code scanning (and other dashboards) ingest. One run; every check
// in the catalogue is a rule (so ruleIndex is stable across runs); files that could not be read or
// checked become tool execution notifications rather than results, since they are not findings about a plan.
import { pathToFileURL } from 'node:url';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { CATALOGUE, docsUrl, type Severity } from '../../service/index';
import { FILE_ERROR_CODE, failureMessage, isFailure, type RunResult } from '../report';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A display path (relative to cwd, `/`-separated, or absolute) as a URI reference. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (/^(?:[A-Za-z]:)?[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function formatSarif(result: RunResult, cwd: string): string {
  const rules: ReportingDescriptor[] = CATALOGUE.map((entry) => ({
    id: entry.id,
    name: entry.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: entry.description },
    // no public URL exists to put in helpUri: say where the documentation is instead
    help: { text: `See ${docsUrl(entry.id)} in the release-plan-tools package.` },
    defaultConfiguration: { level: LEVEL[entry.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // a file that could not be checked is no finding about a plan: SARIF says so as a notification
  const results: Result[] = result.findings.filter((f) => f.code !== FILE_ERROR_CODE).map((f) => {
    const r: Result = {
      ruleId: f.code,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.file),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    };
    const index = ruleIndex.get(f.code);
    if (index !== undefined) r.ruleIndex = index;
    // hint and information both map to "note"; keep the product's own level for consumers who care
    r.properties = { severity: f.severity };
    return r;
  });
  const notifications: Notification[] = result.outcomes
    .filter(isFailure)
    .map((o) => ({
      level: 'error',
      message: { text: o.status === 'unreadable' ? `Could not read ${o.file}: ${o.detail ?? 'unreadable'}` : `${o.file}: ${failureMessage(o)}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(o.file) } }],
    }));
  const base = pathToFileURL(cwd).href;
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, rules } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: base.endsWith('/') ? base : base + '/' } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
