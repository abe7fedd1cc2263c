/**
 * Where a file verifies, signs and decodes JSON Web Tokens, read from the JWT catalog through the
 * file's imports (`import jwt from 'jsonwebtoken'`, `import { verify } from 'jsonwebtoken'`,
 * `require('jsonwebtoken')`, aliases, an injected `JwtService`, `super(...)` in a Passport strategy),
 * and the configurations that set defaults (`JwtModule.register`, `register(fastifyJwt, ...)`).
 * Built once per `ts.SourceFile`; the project's configurations once per project index.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getAccessPath, getCalleeName, getEnclosingFunction, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { isLoggerPath } from '../catalog/loggers.js';
import { getShortLabel } from './short-label.js';
import { getFileBindings, isPackageSpecifier, type ImportBinding } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants, forEachNodeOfKinds } from '../core/walk.js';
import {
  AUTHORIZING_CLAIM,
  IDENTITY_PROPERTIES,
  PUBLIC_KEY_TEXT,
  RECORD_ACCESS_METHOD,
  TIMING_CLAIMS,
  VERIFYING_FUNCTION_NAME,
  findDecoratedJwtCall,
  findJwtCall,
  findJwtDefaults,
  JWT_CALLS,
  JWT_DEFAULTS,
  type JwtCallRow,
  type JwtDefaultsRow,
} from '../catalog/jwt.js';
import { getModulePath } from '../flow/module-paths.js';
import { resolveConstValue, type ConstLookup } from './const-value.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface JwtCallFact {
  readonly row: JwtCallRow;
  readonly node: ts.CallExpression | ts.NewExpression;
  /** For messages: `jwt.verify`, `this.jwtService.sign`, `new Strategy`. */
  readonly callee: string;
  readonly arguments: readonly ts.Expression[];
}

export interface JwtDefaultsFact {
  readonly row: JwtDefaultsRow;
  readonly node: ts.CallExpression;
  readonly callee: string;
  readonly options: ts.Expression | undefined;
  readonly file: ts.SourceFile;
}

export interface JwtUsage {
  readonly calls: readonly JwtCallFact[];
  readonly defaults: readonly JwtDefaultsFact[];
}

const QUICK_FILTER = /jsonwebtoken|@nestjs\/jwt|passport-jwt|express-jwt|jose|jwt-decode|fastify\/jwt|fastify-jwt|jwtSign|jwtDecode/;
const EMPTY: JwtUsage = { calls: [], defaults: [] };
const fileCache = new FileScopedWeakMap<ts.SourceFile, JwtUsage>();
const projectKey = {};

/** The JWT calls and configurations of one file. */
export function getJwtUsage(tsApi: TsApi, sourceFile: ts.SourceFile, project?: ProjectIndex): JwtUsage {
  let usage = fileCache.get(sourceFile);
  if (!usage) {
    usage = QUICK_FILTER.test(sourceFile.text) ? collectUsage(tsApi, sourceFile, project) : EMPTY;
    fileCache.set(sourceFile, usage);
  }
  return usage;
}

/** Every JWT configuration (Nest module, Fastify plugin) of the project, or of the file without an index. */
export function getJwtDefaults(ctx: AnalysisContext): readonly JwtDefaultsFact[] {
  const project = ctx.project;
  if (!project) return getJwtUsage(ctx.ts, ctx.sourceFile).defaults;
  return project.memo(projectKey, () => project.files().flatMap((file) => getJwtUsage(ctx.ts, file, project).defaults));
}

/** The constructor a `super(...)` call runs: `Strategy` in `extends PassportStrategy(Strategy)` or `extends Strategy`. */
function getSuperConstructor(tsApi: TsApi, call: ts.CallExpression): ts.Expression | undefined {
  for (let current: ts.Node | undefined = call.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) {
      const heritage = current.heritageClauses?.find((h) => h.token === tsApi.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      if (!heritage) return undefined;
      const base = skipOuterExpressions(tsApi, heritage);
      return tsApi.isCallExpression(base) && base.arguments[0] ? base.arguments[0] : base;
    }
  }
  return undefined;
}

/** The last two names of a callee (`fastify.jwt.sign` gives `jwt.sign`), read without walking a long chain. */
function getCalleeTail(tsApi: TsApi, callee: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(tsApi, callee);
  if (tsApi.isIdentifier(expr)) return expr.text;
  if (!tsApi.isPropertyAccessExpression(expr)) return undefined;
  const owner = skipOuterExpressions(tsApi, expr.expression);
  if (tsApi.isPropertyAccessExpression(owner)) return `${owner.name.text}.${expr.name.text}`;
  if (tsApi.isIdentifier(owner)) return `${owner.text}.${expr.name.text}`;
  return `().${expr.name.text}`;
}

/** The member names the catalog's callees end with (`verify`, `signAsync`, `register`, `jwtSign`): other calls need no module lookup. */
const CALLEE_NAMES: ReadonlySet<string> = new Set([
  'register',
  ...[...JWT_CALLS, ...JWT_DEFAULTS].flatMap((row) => [...row.callees, ...(('decorated' in row ? row.decorated : undefined) ?? [])]).map((path) => path.split('.').pop()!.replace(/\(\)$/, '')),
]);

/** True when a callee may be a catalog call: an imported name, a catalog member name, or `require('m')(...)`. */
const JWT_MODULES: readonly string[] = [...new Set([...JWT_CALLS, ...JWT_DEFAULTS].flatMap((row) => row.modules))];

function mayBeJwtCallee(tsApi: TsApi, callee: ts.Expression, imports: ReadonlyMap<string, ImportBinding>): boolean {
  const expr = skipOuterExpressions(tsApi, callee);
  if (tsApi.isIdentifier(expr)) {
    const module = imports.get(expr.text)?.module;
    return CALLEE_NAMES.has(expr.text) || (module !== undefined && JWT_MODULES.some((m) => isPackageSpecifier(module, m)));
  }
  if (tsApi.isPropertyAccessExpression(expr)) return CALLEE_NAMES.has(expr.name.text);
  return tsApi.isCallExpression(expr);
}

function collectUsage(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): JwtUsage {
  const calls: JwtCallFact[] = [];
  const defaults: JwtDefaultsFact[] = [];
  const text = (node: ts.Node): string => getShortLabel(sourceFile, node, 40);
  const imports = getFileBindings(tsApi, sourceFile).imports;
  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.NewExpression], (node) => {
    if (!tsApi.isCallExpression(node) && !tsApi.isNewExpression(node)) return;
    const args = node.arguments ?? [];
    const isSuper = tsApi.isCallExpression(node) && node.expression.kind === tsApi.SyntaxKind.SuperKeyword;
    if (!isSuper && !mayBeJwtCallee(tsApi, node.expression, imports)) return;
    const calleeExpr = isSuper ? getSuperConstructor(tsApi, node as ts.CallExpression) : node.expression;
    if (!calleeExpr) return;
    const path = getModulePath(tsApi, calleeExpr, project);
    const isNew = isSuper || tsApi.isNewExpression(node);
    if (path?.module !== undefined && !path.local) {
      const row = findJwtCall(path.module, path.path, isNew);
      if (row) calls.push({ row, node, callee: isSuper ? `super (${text(calleeExpr)})` : `${isNew ? 'new ' : ''}${text(node.expression)}`, arguments: args });
      const configured = tsApi.isCallExpression(node) && !isSuper ? findJwtDefaults(path.module, path.path, 'call') : undefined;
      if (configured) defaults.push({ row: configured, node: node as ts.CallExpression, callee: text(node.expression), options: args[0], file: sourceFile });
      if (row || configured) return;
    }
    if (!tsApi.isCallExpression(node) || isSuper) return;
    // fastify.register(fastifyJwt, { ... })
    if (getCalleeName(tsApi, node) === 'register' && args[0]) {
      const plugin = getModulePath(tsApi, args[0], project);
      const row = plugin?.module !== undefined && !plugin.local ? findJwtDefaults(plugin.module, plugin.path, 'register') : undefined;
      if (row) defaults.push({ row, node, callee: `register(${text(args[0])})`, options: args[1], file: sourceFile });
      return;
    }
    // reply.jwtSign(payload), fastify.jwt.sign(payload): decorations, not imports.
    if (path?.module === undefined || path.local) {
      const tail = getCalleeTail(tsApi, node.expression);
      const row = tail === undefined ? undefined : findDecoratedJwtCall(tail);
      if (row) calls.push({ row, node, callee: text(node.expression), arguments: args });
    }
  });
  return { calls, defaults };
}

/** What a verification key looks like: a shared secret, a public key or certificate, or a key-lookup function. */
export type JwtKeyKind = 'secret' | 'public' | 'lookup';

/** Classifies a key expression by its shape and text (through constants). */
export function classifyJwtKey(lookup: ConstLookup, key: ts.Expression | undefined, depth = 0): JwtKeyKind {
  const tsApi = lookup.ts;
  if (!key || depth > 4) return 'secret';
  const expr = skipOuterExpressions(tsApi, key);
  if (isFunctionLike(tsApi, expr)) return 'lookup';
  if (tsApi.isIdentifier(expr)) {
    const binding = resolveIdentifier(tsApi, expr);
    if (binding && (tsApi.isFunctionDeclaration(binding.declaration) || tsApi.isMethodDeclaration(binding.declaration))) return 'lookup';
  }
  if (tsApi.isCallExpression(expr)) {
    const path = getModulePath(tsApi, expr.expression, lookup.project);
    // jwks-rsa: expressJwtSecret({...}), passportJwtSecret({...}) return key lookups.
    if (path?.module === 'jwks-rsa') return 'lookup';
  }
  if (PUBLIC_KEY_TEXT.test(expr.getText(lookup.file).slice(0, 400))) return 'public';
  if (tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) {
    const value = resolveConstValue(lookup, expr);
    if (value.kind === 'value' && value.expression !== expr) return classifyJwtKey({ ...lookup, file: value.file }, value.expression, depth + 1);
  }
  return 'secret';
}

/** Why a decode result authorizes: the place and a phrase for the message. */
export interface DecodeAuthorization {
  readonly node: ts.Node;
  /** `is stored on \`req.user\``, `decides \`decoded.role\``. */
  readonly how: string;
}

const VERIFY_CALL_NAMES = new Set(['verify', 'verifyAsync', 'jwtVerify', 'compactVerify', 'verifyToken', 'verifyJwt', 'verifyAccessToken']);

/** The function's own name: a declaration, a method, or the variable or property an expression is assigned to. */
function getFunctionName(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && (tsApi.isIdentifier(fn.name) || tsApi.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name)) return parent.name.text;
  if (tsApi.isPropertyAssignment(parent) && tsApi.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/** True when the function calls its `next` parameter (Express middleware, Fastify `done`). */
function callsNext(tsApi: TsApi, fn: ts.Node): boolean {
  let found = false;
  walkDescendants(tsApi, fn, (node) => {
    if (found) return false;
    if (tsApi.isCallExpression(node) && tsApi.isIdentifier(node.expression) && (node.expression.text === 'next' || node.expression.text === 'done')) found = true;
  });
  return found;
}

/** True when the function also verifies a token (decode to read `kid` or the header, then verify). */
function alsoVerifies(tsApi: TsApi, fn: ts.Node): boolean {
  let found = false;
  walkDescendants(tsApi, fn, (node) => {
    if (found) return false;
    if (tsApi.isCallExpression(node)) {
      const name = getCalleeName(tsApi, node);
      if (name !== undefined && VERIFY_CALL_NAMES.has(name)) found = true;
    }
  });
  return found;
}

/** Climbs `x.a.b` from `x`; the claim is the first member read. */
function climbMembers(tsApi: TsApi, node: ts.Expression): { top: ts.Expression; claim?: string } {
  let top: ts.Expression = node;
  let claim: string | undefined;
  for (;;) {
    const parent = top.parent;
    if ((tsApi.isPropertyAccessExpression(parent) || tsApi.isElementAccessExpression(parent)) && parent.expression === top) {
      claim ??= tsApi.isPropertyAccessExpression(parent) ? parent.name.text : getStaticString(tsApi, parent.argumentExpression);
      top = parent;
    } else if ((tsApi.isParenthesizedExpression(parent) || tsApi.isAsExpression(parent) || tsApi.isNonNullExpression(parent) || tsApi.isAwaitExpression(parent)) && parent.expression === top) {
      top = parent;
    } else {
      return { top, claim };
    }
  }
}

/** True when the value at `node` is an argument of a logging call. */
function isLogged(tsApi: TsApi, node: ts.Node, fn: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current && current !== fn; current = current.parent) {
    if (tsApi.isCallExpression(current)) {
      const receiver = tsApi.isPropertyAccessExpression(current.expression) ? getAccessPath(tsApi, current.expression.expression) : undefined;
      return receiver !== undefined && isLoggerPath(receiver);
    }
    if (tsApi.isStatement(current)) return false;
  }
  return false;
}

/** The request property a value is stored on (`req.user = v`, `request['user'] = v`, `res.locals.user = { ...v }`). */
function getIdentityStore(tsApi: TsApi, node: ts.Expression, fn: ts.Node): ts.Expression | undefined {
  let current: ts.Node = node;
  for (let parent = current.parent; parent && parent !== fn; current = parent, parent = parent.parent) {
    if (tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken && parent.right === current) {
      const left = skipOuterExpressions(tsApi, parent.left);
      if (tsApi.isPropertyAccessExpression(left) && IDENTITY_PROPERTIES.has(left.name.text)) return left;
      if (tsApi.isElementAccessExpression(left) && IDENTITY_PROPERTIES.has(getStaticString(tsApi, left.argumentExpression) ?? '')) return left;
      return undefined;
    }
    if (tsApi.isStatement(parent) || isFunctionLike(tsApi, parent)) return undefined;
    if (tsApi.isCallExpression(parent) && !(tsApi.isIdentifier(parent.expression) && /^(?:Object\.assign)$/.test(parent.expression.text))) return undefined;
  }
  return undefined;
}

/** The data-access call whose filter object holds the value: `User.findOne({ email: decoded.email })`, `repo.delete({ ownerId: claims.sub })`. */
function getRecordFilterCall(tsApi: TsApi, node: ts.Expression, fn: ts.Node): ts.CallExpression | undefined {
  let current: ts.Node = node;
  let inObject = false;
  for (let parent = current.parent; parent && parent !== fn; current = parent, parent = parent.parent) {
    if (tsApi.isPropertyAssignment(parent) && parent.initializer === current) continue;
    if (tsApi.isObjectLiteralExpression(parent)) {
      inObject = true;
      continue;
    }
    if (tsApi.isCallExpression(parent) && inObject && parent.arguments.includes(current as ts.Expression)) {
      return RECORD_ACCESS_METHOD.test(getCalleeName(tsApi, parent) ?? '') ? parent : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Calls that decide what the client gets: answering, rejecting, or passing on to the next handler. */
const GATING_CALLS = new Set(['next', 'done', 'status', 'sendStatus', 'send', 'json', 'redirect', 'end', 'render', 'code']);

/** True when a branch returns, throws, answers or calls `next()`: what the condition decides is access. */
function gates(tsApi: TsApi, branch: ts.Node | undefined): boolean {
  if (!branch) return false;
  let found = false;
  walkDescendants(tsApi, branch, (node) => {
    if (found || (node !== branch && isFunctionLike(tsApi, node))) return false;
    if (tsApi.isReturnStatement(node) || tsApi.isThrowStatement(node)) found = true;
    else if (tsApi.isCallExpression(node) && GATING_CALLS.has(getCalleeName(tsApi, node) ?? '')) found = true;
  });
  return found;
}

/**
 * True when `node` sits in a condition that decides access: an `if` whose branch returns, throws,
 * answers or calls `next()`, a `switch` with such a case, or a `?:` choosing between such calls.
 * A condition that only sets a display flag (`isFollowed = true`) does not count.
 */
function isInCondition(tsApi: TsApi, node: ts.Node, fn: ts.Node): boolean {
  let current: ts.Node = node;
  for (let parent = current.parent; parent && parent !== fn; current = parent, parent = parent.parent) {
    if (tsApi.isIfStatement(parent)) return parent.expression === current && (gates(tsApi, parent.thenStatement) || gates(tsApi, parent.elseStatement));
    if (tsApi.isConditionalExpression(parent)) {
      if (parent.condition !== current) return false;
      return gates(tsApi, parent.whenTrue) || gates(tsApi, parent.whenFalse) || tsApi.isReturnStatement(parent.parent);
    }
    if (tsApi.isSwitchStatement(parent)) return parent.expression === current && parent.caseBlock.clauses.some((clause) => gates(tsApi, clause));
    if (tsApi.isStatement(parent) || isFunctionLike(tsApi, parent)) return false;
  }
  return false;
}

/** True when `node` is (part of) what the function returns. */
function isReturned(tsApi: TsApi, node: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  let current: ts.Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (tsApi.isReturnStatement(parent)) return getEnclosingFunction(tsApi, parent) === fn;
    if (parent === fn) return tsApi.isArrowFunction(fn) && fn.body === current;
    if (tsApi.isStatement(parent) || isFunctionLike(tsApi, parent)) return false;
    if (tsApi.isCallExpression(parent) && parent.expression !== current) return false;
  }
  return false;
}

/**
 * Whether the result of a decode call (no signature check) is used to authorize: stored on the
 * request as its identity, read for a role, owner or user id in a condition, tested before `next()`,
 * or returned from a function whose name promises verification. Reading `exp`/`iat` for refresh
 * scheduling and logging are not authorization; neither is a decode next to a verify (reading the
 * header's `kid` to pick the key).
 */
export function getDecodeAuthorization(tsApi: TsApi, call: ts.CallExpression): DecodeAuthorization | undefined {
  const fn = getEnclosingFunction(tsApi, call);
  const scope: ts.Node = fn ?? call.getSourceFile();
  if (alsoVerifies(tsApi, scope)) return undefined;
  const fnName = fn ? getFunctionName(tsApi, fn) : undefined;
  const nexts = fn ? callsNext(tsApi, fn) : false;

  // The expressions that carry the decoded claims: the call itself, or the names it is bound to.
  const uses: { node: ts.Expression; claim?: string }[] = [];
  let holder: ts.Node = call;
  // await jwt.decode(t), (jwt.decode(t) as Claims), jwt.decode(t) || {}
  const isWrapper = (parent: ts.Node): boolean =>
    tsApi.isAwaitExpression(parent) ||
    tsApi.isParenthesizedExpression(parent) ||
    tsApi.isAsExpression(parent) ||
    (tsApi.isBinaryExpression(parent) &&
      parent.left === holder &&
      (parent.operatorToken.kind === tsApi.SyntaxKind.BarBarToken || parent.operatorToken.kind === tsApi.SyntaxKind.QuestionQuestionToken));
  while (holder.parent && isWrapper(holder.parent)) holder = holder.parent;
  const declaration = tsApi.isVariableDeclaration(holder.parent) && holder.parent.initializer === holder ? holder.parent : undefined;
  if (!declaration) {
    uses.push({ node: holder as ts.Expression });
  } else {
    const names = new Map<ts.Identifier, string | undefined>();
    if (tsApi.isIdentifier(declaration.name)) names.set(declaration.name, undefined);
    else if (tsApi.isObjectBindingPattern(declaration.name)) {
      for (const element of declaration.name.elements) {
        if (!tsApi.isIdentifier(element.name)) continue;
        const property = element.propertyName && tsApi.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
        names.set(element.name, property);
      }
    }
    walkDescendants(tsApi, scope, (node) => {
      if (!tsApi.isIdentifier(node) || node === declaration.name) return;
      const binding = resolveIdentifier(tsApi, node);
      if (binding && names.has(binding.name) && !(tsApi.isBindingElement(node.parent) && node.parent.name === node)) {
        uses.push({ node, claim: names.get(binding.name) });
      }
    });
  }

  for (const use of uses) {
    const climbed = climbMembers(tsApi, use.node);
    const claim = use.claim ?? climbed.claim;
    if (claim !== undefined && TIMING_CLAIMS.has(claim)) continue;
    if (isLogged(tsApi, climbed.top, scope)) continue;
    const store = getIdentityStore(tsApi, climbed.top, scope);
    if (store) return { node: store, how: `is stored on \`${getShortLabel(call.getSourceFile(), store, 40)}\`` };
    if (claim !== undefined && AUTHORIZING_CLAIM.test(claim)) {
      const query = getRecordFilterCall(tsApi, climbed.top, scope);
      if (query) return { node: climbed.top, how: `picks the records of \`${getShortLabel(call.getSourceFile(), query.expression, 40)}\` through \`${getShortLabel(call.getSourceFile(), climbed.top, 40)}\`` };
    }
    if (isInCondition(tsApi, climbed.top, scope)) {
      const label = getShortLabel(call.getSourceFile(), climbed.top, 40);
      if (claim !== undefined && AUTHORIZING_CLAIM.test(claim)) return { node: climbed.top, how: `decides access through \`${label}\`` };
      if (nexts) return { node: climbed.top, how: `decides whether \`next()\` runs through \`${label}\`` };
    }
    if (fn && fnName !== undefined && VERIFYING_FUNCTION_NAME.test(fnName) && isReturned(tsApi, climbed.top, fn)) {
      return { node: climbed.top, how: `is returned from \`${fnName}\`` };
    }
  }
  return undefined;
}
