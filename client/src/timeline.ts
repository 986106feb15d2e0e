// "Release Plan: Show Timeline": a webview beside the plan with its Gantt for today, redrawn as the
// user types, following the theme; clicking a bar reveals its heading. The webview runs one bundled
// script under a strict Content-Security-Policy (no inline script or style, no network: only this
// extension's own script and stylesheet). Also "Release Plan: Insert Timeline Diagram", which asks
// the server to write the mermaid block.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest } from '../../server/src/protocol/index';
import { requestType } from './messages';
import type { FromWebview, RenderedBar, ToWebview } from './webview/ganttModel';

export interface TimelineApi {
  /** Opens (or re-targets) the timeline for `uri` and resolves with the bars the webview drew. */
  show(uri: vscode.Uri): Promise<RenderedBar[]>;
  /** Resolves with the bars of the next redraw (after an edit). */
  nextRender(): Promise<RenderedBar[]>;
}

export function registerTimeline(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): TimelineApi {
  let panel: vscode.WebviewPanel | undefined;
  let target: vscode.Uri | undefined;
  let version = 0;
  let timer: NodeJS.Timeout | undefined;
  let waiters: Array<(bars: RenderedBar[]) => void> = [];
  let webviewReady: Promise<void> = Promise.resolve();

  const post = async () => {
    if (!panel || !target) return;
    await ready;
    const mine = ++version;
    const data = await client.sendRequest(requestType(TimelineRequest), { uri: client.code2ProtocolConverter.asUri(target) }).catch(() => null);
    if (mine !== version || !panel) return;
    await webviewReady;
    const message: ToWebview = { type: 'data', data, version: mine };
    void panel.webview.postMessage(message);
  };

  const open = (uri: vscode.Uri) => {
    target = uri;
    if (panel) {
      panel.title = `Timeline: ${uri.path.split('/').pop()}`;
      panel.reveal(vscode.ViewColumn.Beside, true);
      void post();
      return;
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    panel = vscode.window.createWebviewPanel('releasePlan.timeline', `Timeline: ${uri.path.split('/').pop()}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media, dist],
    });
    const webview = panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'timelineView.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css'));
    let markReady: () => void = () => undefined;
    webviewReady = new Promise((resolve) => (markReady = resolve));
    webview.onDidReceiveMessage((m: FromWebview) => {
      if (m.type === 'ready') markReady();
      else if (m.type === 'reveal' && target) void reveal(target, m.line);
      else if (m.type === 'rendered' && m.version === version) for (const w of waiters.splice(0)) w(m.bars);
    });
    webview.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${webview.cspSource}; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>Release plan timeline</title></head>
<body><div id="root"></div><script src="${script.toString()}"></script></body></html>`;
    panel.onDidDispose(() => {
      panel = undefined;
      target = undefined;
    });
    void post();
  };

  const reveal = async (uri: vscode.Uri, line: number) => {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const pos = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const activePlan = (): vscode.Uri | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === 'markdown') return doc.uri;
    void vscode.window.showInformationMessage('Open a release plan (markdown) first.');
    return undefined;
  };

  const nextRender = () => new Promise<RenderedBar[]>((resolve) => waiters.push(resolve));

  context.subscriptions.push(
    vscode.commands.registerCommand('releasePlan.showTimeline', (uri?: vscode.Uri) => {
      const u = uri instanceof vscode.Uri ? uri : activePlan();
      if (u) open(u);
    }),
    vscode.commands.registerCommand('releasePlan.insertTimelineDiagram', async (uri?: vscode.Uri) => {
      const u = uri instanceof vscode.Uri ? uri : activePlan();
      if (!u) return;
      await ready;
      // the server's command (registered by the language client) writes the edit via workspace/applyEdit
      const result = (await vscode.commands.executeCommand('releasePlan.insertTimeline', client.code2ProtocolConverter.asUri(u))) as { changed?: boolean; reason?: string } | undefined;
      if (result && result.changed === false && result.reason) void vscode.window.showInformationMessage(`Timeline diagram: ${result.reason}.`);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!panel || !target || e.document.uri.toString() !== target.toString()) return;
      clearTimeout(timer);
      timer = setTimeout(() => void post(), 250);
    }),
    { dispose: () => { clearTimeout(timer); waiters = []; panel?.dispose(); } },
  );

  return {
    show(uri) {
      const drawn = nextRender();
      open(uri);
      return drawn;
    },
    nextRender,
  };
}
