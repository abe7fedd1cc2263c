/**
 * What `npm pack` ships (run after `npm run build`, as `npm test` does): the ESM entry (the bundled
 * plugin) and its types, the bin, every rule's docs page and the README; no tests, fixtures, examples, benchmarks,
 * scripts or TypeScript sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  type: string;
  main: string;
  types: string;
  exports: Record<string, { types?: string; default?: string } | string>;
  bin: Record<string, string>;
};

function packedFiles(): string[] {
  if (!existsSync(`${root}/dist/src/index.js`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [result] = JSON.parse(out) as { files: { path: string }[] }[];
  return result!.files.map((f) => f.path).sort();
}

const strip = (p: string): string => p.replace(/^\.\//, '');

describe('npm pack', () => {
  const files = packedFiles();

  it('ships the ESM entry with its types, as package.json declares them', () => {
    expect(pkg.type).toBe('module');
    const entry = pkg.exports['.'] as { types: string; default: string };
    for (const path of [pkg.main, pkg.types, entry.types, entry.default]) expect(files).toContain(strip(path));
    expect(strip(entry.default)).toMatch(/\.js$/);
    expect(strip(entry.types)).toMatch(/\.d\.ts$/);
    expect(files).toContain('package.json');
  });

  it('the package entry is the bundled plugin: one module with the same rules and configs as the sources', async () => {
    const entry = pkg.exports['.'] as { default: string };
    expect(strip(entry.default)).toBe('dist/bundle/index.js');
    const source = readFileSync(`${root}/dist/bundle/index.js`, 'utf8');
    // api-guard's own modules are inlined; packages stay imports.
    expect(source).not.toMatch(/from\s+["']\.{1,2}\//);
    const bundled = (await import(`${root}/dist/bundle/index.js`)) as { default: typeof plugin };
    expect(Object.keys(bundled.default.rules).sort()).toEqual(Object.keys(plugin.rules).sort());
    expect(Object.keys(bundled.default.configs ?? {}).sort()).toEqual(Object.keys(plugin.configs ?? {}).sort());
    expect(bundled.default.meta).toEqual(plugin.meta);
  });

  it('ships a type declaration next to every JavaScript module', () => {
    const missing = files.filter((f) => f.endsWith('.js') && !files.includes(f.replace(/\.js$/, '.d.ts')));
    expect(missing).toEqual([]);
  });

  it('ships the bin as an executable script', () => {
    for (const bin of Object.values(pkg.bin)) {
      expect(files).toContain(strip(bin));
      expect(readFileSync(`${root}/${strip(bin)}`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    }
  });

  it('ships the README and a docs page for every rule', () => {
    expect(files).toContain('README.md');
    for (const id of Object.keys(plugin.rules)) expect(files, `docs/rules/${id}.md`).toContain(`docs/rules/${id}.md`);
    for (const id of Object.keys(plugin.rules)) expect(files, `dist/rules/${id}.js`).toContain(`dist/rules/${id}.js`);
  });

  it('ships no tests, fixtures, examples, benchmarks, scripts or TypeScript sources', () => {
    const unwanted = files.filter(
      (f) =>
        /^(tests|examples|bench|scripts|src|rules|\.ci|node_modules)\//.test(f) ||
        /(^|\/)(fixtures|__snapshots__)\//.test(f) ||
        /\.(test|spec)\.[cm]?[jt]s$/.test(f) ||
        (/\.[cm]?tsx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f)) ||
        /\.(tgz|map|tsbuildinfo)$/.test(f),
    );
    expect(unwanted).toEqual([]);
  });
});
