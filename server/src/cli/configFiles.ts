// Finds and reads `.releaseplanrc.json` for the CLI: the nearest one above each file (the service's
// pure walker, handed node's fs), or the single file given with --config. Each config file is read
// and validated once; any problem in one is a configuration error (exit 2), because in CI a typo'd
// check id silently checking something else is worse than a failed build.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, findConfigFile, parseRcFile } from '../service/index';
import { expandHome } from '../node/homePath';
import { describeFsError, displayPath } from './discover';

export interface ConfigText {
  path: string;
  text: string;
}

export class ConfigError extends Error {}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export class ConfigFiles {
  private readonly byDirectory = new Map<string, string | undefined>();
  private readonly texts = new Map<string, ConfigText>();
  private readonly explicit: string | undefined;

  constructor(
    private readonly cwd: string,
    explicitPath?: string,
  ) {
    if (explicitPath !== undefined) {
      this.explicit = resolve(cwd, expandHome(explicitPath));
      if (!isFile(this.explicit)) {
        let why = 'not a file';
        try {
          statSync(this.explicit);
        } catch (err) {
          why = describeFsError(err);
        }
        throw new ConfigError(`--config ${explicitPath}: ${why}`);
      }
      this.load(this.explicit);
    }
  }

  /** The config that applies to a file, or undefined when there is none. Throws ConfigError. */
  forFile(abs: string): ConfigText | undefined {
    if (this.explicit) return this.texts.get(this.explicit);
    const dir = dirname(abs);
    let path = this.byDirectory.get(dir);
    if (!this.byDirectory.has(dir)) {
      path = findConfigFile(abs, isFile);
      this.byDirectory.set(dir, path);
    }
    return path === undefined ? undefined : (this.texts.get(path) ?? this.load(path));
  }

  private load(path: string): ConfigText {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`${displayPath(path, this.cwd)}: cannot read (${describeFsError(err)})`);
    }
    const { problems } = parseRcFile(text);
    if (problems.length > 0) {
      const first = problems[0];
      const where = `${displayPath(path, this.cwd)}:${first.range.start.line + 1}:${first.range.start.character + 1}`;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
      throw new ConfigError(`${where}: ${first.message.replace(`${CONFIG_FILE_NAME}: `, '')}${more}`);
    }
    const loaded = { path, text };
    this.texts.set(path, loaded);
    return loaded;
  }
}
