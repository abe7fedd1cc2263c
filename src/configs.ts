/**
 * Flat configs computed from rule metadata: `recommended` holds the rules whose
 * `meta.docs.recommended` is `recommended`; `strict` holds every rule.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { AnyApiRule } from './rule-kit/define-api-rule.js';

export type RuleLevels = Record<string, 'error' | 'warn' | 'off'>;

/** The rule levels of a config, from the rules' metadata. */
export function getConfigRuleLevels(rules: Record<string, AnyApiRule>, config: 'recommended' | 'strict'): RuleLevels {
  const levels: RuleLevels = {};
  for (const [id, rule] of Object.entries(rules)) {
    const wanted = rule.meta.docs?.recommended;
    if (config === 'strict' || wanted === 'recommended') levels[`api-guard/${id}`] = 'error';
  }
  return levels;
}

export function buildConfigs(plugin: TSESLint.FlatConfig.Plugin, rules: Record<string, AnyApiRule>): Record<string, TSESLint.FlatConfig.Config> {
  const base = (name: string, levels: RuleLevels): TSESLint.FlatConfig.Config => ({
    name: `api-guard/${name}`,
    plugins: { 'api-guard': plugin },
    rules: levels,
  });
  return {
    recommended: base('recommended', getConfigRuleLevels(rules, 'recommended')),
    strict: base('strict', getConfigRuleLevels(rules, 'strict')),
  };
}
