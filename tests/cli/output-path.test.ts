/**
 * Reports and baselines land where the user pointed, never elsewhere: a relative path that climbs
 * out with `..`, a folder that is a link to outside, a file that is a link to outside (dangling or
 * not), from the command line or from a configuration file, is refused before any work is done.
 * Absolute paths on the command line are the user's explicit choice and are accepted.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfigOutputPath, OutputPathError, resolveCliOutputPath } from '../../src/cli/output-path.js';
import { copyFixture, makeTempDir, scan } from './helpers.js';

/** A working folder with a sibling folder outside it, and links from inside to outside. */
function layout(): { cwd: string; outside: string } {
  const root = makeTempDir('api-guard-paths-');
  const cwd = path.join(root, 'project');
  const outside = path.join(root, 'outside');
  mkdirSync(path.join(cwd, 'reports'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'victim.txt'), 'keep me');
  symlinkSync(outside, path.join(cwd, 'linked-out'));
  symlinkSync(path.join(outside, 'victim.txt'), path.join(cwd, 'report.json'));
  symlinkSync(path.join(outside, 'created-by-write.txt'), path.join(cwd, 'dangling.json'));
  symlinkSync(path.join(cwd, 'reports'), path.join(cwd, 'linked-in'));
  return { cwd, outside };
}

describe('resolveCliOutputPath', () => {
  it('accepts plain relative paths inside the working folder, new folders included', () => {
    const { cwd } = layout();
    expect(resolveCliOutputPath('reports/scan.sarif', cwd, '--output-file')).toBe(path.join(cwd, 'reports/scan.sarif'));
    expect(resolveCliOutputPath('new/deeper/scan.json', cwd, '--output-file')).toBe(path.join(cwd, 'new/deeper/scan.json'));
    // A link that stays inside is fine.
    expect(resolveCliOutputPath('linked-in/scan.json', cwd, '--output-file')).toBe(path.join(cwd, 'linked-in/scan.json'));
  });

  it('refuses `..`, a folder linked outside, a file linked outside, and a dangling link outside', () => {
    const { cwd } = layout();
    for (const escape of ['../outside/x.json', 'reports/../../outside/x.json', 'linked-out/x.json', 'linked-out/new/x.json', 'report.json', 'dangling.json', '.']) {
      expect(() => resolveCliOutputPath(escape, cwd, '--output-file'), escape).toThrow(OutputPathError);
    }
  });

  it('accepts an absolute path as the user wrote it', () => {
    const { cwd, outside } = layout();
    expect(resolveCliOutputPath(path.join(outside, 'ci.sarif'), cwd, '--output-file')).toBe(path.join(outside, 'ci.sarif'));
  });
});

describe('checkConfigOutputPath', () => {
  it('refuses a baseline in the configuration that a link leads outside its folder', () => {
    const { cwd } = layout();
    expect(checkConfigOutputPath(path.join(cwd, 'reports/baseline.json'), cwd, 'baseline')).toBe(path.join(cwd, 'reports/baseline.json'));
    expect(() => checkConfigOutputPath(path.join(cwd, 'linked-out/baseline.json'), cwd, 'baseline')).toThrow(/leaves the configuration's folder/);
    expect(() => checkConfigOutputPath(path.join(cwd, 'report.json'), cwd, 'baseline')).toThrow(OutputPathError);
  });
});

describe('scan: nothing is written outside', () => {
  it('--output-file and --write-baseline through links are refused, and the files outside are untouched', async () => {
    const app = copyFixture('cli/express-app');
    const outside = makeTempDir('api-guard-outside-');
    writeFileSync(path.join(outside, 'victim.txt'), 'keep me');
    symlinkSync(outside, path.join(app, 'out'));
    symlinkSync(path.join(outside, 'victim.txt'), path.join(app, 'report.sarif'));
    symlinkSync(path.join(outside, 'planted.json'), path.join(app, 'baseline.json'));

    for (const options of [{ outputFile: 'out/report.json' }, { outputFile: 'report.sarif' }, { writeBaseline: 'baseline.json' }, { writeBaseline: 'out/b.json' }]) {
      const run = await scan({ cwd: app, format: 'sarif', ...options });
      expect(run.exitCode, JSON.stringify(options)).toBe(2);
      expect(run.stderr).toMatch(/leaves the working folder; give an absolute path to write outside it/);
      expect(run.stdout).toBe('');
    }
    expect(readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(outside, 'planted.json'))).toBe(false);
    expect(existsSync(path.join(outside, 'report.json'))).toBe(false);
    expect(existsSync(path.join(outside, 'b.json'))).toBe(false);
  });

  it('a baseline path in the configuration that goes through a link outside is refused', async () => {
    const app = copyFixture('cli/express-app');
    const outside = makeTempDir('api-guard-outside-');
    symlinkSync(outside, path.join(app, 'shared'));
    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ baseline: 'shared/baseline.json' }));
    const run = await scan({ cwd: app });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/baseline.*leaves the configuration's folder/);
  });
});
