// Changing `releasePlan.checks.<id>` in the settings re-checks open plans at once: turning
// `placeholder` off removes those diagnostics (and only those), `error` raises their severity,
// and removing the setting brings the defaults back — each step waiting on onDidChangeDiagnostics.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, checkId, closeAllEditors, openInEditor, releasePlanDiagnostics, waitForDiagnostics, workspaceUri } from './helpers';

const placeholders = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'release-plan' && checkId(d) === 'placeholder');
const pickOnes = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'release-plan' && checkId(d) === 'pick-one');

function setPlaceholderSeverity(value: string | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('releasePlan').update('checks.placeholder', value, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await setPlaceholderSeverity(undefined);
    await closeAllEditors();
  });

  it('releasePlan.checks.placeholder: off, then error, then back to the default', async () => {
    const uri = workspaceUri('seeds', '000-dispute-debt-release-plan.md');
    const initial = await waitForDiagnostics(uri, (ds) => placeholders(ds).length > 0 && pickOnes(ds).length > 0, {
      trigger: () => openInEditor(uri),
      what: 'placeholder and pick-one diagnostics',
    });
    const count = placeholders(initial).length;
    const others = releasePlanDiagnostics(uri).length - count;

    await waitForDiagnostics(uri, (ds) => placeholders(ds).length === 0, {
      trigger: () => setPlaceholderSeverity('off'),
      what: 'placeholder diagnostics to go with "off"',
    });
    assert.equal(releasePlanDiagnostics(uri).length, others, 'the other checks still report');

    const raised = await waitForDiagnostics(
      uri,
      (ds) => placeholders(ds).length === count && placeholders(ds).every((d) => d.severity === vscode.DiagnosticSeverity.Error),
      { trigger: () => setPlaceholderSeverity('error'), what: 'placeholder diagnostics as errors' },
    );
    assert.ok(pickOnes(raised).every((d) => d.severity !== vscode.DiagnosticSeverity.Error), 'pick-one keeps its own severity');

    await waitForDiagnostics(
      uri,
      (ds) => placeholders(ds).length === count && placeholders(ds).every((d) => d.severity !== vscode.DiagnosticSeverity.Error),
      { trigger: () => setPlaceholderSeverity(undefined), what: 'placeholder diagnostics back at their default severity' },
    );
  });
});
