/**
 * Which rules a scan runs, at which level, with which options: every rule of the `recommended`
 * config by default (computed from rule metadata, like the ESLint configs), then the configuration
 * file's `rules` on top.
 */
import { getConfigRuleLevels } from '../configs.js';
import { applyRuleDefaults, type AnyApiRule } from '../rule-kit/define-api-rule.js';
import type { CliConfig } from '../settings/load.js';
import type { SelectedRule } from './scan-report.js';

const PREFIX = 'api-guard/';

export function selectRules(registry: Readonly<Record<string, AnyApiRule>>, config: CliConfig): SelectedRule[] {
  const levels = new Map<string, 'error' | 'warn' | 'off'>();
  for (const [prefixed, level] of Object.entries(getConfigRuleLevels(registry as Record<string, AnyApiRule>, 'recommended'))) {
    levels.set(prefixed.slice(PREFIX.length), level);
  }
  for (const [id, setting] of Object.entries(config.rules)) levels.set(id, setting.level);
  const selected: SelectedRule[] = [];
  for (const id of Object.keys(registry).sort()) {
    const level = levels.get(id);
    if (!level || level === 'off') continue;
    const rule = registry[id]!;
    selected.push({ id, rule, level, options: applyRuleDefaults(rule.defaultOptions, config.rules[id]?.options) });
  }
  return selected;
}
