/**
 * eslint-plugin-api-guard: the plugin object (meta, rules, flat configs).
 */
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { buildConfigs } from './configs.js';
import { packageInfo } from './package-info.js';

const plugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: 'api-guard' },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

let parser: TSESLint.FlatConfig.Parser | undefined;

/** `@typescript-eslint/parser`, a dependency of the plugin, loaded when a typed config is used. */
function loadParser(): TSESLint.FlatConfig.Parser {
  parser ??= createRequire(import.meta.url)('@typescript-eslint/parser') as TSESLint.FlatConfig.Parser;
  return parser;
}

Object.assign(plugin.configs, buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules, loadParser));

export { rules };
export default plugin;
