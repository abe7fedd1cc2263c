/**
 * What `bin.ts` runs: the CLI's `main` and the process's streams. `scripts/bundle.mjs` bundles this
 * entry (with the worker entry) into `dist/bundle/cli/`, which `bin.ts` prefers when it is at least
 * as new as the compiled modules.
 */
export { main } from './main.js';
export { getProcessIo } from './io.js';
