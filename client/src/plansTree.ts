// The Release Plans view (Explorer): every plan in the workspace grouped by where it stands today —
// late, rolling out now, starting within 14 days, not started, finished, no dates — each with its
// current stage, percentage and finding counts; clicking opens the plan at its current stage.
// Refreshed when markdown files change (debounced) and when settings change.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanSummariesRequest, type PlanState, type PlanSummariesResult } from '../../server/src/protocol/index';
import { requestType } from './messages';

type PlanRow = PlanSummariesResult['plans'][number];

const ORDER: PlanState[] = ['late', 'rolling-out', 'starting-soon', 'not-started', 'finished', 'no-dates'];
const ICONS: Record<PlanState, string> = { late: 'warning', 'rolling-out': 'play-circle', 'starting-soon': 'clock', 'not-started': 'circle-large-outline', finished: 'pass', 'no-dates': 'question' };
const BATCH = 25;
const MAX_FILES = 5000;
const MAX_BYTES = 2_000_000;

type Node = { kind: 'group'; state: PlanState; label: string; plans: PlanRow[] } | { kind: 'plan'; row: PlanRow };

export interface PlansTreeApi {
  /** Recomputes the rows and resolves with the groups as shown (for tests). */
  refresh(): Promise<Array<{ state: PlanState; label: string; plans: string[] }>>;
}

export function registerPlansTree(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): PlansTreeApi {
  let rows: PlanRow[] = [];
  const changed = new vscode.EventEmitter<Node | undefined>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const load = async () => {
    await ready;
    const exclude = '{**/node_modules/**,**/.git/**,**/.cache/**,**/dist/**}';
    const uris = (await vscode.workspace.findFiles('**/*.{md,markdown}', exclude, MAX_FILES)).sort((a, b) => a.toString().localeCompare(b.toString()));
    const next: PlanRow[] = [];
    for (let i = 0; i < uris.length; i += BATCH) {
      const files: { uri: string; text: string }[] = [];
      for (const uri of uris.slice(i, i + BATCH)) {
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          if (bytes.byteLength <= MAX_BYTES) files.push({ uri: client.code2ProtocolConverter.asUri(uri), text: new TextDecoder('utf-8').decode(bytes) });
        } catch {
          // unreadable: not listed
        }
      }
      const result = await client.sendRequest(requestType(PlanSummariesRequest), { files });
      next.push(...result.plans);
    }
    rows = next;
    changed.fire(undefined);
  };

  const refresh = () => {
    running ??= load().finally(() => (running = undefined));
    return running;
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 500);
  };

  const groups = (): Array<Extract<Node, { kind: 'group' }>> =>
    ORDER.map((state) => ({ kind: 'group' as const, state, label: '', plans: rows.filter((r) => r.state === state) }))
      .filter((g) => g.plans.length > 0)
      .map((g) => ({ ...g, label: g.plans[0].stateLabel }));

  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    getChildren(node) {
      if (!node) return groups();
      if (node.kind === 'group') return node.plans.map((row) => ({ kind: 'plan' as const, row }));
      return [];
    },
    getTreeItem(node) {
      if (node.kind === 'group') {
        const item = new vscode.TreeItem(`${node.label} (${node.plans.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(ICONS[node.state]);
        item.contextValue = 'releasePlan.group';
        return item;
      }
      const { row } = node;
      const item = new vscode.TreeItem(row.title, vscode.TreeItemCollapsibleState.None);
      item.description = row.text;
      item.resourceUri = vscode.Uri.parse(row.uri);
      // plain text tooltip: plan titles are never rendered as markup
      item.tooltip = `${row.title}\n${row.stateLabel}: ${row.text}\n${vscode.workspace.asRelativePath(item.resourceUri)}`;
      const line = row.current?.line ?? row.next?.line ?? 0;
      item.command = { title: 'Open plan', command: 'vscode.open', arguments: [item.resourceUri, { selection: new vscode.Range(line, 0, line, 0) }] };
      item.contextValue = 'releasePlan.plan';
      return item;
    },
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
  context.subscriptions.push(
    changed,
    watcher,
    vscode.window.createTreeView('releasePlan.plans', { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand('releasePlan.refreshPlans', () => refresh()),
    watcher.onDidChange(soon),
    watcher.onDidCreate(soon),
    watcher.onDidDelete(soon),
    vscode.workspace.onDidSaveTextDocument((d) => d.languageId === 'markdown' && soon()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('releasePlan') && soon()),
    { dispose: () => clearTimeout(timer) },
  );
  void refresh();

  return {
    async refresh() {
      await refresh();
      return groups().map((g) => ({ state: g.state, label: g.label, plans: g.plans.map((p) => vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))) }));
    },
  };
}
