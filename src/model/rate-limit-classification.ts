/**
 * What a chain item does for rate limiting: `limits`, `none`, or `unknown` (code the analysis
 * cannot read whose name or module suggests a limiter).
 *
 * Evidence, strongest first:
 * 1. the user's `rateLimitMiddleware` setting (names or `/regex/`);
 * 2. the package catalog (`rateLimit({...})`, `slowDown({...})`, `new ExpressBrute(store).prevent`,
 *    `register(fastifyRateLimit, {...})`, `ThrottlerGuard`), with `@fastify/rate-limit`'s
 *    `global: false` (only routes that configure a limit are limited);
 * 3. names applications give their limiters (`loginLimiter`, `authRateLimit`, `fastify.rateLimit()`,
 *    `CustomThrottlerGuard`);
 * 4. behaviour, when the code is readable here or through the project index: the function consumes a
 *    rate-limiter-flexible instance (`limiter.consume(req.ip)`), answers 429
 *    (`res.status(429)`, `HttpStatus.TOO_MANY_REQUESTS`, `new ThrottlerException()`), or calls
 *    something that limits; a factory's body counts for the middleware it returns; a guard class
 *    counts by its base class (`extends ThrottlerGuard`) and its `canActivate`;
 * 5. otherwise, an unread item whose name or module reads like a limiter is `unknown`, anything
 *    else `none`.
 */
import type * as ts from 'typescript';
import { createVerdictCache } from './verdict-cache.js';
import type { TsApi } from '../core/context.js';
import { getAccessPath, getCalleeName, getObjectPropertyValue, getPropertyNameText, skipOuterExpressions } from '../core/ast.js';
import { isPackageSpecifier } from '../core/bindings.js';
import { walkDescendants } from '../core/walk.js';
import { matchesNameList } from '../settings/schema.js';
import {
  FUNCTION_THROTTLE_MODULES,
  RATE_LIMITER_PACKAGES,
  RATE_LIMIT_SUSPECT_PATTERN,
  TOO_MANY_REQUESTS_NAME,
  TOO_MANY_REQUESTS_STATUS,
  findRateLimitCall,
  findRateLimiterName,
  findRateLimiterPackage,
  type RateLimiterPackageRow,
} from '../catalog/rate-limiters.js';
import type { AuthLookup } from './auth-classification.js';
import { resolveImplementation, type Implementation } from './implementation.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type RateLimitEffect = 'limits' | 'none' | 'unknown';

export interface RateLimitVerdict {
  readonly effect: RateLimitEffect;
  /** Why, for the inventory and messages: `express-rate-limit`, `answers 429 (limits.ts:12)`. */
  readonly evidence: string;
  /** The limiter's printable name for the inventory: `express-rate-limit`, `loginLimiter`, `ThrottlerGuard`. */
  readonly limiter?: string;
  /** A Fastify plugin registered with `global: false`: only routes with `config: { rateLimit }` are limited. */
  readonly onlyConfiguredRoutes?: boolean;
  /** The catalog row, when a package decided. */
  readonly row?: RateLimiterPackageRow;
}

const MAX_DEPTH = 4;
/** Methods that count a hit on a limiter instance (`RATE_LIMITER_PACKAGES` rows of usage `instance-consume`). */
const CONSUME_METHODS: ReadonlySet<string> = new Set(
  (RATE_LIMITER_PACKAGES as readonly RateLimiterPackageRow[]).filter((row) => row.usage === 'instance-consume').flatMap((row) => row.members ?? []),
);
const getCache = createVerdictCache<RateLimitVerdict>();

/** The verdict of an expression used as middleware, hook, plugin or guard, written in `file`. */
export function classifyRateLimitExpression(lookup: AuthLookup, file: ts.SourceFile, node: ts.Expression): RateLimitVerdict {
  const cache = getCache(lookup);
  let verdict = cache.get(node);
  if (!verdict) {
    verdict = classify(lookup, file, node, 0);
    cache.set(node, verdict);
  }
  return verdict;
}

function classify(lookup: AuthLookup, file: ts.SourceFile, node: ts.Expression, depth: number): RateLimitVerdict {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, node);
  if (depth > MAX_DEPTH) return { effect: 'unknown', evidence: 'too many indirections' };
  if (tsApi.isSpreadElement(expr)) return classify(lookup, file, expr.expression, depth + 1);
  if (tsApi.isArrayLiteralExpression(expr)) return combineAny(expr.elements.map((e) => classify(lookup, file, e, depth + 1)));
  if (tsApi.isConditionalExpression(expr)) {
    const both = [classify(lookup, file, expr.whenTrue, depth + 1), classify(lookup, file, expr.whenFalse, depth + 1)];
    return both.find((v) => v.effect === 'none') ?? both.find((v) => v.effect === 'unknown') ?? both[0]!;
  }
  const names = getItemNames(tsApi, expr);
  const last = names[names.length - 1];
  // 1. settings
  const configured = names.find((name) => matchesNameList(name, lookup.settings.rateLimitMiddleware));
  if (configured) return { effect: 'limits', evidence: `\`${configured}\` is listed in the rateLimitMiddleware setting`, limiter: configured };
  // 2. packages, also behind a local name (`const loginLimiter = rateLimit({...})`) and a dynamic import
  const dynamicModule = getDynamicImportModule(tsApi, expr);
  const implementation: Implementation =
    dynamicModule !== undefined ? { kind: 'package', module: dynamicModule, imported: 'default' } : resolveImplementation(lookup, file, expr);
  if (implementation.kind === 'package') {
    const verdict = classifyPackageUse(tsApi, implementation, expr);
    if (verdict) return verdict;
  }
  if (implementation.kind === 'expression' && implementation.node !== expr) {
    const verdict = classify(lookup, implementation.file, implementation.node, depth + 1);
    if (verdict.effect === 'limits') return verdict;
  }
  const instance = tsApi.isPropertyAccessExpression(expr) ? classifyInstanceMember(lookup, file, expr, depth) : undefined;
  if (instance) return instance;
  // 3. names
  const named = names.slice(-2).reverse().find((name) => findRateLimiterName(name));
  if (named) return { effect: 'limits', evidence: `named \`${named}\``, limiter: last && findRateLimiterName(last) ? getShortName(names) : named };
  // 4. behaviour
  switch (implementation.kind) {
    case 'function':
      return analyzeLimiterFunction(lookup, implementation.file, implementation.node, depth);
    case 'class':
      return analyzeClass(lookup, implementation.file, implementation.node, depth);
    case 'expression':
      return implementation.node === expr ? { effect: 'none', evidence: 'not a function' } : classify(lookup, implementation.file, implementation.node, depth + 1);
    case 'package':
      return suspectOrNone(undefined, implementation.module, `from the package \`${implementation.module}\``);
    case 'unread':
      return suspectOrNone(last, implementation.module, `imported from \`${implementation.module}\`, not read`);
    case 'unknown':
      return suspectOrNone(last, undefined, implementation.reason);
  }
}

function classifyPackageUse(tsApi: TsApi, implementation: Extract<Implementation, { kind: 'package' }>, expr: ts.Expression): RateLimitVerdict | undefined {
  const row = findRateLimiterPackage(implementation.module, implementation.imported);
  if (!row || row.usage === 'instance-member' || row.usage === 'instance-consume') return undefined;
  const label = row.usage === 'guard' ? implementation.imported : implementation.module;
  if (row.usage === 'register' && row.scopedBy && isRegisteredWithOptionOff(tsApi, expr, row.scopedBy)) {
    return { effect: 'limits', evidence: `${implementation.module} with \`${row.scopedBy}: false\` (only routes with \`config.rateLimit\`)`, limiter: label, onlyConfiguredRoutes: true, row };
  }
  return { effect: 'limits', evidence: `${row.name} (${implementation.module})`, limiter: label, row };
}

/** `import('@fastify/rate-limit')` registered as a plugin: the package it loads. */
function getDynamicImportModule(tsApi: TsApi, expr: ts.Expression): string | undefined {
  if (!tsApi.isCallExpression(expr) || expr.expression.kind !== tsApi.SyntaxKind.ImportKeyword) return undefined;
  const specifier = expr.arguments[0];
  return specifier && tsApi.isStringLiteralLike(specifier) && !/^[./]/.test(specifier.text) ? specifier.text : undefined;
}

/** `app.register(plugin, { global: false })`: the option is off on the registration of `expr`. */
function isRegisteredWithOptionOff(tsApi: TsApi, expr: ts.Expression, option: string): boolean {
  let call: ts.Node = expr;
  while (call.parent && !tsApi.isCallExpression(call.parent) && tsApi.isParenthesizedExpression(call.parent)) call = call.parent;
  const parent = call.parent;
  if (!parent || !tsApi.isCallExpression(parent) || parent.arguments[0] !== call) return false;
  const options = parent.arguments[1] ? skipOuterExpressions(tsApi, parent.arguments[1]) : undefined;
  if (!options || !tsApi.isObjectLiteralExpression(options)) return false;
  const value = getObjectPropertyValue(tsApi, options, option);
  return value !== undefined && value.kind === tsApi.SyntaxKind.FalseKeyword;
}

/** `bruteforce.prevent` where `bruteforce = new ExpressBrute(store)`. */
function classifyInstanceMember(lookup: AuthLookup, file: ts.SourceFile, expr: ts.PropertyAccessExpression, depth: number): RateLimitVerdict | undefined {
  const row = getInstancePackage(lookup, file, expr.expression, depth);
  if (row?.usage === 'instance-member' && row.members?.includes(expr.name.text)) {
    return { effect: 'limits', evidence: `\`${expr.name.text}\` of a ${row.name} instance`, limiter: row.name, row };
  }
  return undefined;
}

/** The package row of the class `receiver` is an instance of (`new RateLimiterRedis(...)`), if any. */
function getInstancePackage(lookup: AuthLookup, file: ts.SourceFile, receiver: ts.Expression, depth: number): RateLimiterPackageRow | undefined {
  let implementation = resolveImplementation(lookup, file, receiver);
  for (let i = 0; i < MAX_DEPTH - depth && implementation.kind === 'expression'; i++) {
    const node = skipOuterExpressions(lookup.ts, implementation.node);
    if (lookup.ts.isNewExpression(node)) {
      implementation = resolveImplementation(lookup, implementation.file, node.expression);
      break;
    }
    if (node === skipOuterExpressions(lookup.ts, receiver)) break;
    implementation = resolveImplementation(lookup, implementation.file, node);
  }
  return implementation.kind === 'package' ? findRateLimiterPackage(implementation.module, implementation.imported) : undefined;
}

/** An item whose code is not readable: `unknown` when its name or module suggests a limiter. */
function suspectOrNone(name: string | undefined, module: string | undefined, why: string): RateLimitVerdict {
  if ((name && RATE_LIMIT_SUSPECT_PATTERN.test(name)) || (module && RATE_LIMIT_SUSPECT_PATTERN.test(module.replace(/^.*\//, '')))) {
    return { effect: 'unknown', evidence: `${name ? `\`${name}\`` : 'it'} may limit the rate (${why})` };
  }
  return { effect: 'none', evidence: why };
}

/** Names that describe an item, outermost last: `app.rateLimit()` gives `app`, `rateLimit`. */
function getItemNames(tsApi: TsApi, expr: ts.Expression): string[] {
  let target = expr;
  if (tsApi.isCallExpression(target) || tsApi.isNewExpression(target)) target = skipOuterExpressions(tsApi, target.expression);
  if (tsApi.isCallExpression(target)) target = skipOuterExpressions(tsApi, target.expression);
  const path = getAccessPath(tsApi, target);
  if (path === undefined) return [];
  return path.split('.').map((part) => part.replace(/\(\)$/, '')).filter((part) => part.length > 0);
}

function getShortName(names: readonly string[]): string {
  return names.slice(-2).join('.');
}

function combineAny(verdicts: readonly RateLimitVerdict[]): RateLimitVerdict {
  return verdicts.find((v) => v.effect === 'limits') ?? verdicts.find((v) => v.effect === 'unknown') ?? { effect: 'none', evidence: 'no limiter among its items' };
}

// ---- behaviour ---------------------------------------------------------------------------------

const behaviourKeys = new WeakMap<AuthLookup['settings'], object>();
const fileModeBehaviour = new FileScopedWeakMap<AuthLookup['settings'], WeakMap<ts.Node, RateLimitVerdict>>();

function getBehaviourCache(lookup: AuthLookup): WeakMap<ts.Node, RateLimitVerdict> {
  if (lookup.project) {
    let key = behaviourKeys.get(lookup.settings);
    if (!key) {
      key = {};
      behaviourKeys.set(lookup.settings, key);
    }
    return lookup.project.memo(key, () => new WeakMap<ts.Node, RateLimitVerdict>());
  }
  let cache = fileModeBehaviour.get(lookup.settings);
  if (!cache) {
    cache = new WeakMap();
    fileModeBehaviour.set(lookup.settings, cache);
  }
  return cache;
}

/**
 * Whether a function (a middleware, a factory whose returned function is the middleware, or a route
 * handler) limits the rate itself: it consumes a limiter, answers 429, or calls something that limits.
 */
export function analyzeLimiterFunction(lookup: AuthLookup, file: ts.SourceFile, fn: ts.FunctionLikeDeclaration, depth = 0): RateLimitVerdict {
  const cache = getBehaviourCache(lookup);
  const cached = cache.get(fn);
  if (cached) return cached;
  cache.set(fn, { effect: 'none', evidence: 'recursive' });
  const verdict = analyzeBody(lookup, file, fn, depth);
  cache.set(fn, verdict);
  return verdict;
}

function analyzeBody(lookup: AuthLookup, file: ts.SourceFile, fn: ts.FunctionLikeDeclaration, depth: number): RateLimitVerdict {
  const tsApi = lookup.ts;
  const body = fn.body;
  if (!body) return { effect: 'none', evidence: 'no body' };
  const where = (node: ts.Node): string => `${file.fileName.replace(/^.*[\\/]/, '')}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  let found: RateLimitVerdict | undefined;
  walkDescendants(tsApi, body, (node) => {
    if (found) return false;
    if (tsApi.isIdentifier(node) && TOO_MANY_REQUESTS_NAME.test(node.text) && isTooManyRequestsAnswer(tsApi, node)) {
      found = { effect: 'limits', evidence: `answers 429 with \`${node.text}\` (${where(node)})`, limiter: 'answers 429' };
      return false;
    }
    if (tsApi.isNumericLiteral(node) && Number(node.text) === TOO_MANY_REQUESTS_STATUS && isStatusUse(tsApi, node)) {
      found = { effect: 'limits', evidence: `answers 429 (${where(node)})`, limiter: 'answers 429' };
      return false;
    }
    if (!tsApi.isCallExpression(node)) return undefined;
    const callee = skipOuterExpressions(tsApi, node.expression);
    if (tsApi.isPropertyAccessExpression(callee)) {
      const receiver = skipOuterExpressions(tsApi, callee.expression);
      const receiverText = getAccessPath(tsApi, receiver) ?? '';
      const receiverName = receiverText.replace(/^.*\./, '');
      const instance = CONSUME_METHODS.has(callee.name.text) ? getInstancePackage(lookup, file, receiver, depth) : undefined;
      const consumes = instance?.usage === 'instance-consume' && instance.members?.includes(callee.name.text) === true;
      const row = findRateLimitCall(callee.name.text, receiverName);
      if (row || consumes) {
        found = { effect: 'limits', evidence: `calls \`${receiverText}.${callee.name.text}\` (${where(node)})`, limiter: consumes ? instance!.name : receiverName || receiverText };
        return false;
      }
    }
    if (depth < MAX_DEPTH && (tsApi.isIdentifier(callee) || tsApi.isPropertyAccessExpression(callee)) && !isResponseCall(tsApi, node)) {
      const name = getCalleeName(tsApi, node);
      if (name && findRateLimiterName(name) && !isFunctionThrottle(lookup, file, callee)) {
        found = { effect: 'limits', evidence: `calls \`${getAccessPath(tsApi, callee) ?? name}\` (${where(node)})`, limiter: name };
        return false;
      }
      const implementation = resolveImplementation(lookup, file, callee);
      if (implementation.kind === 'function' && implementation.node !== fn && !isInside(implementation.node, fn)) {
        const inner = analyzeLimiterFunction(lookup, implementation.file, implementation.node, depth + 1);
        if (inner.effect === 'limits') {
          found = { ...inner, evidence: `calls \`${getAccessPath(tsApi, callee) ?? name ?? 'a function'}\` (${inner.evidence})` };
          return false;
        }
      } else if (implementation.kind === 'package') {
        const verdict = classifyPackageUse(tsApi, implementation, callee);
        if (verdict) {
          found = verdict;
          return false;
        }
      }
    }
    return undefined;
  });
  return found ?? { effect: 'none', evidence: 'neither consumes a limiter nor answers 429' };
}

/** `_.throttle(fn, 100)`, `throttle(fn)` from lodash: limits a function in this process, not the clients. */
function isFunctionThrottle(lookup: AuthLookup, file: ts.SourceFile, callee: ts.Expression): boolean {
  const implementation = resolveImplementation(lookup, file, callee);
  return implementation.kind === 'package' && FUNCTION_THROTTLE_MODULES.some((m) => isPackageSpecifier(implementation.module, m));
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end && node.getSourceFile() === container.getSourceFile();
}

/**
 * A 429 name used to answer, not to test an upstream answer: `new ThrottlerException()`,
 * `reply.tooManyRequests()`, `res.status(HttpStatus.TOO_MANY_REQUESTS)`,
 * `new HttpException('...', HttpStatus.TOO_MANY_REQUESTS)`; not `if (e.status === HttpStatus.TOO_MANY_REQUESTS)`.
 */
function isTooManyRequestsAnswer(tsApi: TsApi, identifier: ts.Identifier): boolean {
  let node: ts.Node = identifier;
  if (tsApi.isPropertyAccessExpression(node.parent) && node.parent.name === node) node = node.parent;
  const parent = node.parent;
  if ((tsApi.isNewExpression(parent) || tsApi.isCallExpression(parent)) && parent.expression === node) return true;
  if (tsApi.isCallExpression(parent) || tsApi.isNewExpression(parent)) {
    const name = getCalleeName(tsApi, parent);
    return name !== undefined && /^(?:status|code|sendStatus|writeHead)$|error|exception/i.test(name);
  }
  return tsApi.isPropertyAssignment(parent) && /^(?:status|statusCode|code)$/.test(getPropertyNameText(tsApi, parent.name) ?? '');
}

/** `res.status(429)`, `reply.code(429)`, `sendStatus(429)`, `createError(429, ...)`, `{ statusCode: 429 }`, `statusCode = 429`. */
function isStatusUse(tsApi: TsApi, literal: ts.NumericLiteral): boolean {
  const parent = literal.parent;
  if (tsApi.isCallExpression(parent) || tsApi.isNewExpression(parent)) {
    const name = getCalleeName(tsApi, parent);
    return name !== undefined && /^(?:status|code|sendStatus|writeHead)$|error|exception/i.test(name);
  }
  if (tsApi.isPropertyAssignment(parent)) return /^(?:status|statusCode|code)$/.test(getPropertyNameText(tsApi, parent.name) ?? '');
  if (tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) {
    const left = skipOuterExpressions(tsApi, parent.left);
    return tsApi.isPropertyAccessExpression(left) && /^(?:status|statusCode)$/.test(left.name.text);
  }
  return false;
}

/** Calls on the response (`res.json`, `reply.send`) and loggers: never limiters themselves. */
function isResponseCall(tsApi: TsApi, call: ts.CallExpression): boolean {
  const name = getCalleeName(tsApi, call);
  return name !== undefined && /^(?:json|send|end|status|code|header|set|type|redirect|render|sendStatus|next|log|info|warn|error|debug)$/.test(name);
}

/** A guard class: its name, its base class (`extends ThrottlerGuard`), its `canActivate`. */
function analyzeClass(lookup: AuthLookup, file: ts.SourceFile, cls: ts.ClassLikeDeclaration, depth: number): RateLimitVerdict {
  const tsApi = lookup.ts;
  const name = cls.name?.text;
  if (name && findRateLimiterName(name)) return { effect: 'limits', evidence: `named \`${name}\``, limiter: name };
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token !== tsApi.SyntaxKind.ExtendsKeyword) continue;
    const base = clause.types[0]?.expression;
    if (!base) continue;
    const verdict = classify(lookup, file, base, depth + 1);
    if (verdict.effect === 'limits') return { ...verdict, evidence: `extends ${verdict.evidence}`, limiter: name ?? verdict.limiter };
  }
  for (const member of cls.members) {
    if (tsApi.isMethodDeclaration(member) && member.body && /^(?:canActivate|use|intercept)$/.test(getPropertyNameText(tsApi, member.name) ?? '')) {
      const verdict = analyzeLimiterFunction(lookup, file, member, depth + 1);
      if (verdict.effect === 'limits') return { ...verdict, limiter: name ?? verdict.limiter };
    }
  }
  return { effect: 'none', evidence: `\`${name ?? 'class'}\` does not limit the rate` };
}

