/**
 * no-hardcoded-secrets (CWE-798): provider keys anywhere in strings, any non-placeholder constant
 * that reaches a credential sink (JWT, session, cookie, HMAC, cipher, SDK, database, Authorization
 * header), and secret-named values and environment fallbacks. Values are always shown masked.
 */
import type * as ts from 'typescript';
import { getStartLine } from '../src/core/ast.js';
import type { FindingSuggestion, Finding } from '../src/core/finding.js';
import { maskSecret } from '../src/core/mask.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import { getEnvReplacementEdit, getRemoveFallbackEdit, getRemoveEnvDefaultEdit } from '../src/secrets/env-replacement.js';
import { findHardcodedSecrets, type HardcodedSecret } from '../src/secrets/find-hardcoded-secrets.js';
import { compileSecretPolicy, DEFAULT_MIN_ENTROPY, type TestFileHandling } from '../src/secrets/secret-policy.js';

export type Options = [
  {
    additionalPatterns?: { name: string; pattern: string }[];
    allowlist?: string[];
    minEntropy?: number;
    testFiles?: TestFileHandling;
  },
];

export type MessageIds = 'providerSecret' | 'sinkSecret' | 'sinkFallback' | 'envFallback' | 'namedSecret' | 'useEnv' | 'removeFallback' | 'removeDefault';

/** Where a cross-file sink is, relative to the literal's file: `../app.ts:12`. */
function describeSinkLocation(literalFile: ts.SourceFile, secret: HardcodedSecret): string {
  const hit = secret.hit!;
  const line = getStartLine(hit.useFile, hit.use.node);
  if (hit.useFile !== literalFile) {
    const from = literalFile.fileName.replace(/\\/g, '/').split('/').slice(0, -1);
    const to = hit.useFile.fileName.replace(/\\/g, '/').split('/');
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    const relative = [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
    return ` in ${relative.startsWith('.') ? relative : `./${relative}`}:${line}`;
  }
  return hit.origin.via.length > 0 ? ` at line ${line}` : '';
}

function toFinding(sourceFile: ts.SourceFile, tsApi: Parameters<typeof getEnvReplacementEdit>[0], secret: HardcodedSecret): Finding {
  const value = maskSecret(secret.secret);
  const base = { kind: secret.kind, value };
  let messageId: MessageIds;
  let data: Record<string, string>;
  if (secret.hit) {
    const via = secret.hit.origin.via;
    const sink = `${secret.hit.use.sink}${describeSinkLocation(sourceFile, secret)}`;
    if (secret.envVar !== undefined) {
      messageId = 'sinkFallback';
      data = { ...base, sink, env: secret.envVar };
    } else {
      messageId = 'sinkSecret';
      data = { ...base, sink, through: via.length > 0 ? ` in \`${via.join('.')}\`` : '' };
    }
  } else if (secret.envVar !== undefined && secret.fallback) {
    messageId = 'envFallback';
    data = { ...base, env: secret.envVar };
  } else if (secret.reason === 'provider') {
    messageId = 'providerSecret';
    data = { ...base, place: secret.name ? `\`${secret.name}\`` : 'a string literal' };
  } else {
    messageId = 'namedSecret';
    data = { ...base, name: secret.name ?? secret.envVar ?? 'a constant' };
  }

  const suggestions: FindingSuggestion[] = [];
  if (secret.fallback && secret.envVar !== undefined) {
    suggestions.push({ messageId: 'removeFallback', data: { env: secret.envVar }, edits: [getRemoveFallbackEdit(sourceFile, secret.fallback)] });
  } else if (secret.envDefault && secret.envVar !== undefined) {
    suggestions.push({ messageId: 'removeDefault', data: { env: secret.envVar }, edits: [getRemoveEnvDefaultEdit(tsApi, secret.envDefault)] });
  } else {
    const edit = getEnvReplacementEdit(tsApi, sourceFile, secret.node, secret.secret, secret.secretStart, secret.envName);
    if (edit) suggestions.push({ messageId: 'useEnv', data: { envName: secret.envName }, edits: [edit] });
  }
  return {
    messageId,
    data,
    node: secret.node,
    // A value reported only for its name is a heuristic: the CLI fails on it only with --severity warning.
    severity: secret.reason === 'named' ? 'warning' : 'error',
    suggestions,
    fingerprint: ['no-hardcoded-secrets', secret.reason, secret.kind, secret.name ?? '', value],
  };
}

export default defineApiRule<Options, MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hardcoded credentials: provider keys, secrets passed to JWT, session, crypto and SDK calls, and secret-named literals',
      recommended: 'recommended',
      cwe: ['CWE-798'],
      owasp: ['API2:2023', 'API8:2023'],
      precision: 'high',
      securitySeverity: 7.5,
    },
    hasSuggestions: true,
    messages: {
      providerSecret: 'Hardcoded {{kind}} `{{value}}` in {{place}}; load it from the environment or a secret manager, and rotate it.',
      sinkSecret: 'Hardcoded {{kind}} `{{value}}`{{through}} passed to {{sink}}; load it from the environment.',
      sinkFallback: 'Hardcoded {{kind}} `{{value}}` passed to {{sink}} when `{{env}}` is unset; require the variable instead of shipping a default.',
      envFallback: '`{{env}}` falls back to a hardcoded {{kind}} `{{value}}`; require the variable instead of shipping a default.',
      namedSecret: 'Hardcoded {{kind}} `{{value}}` in `{{name}}`; load it from the environment.',
      useEnv: 'Read the value from `process.env.{{envName}}` instead.',
      removeFallback: 'Remove the hardcoded fallback and read `{{env}}` only.',
      removeDefault: 'Remove the default so that `{{env}}` must be set.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          additionalPatterns: {
            type: 'array',
            description: 'Extra secret formats of your organisation, reported anywhere in strings like the provider formats (also in test files).',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'pattern'],
              properties: {
                name: { type: 'string', description: 'What the secret is, shown in the message (`Acme deploy token`).' },
                pattern: { type: 'string', description: 'A regular expression source (or `/source/flags`) that matches the secret itself.' },
              },
            },
          },
          allowlist: {
            type: 'array',
            description: 'Regular expressions of values that are never secrets (your placeholders, published test keys); the `secretAllowlist` setting adds to it.',
            items: { type: 'string' },
          },
          minEntropy: {
            type: 'number',
            minimum: 0,
            maximum: 8,
            description: 'Minimum Shannon entropy, in bits per character, of a value reported only because of its secret-like name or environment fallback.',
          },
          testFiles: {
            type: 'string',
            enum: ['provider-only', 'report', 'ignore'],
            description: 'Test and fixture files: report only live provider key formats (`provider-only`), everything (`report`) or nothing (`ignore`).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ additionalPatterns: [], allowlist: [], minEntropy: DEFAULT_MIN_ENTROPY, testFiles: 'provider-only' }],
  detect(ctx, [options]) {
    const policy = compileSecretPolicy(options, ctx.settings);
    return findHardcodedSecrets(ctx, policy).map((secret) => toFinding(ctx.sourceFile, ctx.ts, secret));
  },
});
