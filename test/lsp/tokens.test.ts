// Flipper tokens: sealed by the client with a per-process key, opened by the server, sent only as the
// configured header to the configured environment, and never written to the log.
import { strict as assert } from 'node:assert';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { newSessionKey, sealTokens, tokenKey, TOKEN_KEY_ENV, unsealTokens } from '../../server/src/protocol/index';
import { read, SEED_AVS } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

const SECRET = 's3cr3t-flipper-token';

describe('Flipper tokens', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let flipper: Server | undefined;
  const seen: IncomingHttpHeaders[] = [];

  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    await new Promise<void>((resolve) => (flipper ? flipper.close(() => resolve()) : resolve()));
    flipper = undefined;
    seen.length = 0;
  });

  it('seal and unseal round-trip; another key or a tampered box opens nothing', () => {
    const key = newSessionKey();
    const sealed = sealTokens(key, { a: SECRET });
    assert.ok(!sealed.includes(SECRET) && !Buffer.from(sealed, 'base64').toString('latin1').includes(SECRET));
    assert.deepEqual(unsealTokens(key, sealed), { a: SECRET });
    assert.equal(unsealTokens(newSessionKey(), sealed), undefined);
    const tampered = Buffer.from(sealed, 'base64');
    tampered[tampered.length - 1] ^= 1;
    assert.equal(unsealTokens(key, tampered.toString('base64')), undefined);
  });

  async function startFlipper(): Promise<string> {
    flipper = createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ key: 'avs_enabled', state: 'on', gates: [{ key: 'boolean', name: 'boolean', value: true }] }));
    });
    await new Promise<void>((resolve) => flipper!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(flipper.address() as AddressInfo).port}/flipper/api`;
  }

  async function hoverToggle(c: TestClient): Promise<string> {
    const uri = fileUri(SEED_AVS);
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(SEED_AVS) } });
    // environments are configured once the server asks for its first re-pull; the hover then waits
    // (bounded) for the live answer
    await c.nextRefresh(0);
    const hover = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /Fully enabled/);
    return md;
  }

  it('a sealed token reaches the configured environment as a Bearer header, and no log shows it', async () => {
    const url = await startFlipper();
    const key = newSessionKey();
    const env = { name: 'local', kind: 'flipper-api', url };
    client = await startClient({ initializationOptions: { trusted: true }, settings: { releasePlan: { environments: [env] } }, env: { [TOKEN_KEY_ENV]: key } });
    await client.connection.sendNotification('releasePlan/setTokens', { sealed: sealTokens(key, { [tokenKey(env)]: SECRET }) });
    await hoverToggle(client);
    assert.ok(seen.length >= 1);
    assert.ok(seen.every((h) => h.authorization === `Bearer ${SECRET}`), JSON.stringify(seen.map((h) => h.authorization)));
    await client.close();
    assert.ok(!client.stderr().includes(SECRET) && !client.logs.some((l) => l.includes(SECRET)), 'the token is in a log');
  });

  it('tokens sealed with another key are not used, and the log says why without the token', async () => {
    const url = await startFlipper();
    const env = { name: 'local', kind: 'flipper-api', url };
    client = await startClient({ initializationOptions: { trusted: true }, settings: { releasePlan: { environments: [env] } }, env: { [TOKEN_KEY_ENV]: newSessionKey() } });
    await client.connection.sendNotification('releasePlan/setTokens', { sealed: sealTokens(newSessionKey(), { [tokenKey(env)]: SECRET }) });
    await hoverToggle(client);
    assert.ok(seen.every((h) => h.authorization === undefined));
    assert.ok(client.logs.some((l) => /could not open the tokens/.test(l)));
    assert.ok(!client.logs.some((l) => l.includes(SECRET)));
  });
});
