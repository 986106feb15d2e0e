// The `code` a file gets when it could not be read or checked at all (the editor's one diagnostic
// and the CLI's one row say the same thing), so scripts and users can tell it from a finding.
export const FILE_ERROR_CODE = 'file-error';
