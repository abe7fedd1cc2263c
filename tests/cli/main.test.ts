/**
 * Argument parsing: options reach `runScan`/`runRoutes`, and every mistake a person can type is
 * exit code 2 with a message that says what to do.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, copyFixture } from './helpers.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo({ NO_COLOR: '1' });
  const code = await main(args, io, cwd);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('main', () => {
  it('needs a known command', async () => {
    const dir = copyFixture('cli/inventory');
    expect((await cli([], dir)).code).toBe(2);
    const unknown = await cli(['scna'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "scna" (use scan or routes)');
  });

  it('rejects bad option values', async () => {
    const dir = copyFixture('cli/inventory');
    expect((await cli(['scan', '--severity', 'high'], dir)).stderr).toContain('--severity must be error or warning, got "high"');
    expect((await cli(['scan', '--max-warnings', '-1'], dir)).code).toBe(2);
    expect((await cli(['scan', '--file-timeout-ms', 'soon'], dir)).stderr).toContain('--file-timeout-ms needs a whole number');
    expect((await cli(['scan', '--baseline', 'a.json', '--write-baseline', 'b.json'], dir)).stderr).toContain('cannot be used together');
    expect((await cli(['routes', '--quiet'], dir)).stderr).toContain('--quiet is an option of scan, not routes');
    expect((await cli(['scan', '--concurrency', '0'], dir)).stderr).toContain('--concurrency needs a positive whole number or "auto", got "0"');
    expect((await cli(['routes', '--cache'], dir)).stderr).toContain('--cache is an option of scan, not routes');
  });

  it('runs scan with the built-in rules and routes with the built-in model', async () => {
    const dir = copyFixture('cli/inventory');
    const scanned = await cli(['scan', '--format', 'json', '--no-progress'], dir);
    expect(scanned.code).toBe(0);
    expect(JSON.parse(scanned.stdout)).toHaveLength(1);
    // --cache-location turns the cache on; a second run reads it and prints the same report.
    const cached = await cli(['scan', '--format', 'json', '--no-progress', '--cache-location', '.cache/api-guard', '--concurrency', 'auto'], dir);
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(scanned.stdout));
    expect((await cli(['scan', '--format', 'json', '--no-progress', '--cache-location', '.cache/api-guard'], dir)).stdout).toBe(cached.stdout);
    const routes = await cli(['routes', 'src'], dir);
    expect(routes.code).toBe(0);
  });
});
