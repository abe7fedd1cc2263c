#!/usr/bin/env node
/**
 * The secrets benchmark: api-guard's `no-hardcoded-secrets` (per file and with typed linting)
 * against eslint-plugin-no-secrets (default options) on a generated corpus of Express, NestJS and
 * Fastify apps with labelled credentials and look-alikes. Both run through ESLint's Node API.
 *
 *   npm run bench:secrets                       (builds, generates, measures, writes results.md)
 *   node bench/secrets/run.mjs --apps 5 --reps 5 --seed 7
 *
 * Prints recall, precision, false positives (and how many of them hit labelled decoys) and the
 * median time per tool, with the ESLint floor (parser, no rule) beside it. Messages are never
 * printed: eslint-plugin-no-secrets quotes whole values, and even fakes stay masked here.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import noSecrets from 'eslint-plugin-no-secrets';
import { generateSecretsCorpus } from './corpus.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pluginEntry = path.join(repo, 'dist/bundle/index.js');
const corpusDir = path.join(repo, 'bench/.generated/secrets');
const resultsFile = path.join(repo, 'bench/secrets/results.md');

function parseArgs(argv) {
  const options = { seed: 798, apps: 3, reps: 3, write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seed' || arg === '--apps' || arg === '--reps') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0) throw new Error(`${arg} needs a positive integer`);
      options[arg.slice(2)] = value;
    } else if (arg === '--no-write') {
      options.write = false;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

const FILES = ['**/*.ts', '**/*.js'];

function tools(apiGuard) {
  const parser = (typed) => ({
    files: FILES,
    languageOptions: {
      parser: tsParser,
      parserOptions: typed ? { project: true, tsconfigRootDir: corpusDir } : { ecmaVersion: 'latest', sourceType: 'module' },
    },
  });
  return [
    { id: 'floor', label: 'ESLint floor (parser, no rule)', ruleId: undefined, config: [parser(false)] },
    { id: 'floor-typed', label: 'ESLint floor, typed (parser with a program, no rule)', ruleId: undefined, config: [parser(true)] },
    {
      id: 'api-guard',
      label: 'api-guard `no-hardcoded-secrets` (per file)',
      ruleId: 'api-guard/no-hardcoded-secrets',
      config: [parser(false), { files: FILES, plugins: { 'api-guard': apiGuard }, rules: { 'api-guard/no-hardcoded-secrets': 'error' } }],
    },
    {
      id: 'api-guard-typed',
      label: 'api-guard `no-hardcoded-secrets` (typed, project)',
      ruleId: 'api-guard/no-hardcoded-secrets',
      config: [parser(true), { files: FILES, plugins: { 'api-guard': apiGuard }, rules: { 'api-guard/no-hardcoded-secrets': 'error' } }],
    },
    {
      id: 'no-secrets',
      label: 'eslint-plugin-no-secrets 2.3.3 (defaults)',
      ruleId: 'no-secrets/no-secrets',
      config: [parser(false), { files: FILES, plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } }],
    },
  ];
}

async function lintOnce(tool) {
  const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: tool.config, errorOnUnmatchedPattern: false });
  const start = performance.now();
  const results = await eslint.lintFiles(['.']);
  return { ms: performance.now() - start, results };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function score(tool, results, labels) {
  const byLine = new Map(labels.map((l) => [`${l.file}:${l.line}`, l]));
  const hitLines = new Set();
  let findings = 0;
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      if (message.ruleId !== tool.ruleId) continue;
      findings++;
      hitLines.add(`${result.filePath}:${message.line}`);
    }
  }
  const expected = labels.filter((l) => l.kind === 'expect');
  const misses = expected.filter((l) => !hitLines.has(`${l.file}:${l.line}`));
  const falsePositives = [...hitLines].filter((key) => byLine.get(key)?.kind !== 'expect');
  const decoyHits = falsePositives.filter((key) => byLine.get(key)?.kind === 'decoy');
  const tp = expected.length - misses.length;
  return {
    findings,
    fatal,
    tp,
    fn: misses.length,
    fp: falsePositives.length,
    decoyHits: decoyHits.length,
    recall: expected.length ? tp / expected.length : 1,
    precision: tp + falsePositives.length ? tp / (tp + falsePositives.length) : 1,
    misses: misses.map((l) => `${path.relative(corpusDir, l.file)}:${l.line} (${l.what})`),
    falsePositives: falsePositives.map((key) => {
      const label = byLine.get(key);
      const [file, line] = [key.slice(0, key.lastIndexOf(':')), key.slice(key.lastIndexOf(':') + 1)];
      return `${path.relative(corpusDir, file)}:${line}${label ? ` (decoy: ${label.what})` : ''}`;
    }),
  };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const loadAtStart = loadavg()[0];
  if (!existsSync(pluginEntry)) {
    console.error('dist/ is missing: run `npm run build` first (or `npm run bench:secrets`).');
    process.exit(2);
  }
  const { default: plugin } = await import(pluginEntry);
  const labels = generateSecretsCorpus({ outDir: corpusDir, seed: options.seed, apps: options.apps });
  const expected = labels.filter((l) => l.kind === 'expect').length;
  const decoys = labels.length - expected;
  const all = tools(plugin);

  // One untimed warm-up per tool, then interleaved timed repetitions.
  const runs = new Map(all.map((t) => [t.id, []]));
  const last = new Map();
  for (const tool of all) last.set(tool.id, (await lintOnce(tool)).results);
  for (let rep = 0; rep < options.reps; rep++) {
    for (const tool of all) {
      const { ms, results } = await lintOnce(tool);
      runs.get(tool.id).push(ms);
      last.set(tool.id, results);
    }
  }

  const files = last.get('floor').length;
  const floorMs = median(runs.get('floor'));
  const lines = [];
  lines.push('# Secrets benchmark');
  lines.push('');
  lines.push(`Corpus: ${options.apps} generated sets of an Express, a NestJS and a Fastify app (seed ${options.seed}), ${files} files, ${expected} labelled credentials, ${decoys} labelled look-alikes. Median of ${options.reps} runs through ESLint's Node API on one process, after a warm-up; Node ${process.version}; load average at start ${loadAtStart.toFixed(2)} (2 cores: timings are indicative).`);
  lines.push('');
  lines.push('| tool | findings | recall | precision | TP | FN | FP (on decoys) | median time | over its floor |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const details = [];
  for (const tool of all) {
    const ms = median(runs.get(tool.id));
    const base = tool.id.endsWith('typed') ? median(runs.get('floor-typed')) : floorMs;
    if (!tool.ruleId) {
      lines.push(`| ${tool.label} | — | — | — | — | — | — | ${ms.toFixed(0)} ms | — |`);
      continue;
    }
    const s = score(tool, last.get(tool.id), labels);
    lines.push(`| ${tool.label} | ${s.findings} | ${pct(s.recall)} | ${pct(s.precision)} | ${s.tp} | ${s.fn} | ${s.fp} (${s.decoyHits}) | ${ms.toFixed(0)} ms | +${(ms - base).toFixed(0)} ms |`);
    details.push(`### ${tool.label}`, '');
    details.push(s.misses.length ? `Missed (${s.misses.length}):` : 'Missed: none.');
    for (const m of s.misses) details.push(`- ${m}`);
    details.push('');
    details.push(s.falsePositives.length ? `False positives (${s.falsePositives.length}, lines):` : 'False positives: none.');
    for (const f of s.falsePositives.slice(0, 40)) details.push(`- ${f}`);
    if (s.falsePositives.length > 40) details.push(`- … and ${s.falsePositives.length - 40} more`);
    details.push('');
  }
  lines.push('');
  lines.push('A finding counts on the labelled line only. Every unlabelled line and every `decoy` line is a place where no credential is; the FP column counts distinct lines reported there.');
  lines.push('');
  lines.push('## Details', '', ...details);
  const text = lines.join('\n');
  console.log(text);
  if (options.write) writeFileSync(resultsFile, `${text}\n`);
}

await main();
