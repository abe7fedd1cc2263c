#!/usr/bin/env node
/**
 * The `api-guard` executable. Never runs code from the analyzed repository and never opens a
 * network connection; an unexpected internal error exits 2 with a message, never a silent pass.
 */
import { getProcessIo } from './io.js';
import { main } from './main.js';

main(process.argv.slice(2), getProcessIo())
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`api-guard: internal error: ${message}\n`);
    process.exitCode = 2;
  });
