// "Release Plan: New Release Plan…": a few skippable questions, then a plan written from the official
// template (templates/) by the service's writeNewPlan. Also on a folder's context menu in the
// Explorer. Called with an options object (tests, other extensions, walkthrough) it asks nothing.
import * as vscode from 'vscode';
// 'vscode-languageclient' (not /node): the common API, so the web client bundles this file too
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DEFAULT_PERCENTAGES, isToggleName, parseDateRange, parsePercentages, planFileName, ToggleNamesRequest, writeNewPlan, type NewPlanAnswers } from '../../server/src/protocol/index';
import { requestType } from './messages';

export const NEW_PLAN_COMMAND = 'releasePlan.newPlan';

/** Arguments for running the command without questions. */
export interface NewPlanOptions {
  /** Folder to write into (default: the first workspace folder; none: an untitled editor). */
  folder?: string | vscode.Uri;
  featureName?: string;
  toggles?: string[];
  /** `6/1/2026 - 6/26/2026` or `2026-06-01 to 2026-06-26`. */
  dateRange?: string;
  percentages?: number[] | string;
}

const TITLE = 'New Release Plan';

async function askFeatureName(): Promise<string | undefined | null> {
  const name = await vscode.window.showInputBox({
    title: `${TITLE} (1/4)`,
    prompt: 'Feature name, for the title and the file name. Leave empty to skip.',
    placeHolder: 'e.g. Appointment reminders',
    ignoreFocusOut: true,
  });
  return name === undefined ? null : name.trim() || undefined;
}

async function askToggles(client: LanguageClient, ready: Promise<void>): Promise<string[] | null> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { custom?: boolean }>();
  pick.title = `${TITLE} (2/4)`;
  pick.placeholder = 'Feature toggle(s): pick from the registry and other plans, or type a new name. Enter with none picked to skip.';
  pick.canSelectMany = true;
  pick.ignoreFocusOut = true;
  pick.busy = true;
  let known: vscode.QuickPickItem[] = [];
  const custom = (value: string) => (isToggleName(value) && !known.some((k) => k.label === value) ? [{ label: value, description: 'new toggle', custom: true, alwaysShow: true }] : []);
  const refresh = () => {
    const selected = pick.selectedItems.filter((i) => i.custom || known.includes(i));
    const typed = custom(pick.value.trim()).filter((c) => !selected.some((s) => s.label === c.label));
    pick.items = [...selected.filter((s) => s.custom), ...typed, ...known];
    pick.selectedItems = pick.items.filter((i) => selected.some((s) => s.label === i.label));
  };
  void ready
    .then(() => client.sendRequest(requestType(ToggleNamesRequest), { uri: undefined }))
    .then((r) => {
      known = r.names.map((n) => ({ label: n.name, description: n.inRegistry ? 'registry' : 'in another plan', detail: n.description }));
      pick.busy = false;
      refresh();
    }, () => (pick.busy = false));
  pick.onDidChangeValue(refresh);
  pick.show();
  const result = await new Promise<string[] | null>((resolve) => {
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems.map((i) => i.label);
      // Enter on a typed name that is not ticked yet means "this one"
      const typed = pick.value.trim();
      if (chosen.length === 0 && isToggleName(typed)) chosen.push(typed);
      resolve(chosen);
      pick.hide();
    });
    pick.onDidHide(() => resolve(null));
  });
  pick.dispose();
  return result;
}

async function askRange(): Promise<string | undefined | null> {
  const text = await vscode.window.showInputBox({
    title: `${TITLE} (3/4)`,
    prompt: 'Desired date range of the staged rollout; stages are dated in business days across it. Leave empty to skip.',
    placeHolder: 'e.g. 6/1/2026 - 6/26/2026',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? undefined : (() => {
      const r = parseDateRange(v);
      return 'error' in r ? r.error : undefined;
    })()),
  });
  return text === undefined ? null : text.trim() || undefined;
}

async function askPercentages(): Promise<string | undefined | null> {
  const text = await vscode.window.showInputBox({
    title: `${TITLE} (4/4)`,
    prompt: 'Share of users at each stage, increasing. Enter keeps the default.',
    value: DEFAULT_PERCENTAGES.join(', '),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? undefined : (() => {
      const r = parsePercentages(v);
      return 'error' in r ? r.error : undefined;
    })()),
  });
  return text === undefined ? null : text.trim() || undefined;
}

function toAnswers(o: NewPlanOptions): NewPlanAnswers {
  const answers: NewPlanAnswers = { featureName: o.featureName, toggles: o.toggles };
  if (o.dateRange) {
    const r = parseDateRange(o.dateRange);
    if ('error' in r) throw new RangeError(r.error);
    answers.range = r.value;
  }
  if (o.percentages !== undefined) {
    const p = typeof o.percentages === 'string' ? parsePercentages(o.percentages) : { value: o.percentages };
    if ('error' in p) throw new RangeError(p.error);
    answers.percentages = p.value;
  }
  return answers;
}

async function targetFolder(arg: string | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const uri = typeof arg === 'string' ? vscode.Uri.file(arg) : arg;
  if (uri) {
    const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
    // a file picked in the Explorer: its folder; a folder that does not exist yet is created
    if (stat && !(stat.type & vscode.FileType.Directory)) return vscode.Uri.joinPath(uri, '..');
    if (!stat) await vscode.workspace.fs.createDirectory(uri);
    return uri;
  }
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function freeName(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? name : name.replace(/\.md$/, `-${n}.md`));
    const exists = await vscode.workspace.fs.stat(candidate).then(() => true, () => false);
    if (!exists) return candidate;
  }
}

export function registerNewPlan(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_PLAN_COMMAND, async (arg?: vscode.Uri | NewPlanOptions): Promise<vscode.Uri | undefined> => {
      let options: NewPlanOptions;
      if (arg && !(arg instanceof vscode.Uri)) {
        options = arg;
      } else {
        const featureName = await askFeatureName();
        if (featureName === null) return undefined;
        const toggles = await askToggles(client, ready);
        if (toggles === null) return undefined;
        const dateRange = await askRange();
        if (dateRange === null) return undefined;
        const percentages = await askPercentages();
        if (percentages === null) return undefined;
        options = { folder: arg, featureName, toggles, dateRange, percentages };
      }
      let text: string;
      try {
        const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'templates', 'release-plan-template.md')));
        text = writeNewPlan(template, toAnswers(options));
      } catch (err) {
        void vscode.window.showErrorMessage(`New Release Plan: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
      const folder = await targetFolder(options.folder);
      if (!folder) {
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
        await vscode.window.showTextDocument(doc);
        return doc.uri;
      }
      const target = await freeName(folder, planFileName(options.featureName));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      await vscode.window.showTextDocument(target);
      return target;
    }),
  );
}
