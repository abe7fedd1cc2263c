#!/usr/bin/env node
/**
 * A warm pre-commit run, as an editor, a lint daemon (`eslint_d`) or a watch-mode hook pays it: one
 * process lints five files with ESLint's API (the first run: ESLint, the parser, TypeScript and the
 * plugin load), then one of the files changes and the same five are linted again (the second run:
 * everything loaded, nothing cached by ESLint). Prints `{ "first": s, "second": s, "messages": n }`.
 *
 *   node bench/precommit-warm.mjs <eslint config> <file to edit> <file> [<file> ...]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const started = performance.now();
const [configFile, edited, ...files] = process.argv.slice(2);
if (!configFile || !edited || files.length === 0) {
  console.error('usage: node bench/precommit-warm.mjs <eslint config> <file to edit> <file> [<file> ...]');
  process.exit(2);
}
const { ESLint } = await import('eslint');
const eslint = new ESLint({ overrideConfigFile: configFile, cache: false });
const firstResults = await eslint.lintFiles(files);
const first = (performance.now() - started) / 1000;

const original = readFileSync(edited, 'utf8');
let second;
let secondResults;
try {
  writeFileSync(edited, `${original}\n// edited before the warm second run\n`);
  const t = performance.now();
  secondResults = await eslint.lintFiles(files);
  second = (performance.now() - t) / 1000;
} finally {
  writeFileSync(edited, original);
}
const count = (results) => results.reduce((n, r) => n + r.messages.length, 0);
if (count(firstResults) !== count(secondResults)) console.error('precommit-warm: the two runs disagree');
process.stdout.write(`${JSON.stringify({ first, second, messages: count(secondResults) })}\n`);
