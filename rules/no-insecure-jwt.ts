/**
 * no-insecure-jwt (CWE-347): token verification that accepts `none` or skips the expiry check,
 * decoded-but-unverified tokens used to authorize, tokens signed without a lifetime or with
 * `algorithm: 'none'`, and verification with a public key or key lookup but no `algorithms`
 * allowlist. jsonwebtoken, `@nestjs/jwt`, passport-jwt, express-jwt, jose, jwt-decode, `@fastify/jwt`.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../src/core/context.js';
import { getStartLine, getStaticString, isFunctionLike, skipOuterExpressions } from '../src/core/ast.js';
import type { Finding } from '../src/core/finding.js';
import { isNoneAlgorithm, type JwtCallRow, type JwtDefaultsRow } from '../src/catalog/jwt.js';
import { classifyJwtKey, getDecodeAuthorization, getJwtDefaults, getJwtUsage, type JwtCallFact, type JwtDefaultsFact, type JwtKeyKind } from '../src/model/jwt-usage.js';
import { readBoolean, readOption, readStrings, type OptionRead } from '../src/model/option-values.js';
import type { ConstLookup } from '../src/model/const-value.js';
import { isTestFile } from '../src/model/test-files.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';

export type Options = [
  {
    /** `public-keys`: report a missing allowlist only for public keys and key lookups; `always`: for every key. */
    requireAlgorithms?: 'public-keys' | 'always';
    /** Report tokens signed without `expiresIn` or an `exp` claim. */
    checkExpiry?: boolean;
  },
];

export type MessageIds = 'algNone' | 'signNone' | 'ignoreExpiration' | 'missingAlgorithms' | 'noExpiry' | 'decodeAuthorizes';

const VERIFY_INSTEAD: Record<string, string> = {
  jsonwebtoken: '`jwt.verify(token, key, { algorithms: [...] })`',
  '@nestjs/jwt': '`jwtService.verify(token)`',
  jose: '`jwtVerify(token, key)`',
  'jwt-decode': 'a verifying library (`jose` `jwtVerify`, `jsonwebtoken` `verify`)',
  '@fastify/jwt': '`request.jwtVerify()`',
};

const KEY_LABELS: Record<Exclude<JwtKeyKind, 'secret'>, string> = { public: 'a public key', lookup: 'a key-lookup function' };

/** An options argument; a callback in its place (`jwt.verify(t, k, (err, v) => ...)`) means no options. */
function optionsOf(tsApi: AnalysisContext['ts'], args: readonly ts.Expression[], index: number): ts.Expression | undefined {
  const arg = args[index];
  return arg && !isFunctionLike(tsApi, skipOuterExpressions(tsApi, arg)) ? arg : undefined;
}

/** Where to report an option: on it when it is written in the analyzed file, else on the call that uses it. */
function reportNode(lookup: ConstLookup, read: OptionRead, fallback: ts.Node): ts.Node {
  return read.kind === 'present' && read.file === lookup.file ? read.expression.parent : fallback;
}

function finding(messageId: MessageIds, node: ts.Node, data: Record<string, string>, severity: 'error' | 'warning'): Finding {
  return { messageId, node, data, severity, fingerprint: ['no-insecure-jwt', messageId, data.callee ?? ''] };
}

/** `algorithms` with `none`, `ignoreExpiration: true`, in one options object at `base`. */
function checkVerifyOptions(
  lookup: ConstLookup,
  callee: string,
  node: ts.Node,
  options: ts.Expression | undefined,
  base: readonly string[],
  names: { algorithms?: string; ignoreExpiration?: string },
  emptyKey = false,
): { findings: Finding[]; algorithms: OptionRead } {
  const findings: Finding[] = [];
  const algorithms: OptionRead = names.algorithms ? readOption(lookup, options, [...base, names.algorithms]) : { kind: 'unknown' };
  if (readStrings(lookup, algorithms)?.some(isNoneAlgorithm)) {
    // jsonwebtoken accepts an unsigned token only when the key is empty too; with a real key, `none` is a latent flaw.
    const where = reportNode(lookup, algorithms, node);
    findings.push(finding('algNone', where, { callee, option: [...base, names.algorithms].join('.') }, emptyKey ? 'error' : 'warning'));
  }
  if (names.ignoreExpiration) {
    const ignore = readOption(lookup, options, [...base, names.ignoreExpiration]);
    if (readBoolean(lookup, ignore) === true) findings.push(finding('ignoreExpiration', reportNode(lookup, ignore, node), { callee }, 'error'));
  }
  return { findings, algorithms };
}

/** `''`, `undefined`, `null`, `false`: no key at all. */
function isEmptyKey(lookup: ConstLookup, key: ts.Expression): boolean {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, key);
  if (expr.kind === tsApi.SyntaxKind.NullKeyword || expr.kind === tsApi.SyntaxKind.FalseKeyword) return true;
  if (tsApi.isIdentifier(expr) && expr.text === 'undefined') return true;
  return getStaticString(tsApi, expr) === '';
}

function checkVerifyCall(lookup: ConstLookup, call: JwtCallFact, row: JwtCallRow, mode: 'public-keys' | 'always'): Finding[] {
  const options = optionsOf(lookup.ts, call.arguments, row.optionsArgument);
  const key = row.keyArgument === undefined ? undefined : call.arguments[row.keyArgument];
  const { findings, algorithms } = checkVerifyOptions(
    lookup,
    call.callee,
    call.node,
    options,
    [],
    { algorithms: row.algorithmsOption, ignoreExpiration: row.ignoreExpirationOption },
    key !== undefined && isEmptyKey(lookup, key),
  );
  if (!row.algorithmsOption || algorithms.kind !== 'absent') return findings;
  let kind: JwtKeyKind | undefined;
  if (row.keyArgument !== undefined) {
    if (call.arguments[row.keyArgument]) kind = classifyJwtKey(lookup, call.arguments[row.keyArgument]);
  } else {
    for (const property of row.keyProperties ?? []) {
      const key = readOption(lookup, options, property.split('.'));
      if (key.kind !== 'present') continue;
      kind = property.endsWith('Provider') ? 'lookup' : classifyJwtKey({ ...lookup, file: key.file }, key.expression);
      break;
    }
  }
  if (kind === undefined || (kind === 'secret' && mode !== 'always')) return findings;
  findings.push(
    finding('missingAlgorithms', call.node, { callee: call.callee, key: kind === 'secret' ? 'a shared secret' : KEY_LABELS[kind], example: kind === 'secret' ? "'HS256'" : "'RS256'" }, 'warning'),
  );
  return findings;
}

/** Where a configuration sets no default lifetime: `undefined` when it sets one or may. */
function lacksDefaultExpiry(fact: JwtDefaultsFact, project: AnalysisContext['project'], tsApi: AnalysisContext['ts']): boolean {
  const lookup: ConstLookup = { ts: tsApi, file: fact.file, project };
  if (isConfiguredByClass(lookup, fact)) return false;
  return fact.row.signPaths.every((path) => readOption(lookup, fact.options, [...path, fact.row.expiresInOption]).kind === 'absent');
}

/** `JwtModule.registerAsync({ useClass: JwtConfigService })`: the options come from a class the rule does not read. */
function isConfiguredByClass(lookup: ConstLookup, fact: JwtDefaultsFact): boolean {
  return ['useClass', 'useExisting'].some((name) => readOption(lookup, fact.options, [name]).kind !== 'absent');
}

/** `.setExpirationTime(...)` somewhere in the builder chain of `new SignJWT(payload)`; `undefined` when the chain is not visible. */
function joseChainSetsExpiry(tsApi: AnalysisContext['ts'], node: ts.Node): boolean | undefined {
  let current: ts.Node = node;
  let signed = false;
  for (;;) {
    const parent = current.parent;
    if (tsApi.isParenthesizedExpression(parent)) {
      current = parent;
      continue;
    }
    if (!tsApi.isPropertyAccessExpression(parent) || !tsApi.isCallExpression(parent.parent)) break;
    if (parent.name.text === 'setExpirationTime') return true;
    if (parent.name.text === 'sign') signed = true;
    current = parent.parent;
  }
  return signed ? false : undefined;
}

function checkSignCall(ctx: AnalysisContext, lookup: ConstLookup, call: JwtCallFact, row: JwtCallRow, checkExpiry: boolean): Finding[] {
  const findings: Finding[] = [];
  const options = optionsOf(lookup.ts, call.arguments, row.optionsArgument);
  if (row.algorithmOption) {
    const algorithm = readOption(lookup, options, [row.algorithmOption]);
    if (readStrings(lookup, algorithm)?.some(isNoneAlgorithm)) findings.push(finding('signNone', reportNode(lookup, algorithm, call.node), { callee: call.callee }, 'error'));
  }
  if (!checkExpiry || row.payloadArgument === undefined) return findings;
  const payload = call.arguments[row.payloadArgument];
  if (!payload || readOption(lookup, payload, ['exp']).kind !== 'absent') return findings;
  let defaults = '';
  if (row.expiresInOption) {
    if (readOption(lookup, options, [row.expiresInOption]).kind !== 'absent') return findings;
    if (row.defaultsFrom) {
      const configs = getJwtDefaults(ctx).filter((d) => d.row.name === row.defaultsFrom);
      // Without the configuration in view, its default lifetime is unknown.
      if (configs.length === 0 || !configs.every((d) => lacksDefaultExpiry(d, ctx.project, ctx.ts))) return findings;
      const first = configs[0]!;
      const where = first.file === ctx.sourceFile ? `line ${getStartLine(first.file, first.node)}` : `${first.file.fileName.split('/').slice(-2).join('/')}:${getStartLine(first.file, first.node)}`;
      defaults = ` (\`${first.callee}\` at ${where} sets no default \`${first.row.signPaths[0]!.join('.')}.${first.row.expiresInOption}\`)`;
    }
  } else if (joseChainSetsExpiry(lookup.ts, call.node) !== false) {
    return findings;
  }
  findings.push(finding('noExpiry', call.node, { callee: call.callee, fix: row.expiresInOption ? '`expiresIn`' : '`.setExpirationTime(...)`', defaults }, 'warning'));
  return findings;
}

function checkDefaults(lookup: ConstLookup, fact: JwtDefaultsFact, row: JwtDefaultsRow, mode: 'public-keys' | 'always'): Finding[] {
  const findings: Finding[] = [];
  let allowlisted = false;
  let absent = true;
  for (const path of row.verifyPaths) {
    const checked = checkVerifyOptions(lookup, fact.callee, fact.node, fact.options, path, { algorithms: row.algorithmsOption, ignoreExpiration: row.ignoreExpirationOption });
    findings.push(...checked.findings);
    if (checked.algorithms.kind !== 'absent') absent = false;
    if (checked.algorithms.kind === 'present') allowlisted = true;
  }
  for (const path of row.signPaths) {
    const algorithm = readOption(lookup, fact.options, [...path, row.algorithmOption]);
    if (readStrings(lookup, algorithm)?.some(isNoneAlgorithm)) findings.push(finding('signNone', reportNode(lookup, algorithm, fact.node), { callee: fact.callee }, 'error'));
  }
  if (allowlisted || !absent || isConfiguredByClass(lookup, fact)) return findings;
  const publicKey = row.publicKeyPaths.map((path) => readOption(lookup, fact.options, path)).find((read) => read.kind === 'present');
  if (publicKey || mode === 'always') {
    findings.push(finding('missingAlgorithms', fact.node, { callee: fact.callee, key: publicKey ? 'a public key' : 'a shared secret', example: publicKey ? "'RS256'" : "'HS256'" }, 'warning'));
  }
  return findings;
}

export default defineApiRule<Options, MessageIds>({
  name: 'no-insecure-jwt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow JWT verification that accepts `none` or expired tokens, unverified decodes used to authorize, and tokens signed without a lifetime',
      recommended: 'recommended',
      cwe: ['CWE-347', 'CWE-613'],
      owasp: ['API2:2023'],
      precision: 'high',
      securitySeverity: 8.1,
    },
    messages: {
      algNone: '`{{callee}}` allows the `none` algorithm in `{{option}}`: an unsigned token passes as soon as the key is empty or the library honours it. List only the algorithms you sign with.',
      signNone: '`{{callee}}` signs with `algorithm: \'none\'`: the token has no signature and anyone can forge one. Sign with HS256, RS256 or ES256.',
      ignoreExpiration: '`{{callee}}` sets `ignoreExpiration: true`: expired and stolen tokens are accepted forever. Remove it and refresh tokens instead.',
      missingAlgorithms: '`{{callee}}` verifies with {{key}} but no `algorithms` allowlist; pin the algorithms you sign with (`algorithms: [{{example}}]`) so a token cannot choose another one.',
      noExpiry: '`{{callee}}` signs a token without a lifetime{{defaults}}: once issued or stolen it is valid forever. Set {{fix}}.',
      decodeAuthorizes: 'The result of `{{callee}}` is not verified, yet it {{how}}: anyone can forge its claims. Use {{verify}} instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireAlgorithms: {
            type: 'string',
            enum: ['public-keys', 'always'],
            description: 'Report a missing `algorithms` allowlist only when the key is a public key, certificate or key lookup (`public-keys`), or for every verification (`always`).',
          },
          checkExpiry: {
            type: 'boolean',
            description: 'Report tokens signed without `expiresIn`, an `exp` claim or a default lifetime of the module or plugin.',
          },
        },
      },
    ],
  },
  defaultOptions: [{ requireAlgorithms: 'public-keys', checkExpiry: true }],
  detect(ctx, [options]) {
    // Tests mint tokens without expiry and decode them to assert on claims.
    if (isTestFile(ctx)) return [];
    const usage = getJwtUsage(ctx.ts, ctx.sourceFile, ctx.project);
    const lookup: ConstLookup = { ts: ctx.ts, file: ctx.sourceFile, project: ctx.project };
    const mode = options.requireAlgorithms ?? 'public-keys';
    const findings: Finding[] = [];
    for (const call of usage.calls) {
      const row = call.row;
      if (row.role === 'verify') findings.push(...checkVerifyCall(lookup, call, row, mode));
      else if (row.role === 'sign') findings.push(...checkSignCall(ctx, lookup, call, row, options.checkExpiry !== false));
      else if (ctx.ts.isCallExpression(call.node)) {
        const authorization = getDecodeAuthorization(ctx.ts, call.node);
        if (authorization) {
          findings.push(
            finding('decodeAuthorizes', call.node, { callee: call.callee, how: authorization.how, verify: VERIFY_INSTEAD[row.library] ?? 'a verifying call' }, 'error'),
          );
        }
      }
    }
    for (const fact of usage.defaults) findings.push(...checkDefaults(lookup, fact, fact.row, mode));
    return findings;
  },
});
