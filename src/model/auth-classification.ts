/**
 * What a chain item does for access control: `authentication`, `authorization`, `none`, or
 * `unknown` (code the analysis cannot read whose name or module suggests auth).
 *
 * Evidence, strongest first:
 * 1. the user's `authMiddleware` setting (names or `/regex/`);
 * 2. the package catalog (`passport.authenticate(...)`, `expressjwt(...)`, `requiresAuth()`,
 *    `AuthGuard('jwt')`, `@fastify/bearer-auth`), including options that switch it off
 *    (`auth({ authRequired: false })`), and packages known to be something else (`helmet`, `cors`);
 * 3. names applications give their auth (`requireAuth`, `fastify.authenticate`, `JwtAuthGuard`,
 *    `requireRole('admin')`), and names of look-alikes that are not auth (`optionalAuth`,
 *    `ThrottlerGuard`, `csrfProtection`);
 * 4. behaviour, when the code is readable here or through the project index: the function rejects
 *    with 401/403 (`res.status(401)`, `reply.code(403)`, `throw new UnauthorizedException()`,
 *    `reply.unauthorized()`, `next(createError(401))`) or verifies a credential (`jwt.verify`,
 *    `request.jwtVerify()`, `verifyIdToken`) or calls something that is auth; a factory's body counts
 *    for the middleware it returns; a guard class counts by its `canActivate` and base class;
 * 5. otherwise, an unread item whose name or module reads like auth is `unknown`, anything else `none`.
 */
import type * as ts from 'typescript';
import { createVerdictCache } from './verdict-cache.js';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import type { ResolvedSettings } from '../settings/schema.js';
import { matchesNameList } from '../settings/schema.js';
import { getAccessPath, getCalleeName, getObjectPropertyValue, getPropertyNameText, getShortText, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants } from '../core/walk.js';
import {
  AUTH_REJECTION_NAME_PATTERN,
  AUTH_STATUS_CONSTANT_PATTERN,
  AUTH_SUSPECT_PATTERN,
  findAuthName,
  findAuthPackage,
  findNonAuthPackage,
  findTokenVerification,
  getStatusEffect,
  isNonAuthName,
  OPTIONAL_AUTH_NAME,
  type AuthEffect,
} from '../catalog/auth.js';
import { REFLECTOR_READ_METHODS } from '../catalog/nest.js';
import { resolveImplementation, type Implementation } from './implementation.js';
import { resolveConstValue } from './const-value.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type AuthVerdictEffect = AuthEffect | 'unknown';

export interface AuthVerdict {
  readonly effect: AuthVerdictEffect;
  /** Why, for the inventory and messages: `passport.authenticate (passport)`, `answers 401`. */
  readonly evidence: string;
  /** Set when the verdict comes from code that rejects the request itself (401/403), not only verifies. */
  readonly rejects?: boolean;
  /** Set when a catalog row of a known package decided the verdict (`@fastify/jwt` registration: setup, not a guard). */
  readonly fromCatalog?: boolean;
  /**
   * Set on an optional authentication (`auth.optional`, `credentialsRequired: false`, `optionalAuth`,
   * a passport guard whose `handleRequest` lets a missing user through): it identifies a caller who
   * sends a credential and serves anonymous ones on purpose. Effect `none`.
   */
  readonly optional?: boolean;
}

export interface AuthLookup {
  readonly ts: TsApi;
  readonly project?: ProjectIndex;
  readonly settings: ResolvedSettings;
}

const MAX_DEPTH = 4;
/** Objects that hold auth middleware (`auth.required`, `jwtGuard.check`). */
const AUTH_OBJECT_NAME = /^(?:auth|authn|authentication|jwt|jwtAuth|token|passport|session|security|guards?|authGuard|authMiddleware)$/i;
/** Members of such objects that reject anonymous requests. */
const GENERIC_GUARD_MEMBER = /^(?:required|require|requireAuth|ensure|check|verify|protect|guard|mandatory|authenticated|authenticate|loggedIn|isAuthenticated|user)$/;
const getCache = createVerdictCache<AuthVerdict>();
const behaviourCacheKey = {};
const fileModeBehaviour = new FileScopedWeakMap<ts.Node, AuthVerdict>();

/** The verdict of an expression used as middleware, hook or guard, written in `file`. */
export function classifyAuthExpression(lookup: AuthLookup, file: ts.SourceFile, node: ts.Expression): AuthVerdict {
  const cache = getCache(lookup);
  let verdict = cache.get(node);
  if (!verdict) {
    verdict = classify(lookup, file, node, 0);
    cache.set(node, verdict);
  }
  return verdict;
}

/** True for verdicts that protect a route. */
export function isProtectingEffect(effect: AuthVerdictEffect): boolean {
  return effect === 'authentication' || effect === 'authorization';
}

function classify(lookup: AuthLookup, file: ts.SourceFile, node: ts.Expression, depth: number): AuthVerdict {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, node);
  if (depth > MAX_DEPTH) return { effect: 'unknown', evidence: 'too many indirections' };
  if (tsApi.isSpreadElement(expr)) {
    const inner = classify(lookup, file, expr.expression, depth + 1);
    return inner.effect === 'none' && !isReadable(lookup, file, expr.expression)
      ? suspectOrNone(getShortName(tsApi, expr.expression), undefined, 'spread of values the analysis cannot list')
      : inner;
  }
  if (tsApi.isArrayLiteralExpression(expr)) return combineAny(expr.elements.map((e) => classify(lookup, file, e, depth + 1)));
  if (tsApi.isConditionalExpression(expr)) {
    return combineAll([classify(lookup, file, expr.whenTrue, depth + 1), classify(lookup, file, expr.whenFalse, depth + 1)]);
  }
  // `expressjwt({...}).unless({ path: [...] })`: the guard, minus the paths it lists.
  if (tsApi.isCallExpression(expr)) {
    const callee = skipOuterExpressions(tsApi, expr.expression);
    if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'unless') {
      const inner = classify(lookup, file, callee.expression, depth + 1);
      return inner.effect === 'none' ? inner : { ...inner, evidence: `${inner.evidence}, except the paths in \`unless\`` };
    }
    const composed = classifyFastifyAuthComposition(lookup, file, expr, depth);
    if (composed) return composed;
  }
  const names = getItemNames(tsApi, expr);
  // 1. settings
  const configured = names.find((name) => matchesNameList(name, lookup.settings.authMiddleware));
  if (configured) return { effect: 'authentication', evidence: `\`${configured}\` is listed in the authMiddleware setting` };
  // 2. packages
  const implementation = resolveImplementation(lookup, file, expr);
  if (implementation.kind === 'package') {
    const verdict = classifyPackageUse(tsApi, implementation, getConstantMemberValue(lookup, file, expr) ?? expr);
    if (verdict) return verdict;
  }
  // A passport guard whose `handleRequest` lets a missing user through, whatever its name says.
  if (implementation.kind === 'class') {
    const optional = describeOptionalPassportGuard(tsApi, implementation.node);
    if (optional) return optional;
  }
  // 3. names
  const last = names[names.length - 1];
  const owner = names.length >= 2 ? names[names.length - 2]! : undefined;
  // `auth.required`, `jwt.check`, `passport.protect`: a generic verb on an auth object; `auth.optional` is not.
  if (last !== undefined && owner !== undefined && AUTH_OBJECT_NAME.test(owner)) {
    if (/^optional/i.test(last)) return { effect: 'none', evidence: `\`${owner}.${last}\` lets anonymous requests through`, optional: true };
    if (GENERIC_GUARD_MEMBER.test(last)) return { effect: 'authentication', evidence: `named \`${owner}.${last}\`` };
  }
  if (last !== undefined) {
    // A look-alike name (`optionalAuth`, `loadUser`) is trusted unless its code is readable: then
    // the code decides. CSRF checks answer 403 too, so their names always win.
    const readableCode = implementation.kind === 'function' || implementation.kind === 'class';
    if (isNonAuthName(last) && (!readableCode || /csrf|xsrf/i.test(last))) {
      return { effect: 'none', evidence: `\`${last}\` names something else than auth`, ...(OPTIONAL_AUTH_NAME.test(last) ? { optional: true } : {}) };
    }
    const row = isNonAuthName(last) ? undefined : findAuthName(last);
    if (row) return { effect: row.effect, evidence: `named \`${last}\`` };
  }
  // 4. behaviour
  if (last !== undefined && isNonAuthName(last)) {
    // A look-alike (`optionalAuth` verifies a token when there is one) counts only if it rejects.
    const verdict = implementation.kind === 'function' ? analyzeFunction(lookup, implementation.file, implementation.node, depth) : implementation.kind === 'class' ? analyzeClass(lookup, implementation.file, implementation.node, depth) : undefined;
    return verdict?.rejects ? verdict : { effect: 'none', evidence: `\`${last}\` does not reject requests`, ...(OPTIONAL_AUTH_NAME.test(last) ? { optional: true } : {}) };
  }
  switch (implementation.kind) {
    case 'function':
      return analyzeFunction(lookup, implementation.file, implementation.node, depth);
    case 'class':
      return analyzeClass(lookup, implementation.file, implementation.node, depth);
    case 'expression':
      return implementation.node === expr ? { effect: 'none', evidence: 'not a function' } : classify(lookup, implementation.file, implementation.node, depth + 1);
    case 'package':
      // A package's own naming (`lusca.xssProtection`) says little; its module name decides.
      return suspectOrNone(undefined, implementation.module, `from the package \`${implementation.module}\``);
    case 'unread':
      return suspectOrNone(last, implementation.module, `imported from \`${implementation.module}\`, not read`);
    case 'unknown':
      return suspectOrNone(last, undefined, implementation.reason);
  }
}

function isReadable(lookup: AuthLookup, file: ts.SourceFile, node: ts.Expression): boolean {
  const kind = resolveImplementation(lookup, file, node).kind;
  return kind === 'function' || kind === 'class' || kind === 'expression';
}

/** An item whose code is not readable: `unknown` when its name or module suggests auth. */
function suspectOrNone(name: string | undefined, module: string | undefined, why: string): AuthVerdict {
  if ((name && AUTH_SUSPECT_PATTERN.test(name) && !isNonAuthName(name)) || (module && AUTH_SUSPECT_PATTERN.test(module.replace(/^.*\//, '')))) {
    return { effect: 'unknown', evidence: `${name ? `\`${name}\`` : 'it'} may be auth (${why})` };
  }
  return { effect: 'none', evidence: why };
}

function classifyPackageUse(tsApi: TsApi, implementation: Extract<Implementation, { kind: 'package' }>, expr: ts.Expression): AuthVerdict | undefined {
  const member = implementation.member?.split('.')[0];
  const row = findAuthPackage(implementation.module, implementation.imported, member);
  if (row) {
    if (row.disabledBy && isOptionDisabled(tsApi, expr, row.disabledBy)) {
      return { effect: 'none', evidence: `\`${row.disabledBy}: false\` turns off ${implementation.module}`, optional: true };
    }
    return { effect: row.effect, evidence: `${row.name} (${implementation.module})`, fromCatalog: true };
  }
  if (findNonAuthPackage(implementation.module)) return { effect: 'none', evidence: `from \`${implementation.module}\`` };
  return undefined;
}

/**
 * The expression a constant object's member holds (`auth.optional` with `const auth = { optional:
 * jwt({ credentialsRequired: false }) }`), so the options of the call it holds are read.
 */
function getConstantMemberValue(lookup: AuthLookup, file: ts.SourceFile, expr: ts.Expression): ts.Expression | undefined {
  const tsApi = lookup.ts;
  const member = skipOuterExpressions(tsApi, expr);
  if (!tsApi.isPropertyAccessExpression(member) && !tsApi.isElementAccessExpression(member)) return undefined;
  const value = resolveConstValue({ ts: tsApi, file, project: lookup.project }, member);
  return value.kind === 'value' && value.expression !== member ? value.expression : undefined;
}

/** True when a call passes `{ [option]: false }`. */
function isOptionDisabled(tsApi: TsApi, expr: ts.Expression, option: string): boolean {
  const call = skipOuterExpressions(tsApi, expr);
  if (!tsApi.isCallExpression(call)) return false;
  for (const arg of call.arguments) {
    const object = skipOuterExpressions(tsApi, arg);
    if (!tsApi.isObjectLiteralExpression(object)) continue;
    const value = getObjectPropertyValue(tsApi, object, option);
    if (value && value.kind === tsApi.SyntaxKind.FalseKeyword) return true;
  }
  return false;
}

/** Names that describe an item, outermost last: `passport.authenticate('jwt')` gives `passport`, `authenticate`. */
function getItemNames(tsApi: TsApi, expr: ts.Expression): string[] {
  let target = expr;
  if (tsApi.isCallExpression(target) || tsApi.isNewExpression(target)) target = skipOuterExpressions(tsApi, target.expression);
  // `requireRole('admin')()` or `AuthGuard('jwt')` used as a class
  if (tsApi.isCallExpression(target)) target = skipOuterExpressions(tsApi, target.expression);
  const path = getAccessPath(tsApi, target);
  if (path === undefined) return [];
  return path.split('.').map((part) => part.replace(/\(\)$/, '')).filter((part) => part.length > 0);
}

function getShortName(tsApi: TsApi, expr: ts.Expression): string | undefined {
  const names = getItemNames(tsApi, skipOuterExpressions(tsApi, expr));
  return names[names.length - 1];
}

/**
 * @fastify/auth's `fastify.auth([verifyJwt, verifyApiKey], { relation })` protects as its strategies
 * do: with `or`, the default, a request passes when any one strategy passes, so every one must
 * reject; with `and`, one that rejects suffices. A relation that is not a literal reads as `or`.
 */
function classifyFastifyAuthComposition(lookup: AuthLookup, file: ts.SourceFile, call: ts.CallExpression, depth: number): AuthVerdict | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  const list = call.arguments[0] ? skipOuterExpressions(tsApi, call.arguments[0]) : undefined;
  if (!tsApi.isPropertyAccessExpression(callee) || callee.name.text !== 'auth' || !list || !tsApi.isArrayLiteralExpression(list) || list.elements.length === 0) return undefined;
  const options = call.arguments[1] ? skipOuterExpressions(tsApi, call.arguments[1]) : undefined;
  const relationValue = options && tsApi.isObjectLiteralExpression(options) ? getObjectPropertyValue(tsApi, options, 'relation') : undefined;
  const relation = relationValue && tsApi.isStringLiteralLike(skipOuterExpressions(tsApi, relationValue)) ? (skipOuterExpressions(tsApi, relationValue) as ts.StringLiteralLike).text : 'or';
  const strategies = list.elements.map((element) => {
    const verdict = classify(lookup, file, element, depth + 1);
    // A strategy fails by throwing (or calling `done(error)`), whatever the error: one that can fail
    // rejects some requests, which ones the analysis does not tell (`if (method === 'GET') return`).
    return verdict.effect === 'none' && !verdict.optional && strategyCanFail(lookup, file, element)
      ? { effect: 'unknown' as const, evidence: `\`${getShortText(file, element, 40)}\` rejects some requests` }
      : verdict;
  });
  const combined = relation === 'and' ? combineAny(strategies) : combineAll(strategies);
  const text = getShortText(file, call, 50);
  return { ...combined, evidence: `\`${text}\` (${relation === 'and' ? 'every strategy must pass' : 'any one strategy lets a request through'}): ${combined.evidence}` };
}

/** True when a @fastify/auth strategy's code throws or calls its `done` callback with an error. */
function strategyCanFail(lookup: AuthLookup, file: ts.SourceFile, element: ts.Expression): boolean {
  const tsApi = lookup.ts;
  const implementation = resolveImplementation(lookup, file, element);
  if (implementation.kind !== 'function' || !implementation.node.body) return false;
  const fn = implementation.node;
  const done = fn.parameters[2] && tsApi.isIdentifier(fn.parameters[2].name) ? fn.parameters[2].name.text : undefined;
  let fails = false;
  walkDescendants(tsApi, fn.body!, (node) => {
    if (fails) return false;
    if (node !== fn.body && isFunctionLike(tsApi, node)) return false;
    if (tsApi.isThrowStatement(node)) fails = true;
    if (done && tsApi.isCallExpression(node) && tsApi.isIdentifier(node.expression) && node.expression.text === done && node.arguments.length > 0) fails = true;
    return undefined;
  });
  return fails;
}

function combineAny(verdicts: readonly AuthVerdict[]): AuthVerdict {
  const strongest =
    verdicts.find((v) => v.effect === 'authentication') ??
    verdicts.find((v) => v.effect === 'authorization') ??
    verdicts.find((v) => v.effect === 'unknown');
  return strongest ?? { effect: 'none', evidence: 'no auth among its items' };
}

function combineAll(verdicts: readonly AuthVerdict[]): AuthVerdict {
  const none = verdicts.find((v) => v.effect === 'none');
  if (none) return none;
  return verdicts.find((v) => v.effect === 'unknown') ?? verdicts[0]!;
}

// ---- behaviour ---------------------------------------------------------------------------------

function getBehaviourCache(lookup: AuthLookup): WeakMap<ts.Node, AuthVerdict> {
  if (!lookup.project) return fileModeBehaviour;
  return lookup.project.memo(behaviourCacheKey, () => new WeakMap<ts.Node, AuthVerdict>());
}

/** Whether a function (or a factory whose returned function is the middleware) rejects or verifies. */
export function analyzeFunction(lookup: AuthLookup, file: ts.SourceFile, fn: ts.FunctionLikeDeclaration, depth: number): AuthVerdict {
  const cache = getBehaviourCache(lookup);
  const cached = cache.get(fn);
  if (cached) return cached;
  // Cycles end as `none` while the function is being analyzed.
  cache.set(fn, { effect: 'none', evidence: 'recursive' });
  const verdict = analyzeBody(lookup, file, fn, depth);
  cache.set(fn, verdict);
  return verdict;
}

function analyzeBody(lookup: AuthLookup, file: ts.SourceFile, fn: ts.FunctionLikeDeclaration, depth: number): AuthVerdict {
  const tsApi = lookup.ts;
  if (isErrorHandlerShape(tsApi, fn)) return { effect: 'none', evidence: 'an error handler' };
  const body = fn.body;
  if (!body) return { effect: 'none', evidence: 'no body' };
  let found: AuthVerdict | undefined;
  let authorization: AuthVerdict | undefined;
  const where = (node: ts.Node): string => `${baseName(file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  const note = (verdict: AuthVerdict): void => {
    if (verdict.effect === 'authentication') found ??= verdict;
    else if (verdict.effect === 'authorization') authorization ??= verdict;
  };
  const handlerCall = getInterceptorNextName(tsApi, fn);
  walkDescendants(tsApi, body, (node) => {
    if (found) return false;
    // `next.handle().pipe(map((data) => hasRole(user, 'ADMIN') ? data : redact(data)))`: runs after the
    // handler, on its answer; what it checks there decides what is shown, not who gets in.
    if (handlerCall && isFunctionLike(tsApi, node) && runsOnHandlerResult(tsApi, node, handlerCall)) return false;
    if (tsApi.isCallExpression(node) || tsApi.isNewExpression(node)) {
      const status = getRejectionStatus(tsApi, node);
      if (status !== undefined) {
        const effect = getStatusEffect(status);
        if (effect) note({ effect, evidence: `answers ${status} (${where(node)})`, rejects: true });
      }
      const name = getCalleeName(tsApi, node);
      if (name && AUTH_REJECTION_NAME_PATTERN.test(name)) {
        note({ effect: /forbidden|permission|access/i.test(name) ? 'authorization' : 'authentication', evidence: `rejects with \`${name}\` (${where(node)})`, rejects: true });
      }
      if (tsApi.isCallExpression(node) && name) {
        const receiver = tsApi.isPropertyAccessExpression(skipOuterExpressions(tsApi, node.expression))
          ? getAccessPath(tsApi, (skipOuterExpressions(tsApi, node.expression) as ts.PropertyAccessExpression).expression) ?? ''
          : '';
        // `passport.authenticate('jwt', (err, user) => { if (user) req.user = user; next(); })`: with a
        // callback, passport rejects nothing itself; what the callback answers decides (walked below).
        const verification = findTokenVerification(name, receiver);
        if (verification) {
          if (!hasCallbackThatNeverRejects(tsApi, node, name)) note({ effect: 'authentication', evidence: `verifies a credential with \`${receiver ? `${receiver}.` : ''}${name}\` (${where(node)})` });
        } else if (depth < MAX_DEPTH && !isResponseCall(tsApi, node)) {
          const inner = classifyCallee(lookup, file, node, depth);
          if (inner && (inner.effect === 'authentication' || inner.effect === 'authorization') && !hasCallbackThatNeverRejects(tsApi, node, name)) {
            note({ effect: inner.effect, evidence: `calls \`${getCalleeText(tsApi, node)}\` (${inner.evidence})` });
          }
        }
      }
      return undefined;
    }
    if (tsApi.isBinaryExpression(node) && node.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) {
      const left = skipOuterExpressions(tsApi, node.left);
      if (tsApi.isPropertyAccessExpression(left) && (left.name.text === 'statusCode' || left.name.text === 'status')) {
        const status = readStatus(tsApi, node.right);
        const effect = status === undefined ? undefined : getStatusEffect(status);
        if (effect) note({ effect, evidence: `answers ${status} (${where(node)})`, rejects: true });
      }
    }
    if (tsApi.isPropertyAssignment(node)) {
      const key = getPropertyNameText(tsApi, node.name);
      if (key === 'status' || key === 'statusCode') {
        const status = readStatus(tsApi, node.initializer);
        const effect = status === undefined ? undefined : getStatusEffect(status);
        if (effect && isInRejection(tsApi, node)) note({ effect, evidence: `rejects with status ${status} (${where(node)})`, rejects: true });
      }
    }
    return undefined;
  });
  return found ?? authorization ?? { effect: 'none', evidence: `\`${baseName(file.fileName)}\` code neither rejects nor verifies a credential` };
}

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '');
}

/** `(err, req, res, next)`: an Express error handler, which runs only after an error. */
function isErrorHandlerShape(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): boolean {
  if (fn.parameters.length !== 4) return false;
  const first = fn.parameters[0]!;
  return tsApi.isIdentifier(first.name) && /^(?:err|error|e|ex|exception)$/i.test(first.name.text);
}

/** `res.status(401)`, `reply.code(403)`, `res.sendStatus(401)`, `createError(401)`, `new HttpError(401, ...)`. */
function getRejectionStatus(tsApi: TsApi, node: ts.CallExpression | ts.NewExpression): number | undefined {
  const name = getCalleeName(tsApi, node);
  if (!name) return undefined;
  const args = node.arguments ?? [];
  if (/^(?:status|code|sendStatus|writeHead)$/.test(name)) return args[0] ? readStatus(tsApi, args[0]) : undefined;
  if (/error|exception|fail|reject|deny|abort|throw/i.test(name)) {
    for (const arg of args) {
      const status = readStatus(tsApi, arg);
      if (status !== undefined && getStatusEffect(status)) return status;
    }
  }
  return undefined;
}

function readStatus(tsApi: TsApi, node: ts.Expression): number | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isNumericLiteral(expr)) return Number(expr.text);
  if (tsApi.isPropertyAccessExpression(expr) && AUTH_STATUS_CONSTANT_PATTERN.test(expr.name.text)) {
    return /forbidden/i.test(expr.name.text) ? 403 : 401;
  }
  return undefined;
}

/** A `{ status: 401 }` inside a `throw`, a `next(...)`, a `reject(...)` or a response call. */
function isInRejection(tsApi: TsApi, node: ts.Node): boolean {
  for (let current = node.parent; current && !isFunctionLike(tsApi, current); current = current.parent) {
    if (tsApi.isThrowStatement(current)) return true;
    if (tsApi.isCallExpression(current)) {
      const name = getCalleeName(tsApi, current);
      if (name && /^(?:next|done|reject|send|json|status|code)$/.test(name)) return true;
    }
  }
  return false;
}

/** Calls on the response (`res.json`, `reply.send`): never auth themselves. */
function isResponseCall(tsApi: TsApi, call: ts.CallExpression): boolean {
  const name = getCalleeName(tsApi, call);
  return name !== undefined && /^(?:json|send|end|status|code|header|set|type|redirect|render|sendStatus|next|log|info|warn|error|debug)$/.test(name);
}

function getCalleeText(tsApi: TsApi, call: ts.CallExpression): string {
  return getAccessPath(tsApi, call.expression) ?? getCalleeName(tsApi, call) ?? 'a function';
}

/**
 * The verdict of what a call inside a middleware calls: by name and package first, then, for
 * functions and classes the analysis can read, by their own behaviour.
 */
function classifyCallee(lookup: AuthLookup, file: ts.SourceFile, call: ts.CallExpression, depth: number): AuthVerdict | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  // `passport.authenticate('jwt', ...)(req, res, next)`
  if (tsApi.isCallExpression(callee)) return classify(lookup, file, callee, depth + 1);
  const names = getItemNames(tsApi, callee);
  const last = names[names.length - 1];
  if (last && matchesNameList(last, lookup.settings.authMiddleware)) return { effect: 'authentication', evidence: 'authMiddleware setting' };
  if (last && !isNonAuthName(last)) {
    const row = findAuthName(last);
    if (row) return { effect: row.effect, evidence: `named \`${last}\`` };
  }
  if (!tsApi.isIdentifier(callee) && !tsApi.isPropertyAccessExpression(callee)) return undefined;
  if (tsApi.isIdentifier(callee) && !isDeclaredFunction(tsApi, file, callee)) return undefined;
  const implementation = resolveImplementation(lookup, file, callee);
  if (implementation.kind === 'function' && implementation.node !== getEnclosing(tsApi, call)) {
    return analyzeFunction(lookup, implementation.file, implementation.node, depth + 1);
  }
  if (implementation.kind === 'package') return classifyPackageUse(tsApi, implementation, call);
  return undefined;
}

function isDeclaredFunction(tsApi: TsApi, file: ts.SourceFile, identifier: ts.Identifier): boolean {
  const binding = resolveIdentifier(tsApi, identifier);
  if (!binding) return false;
  if (getFileBindings(tsApi, file).imports.has(identifier.text)) return true;
  const declaration = binding.declaration;
  return tsApi.isFunctionDeclaration(declaration) || (tsApi.isVariableDeclaration(declaration) && declaration.initializer !== undefined && getRequiredModule(tsApi, declaration.initializer) === undefined);
}

function getEnclosing(tsApi: TsApi, node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) return current;
  }
  return undefined;
}

/** A guard class: its name, its base class (`extends AuthGuard('jwt')`), its `canActivate`. */
function analyzeClass(lookup: AuthLookup, file: ts.SourceFile, cls: ts.ClassLikeDeclaration, depth: number): AuthVerdict {
  const tsApi = lookup.ts;
  const name = cls.name?.text;
  if (name && isNonAuthName(name)) return { effect: 'none', evidence: `\`${name}\` names something else than auth` };
  const optional = describeOptionalPassportGuard(tsApi, cls);
  if (optional) return optional;
  if (name) {
    const row = findAuthName(name);
    if (row) return { effect: row.effect, evidence: `named \`${name}\`` };
  }
  let extendsLimiter: string | undefined;
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token !== tsApi.SyntaxKind.ExtendsKeyword) continue;
    const base = clause.types[0]?.expression;
    if (!base) continue;
    const verdict = classify(lookup, file, base, depth + 1);
    if (isProtectingEffect(verdict.effect)) return { effect: verdict.effect, evidence: `extends ${verdict.evidence}` };
    const baseName = tsApi.isIdentifier(base) ? base.text : tsApi.isPropertyAccessExpression(base) ? base.name.text : undefined;
    if (baseName && isNonAuthName(baseName)) extendsLimiter = baseName;
  }
  for (const member of cls.members) {
    if ((tsApi.isMethodDeclaration(member) && /^(?:canActivate|use|intercept)$/.test(getPropertyNameText(tsApi, member.name) ?? '')) && member.body) {
      // `if (!this.reflector.get('feature', handler)) return true`: acts only on routes that carry the metadata.
      const optIn = getOptInMetadataRead(tsApi, member);
      if (optIn) {
        return { effect: 'unknown', evidence: `\`${name ?? 'class'}.${getPropertyNameText(tsApi, member.name)}\` lets every request through unless the route carries \`${optIn}\`` };
      }
      // `if (!request.headers['impersonation-id']) return true;` before any rejection: a request that
      // carries nothing gets through, so whatever the guard refuses later, it authenticates nobody.
      const passage = getMethodName(tsApi, member) === 'canActivate' ? findBareRequestPassage(tsApi, member) : undefined;
      if (passage) return { effect: 'none', evidence: `\`${name ?? 'guard'}.canActivate\` lets a request without ${passage} through` };
      const verdict = analyzeFunction(lookup, file, member, depth + 1);
      if (verdict.effect !== 'none') return verdict;
      // A rate limiter's subclass deciding through `super.canActivate` limits; it does not authenticate.
      if (getPropertyNameText(tsApi, member.name) === 'canActivate' && !extendsLimiter && returnsNonTrivially(tsApi, member)) {
        return { effect: 'authorization', evidence: `\`${name ?? 'guard'}.canActivate\` decides access` };
      }
    }
  }
  return { effect: 'none', evidence: `\`${name ?? 'class'}\` neither rejects nor verifies a credential` };
}

/**
 * `class OptionalJwtGuard extends AuthGuard('jwt') { handleRequest(err, user) { return user ?? null; } }`:
 * passport's `handleRequest` is what rejects a request without a user; an override that neither
 * throws nor hands over to `super.handleRequest` lets every request through.
 */
function describeOptionalPassportGuard(tsApi: TsApi, cls: ts.ClassLikeDeclaration): AuthVerdict | undefined {
  if (!cls.heritageClauses?.some((clause) => clause.token === tsApi.SyntaxKind.ExtendsKeyword)) return undefined;
  const method = cls.members.find(
    (member): member is ts.MethodDeclaration => tsApi.isMethodDeclaration(member) && getPropertyNameText(tsApi, member.name) === 'handleRequest' && member.body !== undefined,
  );
  if (!method) return undefined;
  let rejects = false;
  walkDescendants(tsApi, method.body!, (node) => {
    if (rejects) return false;
    if (isFunctionLike(tsApi, node)) return false;
    if (tsApi.isThrowStatement(node)) rejects = true;
    if (tsApi.isCallExpression(node) && tsApi.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === tsApi.SyntaxKind.SuperKeyword) rejects = true;
    return undefined;
  });
  if (rejects) return undefined;
  return { effect: 'none', evidence: `\`${cls.name?.text ?? 'guard'}.handleRequest\` never rejects, so requests without a valid credential pass`, optional: true };
}

/**
 * The metadata an opt-in guard or interceptor acts on: its method starts by letting the request
 * through when a `Reflector` read finds nothing (`if (!enabled) return true`, `if (feature ===
 * undefined) return next.handle()`), so it restricts only routes that carry the metadata. The
 * metadata's key, as written; undefined for any other shape (`if (isPublic) return true` is an opt-out).
 */
function getOptInMetadataRead(tsApi: TsApi, method: ts.MethodDeclaration): string | undefined {
  const statements = method.body?.statements ?? [];
  const reads = new Map<string, ts.CallExpression>();
  for (const statement of statements) {
    if (tsApi.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer ? skipOuterExpressions(tsApi, declaration.initializer) : undefined;
        const call = init && tsApi.isAwaitExpression(init) ? skipOuterExpressions(tsApi, init.expression) : init;
        if (call && tsApi.isCallExpression(call) && isReflectorRead(tsApi, call) && tsApi.isIdentifier(declaration.name)) reads.set(declaration.name.text, call);
      }
      continue;
    }
    if (!tsApi.isIfStatement(statement) || statement.elseStatement || !passesThrough(tsApi, statement.thenStatement)) return undefined;
    const tested = getAbsenceTest(tsApi, statement.expression);
    if (!tested) return undefined;
    const inner = skipOuterExpressions(tsApi, tested);
    const read = tsApi.isIdentifier(inner) ? reads.get(inner.text) : tsApi.isCallExpression(inner) && isReflectorRead(tsApi, inner) ? inner : undefined;
    if (!read) return undefined;
    const key = read.arguments[0];
    return key ? getShortText(method.getSourceFile(), key, 40) : 'its metadata';
  }
  return undefined;
}

function isReflectorRead(tsApi: TsApi, call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || !REFLECTOR_READ_METHODS.includes(callee.name.text)) return false;
  const receiver = getAccessPath(tsApi, callee.expression);
  return receiver !== undefined && /(?:^|\.)reflector$/i.test(receiver);
}

/** `!x`, `x === undefined`, `x == null`, `!x?.length`: the value tested for absence. */
function getAbsenceTest(tsApi: TsApi, condition: ts.Expression): ts.Expression | undefined {
  const expr = skipOuterExpressions(tsApi, condition);
  if (tsApi.isPrefixUnaryExpression(expr) && expr.operator === tsApi.SyntaxKind.ExclamationToken) {
    const operand = skipOuterExpressions(tsApi, expr.operand);
    return tsApi.isPropertyAccessExpression(operand) && operand.name.text === 'length' ? operand.expression : operand;
  }
  if (tsApi.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op !== tsApi.SyntaxKind.EqualsEqualsEqualsToken && op !== tsApi.SyntaxKind.EqualsEqualsToken) return undefined;
    const right = skipOuterExpressions(tsApi, expr.right);
    const empty = right.kind === tsApi.SyntaxKind.NullKeyword || (tsApi.isIdentifier(right) && right.text === 'undefined');
    return empty ? expr.left : undefined;
  }
  return undefined;
}

/** `return true`, `return next.handle()`, `next()`; also alone in a block. */
function passesThrough(tsApi: TsApi, statement: ts.Statement): boolean {
  if (tsApi.isBlock(statement)) return statement.statements.length === 1 && passesThrough(tsApi, statement.statements[0]!);
  if (!tsApi.isReturnStatement(statement) || !statement.expression) return false;
  const value = skipOuterExpressions(tsApi, statement.expression);
  if (value.kind === tsApi.SyntaxKind.TrueKeyword) return true;
  if (!tsApi.isCallExpression(value)) return false;
  const callee = skipOuterExpressions(tsApi, value.expression);
  return (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'handle') || (tsApi.isIdentifier(callee) && callee.text === 'next');
}

/** A call given a callback (`passport.authenticate('jwt', (err, user) => ...)`) that answers no 401 or 403, throws nothing and hands no failure on. */
function hasCallbackThatNeverRejects(tsApi: TsApi, call: ts.CallExpression | ts.NewExpression, name: string): boolean {
  const callback = (call.arguments ?? []).map((arg) => skipOuterExpressions(tsApi, arg)).find((arg) => isFunctionLike(tsApi, arg));
  if (!callback || !isFunctionLike(tsApi, callback) || !callback.body) return false;
  // A verifier's callback error is the failed verification (`jwt.verify(t, s, (err) => next(err))`
  // rejects); passport's is a server error, and a missing user comes as `user === false`.
  const failure = name === 'authenticate' ? undefined : callback.parameters[0];
  let rejects = false;
  walkDescendants(tsApi, callback.body, (node) => {
    if (rejects) return false;
    if (tsApi.isThrowStatement(node)) rejects = true;
    if ((tsApi.isCallExpression(node) || tsApi.isNewExpression(node)) && getRejectionStatus(tsApi, node) !== undefined) rejects = true;
    if (tsApi.isCallExpression(node)) {
      const callee = skipOuterExpressions(tsApi, node.expression);
      // `res.redirect('/login')`, and `next(new UnauthorizedError())` / `done(createError(401))`: a new
      // error handed on (not `next(err)`, which passes passport's own failure along).
      if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'redirect') rejects = true;
      const first = node.arguments[0] ? skipOuterExpressions(tsApi, node.arguments[0]) : undefined;
      if (tsApi.isIdentifier(callee) && first && (tsApi.isNewExpression(first) || tsApi.isCallExpression(first))) rejects = true;
      if (failure && first && tsApi.isIdentifier(first) && resolveIdentifier(tsApi, first)?.declaration === failure) rejects = true;
    }
    return undefined;
  });
  return !rejects;
}

/** The name of `next` in a Nest interceptor's `intercept(context, next)`. */
function getInterceptorNextName(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): string | undefined {
  if (!tsApi.isMethodDeclaration(fn) || getPropertyNameText(tsApi, fn.name) !== 'intercept') return undefined;
  const next = fn.parameters[1];
  return next && tsApi.isIdentifier(next.name) ? next.name.text : undefined;
}

/** A callback handed (through operators such as `map(...)`) to `.pipe(...)` of `next.handle()`. */
function runsOnHandlerResult(tsApi: TsApi, fn: ts.Node, nextName: string): boolean {
  let current: ts.Node = fn;
  for (let i = 0; i < 6; i++) {
    const parent = current.parent;
    if (!parent || !tsApi.isCallExpression(parent) || !parent.arguments.includes(current as ts.Expression)) return false;
    const callee = skipOuterExpressions(tsApi, parent.expression);
    if (tsApi.isPropertyAccessExpression(callee)) {
      const receiver = skipOuterExpressions(tsApi, callee.expression);
      if (tsApi.isCallExpression(receiver)) {
        const inner = skipOuterExpressions(tsApi, receiver.expression);
        if (tsApi.isPropertyAccessExpression(inner) && inner.name.text === 'handle' && tsApi.isIdentifier(inner.expression) && inner.expression.text === nextName) return true;
      }
    }
    current = parent;
  }
  return false;
}

function getMethodName(tsApi: TsApi, member: ts.MethodDeclaration): string | undefined {
  return getPropertyNameText(tsApi, member.name);
}

/** What a request carries that a request without credentials lacks. */
const REQUEST_CARRIED_PARTS: ReadonlySet<string> = new Set(['headers', 'cookies', 'signedCookies', 'user', 'session', 'get', 'header']);

/**
 * The part of the request (`the \`impersonation-id\` header`) whose absence makes `canActivate` return
 * `true` in a top-level `if` before anything in it can reject: `if (!request.headers?.[KEY]) return true;`.
 */
function findBareRequestPassage(tsApi: TsApi, method: ts.MethodDeclaration): string | undefined {
  const requests = new Set<string>();
  for (const param of method.parameters) if (tsApi.isIdentifier(param.name) && /^req(?:uest)?$/.test(param.name.text)) requests.add(param.name.text);
  for (const statement of method.body?.statements ?? []) {
    // const request = context.switchToHttp().getRequest();
    if (tsApi.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer ? skipOuterExpressions(tsApi, declaration.initializer) : undefined;
        if (tsApi.isIdentifier(declaration.name) && init && tsApi.isCallExpression(init) && getCalleeName(tsApi, init) === 'getRequest') requests.add(declaration.name.text);
      }
      continue;
    }
    if (!tsApi.isIfStatement(statement)) return undefined;
    if (!returnsTrueOnly(tsApi, statement.thenStatement)) return undefined;
    if (statement.elseStatement) return undefined;
    const condition = skipOuterExpressions(tsApi, statement.expression);
    if (!tsApi.isPrefixUnaryExpression(condition) || condition.operator !== tsApi.SyntaxKind.ExclamationToken) continue;
    const part = describeCarriedPart(tsApi, condition.operand, requests);
    if (part) return part;
  }
  return undefined;
}

/** `return true;` or `{ return true; }`. */
function returnsTrueOnly(tsApi: TsApi, statement: ts.Statement): boolean {
  const inner = tsApi.isBlock(statement) && statement.statements.length === 1 ? statement.statements[0]! : statement;
  return tsApi.isReturnStatement(inner) && inner.expression !== undefined && skipOuterExpressions(tsApi, inner.expression).kind === tsApi.SyntaxKind.TrueKeyword;
}

/** `request.headers?.[KEY]`, `request.get('x-token')`, `request.user`: what it reads, when rooted at the request. */
function describeCarriedPart(tsApi: TsApi, node: ts.Expression, requests: ReadonlySet<string>): string | undefined {
  let expr = skipOuterExpressions(tsApi, node);
  let part: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < 8; i++) {
    if (tsApi.isCallExpression(expr)) {
      const arg = expr.arguments[0];
      if (arg && tsApi.isStringLiteralLike(skipOuterExpressions(tsApi, arg))) key = (skipOuterExpressions(tsApi, arg) as ts.StringLiteralLike).text;
      expr = skipOuterExpressions(tsApi, expr.expression);
      continue;
    }
    if (tsApi.isElementAccessExpression(expr)) {
      const arg = skipOuterExpressions(tsApi, expr.argumentExpression);
      if (tsApi.isStringLiteralLike(arg)) key = arg.text;
      expr = skipOuterExpressions(tsApi, expr.expression);
      continue;
    }
    if (tsApi.isPropertyAccessExpression(expr)) {
      const owner = skipOuterExpressions(tsApi, expr.expression);
      if (tsApi.isIdentifier(owner) && requests.has(owner.text)) {
        part = expr.name.text;
        break;
      }
      key = expr.name.text;
      expr = owner;
      continue;
    }
    return undefined;
  }
  if (!part || !REQUEST_CARRIED_PARTS.has(part)) return undefined;
  if (part === 'user' || part === 'session') return `a \`${part}\``;
  const kind = part === 'cookies' || part === 'signedCookies' ? 'cookie' : 'header';
  return key ? `the \`${key}\` ${kind}` : `the ${kind} it reads`;
}

/** A `canActivate` that can return something other than a constant `true`. */
function returnsNonTrivially(tsApi: TsApi, method: ts.MethodDeclaration): boolean {
  let nonTrivial = false;
  walkDescendants(tsApi, method.body!, (node) => {
    if (nonTrivial) return false;
    if (node !== method && isFunctionLike(tsApi, node)) return false;
    if (tsApi.isReturnStatement(node) && node.expression && node.expression.kind !== tsApi.SyntaxKind.TrueKeyword) nonTrivial = true;
    return undefined;
  });
  return nonTrivial;
}
