// The tool's name and version as reports print them; the version is read from package.json at build
// time (esbuild inlines the one field), so `--version` and SARIF always match the published package.
// There is no public repository or homepage (package.json names none), so SARIF carries no informationUri.
import { version } from '../../../package.json';

export const TOOL_NAME = 'release-plan';
export const TOOL_VERSION: string = version;
