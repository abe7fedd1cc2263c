/**
 * The user's choices for the secrets rule, compiled once per options object: extra provider
 * patterns, allowlisted values (the rule's `allowlist` and the shared `secretAllowlist` setting),
 * the entropy floor of the secret-named heuristic, and how test files are treated.
 */
import type { ResolvedSettings } from '../settings/schema.js';
import type { SecretFormat } from './secret-format-scan.js';
import { toEnvironmentVariableName } from './secret-name.js';

export type TestFileHandling = 'provider-only' | 'report' | 'ignore';

/** The options as written in the ESLint config. */
export interface SecretRuleOptions {
  readonly additionalPatterns?: readonly { readonly name: string; readonly pattern: string }[];
  readonly allowlist?: readonly string[];
  readonly minEntropy?: number;
  readonly testFiles?: TestFileHandling;
}

export interface SecretPolicy {
  readonly extraFormats: readonly SecretFormat[];
  readonly allowlist: readonly RegExp[];
  readonly minEntropy: number;
  readonly testFiles: TestFileHandling;
}

/** The entropy floor (bits per character) of the secret-named heuristic when none is configured. */
export const DEFAULT_MIN_ENTROPY = 2.5;

/** Compiles `/re/flags` or a bare regex source; throws a message that names the option. */
function compilePattern(source: string, option: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(source);
  try {
    return literal ? new RegExp(literal[1]!, literal[2]!.replace('g', '')) : new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`no-hardcoded-secrets: invalid regular expression in ${option}: ${reason}`);
  }
}

const compiled = new WeakMap<object, WeakMap<object, SecretPolicy>>();

/** The policy of an options object and settings, compiled once per pair. */
export function compileSecretPolicy(options: SecretRuleOptions, settings: ResolvedSettings): SecretPolicy {
  let bySettings = compiled.get(options);
  if (!bySettings) {
    bySettings = new WeakMap();
    compiled.set(options, bySettings);
  }
  let policy = bySettings.get(settings);
  if (!policy) {
    policy = {
      extraFormats: (options.additionalPatterns ?? []).map((p, i) => ({
        name: p.name,
        label: p.name,
        pattern: compilePattern(p.pattern, `additionalPatterns[${i}] (${p.name})`),
        live: true,
        minEntropy: 0,
        envName: toEnvironmentVariableName([p.name]),
      })),
      allowlist: [
        ...(options.allowlist ?? []).map((p, i) => compilePattern(p, `allowlist[${i}]`)),
        ...settings.secretAllowlist.map((p, i) => compilePattern(p, `settings secretAllowlist[${i}]`)),
      ],
      minEntropy: options.minEntropy ?? DEFAULT_MIN_ENTROPY,
      testFiles: options.testFiles ?? 'provider-only',
    };
    bySettings.set(settings, policy);
  }
  return policy;
}

/** True when an allowlist pattern matches the value (or the secret inside it). */
export function isAllowlisted(policy: SecretPolicy, ...values: readonly string[]): boolean {
  return policy.allowlist.some((re) => values.some((v) => re.test(v)));
}
