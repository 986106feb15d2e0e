// node:url for the web-worker bundle (aliased in scripts/build.mjs): file: URL ↔ posix path, with
// Node's rules for what fails (a host, an encoded slash) and what is escaped.
export function fileURLToPath(value: string | URL): string {
  const url = typeof value === 'string' ? new URL(value) : value;
  if (url.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  if (url.hostname !== '') throw new TypeError('File URL host must be "localhost" or empty on this platform');
  if (/%2f/i.test(url.pathname)) throw new TypeError('File URL path must not include encoded / characters');
  return decodeURIComponent(url.pathname);
}

export function pathToFileURL(path: string): URL {
  const url = new URL('file://');
  // what the URL setter leaves alone but would change the path's meaning
  url.pathname = path.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return url;
}

export default { fileURLToPath, pathToFileURL };
