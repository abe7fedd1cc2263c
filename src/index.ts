/**
 * eslint-plugin-api-guard: the plugin object (meta, rules, flat configs).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { buildConfigs } from './configs.js';
import { packageInfo } from './package-info.js';

const plugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: 'api-guard' },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

Object.assign(plugin.configs, buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules));

export { rules };
export default plugin;
