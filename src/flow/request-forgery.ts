/**
 * The request-forgery (SSRF) configuration of the flow engine: request input flowing into the URL,
 * base URL or host of an outbound request (`src/catalog/http-clients.ts` and the `ssrfSinks`
 * setting), stopped by allowlist checks of the parsed host or origin that dominate the request, and
 * by agents that refuse private addresses.
 *
 * Allowlist checks (barrier guards), when they return or throw on failure before the request:
 * `ALLOWED.has(host)`, `ALLOWED.includes(host)`, `host in ALLOWED`, `ALLOWED.indexOf(host) !== -1`,
 * `host === API_HOST`, `url.startsWith('https://api.example.com/')` (a fixed origin and a slash),
 * `hostname.endsWith('.example.com')` (a dot-prefixed suffix of a host read), an anchored regex
 * `/^...$/.test(host)`, and private-address checks that throw (`if (isPrivate(ip)) throw`). Helpers
 * whose summary is such a check count too. Format validation (`z.string().url()`, `isURL`) does not.
 */
import type * as ts from 'typescript';
import { NO_SINK_TARGETS } from './spec.js';
import { getObjectPropertyValue, getShortText, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants } from '../core/walk.js';
import { getFileBindings } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { findThisMember, mayBeProjectModule, normalizeModuleName } from './module-paths.js';
import { resolveConstValue } from '../model/const-value.js';
import type { ResolvedSettings } from '../settings/schema.js';
import {
  AGENT_OPTION_KEYS,
  HTTP_CLIENTS,
  findAddressCheck,
  findProjectAddressCheck,
  findHttpClient,
  isAddressRangeParser,
  isSafeAgent,
  parseSsrfSinkSetting,
  type HttpClientRow,
  type UrlOptionKeys,
} from '../catalog/http-clients.js';
import type { FlowApi, FlowSpec, GuardCheck, SinkTarget } from './spec.js';
import type { UrlPart } from './url-parts.js';

/** URL properties whose equality says nothing about the host. */
const NON_HOST_URL_PROPERTIES = new Set(['protocol', 'port', 'pathname', 'search', 'hash', 'username', 'password', 'length', 'searchParams']);

const specs = new WeakMap<ResolvedSettings, FlowSpec>();

/** The SSRF spec for a settings object (created once per settings object, so the engine's cache holds). */
export function getRequestForgerySpec(settings: ResolvedSettings): FlowSpec {
  let spec = specs.get(settings);
  if (!spec) {
    spec = createRequestForgerySpec(settings.ssrfSinks.map(parseSsrfSinkSetting));
    specs.set(settings, spec);
  }
  return spec;
}

function createRequestForgerySpec(extraRows: readonly HttpClientRow[]): FlowSpec {
  const findRow = (module: string | undefined, path: string, construct: boolean): HttpClientRow | undefined =>
    findHttpClient(module, path, construct) ?? extraRows.find((row) => row.module === module && row.paths.includes(path) && !construct);
  const rows: readonly HttpClientRow[] = [...(HTTP_CLIENTS as readonly HttpClientRow[]), ...extraRows];
  const modules = new Set(rows.flatMap((row) => (row.module === undefined ? [] : [row.module])));
  const globals = [...new Set(rows.flatMap((row) => (row.module === undefined ? row.paths.map((p) => p.split('.')[0]!) : [])))];
  return {
    id: 'no-ssrf',
    sources: { request: 'all' },
    // A sink is a catalogued package's export or a global: a file that imports none and never names
    // a global client has none.
    mayHaveSinks: (sourceFile, api) => {
      const importsClient = [...getFileBindings(api.ts, sourceFile).imports.values()].some((binding) => modules.has(normalizeModuleName(binding.module)));
      if (importsClient || globals.some((name) => sourceFile.text.includes(name))) return true;
      // With the project index, a client instance may be imported from a project module (`lib/http.ts`).
      const project = api.ctx.project;
      if (!project) return false;
      return [...getFileBindings(api.ts, sourceFile).imports.values()].some((binding) => {
        const name = (binding.node as { name?: ts.Node }).name;
        if (!name || !api.ts.isIdentifier(name) || !mayBeProjectModule(project, binding.module)) return false;
        const path = api.modulePathOf(name);
        return path !== undefined && !path.local && path.module !== undefined && modules.has(path.module);
      });
    },
    sinks: (node, api) => getRequestForgerySinks(node, api, findRow),
    isBarrier: (expr, api) => isAllowlistedSchemaParse(expr, api),
    barrierGuard: (condition, api) => getAllowlistCheck(condition, api),
    mayBeGuardCall: (call, api) => api.modulePathOf(call.expression)?.local === true,
  };
}

/** The URL-bearing values of an outbound request call, or none. */
export function getRequestForgerySinks(
  node: ts.Node,
  api: FlowApi,
  findRow: (module: string | undefined, path: string, construct: boolean) => HttpClientRow | undefined = findHttpClient,
): readonly SinkTarget[] {
  const tsApi = api.ts;
  const construct = tsApi.isNewExpression(node);
  if (!construct && !tsApi.isCallExpression(node)) return NO_SINK_TARGETS;
  const call = node as ts.CallExpression | ts.NewExpression;
  const path = api.modulePathOf(call.expression);
  if (!path || path.local) return NO_SINK_TARGETS;
  const row = findRow(path.module, path.path, construct);
  if (!row) return NO_SINK_TARGETS;
  const args = call.arguments ?? [];
  if (args.some((arg) => hasSafeAgent(arg, api))) return NO_SINK_TARGETS;
  const factory = getInstanceFactory(call.expression, api);
  if (factory && factory.arguments.some((arg) => hasSafeAgent(arg, api))) return NO_SINK_TARGETS;
  const urlPosition: UrlPart = factory && joinsPrefix(factory, api) ? 'path' : 'whole';
  const label = construct ? `new ${getShortText(api.sourceFile, call.expression, 40)}` : getShortText(api.sourceFile, call.expression, 40);
  const targets: SinkTarget[] = [];
  for (const { arg: index, shape } of row.urlArguments) {
    const arg = args[index];
    if (!arg || tsApi.isSpreadElement(arg)) continue;
    if (shape === 'host') {
      targets.push({ node: call, expression: arg, position: 'host', label, role: 'host' });
      continue;
    }
    const asOptions = shape === 'options' || (shape === 'url-or-options' && isOptionsExpression(arg, api));
    if (!asOptions) {
      targets.push({ node: call, expression: arg, position: urlPosition, label, role: 'URL' });
      continue;
    }
    targets.push(...optionTargets(call, arg, row.options ?? {}, urlPosition, label));
  }
  return targets;
}

function optionTargets(call: ts.Node, arg: ts.Expression, keys: UrlOptionKeys, urlPosition: UrlPart, label: string): SinkTarget[] {
  const targets: SinkTarget[] = [];
  for (const key of keys.url ?? []) targets.push({ node: call, expression: arg, access: [key], position: urlPosition, label, role: 'URL' });
  for (const key of keys.base ?? []) targets.push({ node: call, expression: arg, access: [key], position: 'whole', label, role: 'base URL' });
  for (const key of keys.host ?? []) targets.push({ node: call, expression: arg, access: [key], position: 'host', label, role: 'host' });
  for (const key of keys.path ?? []) targets.push({ node: call, expression: arg, access: [key], position: 'path', label, role: 'path' });
  return targets;
}

/** An object literal, or a variable initialized with one. */
function isOptionsExpression(arg: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const expr = skipOuterExpressions(tsApi, arg);
  if (tsApi.isObjectLiteralExpression(expr)) return true;
  if (!tsApi.isIdentifier(expr)) return false;
  const decl = resolveIdentifier(tsApi, expr)?.declaration;
  return !!decl && tsApi.isVariableDeclaration(decl) && !!decl.initializer && tsApi.isObjectLiteralExpression(skipOuterExpressions(tsApi, decl.initializer));
}

/** `{ agent: ssrfFilter(url) }`, `{ httpAgent: new RequestFilteringHttpAgent() }`. */
function hasSafeAgent(arg: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const expr = skipOuterExpressions(tsApi, arg);
  if (!tsApi.isObjectLiteralExpression(expr)) return false;
  if (hasAddressCheckingHooks(expr, api)) return true;
  for (const prop of expr.properties) {
    if (!tsApi.isPropertyAssignment(prop) && !tsApi.isShorthandPropertyAssignment(prop)) continue;
    const name = prop.name && tsApi.isIdentifier(prop.name) ? prop.name.text : undefined;
    if (!name || !AGENT_OPTION_KEYS.includes(name)) continue;
    const value = tsApi.isPropertyAssignment(prop) ? prop.initializer : prop.name;
    const inner = skipOuterExpressions(tsApi, value);
    const callee = tsApi.isCallExpression(inner) || tsApi.isNewExpression(inner) ? inner.expression : inner;
    const path = api.modulePathOf(callee);
    if (path && isSafeAgent(path.module, path.path)) return true;
    if (isAddressFilteringAgent(value, api)) return true;
  }
  return false;
}

/**
 * An agent whose DNS lookup refuses internal addresses: undici's `new Agent({ connect: { lookup } })`
 * or `new https.Agent({ lookup })`, held in a constant (here, or imported with the project index),
 * whose `lookup` fails its callback after an address check. Every connection, redirects included,
 * resolves through it.
 */
function isAddressFilteringAgent(value: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  let expr = skipOuterExpressions(tsApi, value);
  if (tsApi.isIdentifier(expr)) {
    const declaration = importedDeclaration(expr, api) ?? resolveIdentifier(tsApi, expr)?.declaration;
    if (!declaration || !tsApi.isVariableDeclaration(declaration) || !declaration.initializer) return false;
    expr = skipOuterExpressions(tsApi, declaration.initializer);
  }
  const options = tsApi.isNewExpression(expr) && expr.arguments?.[0] ? skipOuterExpressions(tsApi, expr.arguments[0]) : undefined;
  if (!options || !tsApi.isObjectLiteralExpression(options)) return false;
  const connect = getObjectPropertyValue(tsApi, options, 'connect');
  const connectObject = connect ? skipOuterExpressions(tsApi, connect) : undefined;
  const holder = connectObject && tsApi.isObjectLiteralExpression(connectObject) ? connectObject : options;
  const lookup = getObjectPropertyValue(tsApi, holder, 'lookup');
  return lookup !== undefined && refusesInternalAddress(lookup, api);
}

/**
 * got's `hooks: { beforeRequest: [rejectPrivate], beforeRedirect: [rejectPrivate] }` where the hook
 * throws after an address check (`if (isPrivateIp(address)) throw ...`): every request, and every
 * redirect (or `followRedirect: false`), is refused an internal address.
 */
function hasAddressCheckingHooks(options: ts.ObjectLiteralExpression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const hooks = getObjectPropertyValue(tsApi, options, 'hooks');
  const hooksObject = hooks ? skipOuterExpressions(tsApi, hooks) : undefined;
  if (!hooksObject || !tsApi.isObjectLiteralExpression(hooksObject)) return false;
  const checks = (key: string): boolean => {
    const list = getObjectPropertyValue(tsApi, hooksObject, key);
    const array = list ? skipOuterExpressions(tsApi, list) : undefined;
    return !!array && tsApi.isArrayLiteralExpression(array) && array.elements.some((element) => refusesInternalAddress(element, api));
  };
  if (!checks('beforeRequest')) return false;
  const followRedirect = getObjectPropertyValue(tsApi, options, 'followRedirect');
  return checks('beforeRedirect') || (followRedirect !== undefined && skipOuterExpressions(tsApi, followRedirect).kind === tsApi.SyntaxKind.FalseKeyword);
}

/** A hook function of this file that throws after checking an address (a catalog check or one named like it). */
function refusesInternalAddress(hook: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  let fn: ts.Node | undefined = skipOuterExpressions(tsApi, hook);
  if (tsApi.isIdentifier(fn)) {
    const declaration = resolveIdentifier(tsApi, fn)?.declaration;
    fn = declaration && tsApi.isVariableDeclaration(declaration) && declaration.initializer ? skipOuterExpressions(tsApi, declaration.initializer) : declaration;
  }
  if (!fn || !isFunctionLike(tsApi, fn) || !fn.body) return false;
  const body = fn.body;
  let throws = false;
  let checks = false;
  const parameters = new Set<ts.Node>(fn.parameters);
  walkDescendants(tsApi, body, (node) => {
    if (tsApi.isThrowStatement(node)) throws = true;
    // A lookup's `callback(new Error('Blocked IP'))` fails the connection.
    if (tsApi.isCallExpression(node) && isErrorCallback(tsApi, node, parameters)) throws = true;
    // `return Promise.reject(new Error(...))` fails the hook too.
    if (tsApi.isCallExpression(node) && api.modulePathOf(node.expression)?.path === 'Promise.reject') throws = true;
    if (tsApi.isCallExpression(node) && node.arguments.length > 0) {
      const callee = skipOuterExpressions(tsApi, node.expression);
      const path = api.modulePathOf(callee);
      const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if ((path && findAddressCheck(path.module, path.path)) || (name && findProjectAddressCheck(name))) checks = true;
    }
    return undefined;
  });
  return throws && checks;
}

/** `callback(new Error(...))` where `callback` is a parameter of the function. */
function isErrorCallback(tsApi: FlowApi['ts'], call: ts.CallExpression, parameters: ReadonlySet<ts.Node>): boolean {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isIdentifier(callee)) return false;
  const declaration = resolveIdentifier(tsApi, callee)?.declaration;
  if (!declaration || !parameters.has(declaration)) return false;
  const first = call.arguments[0] ? skipOuterExpressions(tsApi, call.arguments[0]) : undefined;
  return !!first && tsApi.isNewExpression(first) && tsApi.isIdentifier(first.expression) && /Error$/.test(first.expression.text);
}

/** The factory call that made the instance a method is called on: `api.get` with `const api = got.extend({...})`. */
function getInstanceFactory(callee: ts.Expression, api: FlowApi): ts.CallExpression | undefined {
  const tsApi = api.ts;
  let expr = skipOuterExpressions(tsApi, callee);
  if (tsApi.isPropertyAccessExpression(expr)) expr = skipOuterExpressions(tsApi, expr.expression);
  for (let depth = 0; depth < 4; depth++) {
    if (tsApi.isCallExpression(expr)) return expr;
    if (tsApi.isPropertyAccessExpression(expr) && expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
      // `this.client.get(...)` with `client = got.extend({...})` as a field or assigned in the constructor
      const value = findThisMember(tsApi, expr, expr.name.text)?.value;
      if (!value) return undefined;
      expr = skipOuterExpressions(tsApi, value);
      continue;
    }
    if (!tsApi.isIdentifier(expr)) return undefined;
    const decl = importedDeclaration(expr, api) ?? resolveIdentifier(tsApi, expr)?.declaration;
    if (!decl || !tsApi.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    expr = skipOuterExpressions(tsApi, decl.initializer);
  }
  return undefined;
}

/** With the project index, the declaration an imported name stands for (`externalRequest` imported from `lib/request-external`). */
function importedDeclaration(name: ts.Identifier, api: FlowApi): ts.Node | undefined {
  const project = api.ctx.project;
  if (!project) return undefined;
  const file = name.getSourceFile();
  const binding = getFileBindings(api.ts, file).imports.get(name.text);
  if (!binding || binding.imported === '*') return undefined;
  const target = project.resolveImport(file, binding.module);
  return target ? project.resolveExport(target, binding.imported)?.declaration : undefined;
}

/** True when the factory sets the option its instances prepend (`got.extend({ prefixUrl })`). */
function joinsPrefix(factory: ts.CallExpression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const path = api.modulePathOf(factory.expression);
  const row = path ? findHttpClient(path.module, path.path, false) : undefined;
  const option = row?.joinsPrefixOption;
  if (!option) return false;
  const arg = factory.arguments[0] ? skipOuterExpressions(tsApi, factory.arguments[0]) : undefined;
  return !!arg && tsApi.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name !== undefined && tsApi.isIdentifier(p.name) && p.name.text === option);
}

// ---------------------------------------------------------------- allowlist checks

const SCHEMA_PARSE_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync']);

/**
 * `schema.parse(input)` where the schema refines a value with an allowlist check
 * (`z.string().url().refine((u) => ALLOWED.has(new URL(u).hostname))`): the result is checked.
 */
function isAllowlistedSchemaParse(expr: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  if (!tsApi.isCallExpression(expr) || !tsApi.isPropertyAccessExpression(expr.expression)) return false;
  if (!SCHEMA_PARSE_METHODS.has(expr.expression.name.text)) return false;
  const pending: { node: ts.Node; depth: number }[] = [{ node: expr.expression.expression, depth: 0 }];
  let refined = false;
  while (pending.length > 0 && !refined) {
    const { node, depth } = pending.pop()!;
    const visit = (n: ts.Node): void => {
      if (refined) return;
      if (tsApi.isIdentifier(n) && depth < 3) {
        const decl = resolveIdentifier(tsApi, n)?.declaration;
        if (decl && tsApi.isVariableDeclaration(decl) && decl.initializer && decl.getSourceFile() === n.getSourceFile()) {
          pending.push({ node: decl.initializer, depth: depth + 1 });
        }
        return;
      }
      if (
        tsApi.isCallExpression(n) &&
        tsApi.isPropertyAccessExpression(n.expression) &&
        (n.expression.name.text === 'refine' || n.expression.name.text === 'superRefine') &&
        n.arguments[0] &&
        containsAllowlistCheck(n.arguments[0], api)
      ) {
        refined = true;
        return;
      }
      tsApi.forEachChild(n, visit);
    };
    visit(node);
  }
  return refined;
}

/** True when a refinement callback holds a host allowlist check (`.has`, `.includes`, `===`, ...). */
function containsAllowlistCheck(callback: ts.Node, api: FlowApi): boolean {
  const tsApi = api.ts;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (tsApi.isCallExpression(n) || tsApi.isBinaryExpression(n)) {
      const check = getAllowlistCheck(n, { ...api, isTainted: () => true });
      // The checked value must be a host, origin or URL read (a protocol comparison pins nothing).
      if (check && isHostish(check.checked, api)) {
        found = true;
        return;
      }
    }
    tsApi.forEachChild(n, visit);
  };
  visit(callback);
  return found;
}

/** A read of a host, hostname or origin, or a whole URL value. */
function isHostish(expr: ts.Expression, api: FlowApi): boolean {
  const inner = skipOuterExpressions(api.ts, expr);
  if (api.ts.isPropertyAccessExpression(inner)) return ['host', 'hostname', 'origin', 'href'].includes(inner.name.text);
  return isHostRead(inner, api) || api.ts.isIdentifier(inner);
}

/** An allowlist check of a host, origin or URL, or a private-address check. */
export function getAllowlistCheck(condition: ts.Expression, api: FlowApi): GuardCheck | undefined {
  const tsApi = api.ts;
  const cond = skipOuterExpressions(tsApi, condition);
  if (tsApi.isCallExpression(cond)) return getCallCheck(cond, api);
  if (!tsApi.isBinaryExpression(cond)) return undefined;
  const op = cond.operatorToken.kind;
  const kinds = tsApi.SyntaxKind;
  if (op === kinds.InKeyword) return isHostComparable(cond.left, api) ? { checked: cond.left, when: true, against: cond.right } : undefined;
  const equal = op === kinds.EqualsEqualsEqualsToken || op === kinds.EqualsEqualsToken;
  const notEqual = op === kinds.ExclamationEqualsEqualsToken || op === kinds.ExclamationEqualsToken;
  // ALLOWED.indexOf(host) !== -1
  const indexOf = getIndexOfCheck(cond, api);
  if (indexOf) return indexOf;
  if (!equal && !notEqual) return undefined;
  // ipaddr.parse(address).range() === 'unicast'
  const range = getAddressRangeCheck(cond, api);
  if (range) return { checked: range.address, when: equal === range.isPublicRange };
  const leftTainted = api.isTainted(cond.left);
  const checked = leftTainted ? cond.left : cond.right;
  const against = leftTainted ? cond.right : cond.left;
  if (!isHostComparable(checked, api) || isTrivialValue(against, api)) return undefined;
  return { checked, when: equal, against };
}

function getCallCheck(call: ts.CallExpression, api: FlowApi): GuardCheck | undefined {
  const tsApi = api.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  const path = api.modulePathOf(callee);
  const addressCheck = path ? findAddressCheck(path.module, path.path) : undefined;
  if (addressCheck && call.arguments[0]) return { checked: call.arguments[0], when: addressCheck.truthyMeans === 'public' };
  // The project's own address predicate, by name: `if (isPrivateAddress(address)) throw`, `if (!isPublicIp(ip)) return`.
  if (call.arguments[0] && (!path || path.local)) {
    const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const truthyMeans = name ? findProjectAddressCheck(name) : undefined;
    if (truthyMeans) return { checked: call.arguments[0], when: truthyMeans === 'public' };
  }
  if (!tsApi.isPropertyAccessExpression(callee) || call.arguments.length === 0) return undefined;
  const method = callee.name.text;
  const receiver = callee.expression;
  const first = call.arguments[0]!;
  if ((method === 'has' || method === 'includes') && call.arguments.length === 1) {
    return isHostComparable(first, api) ? { checked: first, when: true, against: receiver } : undefined;
  }
  if (method === 'startsWith') {
    const prefix = getConstantString(first, api) ?? getConcatenationPrefix(first, api);
    return prefix !== undefined && isFixedOriginPrefix(prefix) ? { checked: receiver, when: true } : undefined;
  }
  // ALLOWED.some((h) => host === h || host.endsWith(`.${h}`)), PREFIXES.some((p) => url.startsWith(p))
  if ((method === 'some' || method === 'find') && call.arguments.length === 1) {
    const checked = getCallbackComparison(receiver, first, api);
    if (checked) return { checked, when: true, against: receiver };
  }
  if (method === 'endsWith') {
    const suffix = getConstantString(first, api) ?? getConcatenationPrefix(first, api);
    return suffix !== undefined && suffix.startsWith('.') && isHostRead(receiver, api) ? { checked: receiver, when: true } : undefined;
  }
  if (method === 'test' && call.arguments.length === 1) {
    const regex = skipOuterExpressions(tsApi, receiver);
    if (tsApi.isRegularExpressionLiteral(regex) && isAnchoredAllowlistRegex(regex.text)) return { checked: first, when: true };
  }
  return undefined;
}

/** `ipaddr.parse(address).range()` compared to a static range name. */
function getAddressRangeCheck(cond: ts.BinaryExpression, api: FlowApi): { address: ts.Expression; isPublicRange: boolean } | undefined {
  const tsApi = api.ts;
  for (const [side, other] of [
    [cond.left, cond.right],
    [cond.right, cond.left],
  ] as const) {
    const call = skipOuterExpressions(tsApi, side);
    if (!tsApi.isCallExpression(call) || !tsApi.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'range') continue;
    const parsed = skipOuterExpressions(tsApi, call.expression.expression);
    if (!tsApi.isCallExpression(parsed) || !parsed.arguments[0]) continue;
    const path = api.modulePathOf(parsed.expression);
    const rangeName = getStaticString(tsApi, other);
    if (path && isAddressRangeParser(path.module, path.path) && rangeName !== undefined) {
      return { address: parsed.arguments[0], isPublicRange: rangeName === 'unicast' };
    }
  }
  return undefined;
}

/**
 * The value an allowlist callback compares its element with: `host` in `(h) => host === h`,
 * `(h) => host === h || host.endsWith('.' + h)`, `(p) => url.startsWith(p)` over constant origins.
 */
function getCallbackComparison(collection: ts.Expression, callback: ts.Expression, api: FlowApi): ts.Expression | undefined {
  const tsApi = api.ts;
  const fn = skipOuterExpressions(tsApi, callback);
  if (!tsApi.isArrowFunction(fn) && !tsApi.isFunctionExpression(fn)) return undefined;
  const param = fn.parameters[0];
  if (!param || !tsApi.isIdentifier(param.name)) return undefined;
  const element = param.name.text;
  let body: ts.Expression | undefined;
  if (!tsApi.isBlock(fn.body)) body = fn.body;
  else if (fn.body.statements.length === 1 && tsApi.isReturnStatement(fn.body.statements[0]!)) body = fn.body.statements[0].expression;
  if (!body) return undefined;
  const mentionsElement = (node: ts.Node): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (tsApi.isIdentifier(n) && n.text === element) found = true;
      else tsApi.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };
  const compared: ts.Expression[] = [];
  const parts: ts.Expression[] = [body];
  while (parts.length > 0) {
    const part = skipOuterExpressions(tsApi, parts.pop()!);
    if (tsApi.isBinaryExpression(part)) {
      const op = part.operatorToken.kind;
      if (op === tsApi.SyntaxKind.BarBarToken) {
        parts.push(part.left, part.right);
        continue;
      }
      if (op === tsApi.SyntaxKind.EqualsEqualsEqualsToken || op === tsApi.SyntaxKind.EqualsEqualsToken) {
        const [left, right] = [skipOuterExpressions(tsApi, part.left), skipOuterExpressions(tsApi, part.right)];
        if (tsApi.isIdentifier(right) && right.text === element && !mentionsElement(left)) compared.push(left);
        else if (tsApi.isIdentifier(left) && left.text === element && !mentionsElement(right)) compared.push(right);
        else return undefined;
        continue;
      }
      return undefined;
    }
    if (tsApi.isCallExpression(part) && tsApi.isPropertyAccessExpression(part.expression) && part.arguments.length === 1) {
      const method = part.expression.name.text;
      const receiver = part.expression.expression;
      const arg = part.arguments[0]!;
      if (mentionsElement(receiver) || !mentionsElement(arg)) return undefined;
      if (method === 'endsWith' && getConcatenationPrefix(arg, api)?.startsWith('.') && isHostRead(receiver, api)) {
        compared.push(receiver);
        continue;
      }
      if (method === 'startsWith' && skipOuterExpressions(tsApi, arg).getText() === element && areFixedOrigins(collection, api)) {
        compared.push(receiver);
        continue;
      }
      return undefined;
    }
    return undefined;
  }
  if (compared.length === 0) return undefined;
  const text = compared[0]!.getText();
  return compared.every((c) => c.getText() === text) ? compared[0] : undefined;
}

/** `https://api.example.com/`: a scheme, a host and the slash (or `?`, `#`) that ends it. */
function isFixedOriginPrefix(prefix: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+[/?#]/i.test(prefix);
}

/** A constant array of fixed origins (`const PREFIXES = ['https://a.example.com/', ...]`). */
function areFixedOrigins(collection: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  let expr = skipOuterExpressions(tsApi, collection);
  if (tsApi.isIdentifier(expr)) {
    const decl = resolveIdentifier(tsApi, expr)?.declaration;
    if (!decl || !tsApi.isVariableDeclaration(decl) || !decl.initializer) return false;
    expr = skipOuterExpressions(tsApi, decl.initializer);
  }
  if (!tsApi.isArrayLiteralExpression(expr) || expr.elements.length === 0) return false;
  return expr.elements.every((e) => {
    const text = getStaticString(tsApi, e);
    return text !== undefined && isFixedOriginPrefix(text);
  });
}

/** A static string, also through a `const` (`const API_PREFIX = 'https://api.example.com/'`). */
function getConstantString(expr: ts.Expression, api: FlowApi): string | undefined {
  const tsApi = api.ts;
  const inner = skipOuterExpressions(tsApi, expr);
  const text = getStaticString(tsApi, inner);
  if (text !== undefined || (!tsApi.isIdentifier(inner) && !tsApi.isPropertyAccessExpression(inner))) return text;
  // A constant of this file, an imported one (with the project index) or a constant object's member.
  const value = resolveConstValue({ ts: tsApi, file: inner.getSourceFile(), project: api.ctx.project }, inner);
  return value.kind === 'value' && value.expression !== inner ? getStaticString(tsApi, value.expression) : undefined;
}

/** `ALLOWED.indexOf(host) !== -1`, `>= 0`, `> -1` (true), `=== -1`, `< 0` (false). */
function getIndexOfCheck(cond: ts.BinaryExpression, api: FlowApi): GuardCheck | undefined {
  const tsApi = api.ts;
  const left = skipOuterExpressions(tsApi, cond.left);
  if (!tsApi.isCallExpression(left) || !tsApi.isPropertyAccessExpression(left.expression) || left.expression.name.text !== 'indexOf') return undefined;
  const item = left.arguments[0];
  if (!item || !isHostComparable(item, api)) return undefined;
  const right = cond.right.getText(api.sourceFile).replace(/\s+/g, '');
  const kinds = tsApi.SyntaxKind;
  const op = cond.operatorToken.kind;
  let when: boolean | undefined;
  if (right === '-1' && (op === kinds.ExclamationEqualsEqualsToken || op === kinds.ExclamationEqualsToken || op === kinds.GreaterThanToken)) when = true;
  if (right === '0' && op === kinds.GreaterThanEqualsToken) when = true;
  if (right === '-1' && (op === kinds.EqualsEqualsEqualsToken || op === kinds.EqualsEqualsToken)) when = false;
  if (right === '0' && op === kinds.LessThanToken) when = false;
  return when === undefined ? undefined : { checked: item, when, against: left.expression.expression };
}

/** The static text a concatenation or template starts with (`'.' + domain` gives `.`). */
function getConcatenationPrefix(expr: ts.Expression, api: FlowApi): string | undefined {
  const tsApi = api.ts;
  const inner = skipOuterExpressions(tsApi, expr);
  if (tsApi.isTemplateExpression(inner)) return inner.head.text;
  let current: ts.Expression = inner;
  while (tsApi.isBinaryExpression(current) && current.operatorToken.kind === tsApi.SyntaxKind.PlusToken) current = current.left;
  return current === inner ? undefined : getStaticString(tsApi, current);
}

/** A read of `.host`/`.hostname` (of a parsed URL), or a variable named for a host (`const { hostname } = new URL(u)`). */
function isHostRead(expr: ts.Expression, api: FlowApi): boolean {
  const inner = skipOuterExpressions(api.ts, expr);
  if (api.ts.isIdentifier(inner)) return /host/i.test(inner.text);
  return api.ts.isPropertyAccessExpression(inner) && (inner.name.text === 'hostname' || inner.name.text === 'host');
}

/** A value whose equality can pin a host: not a protocol, port or path read, not a `typeof`. */
function isHostComparable(expr: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const inner = skipOuterExpressions(tsApi, expr);
  if (tsApi.isTypeOfExpression(inner)) return false;
  if (tsApi.isPropertyAccessExpression(inner) && NON_HOST_URL_PROPERTIES.has(inner.name.text)) return false;
  return true;
}

/** `undefined`, `null`, `''`, booleans and numbers: comparing to them pins nothing. */
function isTrivialValue(expr: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const inner = skipOuterExpressions(tsApi, expr);
  if (tsApi.isIdentifier(inner) && inner.text === 'undefined') return true;
  const kinds = tsApi.SyntaxKind;
  if (inner.kind === kinds.NullKeyword || inner.kind === kinds.TrueKeyword || inner.kind === kinds.FalseKeyword) return true;
  if (tsApi.isNumericLiteral(inner)) return true;
  return getStaticString(tsApi, inner) === '';
}

/** `/^https:\/\/(www\.)?example\.com\//`, `/^(a|b)\.example\.com$/`: anchored at the start, and at the end or after the host. */
function isAnchoredAllowlistRegex(literal: string): boolean {
  const body = literal.slice(1, literal.lastIndexOf('/'));
  if (!body.startsWith('^')) return false;
  if (body.endsWith('$') && !body.endsWith('\\$')) return !/^\^\.?\*/.test(body);
  return /^\^[a-z]+\??:\\\/\\\/[^/]*?\\\./i.test(body) && /\\\/|\(\\\/\|\$\)/.test(body.slice(body.indexOf('\\/\\/') + 4));
}
