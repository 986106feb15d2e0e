// The tool's name and version as reports print them; the version is read from package.json at build
// time (esbuild inlines the one field), so `--version` and SARIF always match the published package.
import { version, repository } from '../../../package.json';

export const TOOL_NAME = 'release-plan';
export const TOOL_VERSION: string = version;
export const INFORMATION_URI: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
