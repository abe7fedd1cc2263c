/**
 * One settings shape, shared by ESLint (`settings['api-guard']`) and the CLI
 * (`api-guard.config.json` or `package.json` "apiGuard"). JSON only: nothing here is executed.
 */

/** The settings as a user writes them. Every field is optional. */
export interface ApiGuardSettings {
  /** `auto` uses the project index when a program exists; `file` never does; `project` requires it. */
  analysis?: 'auto' | 'file' | 'project';
  /** The frameworks whose routes are modelled (default: every supported one). */
  frameworks?: SettingsFramework[];
  /** Extra names of authentication middleware, guards or hooks (exact names or `/regex/`). */
  authMiddleware?: string[];
  /** Route path patterns that are public on purpose (`/status`, `/public/**`). */
  publicRoutes?: string[];
  /** Extra rate-limiting middleware names. */
  rateLimitMiddleware?: string[];
  /** Route patterns rate-limited outside the code (a reverse proxy, an API gateway): `/**`, `POST /auth/**`. */
  rateLimitedRoutes?: string[];
  /** Extra validator function names whose result counts as validated input. */
  validators?: string[];
  /** Extra sanitizer function names (their result is treated as safe for every flow rule). */
  sanitizers?: string[];
  /** Extra SSRF sinks: `module:export.method` or a global function name. */
  ssrfSinks?: string[];
  /** Extra model-write sinks: method names called on models or repositories. */
  modelWriteMethods?: string[];
  /** Regexes of literal values that are never secrets (placeholders of the organisation). */
  secretAllowlist?: string[];
  /**
   * The OpenAPI document of the API (`openapi.yaml`), for `no-undocumented-route` and
   * `api-guard routes`. ESLint reads a relative path from its working folder; the CLI from the
   * configuration file's folder.
   */
  openapi?: string;
  /**
   * Let `no-sensitive-data-exposure` read a record's fields from its TypeScript type when the model's
   * definition is not in view. Needs a program (typed ESLint, the CLI) and creates its type checker,
   * which binds every file of the program; off by default.
   */
  typeFallback?: boolean;
}

/** The frameworks api-guard models (the values of the `frameworks` setting). */
export const SETTINGS_FRAMEWORKS = ['express', 'fastify', 'nest'] as const;
export type SettingsFramework = (typeof SETTINGS_FRAMEWORKS)[number];

export type ResolvedSettings = Required<Omit<ApiGuardSettings, 'analysis' | 'frameworks' | 'openapi' | 'typeFallback'>> & {
  readonly analysis: 'auto' | 'file' | 'project';
  readonly typeFallback: boolean;
  readonly openapi?: string;
  readonly frameworks: readonly SettingsFramework[];
};

const LIST_KEYS = [
  'authMiddleware',
  'publicRoutes',
  'rateLimitMiddleware',
  'rateLimitedRoutes',
  'validators',
  'sanitizers',
  'ssrfSinks',
  'modelWriteMethods',
  'secretAllowlist',
] as const;

export const SETTINGS_KEYS: readonly string[] = ['analysis', 'frameworks', 'openapi', 'typeFallback', ...LIST_KEYS];

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Validates and normalizes settings; throws `SettingsError` with a clear message on bad values. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const input = (raw ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new SettingsError('api-guard settings must be an object');
  }
  for (const key of Object.keys(input)) {
    if (!SETTINGS_KEYS.includes(key)) {
      throw new SettingsError(`unknown api-guard setting "${key}" (known: ${SETTINGS_KEYS.join(', ')})`);
    }
  }
  const analysis = input.analysis ?? 'auto';
  if (analysis !== 'auto' && analysis !== 'file' && analysis !== 'project') {
    throw new SettingsError(`api-guard setting "analysis" must be "auto", "file" or "project", got ${JSON.stringify(analysis)}`);
  }
  const frameworks = input.frameworks ?? [...SETTINGS_FRAMEWORKS];
  if (!Array.isArray(frameworks) || frameworks.length === 0 || frameworks.some((f) => !SETTINGS_FRAMEWORKS.includes(f as SettingsFramework))) {
    throw new SettingsError(
      `api-guard setting "frameworks" must be a non-empty array of ${SETTINGS_FRAMEWORKS.map((f) => `"${f}"`).join(', ')}, got ${JSON.stringify(frameworks)}`,
    );
  }
  const resolved: Record<string, unknown> = { analysis, frameworks: Object.freeze([...new Set(frameworks as SettingsFramework[])]) };
  if (input.openapi !== undefined) {
    if (typeof input.openapi !== 'string' || input.openapi.trim() === '') {
      throw new SettingsError(`api-guard setting "openapi" must be the path of an OpenAPI document (a string), got ${JSON.stringify(input.openapi)}`);
    }
    resolved.openapi = input.openapi;
  }
  const typeFallback = input.typeFallback ?? false;
  if (typeof typeFallback !== 'boolean') {
    throw new SettingsError(`api-guard setting "typeFallback" must be true or false, got ${JSON.stringify(typeFallback)}`);
  }
  resolved.typeFallback = typeFallback;
  for (const key of LIST_KEYS) {
    const value = input[key] ?? [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new SettingsError(`api-guard setting "${key}" must be an array of strings`);
    }
    resolved[key] = Object.freeze([...value]);
  }
  return Object.freeze(resolved) as ResolvedSettings;
}

export const DEFAULT_SETTINGS: ResolvedSettings = resolveSettings({});

/** Matches a name against user-written entries: exact names, or `/regex/flags`. */
export function matchesNameList(name: string, entries: readonly string[]): boolean {
  for (const entry of entries) {
    if (entry.length > 2 && entry.startsWith('/') && entry.lastIndexOf('/') > 0) {
      const last = entry.lastIndexOf('/');
      try {
        if (new RegExp(entry.slice(1, last), entry.slice(last + 1)).test(name)) return true;
      } catch {
        // an invalid regex never matches; settings validation reports it elsewhere
      }
    } else if (entry === name) {
      return true;
    }
  }
  return false;
}
