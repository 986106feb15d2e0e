// The browser's token box (WebCrypto) is the Node box's format: sealed on either side, opened on
// the other; a wrong key or a tampered box opens to nothing.
import { strict as assert } from 'node:assert';
import { newSessionKeyWeb, sealTokensWeb, unsealTokensWeb } from '../../server/src/protocol/tokenSealWeb';
import { newSessionKey, sealTokens, unsealTokens } from '../../server/src/protocol/tokenSeal';

describe('tokenSealWeb', () => {
  const tokens = { 'production@https://api.va.gov': 's3cret', other: 'x' };
  it('opens what node:crypto sealed and the other way round', async () => {
    const key = newSessionKey();
    assert.deepEqual(await unsealTokensWeb(key, sealTokens(key, tokens)), tokens);
    assert.deepEqual(unsealTokens(key, await sealTokensWeb(key, tokens)), tokens);
    const webKey = newSessionKeyWeb();
    assert.deepEqual(await unsealTokensWeb(webKey, await sealTokensWeb(webKey, tokens)), tokens);
  });
  it('opens nothing with another key or a changed box, and the box does not show the token', async () => {
    const key = newSessionKeyWeb();
    const sealed = await sealTokensWeb(key, tokens);
    assert.doesNotMatch(sealed, /s3cret/);
    assert.equal(await unsealTokensWeb(newSessionKeyWeb(), sealed), undefined);
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1] ^= 1;
    assert.equal(await unsealTokensWeb(key, bytes.toString('base64')), undefined);
    assert.equal(await unsealTokensWeb(key, 'not base64!'), undefined);
  });
});
