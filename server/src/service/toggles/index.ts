// The toggle catalog's public surface, for the LSP layer, the CLI and tests.
export { CatalogView, ToggleCatalog, createRegistryView, mergeToggleInfos, type CatalogEntry, type RegistryView } from './catalog';
export { FLAG_NAMES_DEFAULT, REGISTRY_DEFAULT } from './defaults';
export { DocumentToggleSource, planToggleInfos } from './documentSource';
export { parseEnvironments } from './environments';
export { nameMappingFromFiles, parseFlagNamesFile } from './flagNamesFile';
export { flipperFeatureUrl, flipperUiUrl, parseFlipperFeatureResponse, parseVaFeatureTogglesResponse, vaFeatureTogglesUrl } from './flipperApi';
export { allowedOrigins, isLoopbackHost, refusal } from './fetchRules';
export { FetchFailure, type HttpGet, type HttpRequest, type HttpResponse } from './http';
export { LiveToggleStatus, type LiveStatusOptions } from './liveStatus';
export { NameMapping, camelToSnake, snakeToCamel, toggleKey } from './names';
export { RegistryFileSource, parseRegistryFile, type RegistryEntry, type RegistryParser, type RegistryParseResult } from './registryFile';
export { WorkspaceToggleIndex, type WorkspaceIndexOptions } from './workspaceIndex';
export type * from './types';
