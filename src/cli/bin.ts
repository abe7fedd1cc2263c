#!/usr/bin/env node
/**
 * The `api-guard` executable. Never runs code from the analyzed repository and never opens a
 * network connection; an unexpected internal error exits 2 with a message, never a silent pass.
 *
 * Start-up: on Node 22.1 and later, V8's compile cache is turned on first
 * (`module.enableCompileCache`, Node's own cache folder): the bundled TypeScript is over 9 MB of
 * JavaScript, and compiling it again on every run costs a few hundred milliseconds. The CLI is then
 * loaded from its bundle (`dist/bundle/cli/`, one module instead of about two hundred) when the
 * build made one at least as new as these compiled modules, else from `dist/src`.
 */
import { statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

type CliEntry = typeof import('./cli-entry.js');

function bundledEntry(): string | undefined {
  const bundle = new URL('../../bundle/cli/cli-entry.js', import.meta.url);
  try {
    const compiled = statSync(fileURLToPath(new URL('./main.js', import.meta.url))).mtimeMs;
    return statSync(fileURLToPath(bundle)).mtimeMs >= compiled ? bundle.href : undefined;
  } catch {
    return undefined;
  }
}

const { main, getProcessIo } = (await import(bundledEntry() ?? './cli-entry.js')) as CliEntry;

main(process.argv.slice(2), getProcessIo())
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`api-guard: internal error: ${message}\n`);
    process.exitCode = 2;
  });
