#!/usr/bin/env node
/**
 * The `api-guard` executable. Never runs code from the analyzed repository and never opens a
 * network connection; an unexpected internal error exits 2 with a message, never a silent pass.
 *
 * On Node 22.1 and later, V8's compile cache is turned on first (`module.enableCompileCache`,
 * Node's own cache folder): the bundled TypeScript is over 9 MB of JavaScript, and compiling it
 * again on every run costs a few hundred milliseconds. The CLI is imported after that, so the
 * cache covers it. Node 20 has no such API and compiles as before.
 */
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const [{ getProcessIo }, { main }] = await Promise.all([import('./io.js'), import('./main.js')]);

main(process.argv.slice(2), getProcessIo())
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`api-guard: internal error: ${message}\n`);
    process.exitCode = 2;
  });
