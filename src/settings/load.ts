/**
 * The CLI's configuration: `api-guard.config.json`, or the `"apiGuard"` key of `package.json`,
 * found from a folder upwards. JSON only, never executed. The shape:
 *
 *   { "settings": { ...the same object as ESLint's settings['api-guard']... },
 *     "rules": { "no-ssrf": "error" | "warn" | "off" | ["error", { ...options }] },
 *     "ignores": ["legacy/**"],            // .gitignore-style, relative to the config's folder
 *     "baseline": "api-guard-baseline.json" }   // relative, inside the config's folder
 *
 * A file that holds only settings keys (`{ "publicRoutes": [...] }`) is read as `{ "settings": ... }`.
 * Every problem is a `ConfigError` whose message names the file and the key.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { AnyApiRule } from '../rule-kit/define-api-rule.js';
import { resolveSettings, SettingsError, SETTINGS_KEYS, type ResolvedSettings } from './schema.js';

export type RuleLevel = 'error' | 'warn' | 'off';

export interface RuleSetting {
  readonly level: RuleLevel;
  /** User options, without the level (`["error", {...}]` gives `[{...}]`); absent when none were written. */
  readonly options?: readonly unknown[];
}

export interface CliConfig {
  /** Where the configuration was read from (`.../package.json#apiGuard`), or `undefined` for defaults. */
  readonly source: string | undefined;
  /** The folder that relative paths in the config are read against. */
  readonly directory: string;
  readonly settings: ResolvedSettings;
  /** Rule levels by rule id without the `api-guard/` prefix. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly ignores: readonly string[];
  /** The baseline file, absolute, checked to stay inside `directory`. */
  readonly baseline?: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILE_NAME = 'api-guard.config.json';
const PACKAGE_KEY = 'apiGuard';
const CONFIG_KEYS = ['$schema', 'settings', 'rules', 'ignores', 'baseline'];
const RULE_PREFIX = 'api-guard/';

/** The configuration file that applies to `startDir`: the nearest one in it or a folder above. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const file = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(file)) return file;
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && packageHasConfig(pkg)) return pkg;
    if (existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageHasConfig(pkgPath: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as unknown;
    return typeof pkg === 'object' && pkg !== null && PACKAGE_KEY in pkg;
  } catch {
    return false; // a broken package.json that is not ours to read is not our configuration
  }
}

/** The default configuration (no file): default settings, every rule at its config level. */
export function getDefaultCliConfig(directory: string): CliConfig {
  return { source: undefined, directory: path.resolve(directory), settings: resolveSettings({}), rules: {}, ignores: [] };
}

/** Reads and validates a configuration file (`api-guard.config.json` or a `package.json`). */
export function loadConfigFile(file: string): CliConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the configuration ${absolute}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${absolute} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const isPackage = path.basename(absolute) === 'package.json';
  if (isPackage) {
    if (typeof json !== 'object' || json === null || !(PACKAGE_KEY in json)) {
      throw new ConfigError(`${absolute} has no "${PACKAGE_KEY}" key`);
    }
    return parseCliConfig((json as Record<string, unknown>)[PACKAGE_KEY], `${absolute}#${PACKAGE_KEY}`, path.dirname(absolute));
  }
  return parseCliConfig(json, absolute, path.dirname(absolute));
}

/** Validates a configuration object; `source` names it in messages. */
export function parseCliConfig(raw: unknown, source: string, directory: string): CliConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: the configuration must be a JSON object`);
  }
  let input = raw as Record<string, unknown>;
  const keys = Object.keys(input);
  const settingsOnly = keys.length > 0 && keys.every((k) => SETTINGS_KEYS.includes(k));
  if (settingsOnly) input = { settings: input };
  for (const key of Object.keys(input)) {
    if (CONFIG_KEYS.includes(key)) continue;
    const hint = SETTINGS_KEYS.includes(key) ? ` (settings go under "settings": { "${key}": ... })` : '';
    throw new ConfigError(`${source}: unknown key "${key}"${hint}; known keys: ${CONFIG_KEYS.slice(1).join(', ')}`);
  }
  let settings: ResolvedSettings;
  try {
    settings = resolveSettings(input.settings ?? {});
  } catch (error) {
    if (error instanceof SettingsError) throw new ConfigError(`${source}: ${error.message}`);
    throw error;
  }
  if (settings.openapi !== undefined && !path.isAbsolute(settings.openapi)) {
    // The OpenAPI document is read relative to the configuration's folder, like the baseline.
    settings = Object.freeze({ ...settings, openapi: path.resolve(directory, settings.openapi) });
  }
  const ignores = input.ignores ?? [];
  if (!Array.isArray(ignores) || ignores.some((p) => typeof p !== 'string')) {
    throw new ConfigError(`${source}: "ignores" must be an array of .gitignore-style patterns (strings)`);
  }
  let baseline: string | undefined;
  if (input.baseline !== undefined) {
    if (typeof input.baseline !== 'string' || input.baseline.length === 0) {
      throw new ConfigError(`${source}: "baseline" must be a relative file path`);
    }
    baseline = resolvePathInsideConfig(input.baseline, directory, source, 'baseline');
  }
  return {
    source,
    directory: path.resolve(directory),
    settings,
    rules: parseRuleLevels(input.rules, source),
    ignores: ignores as string[],
    ...(baseline ? { baseline } : {}),
  };
}

/** A path from a config file: relative, and never leaving the config's folder. */
export function resolvePathInsideConfig(value: string, directory: string, source: string, key: string): string {
  if (path.isAbsolute(value) || /^[a-zA-Z]:/.test(value)) {
    throw new ConfigError(`${source}: "${key}" must be a path relative to the configuration's folder, not an absolute path`);
  }
  const resolved = path.resolve(directory, value);
  const rel = path.relative(path.resolve(directory), resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new ConfigError(`${source}: "${key}" (${value}) leaves the configuration's folder; paths in a configuration file must stay inside it`);
  }
  return resolved;
}

function parseLevel(value: unknown, where: string): RuleLevel {
  if (value === 'error' || value === 2) return 'error';
  if (value === 'warn' || value === 'warning' || value === 1) return 'warn';
  if (value === 'off' || value === 0) return 'off';
  throw new ConfigError(`${where}: the level must be "error", "warn" or "off" (or 2, 1, 0), got ${JSON.stringify(value)}`);
}

function parseRuleLevels(raw: unknown, source: string): Record<string, RuleSetting> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: "rules" must be an object of rule ids to levels`);
  }
  const result: Record<string, RuleSetting> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const id = key.startsWith(RULE_PREFIX) ? key.slice(RULE_PREFIX.length) : key;
    const where = `${source}: rules["${key}"]`;
    if (Array.isArray(value)) {
      if (value.length === 0) throw new ConfigError(`${where}: an array must start with the level`);
      result[id] = { level: parseLevel(value[0], where), options: value.slice(1) };
    } else {
      result[id] = { level: parseLevel(value, where) };
    }
  }
  return result;
}

type OptionsValidator = ((data: unknown) => boolean) & { errors?: readonly { dataPath?: string; message?: string }[] | null };

/** The JSON schema of a rule's options array, the way ESLint builds it from `meta.schema`. */
function getOptionsSchema(rule: AnyApiRule): object | undefined {
  const schema = rule.meta.schema as unknown;
  if (schema === undefined || schema === false) return undefined;
  if (Array.isArray(schema)) {
    return schema.length === 0 ? { type: 'array', maxItems: 0 } : { type: 'array', items: schema, minItems: 0, maxItems: schema.length };
  }
  return schema as object;
}

/**
 * Checks the configuration's rule ids and options against the registry: an unknown rule or
 * options that do not match the rule's schema are `ConfigError`s, like ESLint's config validation.
 */
export function validateRuleSettings(config: CliConfig, registry: Readonly<Record<string, AnyApiRule>>): void {
  const ajv = new Ajv({ allErrors: true, validateSchema: false, missingRefs: 'ignore', schemaId: 'auto', useDefaults: false });
  const known = Object.keys(registry).sort();
  for (const [id, setting] of Object.entries(config.rules)) {
    const rule = registry[id];
    if (!rule) {
      throw new ConfigError(`${config.source}: unknown rule "${id}"; known rules: ${known.length > 0 ? known.join(', ') : '(none)'}`);
    }
    if (!setting.options || setting.options.length === 0) continue;
    const schema = getOptionsSchema(rule);
    if (!schema) continue;
    let validate: OptionsValidator;
    try {
      validate = ajv.compile(schema) as OptionsValidator;
    } catch {
      continue; // a rule's own schema problem is not the user's configuration problem
    }
    if (!validate(setting.options)) {
      const details = (validate.errors ?? []).map((e) => `${e.dataPath || 'options'} ${e.message ?? 'is invalid'}`).join('; ');
      throw new ConfigError(`${config.source}: rules["${id}"] has invalid options: ${details}`);
    }
  }
}
