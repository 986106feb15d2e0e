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

export function sizeGuardMessage(length: number, limit: number): string {
  return `This plan is ${length.toLocaleString('en-US')} characters, more than releasePlan.maxFileSize (${limit.toLocaleString('en-US')}): Release Plan Tools does not check it, and hovers, completions and fixes are off for it, so editing stays fast. Raise releasePlan.maxFileSize (0 = no limit) to check it anyway.`;
}
