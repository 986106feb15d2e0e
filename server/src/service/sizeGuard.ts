// The size guard: a plan larger than `releasePlan.maxFileSize` characters is not parsed or checked in
// the editor (remark needs seconds for a megabyte, on every edit); it gets one information diagnostic
// saying so instead. Characters, not bytes: the server holds the text as a string, and for the ASCII
// of a plan the two are the same.

/** About 1 MB: twice the largest real plan seen by a wide margin (the corpus tops out near 60 KB). */
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

/** The limit a setting asks for: a whole number ≥ 0 (0: no limit); anything else is the default. */
export function maxFileSize(setting: unknown): number {
  return typeof setting === 'number' && Number.isInteger(setting) && setting >= 0 ? setting : DEFAULT_MAX_FILE_SIZE;
}

export function isOverSizeLimit(text: string, limit: number): boolean {
  return limit > 0 && text.length > limit;
}

/**
 * Nesting remark handles in superlinear time (its list preparation is about cubic in depth: a
 * 250-deep list takes seconds, 500-deep tens of seconds). No plan nests lists 100 deep or quotes 50
 * deep; a line that does is treated like an oversized file. Checked per line, linear in the text.
 */
const TOO_DEEP = /^(?:[ \t]{200,}(?:[-*+]|\d{1,9}[.)])[ \t]|(?:[ \t]{0,3}>){50,})/m;

export function isTooDeeplyNested(text: string): boolean {
  return TOO_DEEP.test(text);
}

export function nestingGuardMessage(): string {
  return 'This plan nests lists or quotes more than 100 levels deep: Release Plan Tools does not check it, and hovers, completions and fixes are off for it, because parsing such nesting takes seconds per edit. Flatten the nesting to check it.';
}

export function sizeGuardMessage(length: number, limit: number): string {
  return `This plan is ${length.toLocaleString('en-US')} characters, more than releasePlan.maxFileSize (${limit.toLocaleString('en-US')}): Release Plan Tools does not check it, and hovers, completions and fixes are off for it, so editing stays fast. Raise releasePlan.maxFileSize (0 = no limit) to check it anyway.`;
}
