// node:path for the web-worker bundle (aliased in scripts/build.mjs): the posix functions the lsp
// layer uses, on the absolute posix paths the server derives from file: URIs.
function segments(path: string): string[] {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function relative(from: string, to: string): string {
  const a = segments(from);
  const b = segments(to);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  if (joined === '') return '.';
  const body = segments(joined).join('/');
  return (isAbsolute(joined) ? '/' : '') + body || '.';
}

export default { isAbsolute, relative, join, sep: '/' };
