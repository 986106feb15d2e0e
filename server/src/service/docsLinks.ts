// Where a finding's documentation is, wherever the product runs. There is no public website or
// repository to link to: docs/checks.md ships inside the .vsix and the npm package, next to dist/. The
// catalogue names each check's section by a package-relative reference (`docs/checks.md#placeholder`);
// an adapter that knows where the package is installed turns it into a link that opens there. VS Code
// opens a diagnostic's `codeDescription.href` with its opener service: a `file:` URI opens the file in
// an editor, and a `#L<line>` fragment puts the cursor on that line (a `#placeholder` anchor would be
// ignored), so the link names the line of the check's heading.

/** The documentation file, relative to the package root. */
export const DOCS_FILE = 'docs/checks.md';

/** `docs/checks.md#placeholder`: the package-relative reference the CLI and the catalogue use. */
export function docsReference(anchor: string): string {
  return `${DOCS_FILE}#${anchor}`;
}

/**
 * Links into a copy of docs/checks.md at `docsFileUri` (`file:///…/docs/checks.md`), one per check
 * section found in `markdown` (a `## \`id\`` heading): `…/checks.md#L124`. Undefined for an id the
 * file does not document, so no link ever points at nothing.
 */
export function docsLineLinks(docsFileUri: string, markdown: string): (anchor: string) => string | undefined {
  const lines = new Map<string, number>();
  markdown.split(/\r?\n/).forEach((text, i) => {
    const m = /^##\s+`([a-z][a-z-]*)`\s*$/.exec(text);
    if (m && !lines.has(m[1])) lines.set(m[1], i + 1);
  });
  return (anchor) => {
    const line = lines.get(anchor);
    return line === undefined ? undefined : `${docsFileUri}#L${line}`;
  };
}
