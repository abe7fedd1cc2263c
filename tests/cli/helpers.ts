/**
 * Helpers for CLI tests: fixture copies in temporary folders, captured streams, and a scan runner
 * that returns exit code, stdout and stderr.
 */
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { createBufferStream, type CliIo } from '../../src/cli/io.js';
import { runScan, type ScanOptions, type ScanOutcome } from '../../src/cli/scan.js';
import { fakeRules } from './fake-rules.js';

export const fixturesRoot = fileURLToPath(new URL('../fixtures/', import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder (real path), removed after the test file. */
export function makeTempDir(prefix = 'api-guard-cli-'): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Copies `tests/fixtures/<name>` into a temporary folder and returns the copy's path. */
export function copyFixture(name: string): string {
  const dir = makeTempDir();
  const target = path.join(dir, path.basename(name));
  cpSync(path.join(fixturesRoot, name), target, { recursive: true });
  return target;
}

export interface CapturedIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
}

export function captureIo(env: Record<string, string | undefined> = {}): CapturedIo {
  const stdout = createBufferStream(false);
  const stderr = createBufferStream(false);
  return { stdout, stderr, env, stdoutText: () => stdout.text(), stderrText: () => stderr.text() };
}

export interface ScanRun extends ScanOutcome {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a scan with the fake rules (unless `rules` is given) and captured streams. */
export async function scan(options: Partial<ScanOptions> & { cwd: string }): Promise<ScanRun> {
  const io = captureIo();
  const outcome = await runScan({ paths: [], rules: fakeRules, ...options, io });
  return { ...outcome, stdout: io.stdoutText(), stderr: io.stderrText() };
}
