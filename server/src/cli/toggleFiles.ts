// The toggle registry for `unknown-toggle`, found the way the server finds it: --registry, else
// vets-api's `config/features.yml` under the current directory (the server looks under the workspace
// root), plus vets-website's flag-name mapping when it is there. Reading is node's job and happens
// once in the main thread; turning the texts into the registry view is the service's, in each thread.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
// the server's defaults, relative to the workspace root there and to the current directory here
import { FLAG_NAMES_DEFAULT, nameMappingFromFiles, REGISTRY_DEFAULT, RegistryFileSource, ToggleCatalog, type RegistryView } from '../service/index';
import { expandHome } from '../node/homePath';
import { describeFsError } from './discover';

export interface ToggleFiles {
  registry?: { label: string; text: string };
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
    files.registry = { label: registryOption, text };
  } else {
    const text = readIfFile(join(cwd, REGISTRY_DEFAULT));
    if (text !== undefined) files.registry = { label: REGISTRY_DEFAULT, text };
  }
  if (files.registry) {
    const source = new RegistryFileSource(files.registry.label, files.registry.text);
    if (source.entries().length === 0) throw new RegistryError(`${registryOption !== undefined ? '--registry ' : ''}${files.registry.label}: no toggles found${source.problems.length ? ` (${source.problems[0]})` : ''}`);
    // A hand-edited registry with a duplicate or an odd entry still works: mention it, don't fail.
    if (source.problems.length) note(`${files.registry.label}: ${source.problems.length} problem${source.problems.length > 1 ? 's' : ''} while reading the registry, e.g. ${source.problems[0]}`);
  }
  return files;
}

/** The registry view `unknown-toggle` sees; the same catalog code the server asks. */
export function registryView(files: ToggleFiles): RegistryView | undefined {
  if (!files.registry) return undefined;
  const catalog = new ToggleCatalog();
  catalog.setMapping(nameMappingFromFiles(files.mappingTexts).mapping);
  catalog.setSources([new RegistryFileSource(files.registry.label, files.registry.text)]);
  return catalog.registry();
}
