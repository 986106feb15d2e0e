// The first hour of a new user, in the real extension host: New Release Plan writes a plan whose only
// findings are its placeholders; Set Up Live Toggle Status writes the setting and shows a live answer
// from a loopback Flipper; the walkthrough is contributed and each step's button names a real
// command; the rollout status bar reads `Stage B · 5% · day 2/3` on a seed with releasePlan.today.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activateExtension, checkId, closeAllEditors, EXTENSION_ID, openInEditor, revertAndCloseAll, SOURCE, waitForDiagnostics, workspaceUri } from './helpers';

interface StatusBarApi {
  rolloutStatus: { item: vscode.StatusBarItem; refresh(): Promise<void> };
}

const PLACEHOLDER_CHECKS = new Set(['placeholder', 'pick-one']);

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('first hour', () => {
  const newDir = workspaceUri('new-plans');
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await revertAndCloseAll();
    await vscode.workspace.fs.delete(newDir, { recursive: true }).then(undefined, () => undefined);
  });

  it('New Release Plan writes a plan that checks clean except the placeholders still to fill', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('releasePlan.newPlan', {
      folder: newDir.fsPath,
      featureName: 'Appointment reminders',
      toggles: ['avs_enabled'],
      dateRange: '6/1/2026 - 6/26/2026',
    });
    assert.equal(uri.path, vscode.Uri.joinPath(newDir, 'appointment-reminders-release-plan.md').path);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^# Release Plan: Appointment reminders$/m);
    assert.match(text, /^\| `avs_enabled` \| \[FILL_IN\] \|$/m);
    assert.match(text, /^- Length of time: 5 business days, 6\/8\/2026 - 6\/12\/2026$/m);
    const ds = await waitForDiagnostics(uri, (d) => d.some((x) => x.source === SOURCE), { what: 'the new plan\'s findings' });
    const other = ds.filter((d) => d.source === SOURCE && !PLACEHOLDER_CHECKS.has(checkId(d) ?? ''));
    assert.deepEqual(other.map((d) => `${d.range.start.line + 1} ${checkId(d)} ${d.message}`), []);
  });

  it('Insert Next Stage (editor title/context) adds the stage after the last one', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('releasePlan.newPlan', { folder: newDir.fsPath, featureName: 'Three stages', percentages: [1, 25, 50] });
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, (d) => d.some((x) => x.source === SOURCE), { what: 'the plan to be checked' });
    const applied = await vscode.commands.executeCommand<boolean>('releasePlan.insertNextStage');
    assert.equal(applied, true);
    assert.match(editor.document.getText(), /^#{2,4} Stage D: /m);
  });

  it('the status bar shows the rollout on a seed, from releasePlan.today, and the finding counts', async () => {
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as StatusBarApi;
    const config = vscode.workspace.getConfiguration('releasePlan');
    await config.update('today', '2025-07-22', vscode.ConfigurationTarget.Workspace);
    try {
      await openInEditor(workspaceUri('seeds', '000-dispute-debt-release-plan.md'));
      const text = await until('the rollout status', async () => {
        await api.rolloutStatus.refresh();
        return api.rolloutStatus.item.text === '$(rocket) Stage B · 5% · day 2/3' ? api.rolloutStatus.item.text : undefined;
      });
      assert.equal(text, '$(rocket) Stage B · 5% · day 2/3');
      const tooltip = api.rolloutStatus.item.tooltip;
      const tip = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
      assert.match(tip, /Stage B runs Jul 21, 2025 – Jul 23, 2025/);
      assert.match(tip, /\d+ errors?, \d+ warnings?, \d+ information/);
      assert.ok((await vscode.commands.getCommands(true)).includes('releasePlan.openRolloutStatus'));
    } finally {
      await config.update('today', undefined, vscode.ConfigurationTarget.Workspace);
      await closeAllEditors();
    }
  });

  describe('Set Up Live Toggle Status', () => {
    let flipper: Server | undefined;
    after(async () => {
      await vscode.workspace.getConfiguration('releasePlan').update('environments', undefined, vscode.ConfigurationTarget.Workspace);
      await new Promise<void>((resolve) => (flipper ? flipper.close(() => resolve()) : resolve()));
    });

    it('against a loopback Flipper: writes releasePlan.environments and shows the live answer', async () => {
      const asked: string[] = [];
      flipper = createServer((req, res) => {
        asked.push(req.url ?? '');
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ key: 'avs_enabled', state: 'on', gates: [{ key: 'boolean', name: 'boolean', value: true }] }));
      });
      await new Promise<void>((resolve) => flipper!.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(flipper.address() as AddressInfo).port}/flipper/api`;
      await openInEditor(workspaceUri('seeds', '003-avs-release-plan.md'));
      const result = await vscode.commands.executeCommand<{ ok: boolean; toggle?: string; message: string }>('releasePlan.setUpLiveStatus', {
        preset: 'custom', url, name: 'loopback', target: 'workspace',
      });
      assert.deepEqual(result, { ok: true, toggle: 'avs_enabled', message: 'avs_enabled in loopback: Fully enabled' });
      // the probe asked for the plan's first toggle; the open plans' other toggles are fetched too once
      // an environment is configured (rollout-drift reads their live state), all from this Flipper
      assert.ok(asked.includes('/flipper/api/features/avs_enabled'), asked.join(', '));
      assert.ok(asked.every((p) => p.startsWith('/flipper/api/features/')), asked.join(', '));
      const saved = vscode.workspace.getConfiguration('releasePlan').inspect<unknown[]>('environments')?.workspaceValue;
      assert.deepEqual(saved, [{ name: 'loopback', kind: 'flipper-api', url }]);
    });
  });

  describe('walkthrough', () => {
    it('is contributed, and every step\'s button runs a command the extension registers', async () => {
      const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
        contributes: { walkthroughs: Array<{ id: string; steps: Array<{ id: string; description: string; media: { markdown?: string } }> }> };
      };
      const walkthrough = pkg.contributes.walkthroughs.find((w) => w.id === 'releasePlan.firstHour');
      assert.ok(walkthrough, 'the walkthrough is contributed');
      const registered = new Set(await vscode.commands.getCommands(true));
      const buttons = walkthrough.steps.map((s) => /\(command:([\w.]+)\)/.exec(s.description)?.[1]);
      assert.deepEqual(buttons, ['releasePlan.openSamplePlan', 'releasePlan.newPlan', 'releasePlan.selectToggleRegistry', 'releasePlan.setUpLiveStatus', 'releasePlan.addCiCheck']);
      for (const b of buttons) assert.ok(b && registered.has(b), `${b} is registered`);
    });

    it('Open Sample Plan opens a checked plan; the registry and CI steps write what they say', async () => {
      const sample = await vscode.commands.executeCommand<vscode.Uri>('releasePlan.openSamplePlan');
      assert.equal(sample.scheme, 'untitled');
      await waitForDiagnostics(sample, (d) => d.some((x) => x.source === SOURCE), { what: 'findings on the sample plan' });

      const config = vscode.workspace.getConfiguration('releasePlan');
      try {
        const value = await vscode.commands.executeCommand<string>('releasePlan.selectToggleRegistry', { path: workspaceUri('config', 'features.yml').fsPath });
        assert.equal(value, 'config/features.yml');
        assert.deepEqual(config.inspect('toggles.registryFiles')?.workspaceValue, ['config/features.yml']);
      } finally {
        await config.update('toggles.registryFiles', undefined, vscode.ConfigurationTarget.Workspace);
      }

      const workflow = workspaceUri('.github', 'workflows', 'release-plans.yml');
      try {
        const written = await vscode.commands.executeCommand<vscode.Uri>('releasePlan.addCiCheck');
        assert.equal(written.path, workflow.path);
        assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(workflow)), /uses: release-plan-tools\/release-plan-tools@v0/, "the workflow runs the repository's GitHub Action (action.yml)");
      } finally {
        await vscode.workspace.fs.delete(workspaceUri('.github'), { recursive: true }).then(undefined, () => undefined);
      }
    });
  });
});
