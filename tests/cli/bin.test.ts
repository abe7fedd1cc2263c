/**
 * The built executable (`dist/src/cli/bin.js`, built by `npm test` before vitest runs), spawned
 * as a user runs it: shebang, help, version, exit codes, and a scan of a fixture in JSON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyFixture } from './helpers.js';

const bin = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first (npm test does)`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dist/src/cli/bin.js', () => {
  it('starts with a shebang', () => {
    expect(existsSync(bin), 'run npm run build first').toBe(true);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints help and version, exit 0', () => {
    const dir = copyFixture('cli/express-app');
    const help = run(['--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: api-guard <command> [options]');
    const version = run(['--version'], dir);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 on usage errors', () => {
    const dir = copyFixture('cli/express-app');
    expect(run(['scan', '--format', 'xml'], dir).status).toBe(2);
    expect(run(['scan', '--no-such-option'], dir).status).toBe(2);
    expect(run(['frobnicate'], dir).status).toBe(2);
    const missing = run(['scan', 'does-not-exist'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file or folder: does-not-exist');
  });

  it('scans a project with the built-in rules and prints ESLint-shaped JSON', () => {
    const dir = copyFixture('cli/express-app');
    const result = run(['scan', '--format', 'json'], dir);
    expect([0, 1]).toContain(result.status);
    const results = JSON.parse(result.stdout) as { filePath: string; messages: unknown[] }[];
    expect(results.map((r) => r.filePath.slice(dir.length + 1)).sort()).toEqual(['src/app.ts', 'src/clean.ts', 'src/routes/users.ts']);
  });

  it('prints the route inventory', () => {
    const dir = copyFixture('cli/express-app');
    const result = run(['routes', '--format', 'json'], dir);
    expect(result.status).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  it('runs from its bundle, whose worker entry sits next to it: two workers report what one thread does', () => {
    for (const entry of ['cli-entry.js', 'analysis-worker.js']) {
      expect(existsSync(fileURLToPath(new URL(`../../dist/bundle/cli/${entry}`, import.meta.url))), `dist/bundle/cli/${entry}`).toBe(true);
    }
    const dir = copyFixture('cli/express-app');
    const one = run(['scan', '--format', 'json', '--no-progress'], dir);
    const two = run(['scan', '--format', 'json', '--no-progress', '--concurrency', '2'], dir);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as unknown[]).length).toBeGreaterThan(0);
  });
});
