// The extension: starts the bundled language server for markdown documents. The server decides
// which of them are release plans; everything else gets nothing.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { TOKEN_KEY_ENV } from '../../server/src/protocol/index';
import { newSessionKey, sealTokens } from '../../server/src/protocol/tokenSeal';
import { registerFeatures, sharedClientOptions, type ReleasePlanApi as SharedApi } from './features';

export type ReleasePlanApi = SharedApi<LanguageClient>;

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ReleasePlanApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // a fresh key per server process seals the Flipper tokens we send it (see server/src/protocol/tokens.ts)
  const sessionKey = newSessionKey();
  const env = { ...process.env, [TOKEN_KEY_ENV]: sessionKey };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      // so a broken config file gets its diagnostic where it is
      { scheme: 'file', pattern: '**/.releaseplanrc.json' },
    ],
    ...sharedClientOptions(),
  };
  client = new LanguageClient('releasePlan', 'Release Plan Tools', serverOptions, clientOptions);
  const started = client;
  const ready = started.start();
  context.subscriptions.push({ dispose: () => void started.stop() });
  return registerFeatures(context, started, ready, (tokens) => sealTokens(sessionKey, tokens));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
