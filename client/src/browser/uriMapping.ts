// The server reasons about paths it derives from file: URIs (config-file walks, workspace-relative
// globs, registry paths). In vscode.dev / github.dev documents live on virtual file systems
// (vscode-vfs://github/owner/repo/…, vscode-remote://host/…), so the web client presents every such
// URI to the server as a file: URI under one marker folder and maps it back on the way out: the
// server stays scheme-agnostic and every path it asks the client to read maps back to the real URI.
import * as vscode from 'vscode';

/** The marker folder; the path below it is /<scheme>/<authority or "-">/<path>. */
export const VIRTUAL_ROOT = '/.release-plan-vfs';

/** Schemes passed through as they are: the server knows file: paths and untitled documents. */
const NATIVE = new Set(['file', 'untitled']);

export function toServerUri(uri: vscode.Uri): vscode.Uri {
  if (NATIVE.has(uri.scheme)) return uri;
  return vscode.Uri.from({ scheme: 'file', path: `${VIRTUAL_ROOT}/${uri.scheme}/${encodeURIComponent(uri.authority) || '-'}${uri.path}` });
}

export function fromServerPath(path: string): vscode.Uri {
  if (!path.startsWith(VIRTUAL_ROOT + '/')) return vscode.Uri.file(path);
  const rest = path.slice(VIRTUAL_ROOT.length + 1);
  const [scheme, authority = '-'] = rest.split('/', 2);
  const tail = rest.slice(scheme.length + 1 + authority.length);
  return vscode.Uri.from({ scheme, authority: authority === '-' ? '' : decodeURIComponent(authority), path: tail || '/' });
}

export function fromServerUri(value: string): vscode.Uri {
  const uri = vscode.Uri.parse(value);
  return uri.scheme === 'file' && uri.path.startsWith(VIRTUAL_ROOT + '/') ? fromServerPath(uri.path) : uri;
}

/** For LanguageClientOptions.uriConverters. */
export const uriConverters = {
  code2Protocol: (uri: vscode.Uri) => toServerUri(uri).toString(),
  protocol2Code: (value: string) => fromServerUri(value),
};
