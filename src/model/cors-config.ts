/**
 * How a file configures cross-origin access: the CORS options of the `cors` middleware,
 * `@fastify/cors`, Nest's `enableCors` and `NestFactory.create(..., { cors })`, and the
 * `Access-Control-Allow-Origin` headers handlers set by hand. Each is read into what origins it
 * lets read responses (any, the request's own, a weakly checked set, or a restricted set) and whether
 * the browser sends credentials. Built once per `ts.SourceFile`.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getAccessPath, getCalleeName, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { isLoggerPath } from '../catalog/loggers.js';
import { getShortLabel } from './short-label.js';
import { getFileBindings, isPackageSpecifier } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants, forEachNodeOfKinds } from '../core/walk.js';
import {
  ALLOW_CREDENTIALS_HEADER,
  ALLOW_ORIGIN_HEADER,
  CORS_CONFIGS,
  HEADER_SETTERS,
  findCorsConfig,
  findCorsMethod,
  getUnanchoredOriginRegex,
  getWeakOriginCheck,
  type CorsConfigRow,
} from '../catalog/cors.js';
import { getModulePath } from '../flow/module-paths.js';
import { resolveConstValue, type ConstLookup } from './const-value.js';
import { readBoolean, readOption } from './option-values.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** Which origins may read responses. */
export type OriginPolicy =
  /** `*`: any origin, but browsers never send credentials to it. */
  | { readonly kind: 'wildcard'; readonly node: ts.Node; readonly implicit: boolean }
  /** The request's own `Origin` echoed back: any origin, credentials included when allowed. */
  | { readonly kind: 'reflect'; readonly node: ts.Node; readonly how: string }
  /** A check that a look-alike origin passes (`origin.endsWith('example.com')`). */
  | { readonly kind: 'weak'; readonly node: ts.Node; readonly check: string; readonly why: string }
  /** An allowlist, a fixed origin, a configured value, or nothing the analysis can read. */
  | { readonly kind: 'restricted' };

export interface CorsPolicy {
  /** The configuring call or header setter. */
  readonly node: ts.Node;
  /** For messages: `cors(corsOptions)`, `app.enableCors()`, `res.setHeader('Access-Control-Allow-Origin', ...)`. */
  readonly label: string;
  readonly origin: OriginPolicy;
  /** `credentials: true` or `Access-Control-Allow-Credentials: true`. */
  readonly credentials: boolean;
  readonly row?: CorsConfigRow;
}

const QUICK_FILTER = /cors|access-control-allow-origin/i;
const CORS_HEADER_TEXT = /access-control-allow-(?:origin|credentials)/i;
const CORS_MODULES: readonly string[] = [...new Set(CORS_CONFIGS.flatMap((row) => row.modules))];
/** Member names the catalog's callees end with (`enableCors`, `create`, `register`). */
const CALLEE_NAMES: ReadonlySet<string> = new Set(['register', ...CORS_CONFIGS.flatMap((row) => row.callees.map((path) => path.split('.').pop()!)).filter(Boolean)]);
const cache = new FileScopedWeakMap<ts.SourceFile, readonly CorsPolicy[]>();

/** The CORS policies a file configures. */
export function getCorsPolicies(ctx: AnalysisContext): readonly CorsPolicy[] {
  let policies = cache.get(ctx.sourceFile);
  if (!policies) {
    policies = QUICK_FILTER.test(ctx.sourceFile.text) ? collectPolicies(ctx.ts, ctx.sourceFile, ctx.project) : [];
    cache.set(ctx.sourceFile, policies);
  }
  return policies;
}

/** `req.headers.origin`, `req.headers['origin']`, `req.get('origin')`, `req.header('Origin')`, `request.headers.get('origin')`. */
export function isRequestOriginRead(tsApi: TsApi, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isCallExpression(expr)) {
    const name = getCalleeName(tsApi, expr);
    return (name === 'get' || name === 'header') && getStaticString(tsApi, expr.arguments[0])?.toLowerCase() === 'origin';
  }
  const path = getAccessPath(tsApi, expr);
  return path !== undefined && /(?:^|\.)headers\.origin$/i.test(path);
}

/** A value that echoes the request's origin, directly or through a local constant. */
function echoesRequestOrigin(tsApi: TsApi, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  if (isRequestOriginRead(tsApi, expr)) return true;
  // req.headers.origin || '*', req.headers.origin ?? DEFAULT_ORIGIN
  if (
    tsApi.isBinaryExpression(expr) &&
    (expr.operatorToken.kind === tsApi.SyntaxKind.BarBarToken || expr.operatorToken.kind === tsApi.SyntaxKind.QuestionQuestionToken)
  ) {
    return echoesRequestOrigin(tsApi, expr.left);
  }
  if (tsApi.isIdentifier(expr)) {
    const binding = resolveIdentifier(tsApi, expr);
    const decl = binding?.declaration;
    if (decl && tsApi.isVariableDeclaration(decl) && decl.initializer) return isRequestOriginRead(tsApi, decl.initializer);
    // const { origin } = req.headers
    if (decl && tsApi.isBindingElement(decl) && tsApi.isObjectBindingPattern(decl.parent) && tsApi.isVariableDeclaration(decl.parent.parent)) {
      const holder = decl.parent.parent.initializer;
      const key = decl.propertyName && tsApi.isIdentifier(decl.propertyName) ? decl.propertyName.text : expr.text;
      return key.toLowerCase() === 'origin' && holder !== undefined && /(?:^|\.)headers$/.test(getAccessPath(tsApi, holder) ?? '');
    }
  }
  return false;
}

/** True when an identifier use only tests for presence: `!origin`, `origin === undefined`, `typeof origin`. */
function isPresenceTest(tsApi: TsApi, use: ts.Node): boolean {
  const parent = use.parent;
  if (tsApi.isPrefixUnaryExpression(parent) && parent.operator === tsApi.SyntaxKind.ExclamationToken) return true;
  if (tsApi.isTypeOfExpression(parent)) return true;
  if (tsApi.isBinaryExpression(parent)) {
    const other = parent.left === use ? parent.right : parent.left;
    const isNullish = other.kind === tsApi.SyntaxKind.NullKeyword || (tsApi.isIdentifier(other) && other.text === 'undefined');
    if (isNullish) return true;
    if (parent.operatorToken.kind === tsApi.SyntaxKind.BarBarToken || parent.operatorToken.kind === tsApi.SyntaxKind.AmpersandAmpersandToken) {
      return parent.left === use && !tsApi.isBinaryExpression(parent.parent);
    }
  }
  return false;
}

/** Calls that pass a value on without checking it: header setters, loggers, the origin callback. */
function passesOn(tsApi: TsApi, call: ts.CallExpression, callback: ts.Identifier | undefined): boolean {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (callback && tsApi.isIdentifier(callee) && resolveIdentifier(tsApi, callee)?.name === callback) return true;
  if (!tsApi.isPropertyAccessExpression(callee)) return false;
  if (HEADER_SETTERS.has(callee.name.text)) return true;
  const receiver = getAccessPath(tsApi, callee.expression);
  return receiver !== undefined && isLoggerPath(receiver);
}

/** True when the node sits in a condition or a check call. */
function isChecked(tsApi: TsApi, use: ts.Node, root: ts.Node, callback?: ts.Identifier): boolean {
  if (isPresenceTest(tsApi, use)) return false;
  let current: ts.Node = use;
  for (let parent = use.parent; parent && parent !== root; current = parent, parent = parent.parent) {
    if (tsApi.isIfStatement(parent) && parent.expression === current) return true;
    if (tsApi.isConditionalExpression(parent) && parent.condition === current) return true;
    if (tsApi.isSwitchStatement(parent) && parent.expression === current) return true;
    if (tsApi.isCaseClause(parent)) return true;
    if (tsApi.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      if (op === tsApi.SyntaxKind.EqualsEqualsEqualsToken || op === tsApi.SyntaxKind.EqualsEqualsToken || op === tsApi.SyntaxKind.ExclamationEqualsEqualsToken || op === tsApi.SyntaxKind.ExclamationEqualsToken || op === tsApi.SyntaxKind.InKeyword) return true;
    }
    if (tsApi.isCallExpression(parent)) {
      // ALLOWED.includes(origin), allowlist.has(origin), re.test(origin), isAllowed(origin)
      if (parent.arguments.includes(current as ts.Expression)) return !passesOn(tsApi, parent, callback);
      if (parent.expression === current) return false;
    }
    if (tsApi.isPropertyAccessExpression(parent) && tsApi.isCallExpression(parent.parent) && parent.parent.expression === parent) return true;
    if (tsApi.isStatement(parent)) return false;
  }
  return false;
}

/** A regular expression literal (through constants) and why it is weak, if it is. */
function getRegexWeakness(lookup: ConstLookup, node: ts.Expression): { node: ts.Node; why: string } | undefined {
  const value = resolveConstValue(lookup, node);
  const expr = value.kind === 'value' ? skipOuterExpressions(lookup.ts, value.expression) : undefined;
  if (!expr || !lookup.ts.isRegularExpressionLiteral(expr)) return undefined;
  const source = expr.text.slice(1, expr.text.lastIndexOf('/'));
  const why = getUnanchoredOriginRegex(source);
  return why ? { node: expr, why } : undefined;
}

/** The function an origin option refers to: inline, a function declaration, or a constant arrow. */
function resolveOriginFunction(lookup: ConstLookup, node: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, node);
  if (isFunctionLike(tsApi, expr)) return expr;
  if (tsApi.isIdentifier(expr)) {
    const decl = resolveIdentifier(tsApi, expr)?.declaration;
    if (decl && tsApi.isFunctionDeclaration(decl)) return decl;
    const value = resolveConstValue(lookup, expr);
    if (value.kind === 'value') {
      const inner = skipOuterExpressions(tsApi, value.expression);
      if (isFunctionLike(tsApi, inner)) return inner;
    }
  }
  return undefined;
}

/** Reads an origin callback: does it check the origin, check it weakly, or let every origin through? */
function readOriginFunction(lookup: ConstLookup, fn: ts.FunctionLikeDeclaration): OriginPolicy {
  const tsApi = lookup.ts;
  const file = lookup.file;
  const originParam = fn.parameters[0];
  const callbackParam = fn.parameters[1];
  const originName = originParam && tsApi.isIdentifier(originParam.name) ? originParam.name : undefined;
  const callbackName = callbackParam && tsApi.isIdentifier(callbackParam.name) ? callbackParam.name : undefined;
  let checked = false;
  let weak: OriginPolicy | undefined;
  let allows: ts.Node | undefined;
  const refersTo = (node: ts.Node, name: ts.Identifier | undefined): boolean =>
    name !== undefined && tsApi.isIdentifier(node) && node !== name && resolveIdentifier(tsApi, node)?.name === name;
  // The origin and the names derived from it: `const { hostname } = new URL(origin)`, `const host = new URL(origin).hostname`.
  const originNames = new Set<ts.Identifier>(originName ? [originName] : []);
  const isOrigin = (node: ts.Node): boolean => {
    if (!tsApi.isIdentifier(node)) return false;
    const declared = resolveIdentifier(tsApi, node)?.name;
    return declared !== undefined && declared !== node && originNames.has(declared);
  };
  const mentionsOrigin = (node: ts.Node): boolean => {
    let found = false;
    walkDescendants(tsApi, node, (inner) => {
      if (found) return false;
      if (isOrigin(inner)) found = true;
    });
    return found;
  };

  walkDescendants(tsApi, fn, (node) => {
    if (weak) return false;
    if (tsApi.isVariableDeclaration(node) && node.initializer && mentionsOrigin(node.initializer)) {
      walkDescendants(tsApi, node.name, (inner) => {
        if (tsApi.isIdentifier(inner)) originNames.add(inner);
      });
    }
    if (tsApi.isCallExpression(node)) {
      const method = getCalleeName(tsApi, node);
      const receiver = tsApi.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
      const firstArg = node.arguments[0];
      // origin.endsWith('example.com'), origin.includes('example.com')
      if (method && receiver && firstArg && mentionsOrigin(receiver)) {
        const value = getStaticString(tsApi, firstArg);
        const why = value === undefined ? undefined : getWeakOriginCheck(method, value);
        if (why) weak = { kind: 'weak', node, check: getShortLabel(file, node, 50), why };
        const regex = method === 'match' || method === 'search' ? getRegexWeakness(lookup, firstArg) : undefined;
        if (regex) weak = { kind: 'weak', node, check: getShortLabel(file, node, 50), why: regex.why };
      }
      // /example\.com$/.test(origin)
      if (method === 'test' && receiver && firstArg && mentionsOrigin(firstArg)) {
        const regex = getRegexWeakness(lookup, receiver);
        if (regex) weak = { kind: 'weak', node, check: getShortLabel(file, node, 50), why: regex.why };
      }
      // callback(null, true) / callback(null, origin)
      if (refersTo(skipOuterExpressions(tsApi, node.expression), callbackName)) {
        const granted = node.arguments[1] ? skipOuterExpressions(tsApi, node.arguments[1]) : undefined;
        if (granted && (granted.kind === tsApi.SyntaxKind.TrueKeyword || isOrigin(granted))) allows ??= node;
      }
    }
    if (isOrigin(node) && isChecked(tsApi, node, fn, callbackName)) checked = true;
    // async (origin) => true
    if (tsApi.isReturnStatement(node) && node.expression && skipOuterExpressions(tsApi, node.expression).kind === tsApi.SyntaxKind.TrueKeyword) allows ??= node;
  });
  if (weak) return weak;
  if (!tsApi.isBlock(fn.body!) && skipOuterExpressions(tsApi, fn.body as ts.Expression).kind === tsApi.SyntaxKind.TrueKeyword) allows ??= fn.body;
  if (!checked && allows) return { kind: 'reflect', node: allows, how: `\`${getShortLabel(file, allows, 40)}\` allows every origin` };
  return { kind: 'restricted' };
}

/** What an `origin` option allows. */
function readOrigin(lookup: ConstLookup, origin: ts.Expression, file: ts.SourceFile): OriginPolicy {
  const tsApi = lookup.ts;
  const inner: ConstLookup = { ...lookup, file };
  const value = resolveConstValue(inner, origin);
  const expr = value.kind === 'value' ? skipOuterExpressions(tsApi, value.expression) : skipOuterExpressions(tsApi, origin);
  if (expr.kind === tsApi.SyntaxKind.TrueKeyword) return { kind: 'reflect', node: origin.parent ?? origin, how: '`origin: true` reflects every origin' };
  if (getStaticString(tsApi, expr) === '*') return { kind: 'wildcard', node: origin.parent ?? origin, implicit: false };
  const regex = getRegexWeakness(inner, expr);
  if (regex) return { kind: 'weak', node: regex.node, check: getShortLabel(file, regex.node, 50), why: regex.why };
  if (tsApi.isArrayLiteralExpression(expr)) {
    for (const element of expr.elements) {
      const weak = getRegexWeakness(inner, element);
      if (weak) return { kind: 'weak', node: weak.node, check: getShortLabel(file, weak.node, 50), why: weak.why };
    }
    return { kind: 'restricted' };
  }
  const fn = resolveOriginFunction(inner, origin);
  return fn ? readOriginFunction({ ...inner, file: fn.getSourceFile() }, fn) : { kind: 'restricted' };
}

/** The policy of one CORS options value (`undefined` or `true` for the library default). */
function readCorsOptions(lookup: ConstLookup, row: CorsConfigRow, options: ts.Expression | undefined, node: ts.Node, label: string): CorsPolicy | undefined {
  const tsApi = lookup.ts;
  let value = options;
  if (value && row.optionsPath) {
    const read = readOption(lookup, value, row.optionsPath);
    if (read.kind !== 'present') return undefined;
    value = read.expression;
  }
  const resolved = value ? resolveConstValue(lookup, value) : undefined;
  const expr = resolved?.kind === 'value' ? skipOuterExpressions(tsApi, resolved.expression) : undefined;
  if (!value || expr?.kind === tsApi.SyntaxKind.TrueKeyword) {
    if (!value && !row.defaultsToWildcard) return undefined;
    return { node, label, origin: { kind: 'wildcard', node, implicit: true }, credentials: false, row };
  }
  if (!expr || !tsApi.isObjectLiteralExpression(expr)) return undefined;
  const credentials = readBoolean(lookup, readOption(lookup, value, ['credentials'])) === true;
  const origin = readOption(lookup, value, ['origin']);
  if (origin.kind === 'unknown') return undefined;
  const policy: OriginPolicy = origin.kind === 'absent' ? { kind: 'wildcard', node, implicit: true } : readOrigin(lookup, origin.expression, origin.file);
  return { node, label, origin: policy, credentials, row };
}

/** `Access-Control-Allow-Origin` set by hand in a handler, with the credentials header of the same function. */
function readHeaderPolicies(tsApi: TsApi, sourceFile: ts.SourceFile, setters: readonly ts.CallExpression[]): CorsPolicy[] {
  type HeaderWrite = { call: ts.CallExpression; name: string; value: ts.Expression; scope: ts.Node };
  const writes: HeaderWrite[] = [];
  for (const call of setters) {
    const scope = findScope(tsApi, call);
    const [first, second] = call.arguments;
    const name = getStaticString(tsApi, first);
    if (name !== undefined && second) {
      writes.push({ call, name: name.toLowerCase(), value: second, scope });
      continue;
    }
    const object = call.arguments.map((a) => skipOuterExpressions(tsApi, a)).find(tsApi.isObjectLiteralExpression);
    for (const prop of object?.properties ?? []) {
      if (!tsApi.isPropertyAssignment(prop)) continue;
      const key = tsApi.isIdentifier(prop.name) || tsApi.isStringLiteral(prop.name) ? prop.name.text : undefined;
      if (key !== undefined) writes.push({ call, name: key.toLowerCase(), value: prop.initializer, scope });
    }
  }
  const policies: CorsPolicy[] = [];
  for (const write of writes) {
    if (write.name !== ALLOW_ORIGIN_HEADER) continue;
    const credentials = writes.some((w) => w.scope === write.scope && w.name === ALLOW_CREDENTIALS_HEADER && isTrueHeaderValue(tsApi, w.value));
    const label = getShortLabel(sourceFile, write.call, 70);
    if (getStaticString(tsApi, write.value) === '*') {
      policies.push({ node: write.call, label, origin: { kind: 'wildcard', node: write.call, implicit: false }, credentials });
    } else if (echoesRequestOrigin(tsApi, write.value) && !originIsChecked(tsApi, write.scope, write.value)) {
      policies.push({ node: write.call, label, origin: { kind: 'reflect', node: write.call, how: 'the request\'s `Origin` header is echoed back unchecked' }, credentials });
    }
  }
  return policies;
}

function isTrueHeaderValue(tsApi: TsApi, value: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, value);
  return expr.kind === tsApi.SyntaxKind.TrueKeyword || getStaticString(tsApi, expr)?.toLowerCase() === 'true';
}

function findScope(tsApi: TsApi, node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent) if (isFunctionLike(tsApi, current)) return current;
  return node.getSourceFile();
}

/** True when the function compares the echoed origin with something (an allowlist, a fixed origin). */
function originIsChecked(tsApi: TsApi, scope: ts.Node, value: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, value);
  const name = tsApi.isIdentifier(expr) ? resolveIdentifier(tsApi, expr)?.name : undefined;
  let checked = false;
  walkDescendants(tsApi, scope, (node) => {
    if (checked) return false;
    if (!tsApi.isExpression(node)) return;
    const isUse = name ? tsApi.isIdentifier(node) && node !== name && resolveIdentifier(tsApi, node)?.name === name : isRequestOriginRead(tsApi, node);
    if (isUse && isChecked(tsApi, node, scope)) checked = true;
  });
  return checked;
}

function collectPolicies(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): CorsPolicy[] {
  const lookup: ConstLookup = { ts: tsApi, file: sourceFile, project };
  const policies: CorsPolicy[] = [];
  const setters: ts.CallExpression[] = [];
  const text = (node: ts.Node): string => getShortLabel(sourceFile, node, 50);
  const imports = getFileBindings(tsApi, sourceFile).imports;
  // Only imported names, catalog member names and `require('m')(...)` can configure CORS: other calls need no module lookup.
  const mayConfigure = (callee: ts.Expression): boolean => {
    const expr = skipOuterExpressions(tsApi, callee);
    if (tsApi.isIdentifier(expr)) {
      const module = imports.get(expr.text)?.module;
      return module !== undefined && CORS_MODULES.some((m) => isPackageSpecifier(module, m));
    }
    if (tsApi.isPropertyAccessExpression(expr)) return CALLEE_NAMES.has(expr.name.text) || HEADER_SETTERS.has(expr.name.text);
    return tsApi.isCallExpression(expr);
  };
  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.NewExpression], (node) => {
    if ((tsApi.isNewExpression(node) || tsApi.isCallExpression(node)) && !mayConfigure(node.expression)) return;
    if (tsApi.isNewExpression(node)) {
      const path = getModulePath(tsApi, node.expression, project);
      const row = path?.module !== undefined && !path.local ? findCorsConfig('new', path.module, path.path) : undefined;
      const policy = row && readCorsOptions(lookup, row, node.arguments?.[row.optionsArgument], node, `new ${text(node.expression)}(…)`);
      if (policy) policies.push(policy);
      return;
    }
    if (!tsApi.isCallExpression(node)) return;
    const name = getCalleeName(tsApi, node);
    if (name === undefined) return;
    // Only the arguments are read (not the receiver, which in a chain holds every earlier call).
    if (HEADER_SETTERS.has(name) && tsApi.isPropertyAccessExpression(node.expression) && node.arguments.some((arg) => CORS_HEADER_TEXT.test(arg.getText(sourceFile)))) {
      setters.push(node);
      return;
    }
    const method = tsApi.isPropertyAccessExpression(node.expression) ? findCorsMethod(name) : undefined;
    if (method) {
      const policy = readCorsOptions(lookup, method, node.arguments[method.optionsArgument], node, `${text(node.expression)}(${node.arguments.length ? '…' : ''})`);
      if (policy) policies.push(policy);
      return;
    }
    if (name === 'register' && node.arguments[0]) {
      const plugin = getModulePath(tsApi, node.arguments[0], project);
      const row = plugin?.module !== undefined && !plugin.local ? findCorsConfig('register', plugin.module, plugin.path) : undefined;
      if (row) {
        const policy = readCorsOptions(lookup, row, node.arguments[1 + row.optionsArgument], node, `register(${text(node.arguments[0])})`);
        if (policy) policies.push(policy);
      }
      return;
    }
    const path = getModulePath(tsApi, node.expression, project);
    const row = path?.module !== undefined && !path.local ? findCorsConfig('call', path.module, path.path) : undefined;
    if (row) {
      const policy = readCorsOptions(lookup, row, node.arguments[row.optionsArgument], node, `${text(node.expression)}(${node.arguments.length ? '…' : ''})`);
      if (policy) policies.push(policy);
    }
  });
  policies.push(...readHeaderPolicies(tsApi, sourceFile, setters));
  return policies;
}
