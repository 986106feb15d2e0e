// The toggle registry's parse, kept between runs. vets-api's features.yml is ~2,600 lines of YAML
// whose parse is the largest single cost of a CLI run on one plan (~130 ms of ~400) and of the
// server's first diagnostics with unknown-toggle; the file changes a few times a week. The parsed
// entries are kept as JSON in the per-user cache directory (cacheDir.ts), under a hash of the
// file's text and of the code that parsed it (so a new parser never reads an old parser's answer).
// A missing, damaged or foreign cache file means one parse, as before; nothing here can fail a run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegistryFile, type RegistryParser, type RegistryParseResult } from '../service/index';
import { privateCacheDir, readPrivately, writePrivately } from './cacheDir';

/** Parsed registries kept; the oldest go first (a registry per branch checked out is plenty). */
const KEEP = 8;

export interface RegistryCacheOptions {
  env?: NodeJS.ProcessEnv;
  /** Identifies the parsing code (default: a hash of the running bundle, read once on first use). */
  codeIdentity?: () => string;
}

/** parseRegistryFile, answered from the cache when this text was parsed by this code before. */
export function cachedRegistryParser(options: RegistryCacheOptions = {}): RegistryParser {
  let identity: string | undefined;
  const codeIdentity = options.codeIdentity ?? runningCodeIdentity;
  return (text: string): RegistryParseResult => {
    const dir = privateCacheDir('registry', options.env);
    if (!dir) return parseRegistryFile(text);
    identity ??= codeIdentity();
    const key = createHash('sha256').update(identity).update('\0').update(text).digest('hex').slice(0, 24);
    const file = join(dir, `registry-${key}.json`);
    const kept = readKept(file);
    if (kept) return kept;
    const parsed = parseRegistryFile(text);
    try {
      writePrivately(file, JSON.stringify(parsed));
      prune(dir);
    } catch {
      // a read-only or full disk: the next run parses again
    }
    return parsed;
  };
}

/** The bundle this code runs from (dist/server-main.js, dist/cli-main.js), hashed. */
function runningCodeIdentity(): string {
  try {
    return createHash('sha256').update(readFileSync(__filename)).digest('hex');
  } catch {
    // no file to hash: a value no other process shares, so nothing kept is trusted
    return `${process.pid}:${Date.now()}:${Math.random()}`;
  }
}

function readKept(file: string): RegistryParseResult | undefined {
  const bytes = readPrivately(file);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isParseResult(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The shape parseRegistryFile returns, checked field by field before it is used. */
function isParseResult(value: unknown): value is RegistryParseResult {
  if (!value || typeof value !== 'object') return false;
  const { entries, problems } = value as Record<string, unknown>;
  if (!Array.isArray(problems) || !problems.every((p) => typeof p === 'string')) return false;
  if (!Array.isArray(entries)) return false;
  return entries.every((e: unknown) => {
    if (!e || typeof e !== 'object') return false;
    const { name, actorType, description, enableInDevelopment } = e as Record<string, unknown>;
    const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
    return typeof name === 'string' && optionalString(actorType) && optionalString(description) && (enableInDevelopment === undefined || typeof enableInDevelopment === 'boolean');
  });
}

function prune(dir: string): void {
  const kept = readdirSync(dir)
    .filter((f) => f.startsWith('registry-') && f.endsWith('.json'))
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of kept.slice(KEEP)) unlinkSync(join(dir, f));
}
