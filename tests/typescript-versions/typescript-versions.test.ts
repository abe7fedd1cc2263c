/**
 * api-guard supports TypeScript 5.4 to 6.0 (the range typescript-eslint 8 supports, below 6.1).
 * Development pins 6.0; this test lints the example apps (untyped) and two fixture apps (typed
 * linting, `projectService`) with the built plugin under the lowest supported TypeScript (5.4) and
 * the last 5.x (5.9), each an npm alias (`typescript-v5-4`, `typescript-v5-9`) that a preload makes
 * every `require('typescript')` load, and requires exactly the messages TypeScript 6.0 gives.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const preload = fileURLToPath(new URL('./use-typescript.cjs', import.meta.url));
const script = fileURLToPath(new URL('./lint-apps.mjs', import.meta.url));

interface LintRun {
  readonly typescript: string;
  readonly messages: readonly string[];
  readonly warnings: readonly string[];
}

async function lintWith(alias: string | undefined): Promise<LintRun> {
  const env = { ...process.env, API_GUARD_TEST_TYPESCRIPT: alias ?? '' };
  const { stdout } = await run(process.execPath, ['--require', preload, script], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as LintRun;
}

describe('older TypeScript versions', () => {
  // The three runs share the machine: started together, awaited by each test.
  const current = lintWith(undefined);
  const versions = [
    { alias: 'typescript-v5-4', version: /^5\.4\./ },
    { alias: 'typescript-v5-9', version: /^5\.9\./ },
  ].map((v) => ({ ...v, result: lintWith(v.alias) }));

  it('the reference run uses the pinned TypeScript 6.0 and finds the flaws of every app', async () => {
    const { typescript, messages, warnings } = await current;
    expect(typescript).toMatch(/^6\.0\./);
    expect(warnings).toEqual([]);
    for (const app of ['express-shop', 'nest-events', 'fastify-library', 'express-ts (typed)', 'nest-monorepo (typed)']) {
      expect(messages.some((m) => m.startsWith(`${app}:`)), app).toBe(true);
    }
  }, 120_000);

  for (const { alias, version, result } of versions) {
    it(`${alias}: the parser and api-guard load it, and every message is the same as with 6.0`, async () => {
      const [reference, older] = await Promise.all([current, result]);
      expect(older.typescript).toMatch(version);
      expect(older.warnings).toEqual([]);
      expect(older.messages).toEqual(reference.messages);
    }, 120_000);
  }
});
