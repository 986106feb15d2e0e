// The requests behind the first-hour commands, over real JSON-RPC against the built server:
// the rollout status (with releasePlan.today), toggle names for a new plan, and a live probe
// against a loopback Flipper.
import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProbeToggleRequest, ToggleNamesRequest, type PlanStatus, type ProbeToggleResult, type ToggleNamesResult } from '../../server/src/protocol/index';
import { FIXTURES, read, SEED_AVS, SEED_DISPUTE_DEBT } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

describe('first-hour requests', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let flipper: Server | undefined;
  const cleanups: Array<() => void> = [];

  /**
   * A trusted server with one environment, `local`: a loopback Flipper that says avs_enabled is on to
   * every request `seen` lets through (returns true for).
   */
  async function withLocalFlipper(seen: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<TestClient> {
    flipper = createServer((req, res) => {
      if (!seen(req, res)) return;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ key: 'avs_enabled', state: 'on', gates: [{ key: 'boolean', name: 'boolean', value: true }] }));
    });
    await new Promise<void>((resolve) => flipper!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(flipper.address() as AddressInfo).port}/flipper/api`;
    const started = await startClient({ initializationOptions: { trusted: true }, settings: { releasePlan: { environments: [{ name: 'local', kind: 'flipper-api', url }] } } });
    await started.nextRefresh(0);
    return started;
  }

  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    await new Promise<void>((resolve) => (flipper ? flipper.close(() => resolve()) : resolve()));
    flipper = undefined;
    for (const c of cleanups.splice(0)) c();
  });

  async function open(c: TestClient, path: string): Promise<string> {
    const uri = fileUri(path);
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(path) } });
    return uri;
  }

  it('releasePlan/status says where the rollout stands on releasePlan.today, with finding counts', async () => {
    client = await startClient({ settings: { releasePlan: { today: '2025-07-22' } } });
    await client.nextRefresh(0);
    const uri = await open(client, SEED_DISPUTE_DEBT);
    const status = (await client.connection.sendRequest('releasePlan/status', { uri })) as PlanStatus;
    assert.equal(status.rollout?.text, 'Stage B · 5% · day 2/3');
    const diagnostics = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { severity: number }[] };
    const f = status.findings!;
    assert.equal(f.error + f.warning + f.information + f.hint, diagnostics.items.length);
    assert.equal(f.warning, diagnostics.items.filter((d) => d.severity === 2).length);

    // a settings change moves the clock
    client.settings.releasePlan = { today: '2025-09-01' };
    const before = client.refreshCount();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.nextRefresh(before);
    assert.equal(((await client.connection.sendRequest('releasePlan/status', { uri })) as PlanStatus).rollout?.text, 'finished');
  });

  it('releasePlan/toggleNames offers the registry and other plans, registry first', async () => {
    // a workspace with vets-api's registry and one plan that names a toggle the registry lacks
    const root = mkdtempSync(join(tmpdir(), 'rp-toggles-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'config'));
    copyFileSync(join(FIXTURES, 'corpus', 'vets-api-features.yml'), join(root, 'config', 'features.yml'));
    writeFileSync(join(root, 'other-release-plan.md'), '# Plan\n\n| Toggle name | Description |\n| --- | --- |\n| `only_in_a_plan_toggle` | x |\n\n### Stage A: 5% of users\n');
    client = await startClient({ rootUri: fileUri(root) });
    await client.nextRefresh(0);
    let r = (await client.connection.sendRequest(ToggleNamesRequest.method, {})) as ToggleNamesResult;
    // the workspace index fills in the background; `loading` says when the list is complete
    for (let i = 0; r.loading && i < 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      r = (await client.connection.sendRequest(ToggleNamesRequest.method, {})) as ToggleNamesResult;
    }
    assert.equal(r.loading, false);
    assert.ok(r.names.length > 100, `${r.names.length} names`);
    assert.ok(r.names.every((n, i) => i === 0 || !n.inRegistry || r.names[i - 1].inRegistry), 'registry names come first');
    assert.ok(r.names.some((n) => n.name === 'avs_enabled' && n.inRegistry));
    // a toggle only plans mention (not in the registry) is offered too, after the registry's
    assert.ok(r.names.some((n) => n.name === 'only_in_a_plan_toggle' && !n.inRegistry), 'names from workspace plans');
  });

  it('releasePlan/probeToggle fetches the open plan\'s first toggle from the named environment', async () => {
    const paths: string[] = [];
    client = await withLocalFlipper((req) => {
      paths.push(req.url ?? '');
      return true;
    });
    const uri = await open(client, SEED_AVS);
    const r = (await client.connection.sendRequest(ProbeToggleRequest.method, { uri, environment: 'local' })) as ProbeToggleResult;
    assert.deepEqual(r, { ok: true, toggle: 'avs_enabled', message: 'avs_enabled in local: Fully enabled' });
    // the probe asked for the plan's first toggle; the open plan's other toggles may be fetched too
    // (rollout-drift reads an open plan's live states), all from the same configured environment
    assert.ok(paths.includes('/flipper/api/features/avs_enabled'), paths.join(', '));
    assert.ok(paths.every((p) => p.startsWith('/flipper/api/features/')), paths.join(', '));
    const missing = (await client.connection.sendRequest(ProbeToggleRequest.method, { uri, environment: 'nope' })) as ProbeToggleResult;
    assert.equal(missing.ok, false);
    assert.match(missing.message, /No environment named "nope"/);
  });

  it('releasePlan/probeToggle asks again with a fresh fetch when the first answer timed out', async () => {
    const paths: string[] = [];
    client = await withLocalFlipper((req, res) => {
      paths.push(req.url ?? '');
      // the first request for the probed toggle gets no answer in time (a Flipper busy for a moment)
      if (req.url !== '/flipper/api/features/avs_enabled' || paths.filter((p) => p === req.url).length > 1) return true;
      setTimeout(() => res.destroy(), 4000).unref();
      return false;
    });
    const r = (await client.connection.sendRequest(ProbeToggleRequest.method, { toggle: 'avs_enabled', environment: 'local' })) as ProbeToggleResult;
    assert.deepEqual(r, { ok: true, toggle: 'avs_enabled', message: 'avs_enabled in local: Fully enabled' });
    assert.equal(paths.filter((p) => p === '/flipper/api/features/avs_enabled').length, 2, paths.join(', '));
  });

  it('releasePlan/probeToggle never fetches in an untrusted workspace', async () => {
    client = await startClient({ initializationOptions: { trusted: false }, settings: { releasePlan: { environments: [{ name: 'local', kind: 'flipper-api', url: 'http://127.0.0.1:9/flipper/api' }] } } });
    await client.nextRefresh(0);
    const r = (await client.connection.sendRequest(ProbeToggleRequest.method, { toggle: 'avs_enabled', environment: 'local' })) as ProbeToggleResult;
    assert.equal(r.ok, false);
    assert.match(r.message, /not trusted/);
  });
});
