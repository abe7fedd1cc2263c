/**
 * Flat configs computed from rule metadata:
 * - `recommended`: the rules whose `meta.docs.recommended` is `recommended`; no type information.
 * - `recommended-type-checked`: the same rules with typed linting turned on (the typescript-eslint
 *   parser and `projectService`), so rules follow routers, guards and services across files.
 * - `strict`: every rule.
 * - `express`, `nestjs`, `fastify`: `recommended` plus `settings['api-guard'].frameworks` set to
 *   the frameworks of such an app; `nestjs` also turns on typed linting (global guards live in
 *   other files).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { AnyApiRule } from './rule-kit/define-api-rule.js';
import type { SettingsFramework } from './settings/schema.js';

export type RuleLevels = Record<string, 'error' | 'warn' | 'off'>;

/** Every config name the plugin exports. */
export const CONFIG_NAMES = ['recommended', 'recommended-type-checked', 'strict', 'express', 'nestjs', 'fastify'] as const;
export type ConfigName = (typeof CONFIG_NAMES)[number];

/** What each framework preset models, and whether it needs typed linting. */
export const FRAMEWORK_PRESETS: Readonly<Record<'express' | 'nestjs' | 'fastify', { frameworks: readonly SettingsFramework[]; typeChecked: boolean }>> = {
  express: { frameworks: ['express'], typeChecked: false },
  // Nest runs on Express by default, and apps add raw routes through `getHttpAdapter().getInstance()`,
  // so Express routes stay modelled. Nest registers guards globally (APP_GUARD providers,
  // useGlobalGuards in main.ts): only the project index sees them, so the preset is typed.
  nestjs: { frameworks: ['nest', 'express'], typeChecked: true },
  fastify: { frameworks: ['fastify'], typeChecked: false },
};

/** The rule levels of a config, from the rules' metadata. */
export function getConfigRuleLevels(rules: Record<string, AnyApiRule>, config: ConfigName): RuleLevels {
  const levels: RuleLevels = {};
  for (const [id, rule] of Object.entries(rules)) {
    const wanted = rule.meta.docs?.recommended;
    if (config === 'strict' || wanted === 'recommended') levels[`api-guard/${id}`] = 'error';
  }
  return levels;
}

/** The files every config covers: JavaScript and TypeScript modules. */
export const CONFIG_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
/** Typed configs cover TypeScript only: JavaScript files outside every tsconfig would fail to parse. */
export const TYPED_CONFIG_FILES = ['**/*.{ts,mts,cts,tsx}'];

/**
 * The typescript-eslint parser, plus `projectService` for typed linting. The parser (which loads
 * TypeScript, ~0.4 s) is read lazily, so importing the plugin costs nothing until ESLint reads a
 * config.
 */
function languageOptions(loadParser: () => TSESLint.FlatConfig.Parser, typed: boolean): TSESLint.FlatConfig.LanguageOptions {
  const options = (typed ? { parserOptions: { projectService: true } } : {}) as TSESLint.FlatConfig.LanguageOptions;
  Object.defineProperty(options, 'parser', { enumerable: true, configurable: true, get: loadParser });
  return options;
}

/**
 * Every config sets the files it covers and the typescript-eslint parser, so each is usable alone in
 * one line of `eslint.config.js`.
 */
export function buildConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Record<string, AnyApiRule>,
  loadParser: () => TSESLint.FlatConfig.Parser,
): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const config = (name: ConfigName, levels: RuleLevels, typed: boolean, settings?: TSESLint.FlatConfig.Settings): TSESLint.FlatConfig.Config => ({
    name: `api-guard/${name}`,
    files: typed ? TYPED_CONFIG_FILES : CONFIG_FILES,
    plugins: { 'api-guard': plugin },
    languageOptions: languageOptions(loadParser, typed),
    ...(settings ? { settings } : {}),
    rules: levels,
  });
  const recommended = getConfigRuleLevels(rules, 'recommended');
  const preset = (name: keyof typeof FRAMEWORK_PRESETS): TSESLint.FlatConfig.Config => {
    const { frameworks, typeChecked } = FRAMEWORK_PRESETS[name];
    return config(name, recommended, typeChecked, { 'api-guard': { frameworks: [...frameworks] } });
  };
  return {
    recommended: config('recommended', recommended, false),
    'recommended-type-checked': config('recommended-type-checked', recommended, true),
    strict: config('strict', getConfigRuleLevels(rules, 'strict'), false),
    express: preset('express'),
    nestjs: preset('nestjs'),
    fastify: preset('fastify'),
  };
}
