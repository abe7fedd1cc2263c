/**
 * The sampled robustness run CI can afford: `scripts/robustness.mjs` over a fixed-seed sample of
 * this repository's own `node_modules` (real files from real packages, TypeScript's lib files among
 * them), every rule through ESLint's `strict` config and through scan's analysis. No crash, no hang.
 * `npm run robustness` runs every file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../cli/helpers.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const script = path.join(repo, 'scripts/robustness.mjs');

interface Summary {
  files: number;
  crashes: { file: string; phase: string; rule?: string; message: string }[];
  hangs: { file: string; phase: string; ms: number }[];
  findings: Record<string, { eslint: number; scan: number }>;
}

describe('robustness over a sample of node_modules', () => {
  it('100 files (seed 11): every rule runs under ESLint and scan without a crash or a hang', () => {
    expect(existsSync(path.join(repo, 'dist/src/index.js')), 'run "npm run build" first (npm test does)').toBe(true);
    const out = path.join(makeTempDir('api-guard-robustness-'), 'summary.json');
    const run = spawnSync(process.execPath, [script, '--sample', '100', '--seed', '11', '--quiet', '--json', out], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(run.error).toBeUndefined();
    const summary = JSON.parse(readFileSync(out, 'utf8')) as Summary;
    expect(summary.files).toBe(100);
    expect(summary.crashes).toEqual([]);
    expect(summary.hangs).toEqual([]);
    expect(run.status).toBe(0);
  }, 180_000);
});
