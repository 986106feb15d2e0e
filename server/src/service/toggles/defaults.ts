// Where the registry and the name mapping live in VA.gov's repositories; the server and the CLI look
// there (relative to the workspace folder / current directory) when nothing else is configured.
export const REGISTRY_DEFAULT = 'config/features.yml';
export const FLAG_NAMES_DEFAULT = 'src/platform/utilities/feature-toggles/featureFlagNames.json';
