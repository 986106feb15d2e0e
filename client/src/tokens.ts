// Flipper tokens: kept in VS Code's SecretStorage, handed to the server in memory over the LSP
// connection, never written to settings or logs. Keys bind a token to an environment's name *and*
// origin, so re-pointing an environment at another host does not send it the old host's token.
import * as vscode from 'vscode';
// 'vscode-languageclient' (not /node): the common API, so the web client bundles this file too
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { parseEnvironments, SetTokensNotification, SetTrustedNotification, tokenKey } from '../../server/src/protocol/index';
import { notificationType } from './messages';

function environments() {
  return parseEnvironments(vscode.workspace.getConfiguration('releasePlan').get('environments')).environments;
}

/** Seals tokens with the server's session key: node:crypto on the desktop, WebCrypto in a browser. */
export type SealTokens = (tokens: Record<string, string>) => string | Promise<string>;

async function sendTokens(context: vscode.ExtensionContext, client: LanguageClient, seal: SealTokens): Promise<void> {
  // An untrusted workspace never fetches; it does not get the tokens either.
  if (!vscode.workspace.isTrusted) return;
  const tokens: Record<string, string> = {};
  for (const env of environments()) {
    const key = tokenKey(env);
    const token = await context.secrets.get(key);
    if (token) tokens[key] = token;
  }
  // sealed with the server's session key: a verbose LSP trace must not show a token
  await client.sendNotification(notificationType(SetTokensNotification), { sealed: await seal(tokens) });
}

/** Stores a token for `env` and hands the server the new set before resolving (Set Up Live Toggle Status waits for it). */
export async function storeFlipperToken(context: vscode.ExtensionContext, client: LanguageClient, seal: SealTokens, env: Parameters<typeof tokenKey>[0], token: string): Promise<void> {
  await context.secrets.store(tokenKey(env), token.trim());
  await sendTokens(context, client, seal);
}

async function pickEnvironment(placeHolder: string): Promise<ReturnType<typeof environments>[number] | undefined> {
  const envs = environments();
  if (!envs.length) {
    void vscode.window.showInformationMessage('No environments are configured: add one to the "releasePlan.environments" setting first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    envs.map((e) => ({ label: e.name, description: e.url, env: e })),
    { placeHolder },
  );
  return picked?.env;
}

export function registerTokens(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, seal: SealTokens): void {
  const resend = () => void ready.then(() => sendTokens(context, client, seal));
  context.subscriptions.push(
    vscode.commands.registerCommand('releasePlan.setFlipperToken', async () => {
      const env = await pickEnvironment('Environment to store a Flipper token for');
      if (!env) return;
      const token = await vscode.window.showInputBox({ prompt: `Flipper API token for ${env.name} (${new URL(env.url).origin}); stored in VS Code's secret storage`, password: true, ignoreFocusOut: true });
      if (!token) return;
      await context.secrets.store(tokenKey(env), token.trim());
      resend();
      void vscode.window.showInformationMessage(`Token for ${env.name} stored.`);
    }),
    vscode.commands.registerCommand('releasePlan.clearFlipperToken', async () => {
      const env = await pickEnvironment('Environment whose Flipper token to clear');
      if (!env) return;
      await context.secrets.delete(tokenKey(env));
      resend();
      void vscode.window.showInformationMessage(`Token for ${env.name} cleared.`);
    }),
    context.secrets.onDidChange(resend),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('releasePlan.environments')) resend();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void ready.then(async () => {
        await client.sendNotification(notificationType(SetTrustedNotification), { trusted: true });
        await sendTokens(context, client, seal);
      });
    }),
  );
  resend();
}
