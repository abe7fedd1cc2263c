/**
 * The docs metadata every api-guard rule carries, on top of ESLint's `description` and `url`.
 * These fields feed the docs header, the configs and SARIF rule properties.
 */

export type ApiGuardConfigName = 'recommended' | 'strict';

export interface ApiGuardDocs {
  /** The config that first turns the rule on: `recommended` rules are also in `strict`. */
  readonly recommended: ApiGuardConfigName;
  /** CWE ids, e.g. `CWE-918`. */
  readonly cwe: readonly string[];
  /** OWASP API Security Top 10 (2023) ids, e.g. `API7:2023`. */
  readonly owasp: readonly string[];
  /** How often a finding is a real problem (CodeQL's precision scale). */
  readonly precision: 'very-high' | 'high' | 'medium' | 'low';
  /** CVSS-like 0.0-10.0 score, used as SARIF `security-severity`. */
  readonly securitySeverity: number;
  /** Whether the rule needs type information; api-guard rules never do (they get richer with it). */
  readonly requiresTypeChecking?: false;
}

export const DOCS_BASE_URL = 'https://github.com/api-guard/eslint-plugin-api-guard/blob/main/docs/rules/';

/** The docs URL of a rule: its page under docs/rules/. */
export function getRuleDocsUrl(ruleName: string): string {
  return `${DOCS_BASE_URL}${ruleName}.md`;
}
