// "Release Plan: Set Up Live Toggle Status…": pick a VA preset or a custom Flipper API, choose where
// the setting goes (workspace or user), give a token only where the API needs one (kept in
// SecretStorage by the token machinery, never in settings), then prove it works by fetching one
// toggle of the open plan through the server and showing the answer.
import * as vscode from 'vscode';
// 'vscode-languageclient' (not /node): the common API, so the web client bundles this file too
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { environmentNameFor, flipperUrlProblem, mergeEnvironment, ProbeToggleRequest, VA_PRESETS, type ProbeToggleParams, type ProbeToggleResult } from '../../server/src/protocol/index';
import { requestType } from './messages';
import { storeFlipperToken, type SealTokens } from './tokens';

export const SET_UP_LIVE_STATUS_COMMAND = 'releasePlan.setUpLiveStatus';

/** Arguments for running the command without questions (tests, walkthrough). */
export interface LiveStatusOptions {
  preset?: 'production' | 'staging' | 'local' | 'custom';
  /** For `custom`: the Flipper API mount, e.g. https://flipper.example.gov/flipper/api. */
  url?: string;
  name?: string;
  target?: 'workspace' | 'user';
  /** For Flipper APIs: empty or absent means none. */
  token?: string;
  /** Toggle to try (default: the active plan's first toggle). */
  toggle?: string;
}

interface Choice {
  environment: { name: string; kind: 'flipper-api' | 'va-feature-toggles'; url: string };
  needsToken: boolean;
}

async function ask(): Promise<(LiveStatusOptions & { choice: Choice }) | undefined> {
  const items: Array<vscode.QuickPickItem & { id: LiveStatusOptions['preset'] }> = [
    ...VA_PRESETS.map((p) => ({ label: p.label, description: p.description, id: p.id })),
    { label: 'Custom Flipper API URL…', description: 'any Flipper gem API (https, or http to localhost)', id: 'custom' as const },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Set Up Live Toggle Status (1/3)', placeHolder: 'Where should hovers read live toggle status from?', ignoreFocusOut: true });
  if (!picked) return undefined;
  let choice: Choice;
  if (picked.id === 'custom') {
    const url = await vscode.window.showInputBox({
      title: 'Set Up Live Toggle Status: Flipper API URL', prompt: 'The Flipper API mount (GET {url}/features/{name})',
      placeHolder: 'https://flipper.example.gov/flipper/api', ignoreFocusOut: true, validateInput: (v) => flipperUrlProblem(v),
    });
    if (!url) return undefined;
    const name = await vscode.window.showInputBox({ title: 'Set Up Live Toggle Status: name', prompt: 'Shown in toggle hovers', value: environmentNameFor(url), ignoreFocusOut: true });
    if (!name) return undefined;
    choice = { environment: { name: name.trim(), kind: 'flipper-api', url: url.trim() }, needsToken: true };
  } else {
    const preset = VA_PRESETS.find((p) => p.id === picked.id)!;
    choice = { environment: { ...preset.environment }, needsToken: preset.needsToken };
  }
  const where = await vscode.window.showQuickPick(
    [
      { label: 'This workspace', description: '.vscode/settings.json', target: 'workspace' as const },
      { label: 'User settings', description: 'every workspace', target: 'user' as const },
    ],
    { title: 'Set Up Live Toggle Status (2/3)', placeHolder: 'Save the environment in…', ignoreFocusOut: true },
  );
  if (!where) return undefined;
  let token: string | undefined;
  if (choice.needsToken) {
    token = await vscode.window.showInputBox({
      title: 'Set Up Live Toggle Status (3/3)', prompt: `Token for ${choice.environment.name}, if its Flipper API needs one (kept in VS Code's secret storage). Leave empty for none.`,
      password: true, ignoreFocusOut: true,
    });
    if (token === undefined) return undefined;
  }
  return { target: where.target, token, choice };
}

function fromOptions(o: LiveStatusOptions): Choice {
  if (!o.preset || o.preset === 'custom') {
    const url = o.url ?? '';
    const problem = flipperUrlProblem(url);
    if (problem) throw new Error(problem);
    return { environment: { name: o.name ?? environmentNameFor(url), kind: 'flipper-api', url }, needsToken: true };
  }
  const preset = VA_PRESETS.find((p) => p.id === o.preset);
  if (!preset) throw new Error(`Unknown preset ${o.preset}`);
  return { environment: { ...preset.environment, name: o.name ?? preset.environment.name }, needsToken: preset.needsToken };
}

export function registerLiveStatusSetup(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, seal: SealTokens): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SET_UP_LIVE_STATUS_COMMAND, async (options?: LiveStatusOptions): Promise<ProbeToggleResult | undefined> => {
      let choice: Choice;
      let target: 'workspace' | 'user';
      let token: string | undefined;
      try {
        if (options && typeof options === 'object') {
          choice = fromOptions(options);
          target = options.target ?? 'workspace';
          token = options.token;
        } else {
          const answers = await ask();
          if (!answers) return undefined;
          ({ choice, token } = answers);
          target = answers.target ?? 'workspace';
        }
      } catch (err) {
        void vscode.window.showErrorMessage(`Set Up Live Toggle Status: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
      const configTarget = target === 'user' || !vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
      const config = vscode.workspace.getConfiguration('releasePlan');
      const inspected = config.inspect<unknown[]>('environments');
      const current = configTarget === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
      await config.update('environments', mergeEnvironment(current, choice.environment), configTarget);
      await ready;
      if (choice.needsToken && token?.trim()) await storeFlipperToken(context, client, seal, choice.environment, token);

      const doc = vscode.window.activeTextEditor?.document;
      const params: ProbeToggleParams = { environment: choice.environment.name, toggle: options?.toggle };
      if (doc?.languageId === 'markdown') params.uri = client.code2ProtocolConverter.asUri(doc.uri);
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Asking ${choice.environment.name} about a toggle…` },
        () => client.sendRequest(requestType(ProbeToggleRequest), params),
      );
      const saved = `Saved "${choice.environment.name}" in ${configTarget === vscode.ConfigurationTarget.Global ? 'user' : 'workspace'} settings.`;
      if (result.ok) void vscode.window.showInformationMessage(`${saved} ${result.message}`);
      else void vscode.window.showWarningMessage(`${saved} ${result.message}`);
      return result;
    }),
  );
}
