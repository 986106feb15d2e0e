// The toggle registry for `unknown-toggle`, found the way the server finds it: --registry, else
// vets-api's `config/features.yml` under the current directory (the server looks under the workspace
// root), plus vets-website's flag-name mapping when it is there. Reading and parsing the registry
// happen once, in the main thread (its YAML is the largest single cost of a run's start, so the parse
// is kept between runs: node/registryCache.ts); each thread turns the parsed entries into the
// registry view the server's catalog code gives.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
// the server's defaults, relative to the workspace root there and to the current directory here
import { FLAG_NAMES_DEFAULT, nameMappingFromFiles, REGISTRY_DEFAULT, RegistryFileSource, ToggleCatalog, type RegistryView, type ToggleInfo } from '../service/index';
import { expandHome } from '../node/homePath';
import { cachedRegistryParser } from '../node/registryCache';
import { describeFsError } from './discover';

export interface ToggleFiles {
  /** The registry's entries, parsed (plain data: it goes to worker threads as it is). */
  registry?: { label: string; entries: readonly ToggleInfo[] };
  mappingTexts: string[];
}

export class RegistryError extends Error {}

function readIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the files; `note` hears about problems that do not stop the run. Throws RegistryError. */
export function loadToggleFiles(cwd: string, registryOption: string | undefined, note: (message: string) => void): ToggleFiles {
  const mapping = readIfFile(join(cwd, FLAG_NAMES_DEFAULT));
  const files: ToggleFiles = { mappingTexts: mapping === undefined ? [] : [mapping] };
  let registry: { label: string; text: string } | undefined;
  if (registryOption !== undefined) {
    let text: string;
    try {
      // `--registry=~/vets-api/config/features.yml` reaches us unexpanded (shells expand only a leading ~)
      const path = resolve(cwd, expandHome(registryOption));
      if (statSync(path).isDirectory()) throw new RegistryError(`--registry ${registryOption}: is a directory, expected a features.yml file`);
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if (err instanceof RegistryError) throw err;
      throw new RegistryError(`--registry ${registryOption}: cannot read (${describeFsError(err)})`);
    }
    registry = { label: registryOption, text };
  } else {
    const text = readIfFile(join(cwd, REGISTRY_DEFAULT));
    if (text !== undefined) registry = { label: REGISTRY_DEFAULT, text };
  }
  if (registry) {
    const source = new RegistryFileSource(registry.label, registry.text, cachedRegistryParser());
    if (source.entries().length === 0) throw new RegistryError(`${registryOption !== undefined ? '--registry ' : ''}${registry.label}: no toggles found${source.problems.length ? ` (${source.problems[0]})` : ''}`);
    // A hand-edited registry with a duplicate or an odd entry still works: mention it, don't fail.
    if (source.problems.length) note(`${registry.label}: ${source.problems.length} problem${source.problems.length > 1 ? 's' : ''} while reading the registry, e.g. ${source.problems[0]}`);
    files.registry = { label: registry.label, entries: source.entries() };
  }
  return files;
}

/** The registry view `unknown-toggle` sees; the same catalog code the server asks. */
export function registryView(files: ToggleFiles): RegistryView | undefined {
  if (!files.registry) return undefined;
  const catalog = new ToggleCatalog();
  catalog.setMapping(nameMappingFromFiles(files.mappingTexts).mapping);
  const { label, entries } = files.registry;
  catalog.setSources([{ origin: 'registry', label, version: 0, entries: () => entries }]);
  return catalog.registry();
}
