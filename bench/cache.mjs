#!/usr/bin/env node
/**
 * Measures `scan --cache` on a generated app: a cold run (empty cache), a warm run (nothing
 * changed), and a run after editing one file of one workspace; with `--verify`, also a run without
 * the cache on the edited tree, whose findings must equal the cached run's. Wall time and peak RSS
 * of each run come from GNU time when it is installed.
 *
 *   node bench/cache.mjs [--lines 100000] [--workspaces 4] [--cli dist/src/cli/bin.js] [--verify]
 *
 * The app is written to a temporary folder and removed afterwards; nothing is committed.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApp } from './generate-app.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * @param {string[]} argv
 * @returns {{ lines: number, workspaces: number, cli: string, verify: boolean, extra: string[] }}
 */
function parseArgs(argv) {
  const options = { lines: 100_000, workspaces: 4, cli: path.join(here, '..', 'dist', 'src', 'cli', 'bin.js'), verify: false, extra: /** @type {string[]} */ ([]) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lines' || arg === '--workspaces') options[arg.slice(2) === 'lines' ? 'lines' : 'workspaces'] = Number(argv[++i]);
    else if (arg === '--cli') options.cli = path.resolve(argv[++i] ?? '');
    else if (arg === '--verify') options.verify = true;
    else options.extra.push(arg);
  }
  return options;
}

/**
 * Runs the CLI once and returns wall seconds, CPU seconds (user + system, all threads) and peak RSS
 * (MB) when GNU time exists, and the JSON report.
 * @param {string} cli
 * @param {string} cwd
 * @param {string[]} args
 * @returns {{ seconds: number, cpuSeconds: number | undefined, rssMb: number | undefined, timeouts: number, exitCode: number | null, report: unknown }}
 */
export function timedScan(cli, cwd, args) {
  const out = path.join(cwd, '..', `report-${process.pid}.json`);
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const commandArgs = [...(gnuTime ? ['-f', 'TIME %e %M %U %S', process.execPath] : []), cli, 'scan', '--format', 'json', '-o', out, '--no-progress', ...args];
  const started = performance.now();
  const run = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const match = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  if ((run.status !== 0 && run.status !== 1) || !existsSync(out)) throw new Error(`scan failed (${run.status}): ${run.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const cpuSeconds = match ? Number(match[3]) + Number(match[4]) : undefined;
  // Files over the per-file budget (--file-timeout-ms): their results depend on the machine's load.
  const timeouts = (run.stderr ?? '').split('\n').filter((line) => line.includes('ms budget')).length;
  return { seconds: match ? Number(match[1]) : seconds, cpuSeconds, rssMb: match ? Math.round(Number(match[2]) / 1024) : undefined, timeouts, exitCode: run.status, report };
}

/**
 * The first Express router file of the first workspace: the file to edit.
 * @param {string} root
 * @returns {string}
 */
function pickFileToEdit(root) {
  const base = existsSync(path.join(root, 'packages')) ? path.join(root, 'packages', 'service-1') : root;
  const modules = path.join(base, 'src', 'express', 'modules');
  const first = readdirSync(modules).sort()[0];
  const dir = path.join(modules, first ?? '');
  const file = readdirSync(dir).sort().find((f) => f.includes('route')) ?? readdirSync(dir).sort()[0];
  return path.join(dir, file ?? '');
}

/** @param {unknown} report */
const findingsOf = (report) =>
  /** @type {{ filePath: string, messages: { ruleId: string, line: number, column: number, message: string }[] }[]} */ (report)
    .flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
    .sort();

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(path.join(tmpdir(), 'api-guard-cache-bench-'));
  try {
    const root = path.join(work, 'app');
    const generated = generateApp({ lines: options.lines, seed: 1337, out: root, workspaces: options.workspaces });
    mkdirSync(path.join(root, '.git'));
    const cacheArgs = ['--cache', '--cache-location', path.join(work, 'cache'), ...options.extra];
    console.log(`app: ${generated.lines} lines, ${generated.files} files, ${options.workspaces} workspace(s)`);
    const cold = timedScan(options.cli, root, cacheArgs);
    console.log(`cold (empty cache):   ${cold.seconds.toFixed(1)} s (CPU ${cold.cpuSeconds?.toFixed(1) ?? '?'} s), peak RSS ${cold.rssMb ?? '?'} MB, ${findingsOf(cold.report).length} findings, ${cold.timeouts} file(s) over the time budget`);
    const warm = timedScan(options.cli, root, cacheArgs);
    const same = JSON.stringify(warm.report) === JSON.stringify(cold.report);
    console.log(`warm (no change):     ${warm.seconds.toFixed(1)} s (CPU ${warm.cpuSeconds?.toFixed(1) ?? '?'} s), peak RSS ${warm.rssMb ?? '?'} MB, report identical: ${same}, ${warm.timeouts} file(s) over the time budget`);
    const edited = pickFileToEdit(root);
    appendFileSync(edited, '\n// edited by bench/cache.mjs\n');
    const edit = timedScan(options.cli, root, cacheArgs);
    console.log(`one file edited:      ${edit.seconds.toFixed(1)} s (CPU ${edit.cpuSeconds?.toFixed(1) ?? '?'} s), peak RSS ${edit.rssMb ?? '?'} MB (${path.relative(root, edited)})`);
    if (options.verify) {
      const fresh = timedScan(options.cli, root, options.extra);
      const equal = JSON.stringify(findingsOf(fresh.report)) === JSON.stringify(findingsOf(edit.report));
      console.log(`no cache, edited tree: ${fresh.seconds.toFixed(1)} s; findings equal to the cached run: ${equal}`);
      if (!equal) process.exitCode = 1;
    }
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
