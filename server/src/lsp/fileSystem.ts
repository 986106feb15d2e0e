// What the server needs from a file system, as an interface: the Node entry passes the real one,
// tests may pass another, and a browser build could pass the client's.
export interface ServerFileSystem {
  /** The file's text, or undefined when it cannot be read. A leading `~/` is the user's home (the adapter expands it). */
  readFile(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  /** Markdown files under `root` (bounded; skips node_modules, .git and other tool folders). */
  listMarkdown(root: string, limit: number): Promise<string[]>;
}

export const NO_FILE_SYSTEM: ServerFileSystem = {
  readFile: async () => undefined,
  exists: async () => false,
  listMarkdown: async () => [],
};
