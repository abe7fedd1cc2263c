/**
 * Whether a request body is validated before its handler runs, decided at the route: celebrate or a
 * validation middleware in the registration (`router.post('/', validateBody(schema), handler)`), a
 * Fastify route `schema.body` (closed at every object level, with ajv's `removeAdditional` taken into
 * account), or, for a Nest `@Body()` parameter, the `ValidationPipe`s and the declared type
 * (`nest-validation.ts`).
 *
 * Three-valued, like every per-file answer: `validated`, `unknown` (a file the analysis cannot see
 * decides: an imported schema, a handler registered in another file, a global pipe), or a reason the
 * body is not validated at the route.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getObjectPropertyValue, getPropertyNameText, getShortText, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants, forEachNodeOfKinds } from '../core/walk.js';
import { findHandlerRegistration } from '../catalog/request-inputs.js';
import { EXPRESS_VALIDATOR } from '../catalog/validators.js';
import { getFileBindings } from '../core/bindings.js';
import { matchesNameList } from '../settings/schema.js';
import { resolveFunctionReference } from '../flow/call-targets.js';
import { getBodySchemaVerdict } from './body-schema.js';
import { getSchemaUnknownKeys } from './schema-unknown-keys.js';
import { resolveConstValue } from './const-value.js';
import { getFileRoutesInProject } from './resolve-api-model.js';
import { getHandlerOfFunction, getWrappedRegistrationArgument, type Handler } from './handlers.js';
import { resolveRegisteredHandler, type RegisteredHandlerLookup } from './handler-wrappers.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';
import { getNestBodyValidation, type NestBodyReason, type NestValidationPipeUse } from './nest-validation.js';
import { matchValidationMiddleware } from './validation-calls.js';

export type RouteBodyValidation =
  /** Validated at the route: a whitelisting pipe, a closed schema, celebrate, a validation middleware. */
  | { readonly kind: 'validated' }
  /** Another file decides; per-file mode stays silent. */
  | { readonly kind: 'unknown' }
  /** Nothing at the route validates the body (or the source is not a handler's). */
  | { readonly kind: 'none' }
  /** A Fastify body schema that accepts undeclared properties at `path`. */
  | { readonly kind: 'open-schema'; readonly path: string }
  /** Validation middleware that keeps undeclared keys (`celebrate` with `allowUnknown`, joi `.unknown()`). */
  | { readonly kind: 'permissive-middleware'; readonly text: string }
  /** A Nest body that no whitelisting `ValidationPipe` validates, with the reason in words. */
  | {
      readonly kind: 'nest-unvalidated';
      readonly reason: NestBodyReason;
      readonly detail: string;
      /** The `ValidationPipe`s that apply (none whitelists), for a suggestion that adds `whitelist: true`. */
      readonly pipes: readonly NestValidationPipeUse[];
    };

export interface BodyValidationScope {
  readonly ts: TsApi;
  readonly project?: ProjectIndex;
  /** Extra validator and validation-middleware names (settings and rule options). */
  readonly extraValidators: readonly string[];
}

const VALIDATED: RouteBodyValidation = { kind: 'validated' };
const UNKNOWN: RouteBodyValidation = { kind: 'unknown' };
const NONE: RouteBodyValidation = { kind: 'none' };

/** The route-level validation of the body a source node reads (`req.body`, a Nest `@Body()` parameter). */
export function getRouteBodyValidation(scope: BodyValidationScope, source: ts.Node): RouteBodyValidation {
  const tsApi = scope.ts;
  if (tsApi.isParameter(source)) {
    const nest = getNestBodyValidation({ ts: tsApi, project: scope.project }, source);
    if (!nest) return NONE;
    if (nest.verdict === 'validated') return VALIDATED;
    if (nest.verdict === 'unknown') return UNKNOWN;
    if (nest.reason === 'scalar-type') return VALIDATED; // a scalar cannot carry fields
    // Without whitelisting, a declared property with no class-validator decorator passes unchecked too.
    const undecorated = nest.dto && (nest.reason === 'pipe-without-whitelist' || nest.reason === 'no-validation-pipe') ? nest.dto.undecoratedProperties : [];
    const extra =
      undecorated.length === 0
        ? ''
        : `; ${undecorated.slice(0, 3).map((p) => `\`${p}\``).join(', ')} ${undecorated.length === 1 ? 'has' : 'have'} no class-validator decorator`;
    return { kind: 'nest-unvalidated', reason: nest.reason, detail: nest.detail + extra, pipes: nest.pipes };
  }
  const handler = findEnclosingHandler(tsApi, source);
  if (!handler) return NONE;
  if (handler.framework === 'nest') return NONE; // `@Req() req` then `req.body`: no pipe validates it
  const registrations = findHandlerRegistrations(scope, handler);
  if (registrations === 'unknown') return UNKNOWN;
  if (registrations.length === 0) return NONE;
  // Several registrations of one handler: the weakest decides.
  let weakest: RouteBodyValidation = VALIDATED;
  for (const call of registrations) {
    const verdict = judgeRegistration(scope, call, handler.fn);
    if (rank(verdict) > rank(weakest)) weakest = verdict;
  }
  return weakest;
}

function rank(verdict: RouteBodyValidation): number {
  switch (verdict.kind) {
    case 'validated':
      return 0;
    case 'unknown':
      return 1;
    default:
      return 2;
  }
}

/** The innermost enclosing function that is a request handler. */
function findEnclosingHandler(tsApi: TsApi, node: ts.Node): Handler | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) {
      const handler = getHandlerOfFunction(tsApi, current);
      if (handler) return handler;
    }
  }
  return undefined;
}

/** What a registration call says about the body of the handler it registers. */
function judgeRegistration(scope: BodyValidationScope, call: ts.CallExpression, handlerFn: ts.Node): RouteBodyValidation {
  const tsApi = scope.ts;
  const file = call.getSourceFile();
  const lookup = { ts: tsApi, file, project: scope.project };
  const verdicts: RouteBodyValidation[] = [];
  const consider = (next: RouteBodyValidation): void => {
    verdicts.push(next);
  };
  const considerMiddleware = (item: ts.Expression): void => {
    const expr = skipOuterExpressions(tsApi, item);
    if (tsApi.isArrayLiteralExpression(expr)) {
      for (const element of expr.elements) considerMiddleware(element);
      return;
    }
    const middleware = matchValidationMiddleware(lookup, expr, { extraValidators: scope.extraValidators });
    if (!middleware) return;
    // `handleValidationErrors` after `body('email').isEmail()` only answers 422 for the fields the
    // chains name; the rest of the body passes, and the finding names the gate. A name from the
    // settings is the user's word.
    if (middleware.source.kind === 'named' && !isListedValidator(scope, expr) && isExpressValidatorErrorGate(scope, expr, call)) {
      consider({ kind: 'permissive-middleware', text: middleware.text });
      return;
    }
    consider(middleware.unknownKeys === 'keep' ? { kind: 'permissive-middleware', text: middleware.text } : VALIDATED);
  };
  const considerRouteOptions = (options: ts.ObjectLiteralExpression, optionsFile: ts.SourceFile): void => {
    const schema = getObjectPropertyValue(tsApi, options, 'schema');
    if (schema) {
      const resolved = resolveConstValue({ ...lookup, file: optionsFile }, schema);
      if (resolved.kind !== 'value') consider(UNKNOWN);
      else {
        const schemaObject = skipOuterExpressions(tsApi, resolved.expression);
        const body = tsApi.isObjectLiteralExpression(schemaObject) ? getObjectPropertyValue(tsApi, schemaObject, 'body') : undefined;
        if (body) {
          const bodyVerdict = getBodySchemaVerdict({ ts: tsApi, file: resolved.file, project: scope.project }, body, {
            removeAdditionalAll: usesAjvRemoveAdditionalAll(scope, call),
          });
          if (bodyVerdict.kind === 'unknown') {
            // A schema-library body (`fastify-type-provider-zod`, a joi validator compiler): its builder decides.
            const keys = getSchemaUnknownKeys({ ts: tsApi, file: resolved.file, project: scope.project }, body);
            if (keys.policy === 'keep') consider({ kind: 'permissive-middleware', text: getShortText(resolved.file, body, 60) });
            else consider(keys.policy === 'strip' || keys.policy === 'reject' ? VALIDATED : UNKNOWN);
          } else {
            consider(bodyVerdict.kind === 'closed' ? VALIDATED : { kind: 'open-schema', path: bodyVerdict.path });
          }
        } else if (!tsApi.isObjectLiteralExpression(schemaObject)) {
          consider(UNKNOWN);
        }
      }
    }
    for (const hook of ['preValidation', 'preHandler', 'onRequest']) {
      const value = getObjectPropertyValue(tsApi, options, hook);
      if (value) considerMiddleware(value);
    }
  };

  const callee = skipOuterExpressions(tsApi, call.expression);
  const method = tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (method === 'route' && call.arguments.length === 1) {
    const options = skipOuterExpressions(tsApi, call.arguments[0]!);
    if (tsApi.isObjectLiteralExpression(options)) considerRouteOptions(options, file);
    return combine(verdicts);
  }
  for (const arg of call.arguments) {
    const expr = skipOuterExpressions(tsApi, arg);
    if (expr === handlerFn || refersTo(scope, expr, handlerFn)) break;
    const wrapped = getWrappedRegistrationArgument(tsApi, expr);
    if (wrapped && (wrapped === handlerFn || refersTo(scope, wrapped, handlerFn))) break;
    if (getStaticString(tsApi, expr) !== undefined) continue;
    if (tsApi.isObjectLiteralExpression(expr)) {
      considerRouteOptions(expr, file);
      continue;
    }
    // `fastify.post('/x', routeOptions, handler)` with `const routeOptions = { schema: {...} }`
    if (tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) {
      const value = resolveConstValue(lookup, expr);
      const object = value.kind === 'value' ? skipOuterExpressions(tsApi, value.expression) : undefined;
      if (value.kind === 'value' && object && tsApi.isObjectLiteralExpression(object)) {
        considerRouteOptions(object, value.file);
        continue;
      }
    }
    considerMiddleware(expr);
  }
  return combine(verdicts);
}

/** Anything that validates wins; else anything another file decides; else the first reason it does not. */
function combine(verdicts: readonly RouteBodyValidation[]): RouteBodyValidation {
  if (verdicts.some((v) => v.kind === 'validated')) return VALIDATED;
  if (verdicts.some((v) => v.kind === 'unknown')) return UNKNOWN;
  return verdicts.find((v) => v.kind !== 'none') ?? NONE;
}

/** True when a registration argument runs `fn`: names it, or wraps it (`asyncHandler(fn)`, `const register = catchAsync(fn)`). */
export function refersTo(scope: RegisteredHandlerLookup, expr: ts.Expression, fn: ts.Node): boolean {
  const tsApi = scope.ts;
  if ((tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) && resolveFunctionReference(tsApi, expr, scope.project) === fn) return true;
  return resolveRegisteredHandler(scope, expr) === fn;
}

const REGISTRATIONS_BY_HANDLER = {};
const registrationsInFile = new FileScopedWeakMap<ts.SourceFile, ReadonlyMap<ts.Node, ts.CallExpression[]>>();

/**
 * Registrations of a handler that `handlers.ts` found without one: an exported controller function
 * passed to `router.post(...)` in another file, or a handler declared through a wrapper
 * (`const register = catchAsync(async (req, res) => ...)`, registered as `register` or
 * `authController.register`). Per file, only the handler's own file is searched, and a handler it
 * does not register is `unknown`.
 */
/**
 * The calls that register a handler as a route or middleware: the registration it was found in,
 * else those `findRegistrationsElsewhere` finds (`unknown` per file when its file registers it nowhere).
 */
export function findHandlerRegistrations(scope: RegisteredHandlerLookup, handler: Handler): readonly ts.CallExpression[] | 'unknown' {
  const own = handler.registration;
  return own && scope.ts.isCallExpression(own) ? [own] : findRegistrationsElsewhere(scope, handler);
}

function findRegistrationsElsewhere(scope: RegisteredHandlerLookup, handler: Handler): readonly ts.CallExpression[] | 'unknown' {
  const project = scope.project;
  if (!project) {
    const file = handler.fn.getSourceFile();
    let index = registrationsInFile.get(file);
    if (!index) {
      index = indexRegistrations(scope, [file]);
      registrationsInFile.set(file, index);
    }
    return index.get(handler.fn) ?? 'unknown';
  }
  return project.memo(REGISTRATIONS_BY_HANDLER, () => indexRegistrations(scope, project.files())).get(handler.fn) ?? [];
}

/** The route and middleware registrations of `files`, by the function each argument runs. */
function indexRegistrations(scope: RegisteredHandlerLookup, files: readonly ts.SourceFile[]): ReadonlyMap<ts.Node, ts.CallExpression[]> {
  const tsApi = scope.ts;
  const project = scope.project;
  const byFunction = new Map<ts.Node, ts.CallExpression[]>();
  for (const file of files) {
    forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
      if (!tsApi.isCallExpression(node)) return undefined;
      const callee = skipOuterExpressions(tsApi, node.expression);
      if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
      // `fastify.route({ schema, handler: controller.create })`
      const routeOptions = callee.name.text === 'route' && node.arguments.length === 1 ? skipOuterExpressions(tsApi, node.arguments[0]!) : undefined;
      const row = findHandlerRegistration(callee.name.text);
      if (!routeOptions && (!row || (row.role !== 'route' && row.role !== 'middleware'))) return undefined;
      // The handler of Fastify route options too: `fastify.route({ handler })`, `fastify.get('/x', { schema, handler })`.
      const candidates: ts.Expression[] = [...node.arguments];
      for (const arg of node.arguments) {
        const options = skipOuterExpressions(tsApi, arg);
        const handler = tsApi.isObjectLiteralExpression(options) ? getObjectPropertyValue(tsApi, options, 'handler') : undefined;
        if (handler) candidates.push(handler);
      }
      for (const arg of candidates) {
        // `asyncHandler(updateBooking)` registers `updateBooking`.
        const expr = getWrappedRegistrationArgument(tsApi, arg) ?? skipOuterExpressions(tsApi, arg);
        let fn = tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr) ? resolveFunctionReference(tsApi, expr, project) : undefined;
        // `register` with `const register = catchAsync(async (req, res) => ...)`, here or in a controller file.
        if (!fn && !isFunctionLike(tsApi, skipOuterExpressions(tsApi, arg))) fn = resolveRegisteredHandler(scope, arg);
        if (!fn) continue;
        const list = byFunction.get(fn) ?? [];
        list.push(node);
        byFunction.set(fn, list);
      }
      return undefined;
    });
  }
  return byFunction;
}

/** True when the middleware's name is in the `validators` setting. */
function isListedValidator(scope: BodyValidationScope, expr: ts.Expression): boolean {
  if (scope.extraValidators.length === 0) return false;
  const tsApi = scope.ts;
  const callee = tsApi.isCallExpression(expr) ? skipOuterExpressions(tsApi, expr.expression) : expr;
  const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && matchesNameList(name, scope.extraValidators);
}

/**
 * A middleware named like a validator that is express-validator's error gate: its code (read in
 * this file or, with the project index, where it is declared) calls `validationResult` and never
 * replaces a `body`; or, its code out of view, it is passed by name beside express-validator chains
 * of the same registration, without `checkExact`.
 */
function isExpressValidatorErrorGate(scope: BodyValidationScope, expr: ts.Expression, registration: ts.CallExpression): boolean {
  const tsApi = scope.ts;
  const target = tsApi.isCallExpression(expr) ? skipOuterExpressions(tsApi, expr.expression) : expr;
  const fn = tsApi.isIdentifier(target) || tsApi.isPropertyAccessExpression(target) ? resolveFunctionReference(tsApi, target, scope.project) : undefined;
  if (fn) return callsValidationResult(tsApi, fn) && !replacesBody(tsApi, fn);
  if (tsApi.isCallExpression(expr)) return false; // `validate(schema)` out of view: its schema decides
  const file = registration.getSourceFile();
  const imported = registration.arguments.flatMap((arg) => chainRoots(tsApi, arg)).map((root) => expressValidatorImport(tsApi, file, root.text));
  return imported.some((name) => name !== undefined && (EXPRESS_VALIDATOR.chains as readonly string[]).includes(name)) && !imported.includes(EXPRESS_VALIDATOR.exact);
}

/** The express-validator export a local name is bound to, if it is one. */
function expressValidatorImport(tsApi: TsApi, file: ts.SourceFile, local: string): string | undefined {
  const binding = getFileBindings(tsApi, file).imports.get(local);
  return binding && (EXPRESS_VALIDATOR.modules as readonly string[]).includes(binding.module) ? binding.imported : undefined;
}

/** The root names of chains in a registration argument: `body` in `body('email').isEmail()`, in arrays too. */
function chainRoots(tsApi: TsApi, arg: ts.Expression): ts.Identifier[] {
  const expr = skipOuterExpressions(tsApi, arg);
  if (tsApi.isArrayLiteralExpression(expr)) return expr.elements.flatMap((element) => chainRoots(tsApi, element));
  if (!tsApi.isCallExpression(expr)) return [];
  let current: ts.Expression = expr;
  while (tsApi.isCallExpression(current) || tsApi.isPropertyAccessExpression(current)) current = skipOuterExpressions(tsApi, current.expression);
  return tsApi.isIdentifier(current) ? [current] : [];
}

function callsValidationResult(tsApi: TsApi, fn: ts.Node): boolean {
  const file = fn.getSourceFile();
  let found = false;
  walkDescendants(tsApi, fn, (node) => {
    if (found) return false;
    if (tsApi.isCallExpression(node) && tsApi.isIdentifier(node.expression) && expressValidatorImport(tsApi, file, node.expression.text) === EXPRESS_VALIDATOR.result) found = true;
    return undefined;
  });
  return found;
}

/** `req.body = parsed`: the middleware replaces the body (then its own checks decide). */
function replacesBody(tsApi: TsApi, fn: ts.Node): boolean {
  let found = false;
  walkDescendants(tsApi, fn, (node) => {
    if (found) return false;
    if (
      tsApi.isBinaryExpression(node) &&
      node.operatorToken.kind === tsApi.SyntaxKind.EqualsToken &&
      tsApi.isPropertyAccessExpression(node.left) &&
      node.left.name.text === 'body'
    ) {
      found = true;
    }
    return undefined;
  });
  return found;
}

const AJV_REMOVE_ADDITIONAL_ALL = {};

/**
 * True when the Fastify instance that serves a route registration is created with
 * `ajv: { customOptions: { removeAdditional: 'all' } }`. With the project index the route is linked
 * to its root instances and each of them must set it (an application may create several servers,
 * each with its own ajv); a route whose root cannot be reached, or a root whose options cannot be
 * read, falls back to a file scan (any `removeAdditional: 'all'` in the root's file, or in any project
 * file when the root is unknown). Per file: any `removeAdditional: 'all'` in the file.
 */
function usesAjvRemoveAdditionalAll(scope: BodyValidationScope, registration: ts.CallExpression): boolean {
  const tsApi = scope.ts;
  const file = registration.getSourceFile();
  const project = scope.project;
  if (!project) return setsRemoveAdditionalAll(tsApi, [file]);
  const routes = getFileRoutesInProject(project, file).filter((route) => route.framework === 'fastify' && route.route.node === registration);
  if (routes.length === 0 || routes.some((route) => !route.root)) {
    return project.memo(AJV_REMOVE_ADDITIONAL_ALL, () => setsRemoveAdditionalAll(tsApi, project.files()));
  }
  return routes.every((route) => rootSetsRemoveAdditionalAll(scope, route.root!.file, route.root!.router.node));
}

/** `const app = Fastify({ ajv: { customOptions: { removeAdditional: 'all' } } })`: the root's own options. */
function rootSetsRemoveAdditionalAll(scope: BodyValidationScope, file: ts.SourceFile, declaration: ts.Node): boolean {
  const tsApi = scope.ts;
  const lookup = { ts: tsApi, file, project: scope.project };
  const creation = tsApi.isVariableDeclaration(declaration) || tsApi.isPropertyDeclaration(declaration)
    ? declaration.initializer
    : tsApi.isBinaryExpression(declaration) ? declaration.right : undefined;
  const call = creation ? skipOuterExpressions(tsApi, creation) : undefined;
  if (!call || !tsApi.isCallExpression(call)) return setsRemoveAdditionalAll(tsApi, [file]);
  if (call.arguments.length === 0) return false;
  const options = readObject(lookup, call.arguments[0]!);
  if (!options) return setsRemoveAdditionalAll(tsApi, [file]);
  const ajv = getObjectPropertyValue(tsApi, options.object, 'ajv');
  if (!ajv) {
    // `Fastify({ ...opts })`: the spread may carry the ajv options.
    return options.object.properties.some((p) => tsApi.isSpreadAssignment(p)) && setsRemoveAdditionalAll(tsApi, [file]);
  }
  const ajvObject = readObject({ ...lookup, file: options.file }, ajv);
  const custom = ajvObject && getObjectPropertyValue(tsApi, ajvObject.object, 'customOptions');
  const customObject = custom && readObject({ ...lookup, file: ajvObject.file }, custom);
  const value = customObject && getObjectPropertyValue(tsApi, customObject.object, 'removeAdditional');
  return value !== undefined && getStaticString(tsApi, value) === 'all';
}

function readObject(
  lookup: { readonly ts: TsApi; readonly file: ts.SourceFile; readonly project?: ProjectIndex },
  expr: ts.Expression,
): { readonly object: ts.ObjectLiteralExpression; readonly file: ts.SourceFile } | undefined {
  const tsApi = lookup.ts;
  const direct = skipOuterExpressions(tsApi, expr);
  if (tsApi.isObjectLiteralExpression(direct)) return { object: direct, file: lookup.file };
  const resolved = resolveConstValue(lookup, expr);
  if (resolved.kind !== 'value') return undefined;
  const object = skipOuterExpressions(tsApi, resolved.expression);
  return tsApi.isObjectLiteralExpression(object) ? { object, file: resolved.file } : undefined;
}

/** Any `removeAdditional: 'all'` in the files. */
function setsRemoveAdditionalAll(tsApi: TsApi, files: readonly ts.SourceFile[]): boolean {
  let found = false;
  for (const sf of files) {
    if (found) break;
    if (!sf.text.includes('removeAdditional')) continue;
    walkDescendants(tsApi, sf, (node) => {
      if (found) return false;
      if (tsApi.isPropertyAssignment(node) && getPropertyNameText(tsApi, node.name) === 'removeAdditional' && getStaticString(tsApi, node.initializer) === 'all') {
        found = true;
      }
      return undefined;
    });
  }
  return found;
}
