#!/usr/bin/env node
/**
 * The flow engine's cost: `no-ssrf` (the engine plus the SSRF spec) over a generated app, in
 * per-file mode (what an untyped ESLint run pays) and in project mode (a project index over every
 * file, what typed linting and `api-guard scan` pay), reported as milliseconds per 1,000 lines.
 *
 *   npm run build && node bench/flow.bench.mjs [--lines 100000] [--seed 1337] [--reps 3]
 *   AG_DIST=/path/to/compiled node bench/flow.bench.mjs       (another build of src/ and rules/)
 *
 * Parsing is not counted (ESLint parses once for every rule); the first file's analysis, which
 * loads the catalogs, is. Each repetition builds fresh source files, so no cache survives between
 * repetitions. Nothing analysed is run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { DEFAULT_OPTIONS, generateApp } from './generate-app.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.AG_DIST ?? path.join(repo, 'dist');
const load = (p) => import(pathToFileURL(path.join(dist, p)).href);

function parseArgs(argv) {
  const options = { lines: DEFAULT_OPTIONS.lines, seed: DEFAULT_OPTIONS.seed, reps: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (!(key in options) || !Number.isInteger(value) || value <= 0) throw new Error(`unknown or bad option ${argv[i]} ${argv[i + 1]}`);
    options[key] = value;
  }
  return options;
}

function listFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) listFiles(file, out);
    else if (/\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(file);
  }
  return out;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const [{ createAnalysisContext }, { createProjectIndex }, { DEFAULT_SETTINGS }, rule] = await Promise.all([
    load('src/core/context.js'),
    load('src/project/project-index.js'),
    load('src/settings/schema.js'),
    load('rules/no-ssrf.js').then((m) => m.default),
  ]);
  const out = mkdtempSync(path.join(tmpdir(), 'api-guard-flow-bench-'));
  try {
    generateApp({ lines: options.lines, seed: options.seed, out });
    const files = listFiles(out).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
    const parse = () => files.map(({ file, text }) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS));
    const compilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true };

    const run = (mode) => {
      const sourceFiles = parse();
      const project = mode === 'project' ? createProjectIndex({ ts, sourceFiles, compilerOptions }) : undefined;
      let findings = 0;
      const start = performance.now();
      for (const sourceFile of sourceFiles) {
        const ctx = createAnalysisContext({ ts, sourceFile, settings: DEFAULT_SETTINGS, project });
        findings += rule.detect(ctx, [{ reportPathInjection: false }]).length;
      }
      return { ms: performance.now() - start, findings };
    };

    const results = {};
    for (const mode of ['file', 'project']) {
      run(mode); // warm-up: JIT and module loading
      const times = [];
      let findings = 0;
      for (let i = 0; i < options.reps; i++) {
        const r = run(mode);
        times.push(r.ms);
        findings = r.findings;
      }
      results[mode] = { ms: median(times), min: Math.min(...times), max: Math.max(...times), findings };
    }
    console.log(`generated app: ${files.length} files, ${lines.toLocaleString('en')} lines (seed ${options.seed})`);
    console.log('| mode | no-ssrf total (median) | min … max | per 1,000 lines | findings |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [mode, r] of Object.entries(results)) {
      console.log(`| ${mode} | ${r.ms.toFixed(0)} ms | ${r.min.toFixed(0)} … ${r.max.toFixed(0)} ms | ${((r.ms / lines) * 1000).toFixed(2)} ms | ${r.findings} |`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
