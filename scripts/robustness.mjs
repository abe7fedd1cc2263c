#!/usr/bin/env node
/**
 * The robustness run: every rule (ESLint `Linter` with the plugin's `strict` config, untyped) and
 * `scan`'s analysis (project mode: files loaded per package, every rule's `detect` with the project
 * index, findings placed as the CLI places them, and the route inventory) over every
 * `.ts`/`.js`/`.mjs`/`.cjs`/`.mts`/`.cts` file of this repository's own `node_modules`: thousands of
 * real files, TypeScript's lib `.d.ts` files included.
 *
 *   npm run robustness                               (builds first; every file)
 *   node scripts/robustness.mjs --sample 300 --seed 7 (a fixed random sample; what CI runs)
 *   node scripts/robustness.mjs --json out.json       (the summary as JSON too)
 *   node scripts/robustness.mjs --only vite/dist/node/chunks/node.js   (some files again)
 *
 * The work runs in a worker thread watched by this one: a file whose analysis does not finish within
 * `--file-timeout-ms` (or a package that does not load within `--load-timeout-ms`) is a hang; the
 * worker is stopped and a new one goes on with the next file. A crash is an exception out of ESLint
 * or out of the analysis, a rule failure that `scan` would report, or a `process.emitWarning` from
 * the rule kit (how the ESLint adapter reports an analysis error without stopping the lint run).
 * Parsing errors in the packages' own files are counted, not crashes. Exit code 1 when anything
 * crashed or hung. Nothing analysed is ever run.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const repo = fileURLToPath(new URL('..', import.meta.url));
const EXTENSIONS = /\.(ts|js|mjs|cjs|mts|cts)$/;
/** Files per project load: a package larger than this is loaded in slices. */
const BATCH_FILES = 250;

if (isMainThread) {
  await main();
} else {
  await runWorker();
}

// ---------------------------------------------------------------------------------------------
// Main thread: collect, sample, dispatch, watch, summarise.

/**
 * @param {string[]} argv
 * @returns {{ dir: string, only: string[] | undefined, sample: number | undefined, seed: number, fileTimeoutMs: number, loadTimeoutMs: number, json: string | undefined, slowest: number, quiet: boolean }}
 */
export function parseArgs(argv) {
  const options = { dir: path.join(repo, 'node_modules'), only: undefined, sample: undefined, seed: 1, fileTimeoutMs: 20_000, loadTimeoutMs: 120_000, json: undefined, slowest: 10, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} needs a positive integer, got ${JSON.stringify(value)}`);
      i++;
      return n;
    };
    if (arg === '--sample') options.sample = number();
    else if (arg === '--seed') options.seed = number();
    else if (arg === '--file-timeout-ms') options.fileTimeoutMs = number();
    else if (arg === '--load-timeout-ms') options.loadTimeoutMs = number();
    else if (arg === '--slowest') options.slowest = number();
    else if (arg === '--dir') {
      options.dir = path.resolve(value);
      i++;
    } else if (arg === '--json') {
      options.json = path.resolve(value);
      i++;
    } else if (arg === '--only') {
      options.only = String(value).split(',').filter(Boolean);
      i++;
    } else if (arg === '--quiet') options.quiet = true;
    else throw new Error(`unknown option ${arg} (known: --sample N, --seed N, --dir DIR, --only a.js,b.ts, --file-timeout-ms N, --load-timeout-ms N, --slowest N, --json FILE, --quiet)`);
  }
  return options;
}

/**
 * Every source file under `dir`, sorted; symbolic links are not followed (no loops, no duplicates).
 * @param {string} dir
 * @returns {string[]}
 */
function collectFiles(dir) {
  const out = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop();
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile() && EXTENSIONS.test(entry.name)) out.push(full);
    }
  }
  return out.sort();
}

/**
 * A fixed-seed sample of `count` files (mulberry32 and a partial Fisher–Yates shuffle), sorted.
 * @param {string[]} files
 * @param {number} count
 * @param {number} seed
 * @returns {string[]}
 */
function sampleFiles(files, count, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...files];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n).sort();
}

/**
 * The package folder a file belongs to: the path up to the last `node_modules/<name>` (or
 * `node_modules/@scope/<name>`).
 * @param {string} file
 * @param {string} dir
 * @returns {string}
 */
function packageRootOf(file, dir) {
  const parts = path.relative(dir, file).split(path.sep);
  let end = 1;
  for (let i = 0; i < parts.length - 1; i++) {
    if (i === 0 || parts[i - 1] === 'node_modules') end = parts[i].startsWith('@') ? i + 2 : i + 1;
  }
  return path.join(dir, ...parts.slice(0, Math.min(end, parts.length - 1)));
}

/**
 * @param {string[]} files
 * @param {string} dir
 * @returns {{ root: string, files: string[] }[]}
 */
function makeBatches(files, dir) {
  /** @type {Map<string, string[]>} */
  const byPackage = new Map();
  for (const file of files) {
    const root = packageRootOf(file, dir);
    const list = byPackage.get(root) ?? [];
    list.push(file);
    byPackage.set(root, list);
  }
  const batches = [];
  for (const [root, list] of byPackage) {
    for (let i = 0; i < list.length; i += BATCH_FILES) batches.push({ root, files: list.slice(i, i + BATCH_FILES) });
  }
  return batches;
}

/**
 * @typedef {{ phase: string, rule?: string, message: string }} Crash
 * @typedef {{ file: string, eslintMs: number, parseMs: number, rulesMs: number, scanMs: number, skipped?: string, unreadable?: string, parseError?: string, eslintError?: string, crashes: Crash[], eslintFindings: Record<string, number>, scanFindings: Record<string, number>, overBudget?: boolean }} FileResult
 */

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const all = collectFiles(options.dir);
  const chosen = options.only ? all.filter((f) => options.only.includes(path.relative(options.dir, f))) : all;
  const files = options.sample ? sampleFiles(chosen, options.sample, options.seed) : chosen;
  const batches = makeBatches(files, options.dir);
  if (!options.quiet) {
    process.stderr.write(`robustness: ${files.length} of ${all.length} files${options.sample ? ` (sample, seed ${options.seed})` : ''} in ${batches.length} package batches, under ${path.relative(repo, options.dir) || options.dir}\n`);
  }

  /** @type {FileResult[]} */
  const results = [];
  /** @type {{ file: string, phase: string, ms: number, wallMs: number }[]} */
  const hangs = [];
  /** @type {{ root: string, message: string }[]} */
  const batchCrashes = [];
  let routes = 0;

  let queue = batches;
  while (queue.length > 0) {
    const outcome = await runBatchesInWorker(queue, options, (message) => {
      if (message.type === 'file') {
        results.push(message.result);
        if (!options.quiet && results.length % 250 === 0) process.stderr.write(`robustness: ${results.length}/${files.length} files, ${Math.round((performance.now() - started) / 1000)} s\n`);
      } else if (message.type === 'batch-crash') batchCrashes.push({ root: message.root, message: message.message });
      else if (message.type === 'routes') routes += message.count;
    });
    if (!outcome.hang) break;
    const { hang } = outcome;
    hangs.push(hang);
    if (!options.quiet) process.stderr.write(`robustness: HANG (${hang.phase}) ${path.relative(options.dir, hang.file)} after ${hang.ms} ms of CPU (${hang.wallMs} ms wall); going on in a new worker\n`);
    // Go on after the hung file; a package that did not load (or whose routes hung) is left out.
    const done = new Set(results.map((r) => r.file));
    const rest = hang.phase === 'load' ? outcome.remaining.slice(1) : outcome.remaining;
    queue = rest.map((b) => ({ ...b, files: b.files.filter((f) => !done.has(f) && f !== hang.file) })).filter((b) => b.files.length > 0);
  }

  const summary = summarise(results, hangs, batchCrashes, routes, all.length, options, performance.now() - started);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(formatSummary(summary, options));
  process.exitCode = summary.crashes.length > 0 || summary.hangs.length > 0 ? 1 : 0;
}

/**
 * Runs batches in one worker until they are done or one file hangs.
 * @param {{ root: string, files: string[] }[]} batches
 * @param {ReturnType<typeof parseArgs>} options
 * @param {(message: any) => void} onMessage
 * @returns {Promise<{ hang?: { file: string, phase: string, ms: number, wallMs: number }, remaining: { root: string, files: string[] }[] }>}
 */
function runBatchesInWorker(batches, options, onMessage) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { batches, fileTimeoutMs: options.fileTimeoutMs }, stdout: false, stderr: false });
    // The machine may be loaded: a file hangs when the worker spent its budget in CPU time on it
    // (or ten times the budget in wall time), not when it merely waited for a core.
    const cpuMs = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const mark = (file, phase) => ({ file, phase, since: performance.now(), cpuSince: cpuMs() });
    let current = mark(batches[0]?.root ?? '', 'load');
    let batchIndex = 0;
    let finished = false;
    const timer = setInterval(() => {
      const limit = current.phase === 'load' ? options.loadTimeoutMs : options.fileTimeoutMs;
      const cpu = cpuMs() - current.cpuSince;
      const wall = performance.now() - current.since;
      if (finished || (cpu <= limit && wall <= limit * 10)) return;
      finished = true;
      clearInterval(timer);
      void worker.terminate();
      resolve({ hang: { file: current.file, phase: current.phase, ms: Math.round(cpu), wallMs: Math.round(wall) }, remaining: batches.slice(batchIndex) });
    }, 250);
    worker.on('message', (message) => {
      if (message.type === 'load') {
        batchIndex = message.batch;
        current = mark(message.root, 'load');
      } else if (message.type === 'start') current = mark(message.file, 'eslint');
      else if (message.type === 'phase') current = { ...current, phase: message.phase };
      else onMessage(message);
    });
    worker.on('error', (error) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      reject(error);
    });
    worker.on('exit', () => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      resolve({ remaining: [] });
    });
  });
}

/**
 * @param {FileResult[]} results
 * @param {{ file: string, phase: string, ms: number, wallMs: number }[]} hangs
 * @param {{ root: string, message: string }[]} batchCrashes
 * @param {number} routes
 * @param {number} available
 * @param {ReturnType<typeof parseArgs>} options
 * @param {number} elapsedMs
 */
function summarise(results, hangs, batchCrashes, routes, available, options, elapsedMs) {
  const crashes = [
    ...results.flatMap((r) => r.crashes.map((c) => ({ file: path.relative(options.dir, r.file), ...c }))),
    ...batchCrashes.map((c) => ({ file: path.relative(options.dir, c.root), phase: 'load', message: c.message })),
  ];
  /** @type {Record<string, { eslint: number, scan: number, files: Set<string> }>} */
  const findings = {};
  for (const r of results) {
    const file = path.relative(options.dir, r.file);
    for (const [rule, n] of Object.entries(r.eslintFindings)) {
      (findings[rule] ??= { eslint: 0, scan: 0, files: new Set() }).eslint += n;
      findings[rule].files.add(file);
    }
    for (const [rule, n] of Object.entries(r.scanFindings)) {
      (findings[rule] ??= { eslint: 0, scan: 0, files: new Set() }).scan += n;
      findings[rule].files.add(file);
    }
  }
  const perThousand = Object.fromEntries(
    Object.entries(findings)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, n]) => [
        rule,
        { eslint: n.eslint, scan: n.scan, eslintPerThousand: round2((n.eslint * 1000) / Math.max(results.length, 1)), scanPerThousand: round2((n.scan * 1000) / Math.max(results.length, 1)), files: [...n.files].sort() },
      ]),
  );
  // Slowest by api-guard's own time: its rules under ESLint plus scan's analysis (the parse is not ours).
  const slowest = [...results]
    .sort((a, b) => b.rulesMs + b.scanMs - (a.rulesMs + a.scanMs))
    .slice(0, options.slowest)
    .map((r) => ({ file: path.relative(options.dir, r.file), parseMs: Math.round(r.parseMs), rulesMs: Math.round(r.rulesMs), scanMs: Math.round(r.scanMs) }));
  const sum = (pick) => round2(results.reduce((n, r) => n + pick(r), 0) / 1000);
  return {
    files: results.length,
    available,
    sample: options.sample ? { size: options.sample, seed: options.seed } : undefined,
    seconds: round2(elapsedMs / 1000),
    eslintSeconds: sum((r) => r.eslintMs),
    parseSeconds: sum((r) => r.parseMs),
    rulesSeconds: sum((r) => r.rulesMs),
    scanSeconds: sum((r) => r.scanMs),
    skippedByLimits: results.filter((r) => r.skipped).length,
    unreadable: results.filter((r) => r.unreadable).map((r) => path.relative(options.dir, r.file)),
    parseErrors: results.filter((r) => r.parseError).length,
    eslintErrors: results.filter((r) => r.eslintError).map((r) => `${path.relative(options.dir, r.file)}: ${r.eslintError}`),
    overBudget: results.filter((r) => r.overBudget).map((r) => path.relative(options.dir, r.file)),
    routes,
    crashes,
    hangs: hangs.map((h) => ({ ...h, file: path.relative(options.dir, h.file) })),
    findings: perThousand,
    slowest,
  };
}

/** @param {number} n */
function round2(n) {
  return Math.round(n * 100) / 100;
}

/**
 * @param {ReturnType<typeof summarise>} s
 * @param {ReturnType<typeof parseArgs>} options
 */
function formatSummary(s, options) {
  const lines = [];
  lines.push(`api-guard robustness run over ${path.relative(repo, options.dir) || options.dir}${s.sample ? ` (sample of ${s.sample.size}, seed ${s.sample.seed})` : ''}`);
  lines.push(`files: ${s.files} of ${s.available}; wall time ${s.seconds} s`);
  lines.push(`time: ESLint strict ${s.eslintSeconds} s (typescript-eslint parse ${s.parseSeconds} s, api-guard rules ${s.rulesSeconds} s); scan analysis ${s.scanSeconds} s`);
  lines.push(`skipped by file limits (over 2 MB or minified): ${s.skippedByLimits}; unreadable: ${s.unreadable.length}; parsing errors in the packages' files: ${s.parseErrors}; routes found: ${s.routes}`);
  lines.push(`files ESLint itself refuses (not a rule's doing): ${s.eslintErrors.length}${s.eslintErrors.length ? ` (${s.eslintErrors.slice(0, 5).join('; ')})` : ''}`);
  lines.push(`over scan's per-file budget: ${s.overBudget.length}${s.overBudget.length ? ` (${s.overBudget.join(', ')})` : ''}`);
  lines.push(`crashes: ${s.crashes.length}`);
  for (const c of s.crashes.slice(0, 50)) lines.push(`  ${c.phase}${c.rule ? ` ${c.rule}` : ''} ${c.file}: ${c.message}`);
  lines.push(`hangs: ${s.hangs.length}`);
  for (const h of s.hangs) lines.push(`  ${h.phase} ${h.file}: no answer after ${h.ms} ms of CPU (${h.wallMs} ms wall)`);
  lines.push('findings per 1,000 files (a noise indicator; none of these files is an API server):');
  lines.push('  rule                                   ESLint  per 1k    scan  per 1k');
  const rules = Object.entries(s.findings);
  if (rules.length === 0) lines.push('  (none)');
  for (const [rule, n] of rules) {
    lines.push(`  ${rule.padEnd(38)} ${String(n.eslint).padStart(6)}  ${n.eslintPerThousand.toFixed(2).padStart(6)}  ${String(n.scan).padStart(6)}  ${n.scanPerThousand.toFixed(2).padStart(6)}`);
    lines.push(`    in ${n.files.slice(0, 8).join(', ')}${n.files.length > 8 ? `, and ${n.files.length - 8} more` : ''}`);
  }
  lines.push('slowest files for api-guard (ms: api-guard rules under ESLint + scan analysis; the parse beside it):');
  for (const f of s.slowest) lines.push(`  ${String(f.rulesMs).padStart(6)} + ${String(f.scanMs).padStart(6)}  (parse ${String(f.parseMs).padStart(6)})  ${f.file}`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Worker: load each batch as a project, then per file ESLint strict and scan's analysis.

async function runWorker() {
  const dist = (p) => import(path.join(repo, 'dist', p));
  const [{ Linter }, tsParserModule, pluginModule, { rules: registry }, load, context, runFileRules, reportFinding, routeInventory, defaultRouteSource, schema, fileLimits, sourceText] =
    await Promise.all([
      import('eslint'),
      import('@typescript-eslint/parser'),
      dist('src/index.js'),
      dist('rules/index.js'),
      dist('src/project/load.js'),
      dist('src/core/context.js'),
      dist('src/cli/run-file-rules.js'),
      dist('src/cli/report-finding.js'),
      dist('src/cli/route-inventory.js'),
      dist('src/cli/default-route-source.js'),
      dist('src/settings/schema.js'),
      dist('src/core/file-limits.js'),
      dist('src/project/source-text.js'),
    ]);
  const tsParser = tsParserModule.default ?? tsParserModule;
  const plugin = pluginModule.default;
  const { batches, fileTimeoutMs } = workerData;

  // The rule kit reports an analysis error in ESLint through process.emitWarning: record it.
  /** @type {string[]} */
  let warnings = [];
  const originalEmitWarning = process.emitWarning.bind(process);
  process.emitWarning = (warning, ...rest) => {
    const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
    if (type === 'ApiGuardWarning') warnings.push(String(warning));
    else originalEmitWarning(warning, ...rest);
  };

  const linter = new Linter({ configType: 'flat' });
  const eslintConfig = [
    // ESLint ignores node_modules by default; this run is about exactly those files.
    { ignores: ['!**/node_modules/'] },
    {
      files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
      languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    { ...plugin.configs.strict, files: ['**/*.{ts,mts,cts,js,mjs,cjs}'] },
  ];
  const settings = schema.resolveSettings({});
  const selected = Object.keys(registry)
    .sort()
    .map((id) => ({ id, rule: registry[id], level: 'error', options: registry[id].defaultOptions }));

  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b];
    parentPort.postMessage({ type: 'load', batch: b, root: batch.root });
    let loaded;
    try {
      loaded = load.loadProject({ config: undefined, rootDir: batch.root, ownedFiles: batch.files, contextFiles: batch.files });
    } catch (error) {
      parentPort.postMessage({ type: 'batch-crash', root: batch.root, message: describe(error) });
    }
    const byPath = new Map((loaded?.files ?? []).map((f) => [f.path, f]));
    for (const file of batch.files) {
      parentPort.postMessage({ type: 'start', file });
      /** @type {FileResult} */
      const result = { file, eslintMs: 0, parseMs: 0, rulesMs: 0, scanMs: 0, crashes: [], eslintFindings: {}, scanFindings: {} };
      let text;
      try {
        text = sourceText.readSourceText(file).text;
      } catch (error) {
        result.unreadable = describe(error);
        parentPort.postMessage({ type: 'file', result });
        continue;
      }
      const skipReason = fileLimits.getFileSkipReason(text);
      if (skipReason) {
        // The parser's own cost on a bundle is not api-guard's; the analysis skips such files.
        result.skipped = skipReason;
      } else {
        warnings = [];
        const eslintStart = performance.now();
        try {
          // verifyAndFix without fixes: one pass, and ESLint records parse and per-rule times.
          const { messages } = linter.verifyAndFix(text, eslintConfig, { filename: file, stats: true, fix: false });
          const pass = linter.getTimes().passes[0];
          result.parseMs = pass?.parse?.total ?? 0;
          result.rulesMs = Object.entries(pass?.rules ?? {}).reduce((n, [id, t]) => (id.startsWith('api-guard/') ? n + t.total : n), 0);
          for (const m of messages) {
            if (m.fatal && /^Parsing error/.test(m.message)) result.parseError = m.message;
            else if (m.fatal && m.ruleId === null) {
              // ESLint's own verdict on the file (an `/* eslint-env */` comment under ESLint 10), not a rule's.
              result.eslintError = m.message.split('\n')[0];
            } else if (m.fatal) {
              result.crashes.push({ phase: 'eslint', rule: m.ruleId ?? undefined, message: m.message.split('\n')[0] });
            } else if (m.ruleId === null && /No matching configuration|File ignored/.test(m.message)) {
              // The run's own set-up failed for this file: nothing was linted.
              result.crashes.push({ phase: 'eslint-setup', message: m.message.replace(file, '<file>') });
            } else if (m.ruleId?.startsWith('api-guard/')) {
              result.eslintFindings[m.ruleId] = (result.eslintFindings[m.ruleId] ?? 0) + 1;
            }
          }
        } catch (error) {
          result.crashes.push({ phase: 'eslint', rule: ruleOf(error), message: describe(error) });
        }
        result.eslintMs = performance.now() - eslintStart;
        for (const w of warnings) result.crashes.push({ phase: 'eslint-warning', rule: /api-guard\/[\w-]+/.exec(w)?.[0], message: w.replace(file, '<file>') });
      }

      parentPort.postMessage({ type: 'phase', phase: 'scan' });
      const scanStart = performance.now();
      const entry = byPath.get(file);
      if (entry?.sourceFile && !entry.parseError && !entry.skipReason) {
        try {
          const ctx = context.createAnalysisContext({ ts: loaded.ts, sourceFile: entry.sourceFile, settings, project: loaded.index });
          const run = runFileRules.runRulesOnFile(ctx, selected, fileTimeoutMs);
          for (const failure of run.failures) result.crashes.push({ phase: 'scan', rule: `api-guard/${failure.ruleId}`, message: failure.reason });
          if (run.timedOut) result.overBudget = true;
          for (const r of run.results) {
            for (const finding of r.findings) {
              try {
                reportFinding.toReportedFinding(entry.sourceFile, r.rule, finding);
                const id = `api-guard/${r.rule.id}`;
                result.scanFindings[id] = (result.scanFindings[id] ?? 0) + 1;
              } catch (error) {
                result.crashes.push({ phase: 'scan-placement', rule: `api-guard/${r.rule.id}`, message: describe(error) });
              }
            }
          }
        } catch (error) {
          result.crashes.push({ phase: 'scan', message: describe(error) });
        }
      }
      result.scanMs = performance.now() - scanStart;
      parentPort.postMessage({ type: 'file', result });
    }
    if (loaded) {
      parentPort.postMessage({ type: 'load', batch: b, root: batch.root });
      try {
        const rows = routeInventory.buildRouteRows(loaded.index, defaultRouteSource.defaultRouteSource, settings, batch.root);
        parentPort.postMessage({ type: 'routes', count: rows.length });
      } catch (error) {
        parentPort.postMessage({ type: 'batch-crash', root: batch.root, message: `route inventory: ${describe(error)}` });
      }
    }
  }
}

/** @param {unknown} error */
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const frame = error.stack?.split('\n').find((l) => /dist\/(src|rules)\//.test(l))?.trim();
  return `${error.name}: ${error.message.split('\n')[0]}${frame ? ` (${frame.replace(/^at /, '').replace(repo, '')})` : ''}`;
}

/** @param {unknown} error */
function ruleOf(error) {
  const match = error instanceof Error ? /Rule: "([^"]+)"/.exec(error.message) : null;
  return match?.[1];
}

