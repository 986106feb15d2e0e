// One function per --format; each turns a finished run into the text written to stdout.
import type { Format } from '../args';
import type { RunResult } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  color: boolean;
}

export function formatResult(format: Format, result: RunResult, context: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, context.cwd);
    case 'github':
      return formatGithub(result);
    case 'stylish':
      return formatStylish(result, context.color);
  }
}
