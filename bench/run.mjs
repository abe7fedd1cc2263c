#!/usr/bin/env node
/**
 * The speed benchmark: api-guard side by side with the ESLint floor, three peer plugins and
 * `tsc --noEmit`, on a generated ~100k-line app and on the bundled examples. One command:
 *
 *   npm run bench                      (builds, generates, measures, writes bench/results/latest.md)
 *   node bench/run.mjs --reps 5 --lines 50000 --target generated
 *   npx -y node@24 bench/run.mjs --out bench/results/node24.md   (every tool on another Node)
 *
 * Every measurement is a fresh process (what a user pays: start-up, config and plugin loading,
 * parsing, rules), repeated `--reps` times, interleaved across tools so background load spreads
 * evenly, and summarised by the median. Nothing analysed is ever run.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_OPTIONS, generateApp } from './generate-app.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const eslintBin = path.join(repo, 'node_modules/eslint/bin/eslint.js');
const tscBin = path.join(repo, 'node_modules/typescript/bin/tsc');
const cliBin = path.join(repo, 'dist/src/cli/bin.js');
const pluginEntry = path.join(repo, 'dist/bundle/index.js');
const configs = path.join(repo, 'bench/configs');
const generatedDir = path.join(repo, 'bench/.generated');
const DEFAULT_RESULTS_FILE = path.join(repo, 'bench/results/latest.md');
const EXAMPLE_APPS = ['express-shop', 'nest-events', 'fastify-library'];

/** @typedef {{ id: string, label: string, kind: 'eslint' | 'tsc' | 'scan', config?: string, peer?: boolean }} Tool */

/** @type {Tool[]} */
const TOOLS = [
  { id: 'floor', label: 'ESLint floor (typescript-eslint parser, no rules)', kind: 'eslint', config: 'floor.mjs' },
  { id: 'one-rule', label: 'ESLint floor + one no-op rule (ESLint\'s cost of running any rule)', kind: 'eslint', config: 'one-noop-rule.mjs' },
  { id: 'api-guard', label: 'ESLint + api-guard `recommended` (untyped)', kind: 'eslint', config: 'api-guard-recommended.mjs' },
  { id: 'security', label: 'ESLint + eslint-plugin-security `recommended`', kind: 'eslint', config: 'security-recommended.mjs', peer: true },
  { id: 'no-secrets', label: 'ESLint + eslint-plugin-no-secrets', kind: 'eslint', config: 'no-secrets.mjs', peer: true },
  { id: 'sonarjs', label: 'ESLint + eslint-plugin-sonarjs `recommended`', kind: 'eslint', config: 'sonarjs-recommended.mjs', peer: true },
  { id: 'tsc', label: '`tsc --noEmit` (whole program)', kind: 'tsc' },
  { id: 'scan', label: '`api-guard scan` (whole program)', kind: 'scan' },
];

/**
 * @param {string[]} argv
 * @returns {{ lines: number, seed: number, reps: number, pairs: number, target: 'all' | 'generated' | 'examples', peers: boolean, regenerate: boolean, out: string }}
 */
export function parseRunArgs(argv) {
  const options = { lines: DEFAULT_OPTIONS.lines, seed: DEFAULT_OPTIONS.seed, reps: 3, pairs: 6, target: /** @type {'all' | 'generated' | 'examples'} */ ('all'), peers: true, regenerate: false, out: DEFAULT_RESULTS_FILE };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--lines' || arg === '--seed' || arg === '--reps') {
      const number = Number(value);
      if (!Number.isInteger(number) || number <= 0) throw new Error(`${arg} needs a positive integer, got ${JSON.stringify(value)}`);
      options[arg.slice(2)] = number;
      i++;
    } else if (arg === '--pairs') {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 0) throw new Error(`--pairs needs a whole number (0 turns the paired runs off), got ${JSON.stringify(value)}`);
      options.pairs = number;
      i++;
    } else if (arg === '--target') {
      if (value !== 'all' && value !== 'generated' && value !== 'examples') throw new Error('--target is all, generated or examples');
      options.target = value;
      i++;
    } else if (arg === '--no-peers') {
      options.peers = false;
    } else if (arg === '--regenerate') {
      options.regenerate = true;
    } else if (arg === '--out') {
      if (!value || !value.endsWith('.md')) throw new Error('--out needs a Markdown file (.md)');
      options.out = path.resolve(value);
      i++;
    } else {
      throw new Error(`unknown option ${arg} (known: --lines N, --seed N, --reps N, --pairs N, --target all|generated|examples, --no-peers, --regenerate, --out FILE.md)`);
    }
  }
  return options;
}

/** @typedef {{ ok: boolean, seconds: number, cpuSeconds: number, status: number | null, stdout: string, stderr: string }} ProcessRun */

/**
 * CPU time (user + system) of this process's finished children so far, from `/proc/self/stat`
 * (`cutime` + `cstime`, in clock ticks of 1/100 s on Linux); `NaN` elsewhere. On a shared virtual
 * machine the wall time of the same run varies by a third with the neighbours' load; the CPU time a
 * process used varies much less, so the results show both.
 * @returns {number}
 */
function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, cutime field 16, cstime field 17 (1-based, man proc).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs one process to completion and times it (wall clock).
 * @param {string[]} args arguments to `node`
 * @param {Record<string, string>} [env]
 * @returns {ProcessRun}
 */
function timeNode(args, env = {}) {
  const cpuBefore = childrenCpuSeconds();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: repo,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  return { ok: result.status === 0 || result.status === 1, seconds, cpuSeconds, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}

/**
 * Makes the generated app its own git repository, as a real app is. Without this, \`api-guard scan\`
 * applies this repository's .gitignore (which lists bench/.generated) and finds nothing to analyze.
 * @param {string} dir
 * @returns {void}
 */
function markAsOwnRepository(dir) {
  if (existsSync(path.join(dir, '.git'))) return;
  const init = spawnSync('git', ['init', '--quiet', dir], { encoding: 'utf8' });
  if (init.status !== 0) mkdirSync(path.join(dir, '.git'), { recursive: true });
}

/**
 * @param {number[]} values
 * @returns {number}
 */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * @param {string} dir
 * @returns {{ files: number, lines: number }}
 */
function measureSource(dir) {
  let files = 0;
  let lines = 0;
  const pending = [dir];
  while (pending.length) {
    const current = pending.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') pending.push(full);
      else if (entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files++;
        lines += readFileSync(full, 'utf8').split('\n').length;
      }
    }
  }
  return { files, lines };
}

/**
 * Findings per rule prefix and fatal parse errors, from an ESLint JSON report.
 * @param {string} file
 * @returns {{ findings: number, fatal: number, byRule: Record<string, number> }}
 */
function readEslintReport(file) {
  if (!existsSync(file)) return { findings: 0, fatal: 0, byRule: {} };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let findings = 0;
  let fatal = 0;
  /** @type {Record<string, number>} */
  const byRule = {};
  for (const result of report) {
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId) {
        fatal++;
        continue;
      }
      findings++;
      byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1;
    }
  }
  return { findings, fatal, byRule };
}

/**
 * Findings in an ESLint-json report printed by `api-guard scan --format json` (0 when unreadable).
 * @param {string} text
 * @returns {number}
 */
function countJsonFindings(text) {
  try {
    return JSON.parse(text).reduce((sum, result) => sum + result.messages.filter((m) => m.ruleId).length, 0);
  } catch {
    return 0;
  }
}

/**
 * The first meaningful line of a failed process's output, for the table.
 * @param {ProcessRun} run
 * @returns {string}
 */
function failureReason(run) {
  const text = `${run.stderr}\n${run.stdout}`;
  const lines = text.split('\n').map((l) => l.trim());
  const line = lines.find((l) => /error|not a function|cannot|unexpected|invalid/i.test(l)) ?? lines.find(Boolean) ?? '';
  const rule = lines.find((l) => l.startsWith('Rule: '));
  return `${line}${rule ? ` (${rule})` : ''}`.replace(/\|/g, '\\|').slice(0, 200) || `exit code ${run.status}`;
}

/**
 * @typedef {{ tool: Tool, runs: number[], cpu: number[], status: 'ok' | 'unsupported' | 'failed' | 'skipped', note: string, findings?: number, fatal?: number, byRule?: Record<string, number> }} Measurement
 */

/**
 * Measures every tool on one target, interleaving repetitions.
 * @param {{ name: string, eslintPaths: string[], tscProjects: string[], scanDirs: string[] }} target
 * @param {{ reps: number, peers: boolean }} options
 * @param {string} scratch
 * @returns {Measurement[]}
 */
function measureTarget(target, options, scratch) {
  const cliPresent = existsSync(cliBin);
  /** @type {Measurement[]} */
  const measurements = TOOLS.map((tool) => ({ tool, runs: [], cpu: [], status: 'ok', note: '' }));
  for (const m of measurements) {
    if (m.tool.peer && !options.peers) Object.assign(m, { status: 'skipped', note: 'skipped (--no-peers)' });
    if (m.tool.kind === 'scan' && !cliPresent) Object.assign(m, { status: 'skipped', note: 'skipped: `dist/src/cli/bin.js` is not built yet' });
  }

  // One untimed floor run warms the OS file cache so the first timed tool is not penalised.
  timeNode([eslintBin, '-c', path.join(configs, 'floor.mjs'), '-f', 'json', '-o', path.join(scratch, 'warmup.json'), ...target.eslintPaths]);

  for (let rep = 0; rep < options.reps; rep++) {
    for (const m of measurements) {
      if (m.status !== 'ok') continue;
      const { tool } = m;
      process.stdout.write(`  [${target.name}] ${tool.id} run ${rep + 1}/${options.reps} ... `);
      if (tool.kind === 'eslint') {
        const out = path.join(scratch, `${target.name}-${tool.id}.json`);
        const run = timeNode([eslintBin, '-c', path.join(configs, tool.config), '-f', 'json', '-o', out, ...target.eslintPaths]);
        if (!run.ok) {
          const reason = failureReason(run);
          Object.assign(m, tool.peer ? { status: 'unsupported', note: `not supported on ESLint 10: ${reason}` } : { status: 'failed', note: `failed: ${reason}` });
          process.stdout.write(`${m.status}\n`);
          continue;
        }
        m.runs.push(run.seconds);
        m.cpu.push(run.cpuSeconds);
        Object.assign(m, readEslintReport(out));
      } else if (tool.kind === 'tsc') {
        let seconds = 0;
        let cpuSeconds = 0;
        const exits = [];
        for (const project of target.tscProjects) {
          const run = timeNode([tscBin, '--noEmit', '--incremental', 'false', '-p', project]);
          seconds += run.seconds;
          cpuSeconds += run.cpuSeconds;
          exits.push(run.status);
        }
        m.runs.push(seconds);
        m.cpu.push(cpuSeconds);
        const failed = exits.filter((s) => s !== 0).length;
        m.note = failed ? `${failed} of ${exits.length} projects report type errors (packages are not installed)` : 'type-checks cleanly';
      } else {
        let seconds = 0;
        let cpuSeconds = 0;
        let findings = 0;
        for (const dir of target.scanDirs) {
          const run = timeNode([cliBin, 'scan', dir, '--format', 'json']);
          seconds += run.seconds;
          cpuSeconds += run.cpuSeconds;
          if (!run.ok) {
            Object.assign(m, { status: 'failed', note: `failed: ${failureReason(run)}` });
            break;
          }
          findings += countJsonFindings(run.stdout);
        }
        if (m.status === 'ok') {
          m.runs.push(seconds);
          m.cpu.push(cpuSeconds);
          m.findings = findings;
        }
      }
      process.stdout.write(m.status === 'ok' ? `${m.runs.at(-1).toFixed(2)} s\n` : `${m.status}\n`);
    }
  }
  return measurements;
}

/** @typedef {{ base: number, tool: number, baseCpu: number, toolCpu: number }} Pair */

/**
 * The two target comparisons again, as adjacent pairs: the floor and `recommended` one right after
 * the other (and `tsc` and `scan`), the order swapped at every pair. On a shared machine the speed
 * drifts by a fifth within minutes; the ratio of two runs a few seconds apart cancels the drift,
 * where the ratio of two medians taken minutes apart does not. The targets are judged on the median
 * of these paired ratios.
 * @param {{ name: string, eslintPaths: string[], tscProjects: string[], scanDirs: string[] }} target
 * @param {number} pairs
 * @param {string} scratch
 * @returns {{ eslint: Pair[], wholeProgram: Pair[] }}
 */
function measurePairs(target, pairs, scratch) {
  const eslintRun = (/** @type {string} */ config) => {
    const run = timeNode([eslintBin, '-c', path.join(configs, config), '-f', 'json', '-o', path.join(scratch, 'paired.json'), ...target.eslintPaths]);
    return run.ok ? run : undefined;
  };
  const tscRun = () => {
    const runs = target.tscProjects.map((project) => timeNode([tscBin, '--noEmit', '--incremental', 'false', '-p', project]));
    return { seconds: runs.reduce((a, r) => a + r.seconds, 0), cpuSeconds: runs.reduce((a, r) => a + r.cpuSeconds, 0) };
  };
  const scanRun = () => {
    if (!existsSync(cliBin)) return undefined;
    const runs = target.scanDirs.map((dir) => timeNode([cliBin, 'scan', dir, '--format', 'json']));
    return runs.every((r) => r.ok) ? { seconds: runs.reduce((a, r) => a + r.seconds, 0), cpuSeconds: runs.reduce((a, r) => a + r.cpuSeconds, 0) } : undefined;
  };
  /** @type {{ eslint: Pair[], wholeProgram: Pair[] }} */
  const result = { eslint: [], wholeProgram: [] };
  /**
   * @param {() => { seconds: number, cpuSeconds: number } | undefined} runBase
   * @param {() => { seconds: number, cpuSeconds: number } | undefined} runTool
   * @param {boolean} toolFirst
   * @returns {Pair | undefined}
   */
  const pair = (runBase, runTool, toolFirst) => {
    const [first, second] = toolFirst ? [runTool, runBase] : [runBase, runTool];
    const a = first();
    const b = a ? second() : undefined;
    if (!a || !b) return undefined;
    const [base, tool] = toolFirst ? [b, a] : [a, b];
    return { base: base.seconds, tool: tool.seconds, baseCpu: base.cpuSeconds, toolCpu: tool.cpuSeconds };
  };
  for (let i = 0; i < pairs; i++) {
    process.stdout.write(`  [${target.name}] pair ${i + 1}/${pairs}: floor and recommended, tsc and scan ... `);
    const toolFirst = i % 2 === 1;
    const eslintPair = pair(() => eslintRun('floor.mjs'), () => eslintRun('api-guard-recommended.mjs'), toolFirst);
    if (eslintPair) result.eslint.push(eslintPair);
    const wholePair = pair(tscRun, scanRun, toolFirst);
    if (wholePair) result.wholeProgram.push(wholePair);
    process.stdout.write(
      `${eslintPair ? (eslintPair.tool / eslintPair.base).toFixed(2) : '–'}×, ${wholePair ? (wholePair.tool / wholePair.base).toFixed(2) : '–'}×\n`,
    );
  }
  return result;
}

/**
 * `1.27× (1.19× … 1.36×)`: the median of the paired ratios and their range.
 * @param {Pair[]} pairs
 * @param {'wall' | 'cpu'} measure
 * @returns {{ median: number, text: string }}
 */
function pairedRatio(pairs, measure) {
  const ratios = pairs.map((p) => (measure === 'wall' ? p.tool / p.base : p.toolCpu / p.baseCpu)).filter(Number.isFinite);
  if (ratios.length === 0) return { median: Number.NaN, text: '–' };
  const mid = median(ratios);
  return { median: mid, text: `${mid.toFixed(2)}× (${Math.min(...ratios).toFixed(2)}× … ${Math.max(...ratios).toFixed(2)}×)` };
}

/**
 * A pre-commit run: ESLint with api-guard `recommended` on five files, with `--cache`.
 * First run (cold cache), then a second run after one of the five files changed, and a second
 * run without an ESLint cache (every file linted again, OS caches warm).
 * @param {string[]} files
 * @param {number} reps
 * @param {string} scratch
 * @returns {{ floor: number, first: number, secondCached: number, secondUncached: number }}
 */
function measurePreCommit(files, reps, scratch) {
  const config = path.join(configs, 'api-guard-recommended.mjs');
  const floorConfig = path.join(configs, 'floor.mjs');
  /** @type {{ floor: number[], first: number[], secondCached: number[], secondUncached: number[] }} */
  const runs = { floor: [], first: [], secondCached: [], secondUncached: [] };
  const edited = files[0];
  const original = readFileSync(edited, 'utf8');
  try {
    for (let rep = 0; rep < reps; rep++) {
      const cache = path.join(scratch, `precommit-cache-${rep}`);
      rmSync(cache, { force: true, recursive: true });
      const lint = (/** @type {string[]} */ extra, /** @type {string} */ cfg) =>
        timeNode([eslintBin, '-c', cfg, '-f', 'json', '-o', path.join(scratch, 'precommit.json'), ...extra, ...files]);
      runs.floor.push(lint([], floorConfig).seconds);
      const first = lint(['--cache', '--cache-location', cache], config);
      if (!first.ok) throw new Error(`pre-commit run failed: ${failureReason(first)}`);
      runs.first.push(first.seconds);
      writeFileSync(edited, `${original}\n// edited before the second pre-commit run (${rep})\n`);
      runs.secondCached.push(lint(['--cache', '--cache-location', cache], config).seconds);
      runs.secondUncached.push(lint([], config).seconds);
      writeFileSync(edited, original);
    }
  } finally {
    writeFileSync(edited, original);
  }
  return { floor: median(runs.floor), first: median(runs.first), secondCached: median(runs.secondCached), secondUncached: median(runs.secondUncached) };
}

/**
 * A warm pre-commit run (`precommit-warm.mjs`): one process lints the five files with the ESLint API,
 * then again after one changed; the second run is what an editor or a lint daemon pays.
 * @param {string[]} files
 * @param {number} reps
 * @returns {{ first: number, second: number, floorSecond: number }}
 */
function measurePreCommitWarm(files, reps) {
  const script = path.join(repo, 'bench/precommit-warm.mjs');
  const runs = { first: [], second: [], floorSecond: [] };
  for (let rep = 0; rep < reps; rep++) {
    for (const [config, key] of [['floor.mjs', 'floorSecond'], ['api-guard-recommended.mjs', 'second']]) {
      const run = timeNode([script, path.join(configs, config), files[0], ...files]);
      if (!run.ok) throw new Error(`warm pre-commit run failed: ${failureReason(run)}`);
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
      runs[key].push(result.second);
      if (key === 'second') runs.first.push(result.first);
    }
  }
  return { first: median(runs.first), second: median(runs.second), floorSecond: median(runs.floorSecond) };
}

/**
 * `api-guard scan --changed` on the generated app with five files edited (the app is committed in its
 * own repository first): the whole-program path of a pre-commit hook, run twice in a row.
 * @param {string} dir the generated app
 * @param {string[]} files
 * @param {number} reps
 * @returns {{ first: number, second: number, findings: number } | { error: string }}
 */
function measureScanChanged(dir, files, reps) {
  if (!existsSync(cliBin)) return { error: 'scan not built' };
  const git = (/** @type {string[]} */ args) => spawnSync('git', ['-C', dir, '-c', 'user.email=bench@api-guard.invalid', '-c', 'user.name=bench', ...args], { encoding: 'utf8' });
  if (git(['rev-parse', '--verify', '-q', 'HEAD']).status !== 0) {
    git(['add', '-A']);
    const commit = git(['commit', '-q', '--no-gpg-sign', '-m', 'generated app']);
    if (commit.status !== 0) return { error: `cannot commit the generated app: ${commit.stderr.trim().split('\n')[0]}` };
  }
  const originals = files.map((f) => readFileSync(f, 'utf8'));
  const runs = { first: [], second: [] };
  let findings = 0;
  try {
    files.forEach((f, i) => writeFileSync(f, `${originals[i]}\n// edited for the pre-commit scan\n`));
    for (let rep = 0; rep < reps; rep++) {
      for (const key of ['first', 'second']) {
        const start = process.hrtime.bigint();
        const run = spawnSync(process.execPath, [cliBin, 'scan', '--changed', '--format', 'json', '--no-progress'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        if (run.status !== 0 && run.status !== 1) return { error: `scan --changed failed: ${(run.stderr || '').trim().split('\n')[0]}` };
        runs[key].push(seconds);
        findings = JSON.parse(run.stdout).reduce((n, r) => n + r.messages.length, 0);
      }
    }
  } finally {
    files.forEach((f, i) => writeFileSync(f, originals[i]));
  }
  return { first: median(runs.first), second: median(runs.second), findings };
}

/**
 * Per-rule time of api-guard's rules (ESLint's TIMING=all), one extra run.
 * @param {string[]} paths
 * @param {string} scratch
 * @returns {Array<{ rule: string, ms: number }>}
 */
function measureRuleTiming(paths, scratch) {
  const run = timeNode([eslintBin, '-c', path.join(configs, 'api-guard-recommended.mjs'), '-f', 'json', '-o', path.join(scratch, 'timing.json'), ...paths], { TIMING: 'all' });
  const rows = [];
  for (const line of run.stdout.split('\n')) {
    const match = /^\s*(api-guard\/[\w-]+)\s*\|\s*([\d.]+)\s*\|/.exec(line);
    if (match) rows.push({ rule: match[1], ms: Number(match[2]) });
  }
  return rows.sort((a, b) => b.ms - a.ms);
}

/** @typedef {{ components: Record<string, number>, hotspots: Array<{ name: string, ms: number }> }} Profile */

/**
 * Self time of one process, from a V8 CPU profile (\`node --cpu-prof\`): per component (api-guard's
 * folders, the parser, TypeScript, ts-morph, ESLint, module loading, the garbage collector) and
 * api-guard's own hottest functions.
 * @param {string[]} args arguments to \`node\` after the profiler flags
 * @param {string} scratch
 * @returns {Profile}
 */
function profileRun(args, scratch) {
  const dir = mkdtempSync(path.join(scratch, 'profile-'));
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { cwd: repo, stdio: 'ignore', maxBuffer: 256 * 1024 * 1024 });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return { components: {}, hotspots: [] };
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  /** @type {Map<number, number>} */
  const selfTime = new Map();
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  /** @type {Record<string, number>} */
  const components = {};
  /** @type {Record<string, number>} */
  const functions = {};
  for (const node of profile.nodes) {
    const ms = (selfTime.get(node.id) ?? 0) / 1000;
    if (ms === 0) continue;
    const { url = '', functionName = '', lineNumber = 0 } = node.callFrame;
    const component = componentOf(url, functionName);
    components[component] = (components[component] ?? 0) + ms;
    const inDist = url.indexOf('/dist/');
    if (inDist !== -1 && !url.includes('/node_modules/')) {
      const name = `${functionName || '(anonymous)'} (${url.slice(inDist + '/dist/'.length)}:${lineNumber + 1})`;
      functions[name] = (functions[name] ?? 0) + ms;
    }
  }
  const hotspots = Object.entries(functions)
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  return { components, hotspots };
}

/**
 * @param {string} url
 * @param {string} functionName
 * @returns {string}
 */
function componentOf(url, functionName) {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (!url) return 'other (native, idle)';
  if (url.startsWith('node:internal/modules') || functionName === 'wrapSafe') return 'module loading';
  if (url.startsWith('node:')) return 'other (Node)';
  const file = url.replace(/^file:\/\//, '');
  const inModules = file.lastIndexOf('/node_modules/');
  if (inModules !== -1) {
    const rest = file.slice(inModules + '/node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (name === 'typescript') return 'typescript';
    if (name === 'ts-morph' || name === '@ts-morph/common') return 'ts-morph (its bundled TypeScript)';
    if (name.startsWith('@typescript-eslint/') || name === 'ts-api-utils') return 'typescript-eslint (parser, scope)';
    if (name === 'eslint' || name.startsWith('@eslint/') || name === 'espree' || name === 'esquery') return 'eslint';
    return `other packages`;
  }
  const inDist = file.indexOf('/dist/');
  if (inDist !== -1) {
    const parts = file.slice(inDist + '/dist/'.length).split('/');
    return parts[0] === 'src' ? `api-guard src/${parts[1]}` : `api-guard ${parts[0]}`;
  }
  return 'other';
}

/**
 * @param {string} file
 * @returns {string}
 */
function packageVersion(file) {
  try {
    return JSON.parse(readFileSync(path.join(repo, 'node_modules', file, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/**
 * @param {number} seconds
 * @returns {string}
 */
const fmt = (seconds) => `${seconds.toFixed(2)} s`;

/**
 * @param {Measurement[]} measurements
 * @returns {string[]}
 */
function tableRows(measurements) {
  const floor = measurements.find((m) => m.tool.id === 'floor');
  const tsc = measurements.find((m) => m.tool.id === 'tsc');
  const floorMedian = floor && floor.runs.length ? median(floor.runs) : NaN;
  const tscMedian = tsc && tsc.runs.length ? median(tsc.runs) : NaN;
  const floorCpu = floor && floor.cpu.length ? median(floor.cpu) : NaN;
  const tscCpu = tsc && tsc.cpu.length ? median(tsc.cpu) : NaN;
  const rows = [
    '| run | median | min … max | vs ESLint floor | vs tsc | CPU time (median) | CPU vs floor or tsc | findings | note |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const m of measurements) {
    if (m.status !== 'ok' || m.runs.length === 0) {
      rows.push(`| ${m.tool.label} | – | – | – | – | – | – | – | ${m.note} |`);
      continue;
    }
    const cpu = m.cpu.length && m.cpu.every(Number.isFinite) ? median(m.cpu) : NaN;
    const cpuBase = m.tool.kind === 'eslint' ? floorCpu : tscCpu;
    const cpuCell = Number.isFinite(cpu) ? fmt(cpu) : '–';
    const cpuRatio = Number.isFinite(cpu) && Number.isFinite(cpuBase) ? `${(cpu / cpuBase).toFixed(2)}×` : '–';
    const mid = median(m.runs);
    const ratio = (/** @type {number} */ base) => (Number.isFinite(base) ? `${(mid / base).toFixed(2)}×` : '–');
    const vsFloor = m.tool.kind === 'eslint' ? ratio(floorMedian) : '–';
    const vsTsc = m.tool.kind === 'eslint' ? '–' : ratio(tscMedian);
    const findings = m.tool.kind === 'tsc' ? '–' : `${m.findings ?? 0}${m.fatal ? ` (+${m.fatal} parse errors)` : ''}`;
    rows.push(`| ${m.tool.label} | ${fmt(mid)} | ${fmt(Math.min(...m.runs))} … ${fmt(Math.max(...m.runs))} | ${vsFloor} | ${vsTsc} | ${cpuCell} | ${cpuRatio} | ${findings} | ${m.note} |`);
  }
  return rows;
}

/**
 * @param {Measurement[]} measurements
 * @param {{ secondCached: number, secondUncached: number } | undefined} preCommit
 * @param {{ second: number } | undefined} [preCommitWarm]
 * @param {{ eslint: Pair[], wholeProgram: Pair[] }} [paired]
 * @returns {string[]}
 */
function targetVerdicts(measurements, preCommit, preCommitWarm, paired) {
  const get = (/** @type {string} */ id) => measurements.find((m) => m.tool.id === id);
  const value = (/** @type {string} */ id) => {
    const m = get(id);
    return m && m.status === 'ok' && m.runs.length ? median(m.runs) : undefined;
  };
  const cpuOf = (/** @type {string} */ id) => {
    const m = get(id);
    return m && m.status === 'ok' && m.cpu.length && m.cpu.every(Number.isFinite) ? median(m.cpu) : undefined;
  };
  /** ` (CPU time: 1.31×)`, the same comparison in CPU time, when it was measured. */
  const inCpu = (/** @type {string} */ id, /** @type {string} */ base) => {
    const a = cpuOf(id);
    const b = cpuOf(base);
    return a !== undefined && b !== undefined ? ` (in CPU time: ${(a / b).toFixed(2)}×)` : '';
  };
  const lines = [];
  const floor = value('floor');
  const guard = value('api-guard');
  if (paired?.eslint.length) {
    const wall = pairedRatio(paired.eslint, 'wall');
    const cpu = pairedRatio(paired.eslint, 'cpu');
    lines.push(
      `- \`recommended\` adds ${((wall.median - 1) * 100).toFixed(1)}% over the floor untyped, median of ${paired.eslint.length} paired runs (ratios ${wall.text}; in CPU time ${cpu.text}) (target ≤ 25%): **${wall.median <= 1.25 ? 'met' : 'missed'}**`,
    );
  }
  if (floor !== undefined && guard !== undefined) {
    const overhead = (guard - floor) / floor;
    lines.push(
      paired?.eslint.length
        ? `  - ratio of the medians of the ${get('floor')?.runs.length ?? 0} repetitions above: ${(overhead * 100).toFixed(1)}%${inCpu('api-guard', 'floor')}`
        : `- \`recommended\` adds ${(overhead * 100).toFixed(1)}% over the floor untyped${inCpu('api-guard', 'floor')} (target ≤ 25%): **${overhead <= 0.25 ? 'met' : 'missed'}**`,
    );
    const oneRule = value('one-rule');
    if (oneRule !== undefined) {
      lines.push(
        `  - of which ESLint's own cost of running any rule (one no-op rule): ${(((oneRule - floor) / floor) * 100).toFixed(1)}% of the floor${inCpu('one-rule', 'floor')}; api-guard's rules add ${(((guard - oneRule) / floor) * 100).toFixed(1)}% of the floor on top`,
      );
    }
  }
  const tsc = value('tsc');
  const scan = value('scan');
  if (paired?.wholeProgram.length) {
    const wall = pairedRatio(paired.wholeProgram, 'wall');
    const cpu = pairedRatio(paired.wholeProgram, 'cpu');
    lines.push(
      `- \`scan\` against \`tsc --noEmit\`, median of ${paired.wholeProgram.length} paired runs: ${wall.text} (in CPU time ${cpu.text}) (target: less): **${wall.median < 1 ? 'met' : 'missed'}**`,
    );
  }
  if (tsc !== undefined && scan !== undefined && paired?.wholeProgram.length) {
    lines.push(`  - medians of the repetitions above: ${fmt(scan)} against ${fmt(tsc)}${inCpu('scan', 'tsc')}`);
  } else if (tsc !== undefined) {
    lines.push(
      scan === undefined
        ? `- \`scan\` faster than \`tsc --noEmit\`: **not measured** (${get('scan')?.note || 'scan unavailable'})`
        : `- \`scan\` takes ${fmt(scan)} against ${fmt(tsc)} for \`tsc --noEmit\`${inCpu('scan', 'tsc')} (target: less): **${scan < tsc ? 'met' : 'missed'}**`,
    );
  }
  if (preCommit) {
    lines.push(
      `- pre-commit, 5 files, second run in a fresh \`eslint\` process: ${fmt(preCommit.secondCached)} with \`--cache\` (one file edited), ${fmt(preCommit.secondUncached)} without a cache (target < 1 s): **${preCommit.secondCached < 1 ? 'met' : 'missed'}** with cache, **${preCommit.secondUncached < 1 ? 'met' : 'missed'}** without`,
    );
  }
  if (preCommitWarm) {
    lines.push(`- pre-commit, 5 files, second run in a warm process (ESLint API): ${fmt(preCommitWarm.second)} (target < 1 s): **${preCommitWarm.second < 1 ? 'met' : 'missed'}**`);
  }
  return lines;
}

/** @returns {Promise<void>} */
async function main() {
  const options = parseRunArgs(process.argv.slice(2));
  if (!existsSync(pluginEntry)) {
    console.error('bench: dist/bundle/index.js is missing; run `npm run build` first (`npm run bench` does).');
    process.exit(2);
  }
  const plugin = (await import(pluginEntry)).default;
  const ruleIds = Object.keys(plugin.rules ?? {});
  const recommendedRules = Object.keys(plugin.configs?.recommended?.rules ?? {});
  const scratch = mkdtempSync(path.join(tmpdir(), 'api-guard-bench-'));
  const startedLoad = loadavg()[0];

  /** @type {Array<{ name: string, description: string, size: { files: number, lines: number }, measurements: Measurement[], paired?: ReturnType<typeof measurePairs>, preCommit?: ReturnType<typeof measurePreCommit>, preCommitWarm?: ReturnType<typeof measurePreCommitWarm>, scanChanged?: ReturnType<typeof measureScanChanged>, preCommitFiles?: string[], ruleTiming?: Array<{ rule: string, ms: number }>, profile?: { floor: Profile, apiGuard: Profile, scan?: Profile } }>} */
  const sections = [];
  try {
    if (options.target !== 'examples') {
      const metaFile = path.join(generatedDir, '.bench-meta.json');
      const generatorStamp = createHash('sha256').update(readFileSync(path.join(repo, 'bench/generate-app.mjs'))).digest('hex').slice(0, 16);
      const wanted = JSON.stringify({ lines: options.lines, seed: options.seed, generatorStamp });
      if (options.regenerate || !existsSync(metaFile) || readFileSync(metaFile, 'utf8') !== wanted) {
        const generated = generateApp({ lines: options.lines, seed: options.seed, out: generatedDir });
        writeFileSync(metaFile, wanted);
        console.log(`generated ${generated.lines} lines in ${generated.files} files (seed ${options.seed})`);
      }
      markAsOwnRepository(generatedDir);
      const src = path.join(generatedDir, 'src');
      console.log('measuring the generated app ...');
      const generatedTarget = { name: 'generated', eslintPaths: [src], tscProjects: [path.join(generatedDir, 'tsconfig.json')], scanDirs: [generatedDir] };
      const measurements = measureTarget(generatedTarget, options, scratch);
      if (options.pairs > 0) console.log(`measuring ${options.pairs} back-to-back pairs for the targets ...`);
      const paired = options.pairs > 0 ? measurePairs(generatedTarget, options.pairs, scratch) : undefined;
      const pick = (/** @type {string} */ dir, /** @type {RegExp} */ pattern) => {
        const base = path.join(src, dir, 'modules');
        const first = readdirSync(base).sort()[0];
        return path.join(base, first, readdirSync(path.join(base, first)).sort().find((f) => pattern.test(f)));
      };
      const preCommitFiles = [
        pick('express', /\.router\.ts$/),
        pick('express', /\.service\.ts$/),
        pick('nest', /\.controller\.ts$/),
        pick('nest', /\.service\.ts$/),
        pick('fastify', /\.routes\.ts$/),
      ];
      console.log('measuring a pre-commit run on 5 files ...');
      const preCommit = measurePreCommit(preCommitFiles, options.reps, scratch);
      console.log('measuring a warm pre-commit run (ESLint API, one process) and scan --changed ...');
      const preCommitWarm = measurePreCommitWarm(preCommitFiles, options.reps);
      const scanChanged = measureScanChanged(generatedDir, preCommitFiles, options.reps);
      const ruleTiming = ruleIds.length ? measureRuleTiming([src], scratch) : [];
      console.log('profiling the floor and api-guard once each ...');
      const eslintArgs = (/** @type {string} */ config) => [eslintBin, '-c', path.join(configs, config), '-f', 'json', '-o', path.join(scratch, 'profiled.json'), src];
      const profile = {
        floor: profileRun(eslintArgs('floor.mjs'), scratch),
        apiGuard: profileRun(eslintArgs('api-guard-recommended.mjs'), scratch),
        scan: existsSync(cliBin) ? profileRun([cliBin, 'scan', generatedDir, '--format', 'json'], scratch) : undefined,
      };
      sections.push({
        name: 'generated',
        description: `the generated app (\`bench/.generated\`, seed ${options.seed}, \`--lines ${options.lines}\`)`,
        size: measureSource(src),
        measurements,
        paired,
        preCommit,
        preCommitWarm,
        scanChanged,
        preCommitFiles: preCommitFiles.map((f) => path.relative(repo, f)),
        ruleTiming,
        profile,
      });
    }
    if (options.target !== 'generated') {
      console.log('measuring the bundled examples ...');
      const dirs = EXAMPLE_APPS.map((app) => path.join(repo, 'examples', app));
      const measurements = measureTarget(
        { name: 'examples', eslintPaths: dirs.map((d) => path.join(d, 'src')), tscProjects: dirs.map((d) => path.join(d, 'tsconfig.json')), scanDirs: dirs },
        options,
        scratch,
      );
      const sizes = dirs.map((d) => measureSource(path.join(d, 'src')));
      const ruleTiming = ruleIds.length ? measureRuleTiming(dirs.map((d) => path.join(d, 'src')), scratch) : [];
      sections.push({
        name: 'examples',
        description: `the bundled examples (${EXAMPLE_APPS.map((a) => `\`examples/${a}\``).join(', ')}; tsc and scan run once per app, summed)`,
        size: { files: sizes.reduce((a, s) => a + s.files, 0), lines: sizes.reduce((a, s) => a + s.lines, 0) },
        measurements,
        ruleTiming,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const cpu = cpus();
  const out = [
    '# api-guard speed benchmark: latest results',
    '',
    `Written by \`npm run bench\` (\`${['node bench/run.mjs', ...process.argv.slice(2)].join(' ')}\`) on ${new Date().toISOString().slice(0, 10)}. Medians of ${options.reps} interleaved runs; every run is a fresh process.`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${startedLoad.toFixed(2)} at start. ESLint ${packageVersion('eslint')}, typescript-eslint parser ${packageVersion('@typescript-eslint/parser')}, TypeScript ${packageVersion('typescript')}, eslint-plugin-security ${packageVersion('eslint-plugin-security')}, eslint-plugin-no-secrets ${packageVersion('eslint-plugin-no-secrets')}, eslint-plugin-sonarjs ${packageVersion('eslint-plugin-sonarjs')}.`,
    '',
    `api-guard: ${ruleIds.length} rules built, ${recommendedRules.length} in \`recommended\`${recommendedRules.length ? ` (${recommendedRules.map((r) => `\`${r}\``).join(', ')})` : ''}. \`api-guard scan\`: ${existsSync(cliBin) ? 'built' : 'not built yet'}.`,
  ];
  for (const section of sections) {
    out.push('', `## ${section.name === 'generated' ? 'Generated app' : 'Bundled examples'}`, '', `Target: ${section.description}: ${section.size.lines} lines in ${section.size.files} files.`, '');
    out.push(...tableRows(section.measurements));
    const paired = section.paired;
    if (paired && (paired.eslint.length || paired.wholeProgram.length)) {
      out.push(
        '',
        `Paired runs: ${Math.max(paired.eslint.length, paired.wholeProgram.length)} pairs, each pair run back to back (fresh processes), the order swapped at every pair; medians of the paired ratios, with their range:`,
        '',
        '| comparison | wall time | CPU time | target |',
        '| --- | ---: | ---: | --- |',
        `| ESLint + api-guard \`recommended\` / ESLint floor | ${pairedRatio(paired.eslint, 'wall').text} | ${pairedRatio(paired.eslint, 'cpu').text} | ≤ 1.25× |`,
        `| \`api-guard scan\` / \`tsc --noEmit\` | ${pairedRatio(paired.wholeProgram, 'wall').text} | ${pairedRatio(paired.wholeProgram, 'cpu').text} | < 1.00× |`,
      );
    }
    if (section.preCommit) {
      const p = section.preCommit;
      out.push(
        '',
        `Pre-commit (ESLint + api-guard \`recommended\` on 5 files: ${section.preCommitFiles.map((f) => `\`${path.basename(f)}\``).join(', ')}), each run a fresh \`eslint\` process: floor ${fmt(p.floor)}; first run ${fmt(p.first)} (cold \`--cache\`); second run ${fmt(p.secondCached)} with the cache after editing one file; second run without a cache ${fmt(p.secondUncached)}.`,
      );
      const w = section.preCommitWarm;
      if (w) {
        out.push(
          '',
          `Warm pre-commit (one process, ESLint API, \`bench/precommit-warm.mjs\`: an editor, a lint daemon, a watch-mode hook): first run ${fmt(w.first)} (loading included); second run after editing one file ${fmt(w.second)} (the floor's second run: ${fmt(w.floorSecond)}).`,
        );
      }
      const c = section.scanChanged;
      if (c) {
        out.push(
          '',
          'error' in c
            ? `\`api-guard scan --changed\` with the 5 files edited: not measured (${c.error}).`
            : `\`api-guard scan --changed\` with the 5 files edited (whole-program path, fresh process each): first run ${fmt(c.first)}, second run ${fmt(c.second)}, ${c.findings} findings.`,
        );
      }
    }
    if (section.ruleTiming?.length) {
      const perThousand = (/** @type {number} */ ms) => (ms / (section.size.lines / 1000)).toFixed(2);
      out.push(
        '',
        'Time per api-guard rule (ESLint `TIMING=all`, one run):',
        '',
        '| rule | ms | ms per 1,000 lines |',
        '| --- | ---: | ---: |',
        ...section.ruleTiming.map((r) => `| \`${r.rule}\` | ${r.ms.toFixed(1)} | ${perThousand(r.ms)} |`),
      );
    }
    if (section.profile) {
      const floor = section.profile.floor.components;
      const apiGuard = section.profile.apiGuard.components;
      const names = [...new Set([...Object.keys(floor), ...Object.keys(apiGuard)])];
      const rows = names
        .map((name) => ({ name, floor: floor[name] ?? 0, apiGuard: apiGuard[name] ?? 0 }))
        .filter((r) => r.floor >= 20 || r.apiGuard >= 20)
        .sort((a, b) => b.apiGuard - b.floor - (a.apiGuard - a.floor));
      const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
      const total = (/** @type {Record<string, number>} */ c) => Object.values(c).reduce((a, b) => a + b, 0);
      const hotspotRows = (/** @type {Profile} */ p) => ['| function | self time |', '| --- | ---: |', ...p.hotspots.map((h) => `| \`${h.name}\` | ${seconds(h.ms)} |`)];
      out.push(
        '',
        'Where ESLint\'s time goes (self time from one V8 CPU profile of each run, `node --cpu-prof`; the profiler adds some overhead):',
        '',
        '| component | floor | api-guard | added |',
        '| --- | ---: | ---: | ---: |',
        ...rows.map((r) => `| ${r.name} | ${seconds(r.floor)} | ${seconds(r.apiGuard)} | ${seconds(r.apiGuard - r.floor)} |`),
        `| total | ${seconds(total(floor))} | ${seconds(total(apiGuard))} | ${seconds(total(apiGuard) - total(floor))} |`,
        '',
        'api-guard\'s hottest functions under ESLint (self time, `dist/` paths):',
        '',
        ...hotspotRows(section.profile.apiGuard),
      );
      const scan = section.profile.scan;
      if (scan) {
        const scanRows = Object.entries(scan.components)
          .filter(([, ms]) => ms >= 20)
          .sort((a, b) => b[1] - a[1]);
        out.push(
          '',
          'Where `api-guard scan`\'s time goes (one V8 CPU profile):',
          '',
          '| component | self time |',
          '| --- | ---: |',
          ...scanRows.map(([name, ms]) => `| ${name} | ${seconds(ms)} |`),
          `| total | ${seconds(total(scan.components))} |`,
          '',
          'Its hottest functions:',
          '',
          ...hotspotRows(scan),
        );
      }
    }
    const verdicts = targetVerdicts(section.measurements, section.preCommit, section.preCommitWarm, section.paired);
    if (verdicts.length) out.push('', 'Targets:', '', ...verdicts);
  }
  out.push(
    '',
    '## How to read this',
    '',
    '- "ESLint floor" is ESLint parsing every file with the typescript-eslint parser and running no rule; each plugin row is the floor plus that plugin\'s config, so `vs ESLint floor` minus 1 is what the plugin adds.',
    '- ESLint runs single-threaded (no `--concurrency`), untyped (no `parserOptions.project`): the per-file mode a pre-commit hook or an editor uses.',
    '- `tsc --noEmit` and `api-guard scan` are the whole-program paths. The generated app type-checks cleanly against loose declarations of its packages (`bench/.generated/types/vendor.d.ts`) and the repo\'s `@types/node`; the examples have no `node_modules`, so tsc reports unresolved packages there.',
    '- Findings are the number of messages in each JSON report (ESLint\'s, or `scan --format json`); they show that a tool did work, not how well (the generated app is not labelled; the examples are, see `tests/examples`).',
    '- A peer whose config or rules crash on ESLint 10 is recorded as "not supported on ESLint 10" with the first error line, instead of failing the run.',
    '',
  );
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, out.join('\n'));
  console.log(`\n${out.join('\n')}`);
  console.log(`written to ${path.relative(process.cwd(), options.out)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  });
}
