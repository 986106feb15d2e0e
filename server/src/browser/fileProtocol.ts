// Server → client requests through which the web-worker server reads files: a worker has no disk,
// so the client answers with vscode.workspace.fs / findFiles (which also reach virtual file
// systems such as github.dev's). The one declaration both sides use: method names and shapes only,
// so neither side's LSP library version leaks into the other.

/** The file's text, or `text` absent when it is missing, not a file, or too large. */
export const READ_FILE_METHOD = 'releasePlan/fs/readFile';
export interface ReadFileParams {
  path: string;
}
export interface ReadFileResult {
  text?: string;
}

export const EXISTS_METHOD = 'releasePlan/fs/exists';
export interface ExistsParams {
  path: string;
}
export interface ExistsResult {
  exists: boolean;
}

/** Markdown files under `root`, at most `limit`, tool folders (node_modules, .git, …) skipped. */
export const LIST_MARKDOWN_METHOD = 'releasePlan/fs/listMarkdown';
export interface ListMarkdownParams {
  root: string;
  limit: number;
}
export interface ListMarkdownResult {
  paths: string[];
}

/** Same bound as the Node file system (node/nodeFileSystem.ts): larger files read as missing. */
export const MAX_READ_BYTES = 5_000_000;
