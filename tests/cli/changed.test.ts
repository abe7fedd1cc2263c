/**
 * `scan --changed[=<ref>]` and `scan --staged`: only the files git lists are reported on; outside a
 * git repository, or with an unknown ref, the run stops with a usage error (exit 2).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo, makeTempDir, scan } from './helpers.js';
import { main } from '../../src/cli/main.js';

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
}

/** A repository with three committed files, then: a.ts modified, b.ts staged, new.ts untracked, ignored.ts ignored. */
function repository(): string {
  const dir = makeTempDir();
  git(dir, 'init', '-q');
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }));
  writeFileSync(path.join(dir, '.gitignore'), 'src/ignored.ts\n');
  mkdirSync(path.join(dir, 'src'));
  for (const name of ['a', 'b', 'c']) writeFileSync(path.join(dir, `src/${name}.ts`), `danger('${name}');\n`);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'init');
  git(dir, 'tag', 'v1');
  writeFileSync(path.join(dir, 'src/a.ts'), "danger('a');\ndanger('a2');\n");
  writeFileSync(path.join(dir, 'src/b.ts'), "danger('b');\ndanger('b2');\n");
  git(dir, 'add', 'src/b.ts');
  writeFileSync(path.join(dir, 'src/new.ts'), "danger('new');\n");
  writeFileSync(path.join(dir, 'src/ignored.ts'), "danger('ignored');\n");
  writeFileSync(path.join(dir, 'README.md'), 'changed, but not source\n');
  return dir;
}

const reported = (stdout: string): string[] => (JSON.parse(stdout) as { filePath: string }[]).map((r) => path.basename(r.filePath)).sort();

describe('scan --changed and --staged', () => {
  it('--changed reports on files changed against HEAD, staged or untracked, not ignored ones', async () => {
    const run = await scan({ cwd: repository(), format: 'json', changed: { kind: 'changed' } });
    expect(reported(run.stdout)).toEqual(['a.ts', 'b.ts', 'new.ts']);
  });

  it('--staged reports on staged files only', async () => {
    const run = await scan({ cwd: repository(), format: 'json', changed: { kind: 'staged' } });
    expect(reported(run.stdout)).toEqual(['b.ts']);
  });

  it('--changed=<ref> compares with a ref, and paths narrow the set further', async () => {
    const dir = repository();
    git(dir, 'commit', '-q', '-m', 'b');
    expect(reported((await scan({ cwd: dir, format: 'json', changed: { kind: 'changed', ref: 'v1' } })).stdout)).toEqual(['a.ts', 'b.ts', 'new.ts']);
    expect(reported((await scan({ cwd: dir, format: 'json', changed: { kind: 'changed' } })).stdout)).toEqual(['a.ts', 'new.ts']);
    expect(reported((await scan({ cwd: dir, format: 'json', paths: ['src/a.ts'], changed: { kind: 'changed' } })).stdout)).toEqual(['a.ts']);
  });

  it('leaves out changed files a folder scan skips (tracked build output), unless a path names them', async () => {
    const dir = repository();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist/app.js'), "danger('built');\n");
    expect(reported((await scan({ cwd: dir, format: 'json', changed: { kind: 'changed' } })).stdout)).toEqual(['a.ts', 'b.ts', 'new.ts']);
    expect(reported((await scan({ cwd: dir, format: 'json', paths: ['dist'], changed: { kind: 'changed' } })).stdout)).toEqual(['app.js']);
  });

  it('passes with a message when nothing changed', async () => {
    const dir = repository();
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'all');
    const run = await scan({ cwd: dir, changed: { kind: 'changed' } });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('no changed JavaScript or TypeScript files');
  });

  it('stops with exit 2 outside a git repository and for an unknown or option-like ref', async () => {
    const outside = makeTempDir();
    writeFileSync(path.join(outside, 'a.ts'), "danger('a');\n");
    const run = await scan({ cwd: outside, changed: { kind: 'changed' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--changed needs a git repository: .* is not inside one/);
    const dir = repository();
    expect((await scan({ cwd: dir, changed: { kind: 'changed', ref: 'no-such-branch' } })).stderr).toContain('--changed=no-such-branch: no such branch, tag or commit');
    expect((await scan({ cwd: dir, changed: { kind: 'changed', ref: '--output=/tmp/x' } })).stderr).toContain('needs a branch, tag or commit');
  });

  it('parses --changed with and without a ref, and refuses --changed with --staged', async () => {
    const io = captureIo();
    expect(await main(['scan', '--changed', '--staged'], io, makeTempDir())).toBe(2);
    expect(io.stderrText()).toContain('--changed and --staged cannot be used together');
    const outside = captureIo();
    expect(await main(['scan', '--changed', '--no-progress'], outside, makeTempDir())).toBe(2);
    expect(outside.stderrText()).toContain('--changed needs a git repository');
    const withRef = captureIo();
    expect(await main(['scan', '--changed=main'], withRef, makeTempDir())).toBe(2);
    expect(withRef.stderrText()).toContain('--changed needs a git repository');
  });
});
