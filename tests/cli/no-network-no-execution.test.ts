/**
 * The tool's own safety, proven on the built CLI in a child process: `api-guard scan` of a realistic
 * app (the bundled Express example) never opens a network connection and never runs the analyzed
 * code. A preload (`node --import`) replaces every way Node reaches the network (net, tls, dns,
 * http, https, fetch) with a stub that records the call and throws; the app holds files whose
 * top-level code, and an `api-guard.config.js` whose evaluation, would each write a marker file.
 * The scan succeeds, finds its flaws, records no network call and leaves no marker.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './helpers.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repo, 'dist/src/cli/bin.js');

/** The preload: every network entry point records its name to `log` and throws. */
function networkGuard(log: string): string {
  return `
import { appendFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
const log = ${JSON.stringify(log)};
const blocked = (name) => function blockedNetworkCall() {
  appendFileSync(log, name + '\\n');
  throw new Error('network access blocked by the test: ' + name);
};
net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');
net.Socket.prototype.connect = blocked('net.Socket.prototype.connect');
tls.connect = blocked('tls.connect');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[name] = blocked('dns.' + name);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[name] = blocked('dns.promises.' + name);
http.request = blocked('http.request');
http.get = blocked('http.get');
https.request = blocked('https.request');
https.get = blocked('https.get');
globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
`;
}

describe('scan: no network, no execution of analyzed code', () => {
  it('scans the Express example with the network stubbed out and runs none of its code', () => {
    expect(existsSync(bin), 'run "npm run build" first (npm test does)').toBe(true);
    const work = makeTempDir('api-guard-sandbox-');
    const app = path.join(work, 'express-shop');
    cpSync(path.join(repo, 'examples/express-shop'), app, { recursive: true });
    const log = path.join(work, 'network.log');
    writeFileSync(log, '');
    const guard = path.join(work, 'network-guard.mjs');
    writeFileSync(guard, networkGuard(log));

    // Code that would leave a marker if anything imported, required or evaluated it.
    const marker = (name: string): string => path.join(work, `${name}.ran`);
    writeFileSync(
      path.join(app, 'src/side-effect.ts'),
      [
        "import { writeFileSync } from 'node:fs';",
        `writeFileSync(${JSON.stringify(marker('esm'))}, 'top-level code ran');`,
        "await fetch('https://example.com/telemetry');",
        'export const loaded = true;',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(app, 'src/side-effect.cjs'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker('cjs'))}, 'top-level code ran');\nmodule.exports = {};\n`,
    );
    writeFileSync(
      path.join(app, 'api-guard.config.js'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker('config'))}, 'config evaluated');\nmodule.exports = { rules: {} };\n`,
    );

    const run = spawnSync(process.execPath, ['--import', pathToFileURL(guard).href, bin, 'scan', '--format', 'json'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });

    // The guard was active: the preload ran in the CLI's process.
    expect(run.stderr).not.toMatch(/network-guard\.mjs|ERR_/);
    expect(run.status, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    expect(results.flatMap((r) => r.messages).filter((m) => m.ruleId?.startsWith('api-guard/')).length).toBeGreaterThan(0);
    expect(results.some((r) => r.filePath.endsWith('side-effect.ts'))).toBe(true);
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(['esm', 'cjs', 'config'].filter((name) => existsSync(marker(name)))).toEqual([]);
  });

  it('the guard itself works: a fetch in a guarded process is recorded and throws', () => {
    const work = makeTempDir('api-guard-sandbox-');
    const log = path.join(work, 'network.log');
    writeFileSync(log, '');
    const guard = path.join(work, 'network-guard.mjs');
    writeFileSync(guard, networkGuard(log));
    const run = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(guard).href, '-e', "try { fetch('https://example.com'); } catch (e) { console.log(e.message); } require('node:net').connect(80, 'example.com');"],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.stdout).toContain('network access blocked by the test: fetch');
    expect(run.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('fetch\nnet.connect\n');
  });
});
