// npm start (until the real-editor runner lands): print the model summary of the sample plans.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const seeds = join('test', 'fixtures', 'seeds');
const files = readdirSync(seeds).filter((f) => f.endsWith('.md')).map((f) => join(seeds, f));
execFileSync(process.execPath, ['dist/cli.js', 'summary', ...files], { stdio: 'inherit' });
