#!/usr/bin/env node
/**
 * Peak memory of `scan` on a large generated monorepo (default: 500,000 lines in 5 workspaces of
 * about 100,000 lines, each with its own tsconfig). Reports wall time and peak RSS (GNU time's
 * maximum resident set size) of one cold run, without the cache.
 *
 *   node bench/memory.mjs [--lines 500000] [--workspaces 5] [--cli dist/src/cli/bin.js] [scan options...]
 *
 * The monorepo is written to a temporary folder and removed afterwards; nothing is committed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedScan } from './cache.mjs';
import { generateApp } from './generate-app.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const options = { lines: 500_000, workspaces: 5, cli: path.join(here, '..', 'dist', 'src', 'cli', 'bin.js'), extra: /** @type {string[]} */ ([]) };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--lines') options.lines = Number(argv[++i]);
  else if (arg === '--workspaces') options.workspaces = Number(argv[++i]);
  else if (arg === '--cli') options.cli = path.resolve(argv[++i] ?? '');
  else options.extra.push(arg ?? '');
}

const work = mkdtempSync(path.join(tmpdir(), 'api-guard-memory-bench-'));
try {
  const root = path.join(work, 'monorepo');
  const generated = generateApp({ lines: options.lines, seed: 1337, out: root, workspaces: options.workspaces });
  mkdirSync(path.join(root, '.git'));
  console.log(`monorepo: ${generated.lines} lines, ${generated.files} files, ${options.workspaces} workspace(s)`);
  const run = timedScan(options.cli, root, options.extra);
  const report = /** @type {{ messages: unknown[] }[]} */ (run.report);
  const findings = report.reduce((n, r) => n + r.messages.length, 0);
  console.log(`scan ${options.extra.join(' ')}: ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds?.toFixed(1) ?? '?'} s), peak RSS ${run.rssMb ?? '? (GNU time not installed)'} MB, ${report.length} files, ${findings} findings`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
