/**
 * Every exported config, used alone (one line of `eslint.config.js`), through ESLint's own API on
 * the example apps, with ESLint 10 (`eslint`) and ESLint 9 (`eslint-v9`, an npm alias): it parses
 * every file, runs the rules its metadata selects, and the framework presets model their framework
 * only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { CONFIG_NAMES, FRAMEWORK_PRESETS, getConfigRuleLevels } from '../src/configs.js';
import { compareWithExpectations, readInlineExpectations } from './examples/expectations.js';

const examplesRoot = fileURLToPath(new URL('../examples/', import.meta.url));
const APPS = ['express-shop', 'nest-events', 'fastify-library'] as const;
/** Each preset's own app, and the apps with no route of its frameworks (nest-events mounts an Express route in main.ts). */
const PRESET_APPS = [
  { preset: 'express', own: 'express-shop', foreign: ['fastify-library'] },
  { preset: 'nestjs', own: 'nest-events', foreign: ['fastify-library'] },
  { preset: 'fastify', own: 'fastify-library', foreign: ['express-shop', 'nest-events'] },
] as const;
/** The rules of `recommended`: each one's findings on the examples must be exactly the marked flaws. */
const RECOMMENDED_RULES = Object.keys(plugin.configs.recommended!.rules!);

interface Row {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string | null;
  readonly message: string;
  readonly fatal: boolean;
}

type EslintClass = typeof ESLint10 | typeof ESLint9;
const ESLINTS: readonly { readonly major: number; readonly ESLint: EslintClass }[] = [
  { major: 10, ESLint: ESLint10 },
  { major: 9, ESLint: ESLint9 },
];

/** The app's own api-guard settings (`api-guard.config.json`), as a user would copy them. */
function appSettings(dir: string): object[] {
  const file = path.join(dir, 'api-guard.config.json');
  return existsSync(file) ? [{ settings: { 'api-guard': JSON.parse(readFileSync(file, 'utf8')) } }] : [];
}

const runs = new Map<string, Promise<Row[]>>();

/** Lints an app with one config alone; each (ESLint, app, config) runs once per test file. */
function lint(ESLint: EslintClass, app: string, configName: string): Promise<Row[]> {
  const key = `${ESLint.version}\u0000${app}\u0000${configName}`;
  let run = runs.get(key);
  if (!run) {
    run = lintOnce(ESLint, app, configName);
    runs.set(key, run);
  }
  return run;
}

async function lintOnce(ESLint: EslintClass, app: string, configName: string): Promise<Row[]> {
  const dir = path.join(examplesRoot, app);
  const config = plugin.configs[configName]!;
  // A preset's `settings['api-guard']` and the app's own settings merge, the way flat configs do.
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [config, ...appSettings(dir)] as never });
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((result) =>
    result.messages.map((m) => ({
      file: path.relative(dir, result.filePath).split(path.sep).join('/'),
      line: m.line,
      ruleId: m.ruleId,
      message: m.message,
      fatal: Boolean(m.fatal),
    })),
  );
}

const show = (rows: readonly Row[]): string[] => rows.map((r) => `${r.file}:${r.line} ${r.ruleId ?? 'fatal'} ${r.message}`).sort();

describe('the configs object', () => {
  it('exports exactly the documented configs, each named api-guard/<name>', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...CONFIG_NAMES].sort());
    for (const name of CONFIG_NAMES) expect(plugin.configs[name]!.name).toBe(`api-guard/${name}`);
  });

  it('computes every config from metadata: presets and the typed config turn on the recommended rules', () => {
    const recommended = getConfigRuleLevels(plugin.rules, 'recommended');
    for (const name of ['recommended-type-checked', 'express', 'nestjs', 'fastify']) expect(plugin.configs[name]!.rules).toEqual(recommended);
    expect(Object.keys(plugin.configs.strict!.rules!).length).toBe(Object.keys(plugin.rules).length);
  });

  it('turns on typed linting in recommended-type-checked and nestjs only', () => {
    const typed = (name: string) => (plugin.configs[name]!.languageOptions?.parserOptions as { projectService?: boolean } | undefined)?.projectService;
    expect(typed('recommended-type-checked')).toBe(true);
    expect(typed('nestjs')).toBe(true);
    for (const name of ['recommended', 'strict', 'express', 'fastify']) expect(typed(name)).toBeUndefined();
    expect(typeof (plugin.configs.recommended!.languageOptions!.parser as { parseForESLint?: unknown }).parseForESLint).toBe('function');
  });

  it('sets each preset\'s frameworks setting', () => {
    for (const [name, preset] of Object.entries(FRAMEWORK_PRESETS)) {
      expect(plugin.configs[name]!.settings).toEqual({ 'api-guard': { frameworks: preset.frameworks } });
    }
  });
});

describe.each(ESLINTS)('with ESLint $major', ({ major, ESLint }) => {
  it(`is ESLint ${major}`, () => {
    expect(Number(ESLint.version.split('.')[0])).toBe(major);
  });

  describe.each(APPS)('examples/%s', (app) => {
    const dir = path.join(examplesRoot, app);

    it('recommended parses every file and reports only recommended rules', async () => {
      const rows = await lint(ESLint, app, 'recommended');
      expect(show(rows.filter((r) => r.fatal))).toEqual([]);
      const enabled = Object.keys(plugin.configs.recommended!.rules!);
      expect(rows.filter((r) => !enabled.includes(r.ruleId!)).map((r) => r.ruleId)).toEqual([]);
      expect(rows.length).toBeGreaterThan(0);
    });

    it('recommended-type-checked finds every planted flaw of the recommended rules and nothing else', async () => {
      const rows = await lint(ESLint, app, 'recommended-type-checked');
      expect(show(rows.filter((r) => r.fatal))).toEqual([]);
      const result = compareWithExpectations(dir, readInlineExpectations(dir), rows.map((r) => ({ filePath: r.file, line: r.line, ruleId: r.ruleId })), {
        tolerance: 1,
        rules: RECOMMENDED_RULES,
      });
      expect({
        missing: result.missing.map((e) => `${e.file}:${e.line} ${e.ruleId}`),
        unexpected: result.unexpected.map((e) => `${e.file}:${e.line} ${e.ruleId}`),
      }).toEqual({ missing: [], unexpected: [] });
    });
  });

  describe.each(PRESET_APPS)('the $preset preset', ({ preset, own, foreign }) => {
    const typed = FRAMEWORK_PRESETS[preset].typeChecked;

    it(`reports on its own app what ${typed ? 'recommended-type-checked' : 'recommended'} reports`, async () => {
      const rows = await lint(ESLint, own, preset);
      expect(show(rows)).toEqual(show(await lint(ESLint, own, typed ? 'recommended-type-checked' : 'recommended')));
    });

    it('models no route of another framework (no require-auth-guard finding on the other apps)', async () => {
      for (const app of foreign) {
        const rows = await lint(ESLint, app, preset);
        expect(show(rows.filter((r) => r.fatal))).toEqual([]);
        expect(show(rows.filter((r) => r.ruleId === 'api-guard/require-auth-guard'))).toEqual([]);
      }
    });
  });
});
