// The first thing `npm test` runs: says what the run will provision for the real-editor suites
// (Neovim and Chromium from Debian's apt, code-server from npm into .cache/) and, where that cannot
// happen here (not root, no apt), stops with one line saying how to install them or how to run only
// the portable part. Installs nothing itself: `npm run provision` runs right after it, before the unit
// tests, because some of those already drive the provisioned Chromium (mermaid rendering).
import { CODE_SERVER_VERSION } from './lib/editor-env.mjs';
import { provisionPlan } from './provision.mjs';

const plan = provisionPlan(['vscode', 'nvim']);
const todo = [
  ...plan.missing.map((p) => `${p} (apt)`),
  ...(plan.needCodeServer ? [`code-server ${CODE_SERVER_VERSION} (npm, into .cache/, ~300 MB)`] : []),
];
console.log(
  'npm test: build, typecheck, lint, unit tests, then the real-editor suites (Neovim, code-server + Chromium). ' +
    (todo.length ? `${plan.missing.length && !plan.canApt ? 'They need' : 'It will install'}: ${todo.join(', ')}.` : 'Everything they need is already installed.'),
);
if (plan.missing.length > 0 && !plan.canApt) {
  const how = plan.debian
    ? `sudo apt-get install -y ${plan.missing.join(' ')}`
    : `install ${plan.missing.join(', ')} with your package manager (Neovim 0.7+; set CHROMIUM_PATH for Chromium)`;
  console.error(`npm test: cannot install ${plan.missing.join(', ')} here (${plan.debian ? 'not root' : 'not Debian/Ubuntu'}): ${how}, or run only the portable part: npm run test:unit`);
  process.exit(1);
}
