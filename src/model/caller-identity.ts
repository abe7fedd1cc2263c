/**
 * Does a handler, or any function it reaches, use the caller's identity? `require-ownership-check`
 * reports a lookup by a client-supplied id only when the answer is a proven `none`.
 *
 * Identity is any of (`src/catalog/record-access.ts`):
 * - a read of the request's caller: `req.user`, `request.auth`, `req.session.userId`, `ctx.state.user`,
 *   `res.locals.user`, `const { user } = req`, a handler parameter destructured as `({ user, params })`;
 * - a Nest parameter decorator that injects the caller (`@CurrentUser()`, `@User()`, `@AuthUser()`),
 *   or a project decorator made with `createParamDecorator` whose factory reads `request.user`;
 * - a policy: a call like `ability.can(...)`, `ForbiddenError.from(ability)`, `authorize(...)`,
 *   `checkOwnership(...)`, or a decorator like `@Roles('admin')`, `@CheckPolicies(...)` on the route method or its controller;
 * - a token read in the handler (`jwt.verify`, `jwtService.verifyAsync`, `getServerSession`, `currentUser()`);
 * - an owner key in an object literal (`where: { id, userId }`, `{ tenantId: ctx.tenant }`) whose value is not client input.
 *
 * Calls are followed with the flow engine's call targets (`src/flow/call-targets.ts`): local
 * functions, and with the project index imported functions and injected Nest services. A call that
 * may run project code the analysis cannot read (an import of a project file in per-file mode, a
 * method of an injected service whose class is not found) makes the answer `unknown`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getDecoratorName, getDecorators, getParameterName, getPropertyNameText, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { walkDescendants } from '../core/walk.js';
import { resolveCallTarget, getInjectedParameter } from '../flow/call-targets.js';
import { mayBeProjectModule, isProjectSpecifier } from '../flow/module-paths.js';
import { resolveNestName } from '../frameworks/nest-symbols.js';
import {
  IDENTITY_PARAMETER_DECORATOR,
  IDENTITY_PROPERTIES,
  OWNER_KEYS,
  POLICY_CALL,
  POLICY_DECORATOR,
  REQUEST_OBJECT_NAME,
} from '../catalog/record-access.js';
import { classifyReceiver } from './model-receivers.js';
import { findDeclarationInScope } from './scope-lookup.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface IdentityLookup {
  readonly ts: TsApi;
  readonly project?: ProjectIndex;
}

export type IdentityAnswer =
  | { readonly kind: 'uses'; readonly evidence: string; readonly node: ts.Node }
  | { readonly kind: 'unknown'; readonly evidence: string }
  | { readonly kind: 'none'; readonly functions: number };

/** Functions followed from one handler before the answer becomes `unknown`. */
const MAX_FUNCTIONS = 60;
/** Calls that read the caller from a token or session store. */
const IDENTITY_CALL = /^(?:verify|verifyAsync|verifyToken|verifyJwt|decodeToken|getServerSession|getSession|currentUser|getCurrentUser|getUser|getAuthUser|getUserFromToken|getUserFromRequest|getAuth|auth|requireUser|getLoggedInUser|whoami)$/;
/** Objects whose `user`/`auth` member is the caller, besides the request: Express `res.locals`, Koa `ctx.state`, Fastify `request.raw`. */
const CALLER_HOLDER_NAME = /^(?:locals|state|raw)$/;
/** Nest's own parameter decorators that do not inject the caller. */
const NEST_INPUT_DECORATORS: ReadonlySet<string> = new Set(['Param', 'Body', 'Query', 'Headers', 'Req', 'Request', 'Res', 'Response', 'Next', 'Ip', 'HostParam', 'UploadedFile', 'UploadedFiles']);
/** Client input reads: an owner key set from these is not the caller's identity. */
const CLIENT_INPUT_TEXT = /^(?:req|request)\.(?:params|query|body)\b|^(?:params|query|body|dto)\b/;

const fileModeCache = new FileScopedWeakMap<ts.Node, IdentityAnswer>();
const projectCaches = new WeakMap<ProjectIndex, WeakMap<ts.Node, IdentityAnswer>>();

/** Whether `entry` (a route handler) or what it calls uses the caller's identity. Cached per function. */
export function findCallerIdentityUse(lookup: IdentityLookup, entry: ts.FunctionLikeDeclaration): IdentityAnswer {
  let cache: WeakMap<ts.Node, IdentityAnswer> = fileModeCache;
  if (lookup.project) {
    cache = projectCaches.get(lookup.project) ?? new WeakMap();
    projectCaches.set(lookup.project, cache);
  }
  let answer = cache.get(entry);
  if (!answer) {
    answer = search(lookup, entry);
    cache.set(entry, answer);
  }
  return answer;
}

function search(lookup: IdentityLookup, entry: ts.FunctionLikeDeclaration): IdentityAnswer {
  const tsApi = lookup.ts;
  const decorated = checkDecorators(lookup, entry);
  if (decorated) return decorated;
  const seen = new Set<ts.Node>([entry]);
  const queue: ts.FunctionLikeDeclaration[] = [entry];
  while (queue.length > 0) {
    const fn = queue.shift()!;
    if (!fn.body) continue;
    let answer: IdentityAnswer | undefined;
    const parameters = checkParameters(tsApi, fn);
    if (parameters) return parameters;
    walkDescendants(tsApi, fn.body, (node) => {
      if (answer?.kind === 'uses') return false;
      const found = checkNode(lookup, node);
      if (found) {
        if (found.kind === 'uses' || !answer) answer = found;
        return found.kind === 'uses' ? false : undefined;
      }
      if (tsApi.isCallExpression(node)) {
        const target = resolveCallTarget(tsApi, node, lookup.project);
        if (target) {
          if (!seen.has(target.fn)) {
            seen.add(target.fn);
            queue.push(target.fn);
          }
        } else if (!answer) {
          const why = whyUnreadable(lookup, node);
          if (why) answer = { kind: 'unknown', evidence: why };
        }
      }
      return undefined;
    });
    if (answer?.kind === 'uses') return answer;
    if (answer) return answer;
    if (seen.size > MAX_FUNCTIONS) return { kind: 'unknown', evidence: 'it reaches too many functions to read' };
  }
  return { kind: 'none', functions: seen.size };
}

/** `@CurrentUser() user`, `@Roles('admin')` on the method or its controller. */
function checkDecorators(lookup: IdentityLookup, fn: ts.FunctionLikeDeclaration): IdentityAnswer | undefined {
  const tsApi = lookup.ts;
  if (!tsApi.isMethodDeclaration(fn)) return undefined;
  const holders: ts.Node[] = [fn];
  if (fn.parent && (tsApi.isClassDeclaration(fn.parent) || tsApi.isClassExpression(fn.parent))) holders.push(fn.parent);
  for (const holder of holders) {
    for (const decorator of getDecorators(tsApi, holder)) {
      const name = getDecoratorName(tsApi, decorator);
      if (name && POLICY_DECORATOR.test(name)) return { kind: 'uses', evidence: `\`@${name}()\` restricts it`, node: decorator };
    }
  }
  for (const param of fn.parameters) {
    for (const decorator of getDecorators(tsApi, param)) {
      const name = getDecoratorName(tsApi, decorator);
      if (!name || NEST_INPUT_DECORATORS.has(name)) continue;
      if (IDENTITY_PARAMETER_DECORATOR.test(name)) return { kind: 'uses', evidence: `\`@${name}()\` injects the caller`, node: decorator };
      const made = readsCallerInFactory(lookup, fn.getSourceFile(), name);
      if (made === true) return { kind: 'uses', evidence: `\`@${name}()\` reads the caller from the request`, node: decorator };
      if (made === undefined) return { kind: 'unknown', evidence: `the parameter decorator \`@${name}()\` could not be read` };
    }
  }
  return undefined;
}

/** A project decorator `createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().user)`: true; `false` when it reads no caller; `undefined` when unreadable. */
function readsCallerInFactory(lookup: IdentityLookup, file: ts.SourceFile, name: string): boolean | undefined {
  const tsApi = lookup.ts;
  const symbol = resolveNestName(lookup, file, name);
  if (symbol.kind !== 'declaration') {
    const binding = getFileBindings(tsApi, file).imports.get(name);
    return binding && !isProjectSpecifier(binding.module) && !(lookup.project && mayBeProjectModule(lookup.project, binding.module)) ? false : undefined;
  }
  const node = symbol.node;
  const init = tsApi.isVariableDeclaration(node) && node.initializer ? skipOuterExpressions(tsApi, node.initializer) : undefined;
  if (!init || !tsApi.isCallExpression(init)) return undefined;
  let reads = false;
  walkDescendants(tsApi, init, (inner) => {
    if (reads) return false;
    if (tsApi.isPropertyAccessExpression(inner) && IDENTITY_PROPERTIES.includes(inner.name.text)) reads = true;
    return undefined;
  });
  return reads;
}

/** A handler parameter destructured with the caller: `({ user, params }, res) => ...`. */
function checkParameters(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): IdentityAnswer | undefined {
  for (const param of fn.parameters) {
    if (!tsApi.isObjectBindingPattern(param.name)) continue;
    for (const element of param.name.elements) {
      const key = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) : tsApi.isIdentifier(element.name) ? element.name.text : undefined;
      if (key && IDENTITY_PROPERTIES.includes(key)) return { kind: 'uses', evidence: `the handler destructures \`${key}\` from the request`, node: element };
    }
  }
  return undefined;
}

function checkNode(lookup: IdentityLookup, node: ts.Node): IdentityAnswer | undefined {
  const tsApi = lookup.ts;
  if (tsApi.isPropertyAccessExpression(node) && IDENTITY_PROPERTIES.includes(node.name.text) && isCallerHolder(tsApi, node.expression)) {
    return { kind: 'uses', evidence: `reads \`${node.getText()}\``, node };
  }
  if (tsApi.isVariableDeclaration(node) && tsApi.isObjectBindingPattern(node.name) && node.initializer && isCallerHolder(tsApi, node.initializer)) {
    for (const element of node.name.elements) {
      const key = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) : tsApi.isIdentifier(element.name) ? element.name.text : undefined;
      if (key && IDENTITY_PROPERTIES.includes(key)) return { kind: 'uses', evidence: `destructures \`${key}\` from the request`, node: element };
    }
  }
  if (tsApi.isCallExpression(node)) {
    const callee = skipOuterExpressions(tsApi, node.expression);
    const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name && POLICY_CALL.test(name)) return { kind: 'uses', evidence: `asks a policy (\`${name}(...)\`)`, node };
    if (name && IDENTITY_CALL.test(name)) return { kind: 'uses', evidence: `reads the caller (\`${name}(...)\`)`, node };
    if (tsApi.isPropertyAccessExpression(callee) && tsApi.isIdentifier(callee.expression) && callee.expression.text === 'ForbiddenError') {
      return { kind: 'uses', evidence: 'asks a CASL policy (`ForbiddenError`)', node };
    }
  }
  if ((tsApi.isPropertyAssignment(node) || tsApi.isShorthandPropertyAssignment(node)) && tsApi.isObjectLiteralExpression(node.parent)) {
    const key = getPropertyNameText(tsApi, node.name);
    if (key && OWNER_KEYS.includes(key)) {
      const value = tsApi.isPropertyAssignment(node) ? node.initializer : node.name;
      if (!isClientInput(tsApi, value)) return { kind: 'uses', evidence: `scopes by \`${key}\``, node };
    }
  }
  return undefined;
}

/** `req`, `request`, `ctx`, `res.locals`, `ctx.state`, `request.raw`, or a Nest `@Req()` parameter. */
function isCallerHolder(tsApi: TsApi, expression: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isPropertyAccessExpression(expr)) return CALLER_HOLDER_NAME.test(expr.name.text) || (expr.name.text === 'session' && isCallerHolder(tsApi, expr.expression));
  if (!tsApi.isIdentifier(expr)) return false;
  if (REQUEST_OBJECT_NAME.test(expr.text)) return true;
  const declaration = findDeclarationInScope(tsApi, expr);
  if (declaration?.kind !== 'parameter' || declaration.element) return false;
  return getDecorators(tsApi, declaration.node).some((d) => ['Req', 'Request'].includes(getDecoratorName(tsApi, d) ?? ''));
}

/** `req.params.userId`, `body.ownerId`, a variable or `@Param()`/`@Body()`/`@Query()` parameter holding one. */
function isClientInput(tsApi: TsApi, expression: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, expression);
  if (CLIENT_INPUT_TEXT.test(expr.getText())) return true;
  if (!tsApi.isIdentifier(expr)) return false;
  const declaration = findDeclarationInScope(tsApi, expr);
  if (!declaration) return false;
  if (declaration.kind === 'parameter') {
    return getDecorators(tsApi, declaration.node).some((d) => ['Param', 'Body', 'Query'].includes(getDecoratorName(tsApi, d) ?? ''));
  }
  if (declaration.kind === 'variable' && declaration.node.initializer) {
    return CLIENT_INPUT_TEXT.test(skipOuterExpressions(tsApi, declaration.node.initializer).getText());
  }
  return false;
}

/**
 * Why a call the analysis cannot follow may run project code that reads the caller, or `undefined`
 * when it cannot (a package, a global, an ORM call, a method of a local value).
 */
function whyUnreadable(lookup: IdentityLookup, call: ts.CallExpression): string | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (tsApi.isPropertyAccessExpression(callee) && classifyReceiver({ ts: tsApi, file: call.getSourceFile(), project: lookup.project }, callee.expression)) return undefined;
  let root: ts.Expression = callee;
  const members: string[] = [];
  while (tsApi.isPropertyAccessExpression(root) || tsApi.isElementAccessExpression(root) || tsApi.isCallExpression(root)) {
    if (tsApi.isPropertyAccessExpression(root)) members.unshift(root.name.text);
    root = skipOuterExpressions(tsApi, root.expression);
  }
  if (root.kind === tsApi.SyntaxKind.ThisKeyword) {
    // this.service.method(): a member the class declares or injects, in a file not read.
    const cls = findEnclosingClass(tsApi, call);
    const member = members[0];
    if (!cls || !member) return undefined;
    if (members.length === 1) return `\`this.${member}()\` could not be followed`;
    const className = getMemberClassName(tsApi, cls, member);
    if (className) {
      const binding = getFileBindings(tsApi, call.getSourceFile()).imports.get(className);
      if (binding && !isProjectSpecifier(binding.module) && !(lookup.project && mayBeProjectModule(lookup.project, binding.module))) return undefined;
    }
    return `\`this.${members.slice(0, 2).join('.')}()\` could not be followed`;
  }
  if (!tsApi.isIdentifier(root)) return undefined;
  const declaration = findDeclarationInScope(tsApi, root);
  if (!declaration) return undefined;
  if (declaration.kind === 'import') {
    const binding = getFileBindings(tsApi, call.getSourceFile()).imports.get(root.text);
    if (!binding) return undefined;
    const project = isProjectSpecifier(binding.module) || (lookup.project !== undefined && mayBeProjectModule(lookup.project, binding.module));
    return project ? `\`${[root.text, ...members].join('.')}()\` comes from \`${binding.module}\`, which was not read` : undefined;
  }
  if (declaration.kind === 'variable' && declaration.node.initializer) {
    const init = skipOuterExpressions(tsApi, declaration.node.initializer);
    // const svc = require('../services/invoices')
    if (tsApi.isCallExpression(init) && tsApi.isIdentifier(init.expression) && init.expression.text === 'require') {
      const specifier = init.arguments[0] && tsApi.isStringLiteral(init.arguments[0]) ? init.arguments[0].text : '';
      return isProjectSpecifier(specifier) ? `\`${[root.text, ...members].join('.')}()\` comes from \`${specifier}\`, which was not read` : undefined;
    }
  }
  if (declaration.kind === 'parameter' && members.length === 0) {
    const name = getParameterName(tsApi, declaration.node);
    const fn = declaration.node.parent;
    // next(): the Express continuation, not code that reads the caller.
    if (name === 'next' || name === 'done' || name === 'cb' || name === 'callback') return undefined;
    if (isFunctionLike(tsApi, fn)) return `the function parameter \`${root.text}\` could not be followed`;
  }
  return undefined;
}

/** The class of `this.member`: its injected type (`svc: FooService`), its declared type, or `new Foo()`. */
function getMemberClassName(tsApi: TsApi, cls: ts.ClassLikeDeclaration, member: string): string | undefined {
  let type = getInjectedParameter(tsApi, cls, member)?.type;
  let init: ts.Expression | undefined;
  if (!type) {
    const property = cls.members.find((m) => tsApi.isPropertyDeclaration(m) && getPropertyNameText(tsApi, m.name) === member) as ts.PropertyDeclaration | undefined;
    type = property?.type;
    init = property?.initializer ? skipOuterExpressions(tsApi, property.initializer) : undefined;
  }
  if (type && tsApi.isTypeReferenceNode(type) && tsApi.isIdentifier(type.typeName)) return type.typeName.text;
  if (init && tsApi.isNewExpression(init) && tsApi.isIdentifier(init.expression)) return init.expression.text;
  return undefined;
}

function findEnclosingClass(tsApi: TsApi, node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) return current;
  }
  return undefined;
}
