/**
 * Whole records sent to clients: the payloads of a file's response sinks (`res.json(user)`,
 * `reply.send({ user })`, a Nest or Fastify handler's `return user`) traced back, through local
 * variables, awaits, object literals, spreads, `toJSON()`/`toObject()`, chained query calls and (with
 * the project index) the return values of project functions, to the ORM query that loaded them
 * (`User.findById(id)`, `this.repo.findOneBy({ id })`, `prisma.user.findUnique(...)`).
 *
 * A record exposes the sensitive fields of its model (`model-secrets.ts`) minus what removes them:
 * a projection on the query (`.select('-password')`, Prisma `select`/`omit`, Sequelize `attributes`,
 * TypeORM `select`), the model's own hiding (`select: false`, a `toJSON` transform unless `.lean()`,
 * `defaultScope`, Prisma's global `omit`, `@Exclude()` under a `ClassSerializerInterceptor`), rest
 * destructuring (`const { password, ...safe } = user`) and `delete user.password`. Explicit picking
 * (`{ id: u.id, email: u.email }`) and mapping functions never reach a query, so they expose nothing.
 *
 * When the model is not in view and the `typeFallback` setting is on, the type checker answers from
 * the query's type.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import { getObjectPropertyValue, getPropertyNameText, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants, walkFunctionBody } from '../core/walk.js';
import { resolveCallTarget } from '../flow/call-targets.js';
import {
  PASS_THROUGH_QUERY_METHODS,
  PROJECTION_METHODS,
  PROJECTION_OPTIONS,
  RECORD_RETURNING_METHODS,
  SAME_FIELDS_METHODS,
  isSensitiveFieldName,
  withoutNonAccountFields,
  normalizeFieldName,
} from '../catalog/sensitive-fields.js';
import { describeCallee, getMemberPath } from './call-text.js';
import { getModelSecrets, type ModelSecrets } from './model-secrets.js';
import { classifyReceiver } from './model-receivers.js';
import { findDeclarationInScope } from './scope-lookup.js';
import { getResponseSinks, type ResponseSink } from './response-sinks.js';
import { resolveConstValue } from './const-value.js';
import { getRoutesOfHandler } from './route-ownership.js';

export interface RecordExposure {
  readonly sink: ResponseSink;
  /** The query that loaded the record. */
  readonly query: ts.CallExpression;
  /** `User.findById`, `this.users.findOneBy`. */
  readonly queryText: string;
  /** The model's name (`User`) and how it was found (`mongoose schema`, `entity`, `schema.prisma`, `type`). */
  readonly model: string;
  readonly definedBy: string;
  /** The sensitive fields the response carries. */
  readonly fields: readonly string[];
}

interface Origin {
  readonly query: ts.CallExpression;
  readonly receiver: ts.Expression;
  /** Fields removed on the way (rest destructuring, `delete`). */
  readonly removed: ReadonlySet<string>;
  /** `.lean()` on the query: a schema's `toJSON` transform does not run. */
  readonly lean: boolean;
  /** Fields added back with `.select('+password')`. */
  readonly forced: ReadonlySet<string>;
}

const MAX_DEPTH = 8;

/** The record exposures of `ctx.sourceFile`'s response sinks. */
export function findRecordExposures(ctx: AnalysisContext, extraFields: readonly string[]): RecordExposure[] {
  const tsApi = ctx.ts;
  const exposures: RecordExposure[] = [];
  for (const sink of getResponseSinks(tsApi, ctx.sourceFile)) {
    if (sink.kind === 'throw' || sink.kind === 'redirect' || sink.kind === 'render') continue;
    const seen = new Set<ts.Node>();
    for (const payload of sink.payload) {
      for (const origin of originsOf(ctx, payload, new Set(), 0)) {
        if (seen.has(origin.query)) continue;
        seen.add(origin.query);
        const exposure = judge(ctx, sink, origin, extraFields);
        if (exposure) exposures.push(exposure);
      }
    }
  }
  return exposures;
}

function judge(ctx: AnalysisContext, sink: ResponseSink, origin: Origin, extraFields: readonly string[]): RecordExposure | undefined {
  const tsApi = ctx.ts;
  const file = origin.query.getSourceFile();
  const secrets = getModelSecrets({ ts: tsApi, project: ctx.project, extraFields }, file, origin.receiver) ?? secretsFromType(ctx, origin.query, extraFields);
  if (!secrets || secrets.sensitive.length === 0) return undefined;
  // After the model: finding a Fastify route's schema links the route, which costs more.
  if (sink.framework === 'fastify' && responseSchemaDropsFields(ctx, sink, secrets.sensitive)) return undefined;
  const serializer = sink.kind === 'return' && sink.framework === 'nest' ? getSerializerState(ctx, sink) : 'inactive';
  const fields = secrets.sensitive.filter((field) => {
    const key = normalizeFieldName(field);
    if (origin.removed.has(key)) return false;
    if (origin.forced.has(key)) return true;
    const hidden = secrets.hidden.get(key);
    if (!hidden) return true;
    if (hidden === 'toJSON') return origin.lean;
    if (hidden === '@Exclude()') return serializer === 'inactive';
    return false;
  });
  if (fields.length === 0) return undefined;
  const callee = skipOuterExpressions(tsApi, origin.query.expression);
  return {
    sink,
    query: origin.query,
    queryText: getMemberPath(tsApi, callee) ?? describeCallee(tsApi, callee),
    model: secrets.name,
    definedBy: secrets.definedBy,
    fields,
  };
}

/** The records an expression's value holds, as queries. */
function originsOf(ctx: AnalysisContext, expression: ts.Expression, removed: ReadonlySet<string>, depth: number): Origin[] {
  const tsApi = ctx.ts;
  if (depth > MAX_DEPTH) return [];
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isAwaitExpression(expr)) return originsOf(ctx, expr.expression, removed, depth + 1);
  if (tsApi.isObjectLiteralExpression(expr)) {
    const found: Origin[] = [];
    for (const property of expr.properties) {
      if (tsApi.isShorthandPropertyAssignment(property)) found.push(...originsOf(ctx, property.name, removed, depth + 1));
      else if (tsApi.isSpreadAssignment(property)) found.push(...originsOf(ctx, property.expression, removed, depth + 1));
      else if (tsApi.isPropertyAssignment(property)) found.push(...originsOf(ctx, property.initializer, removed, depth + 1));
    }
    return found;
  }
  if (tsApi.isArrayLiteralExpression(expr)) return expr.elements.flatMap((e) => originsOf(ctx, tsApi.isSpreadElement(e) ? e.expression : e, removed, depth + 1));
  if (tsApi.isConditionalExpression(expr)) return [...originsOf(ctx, expr.whenTrue, removed, depth + 1), ...originsOf(ctx, expr.whenFalse, removed, depth + 1)];
  if (tsApi.isBinaryExpression(expr) && [tsApi.SyntaxKind.BarBarToken, tsApi.SyntaxKind.QuestionQuestionToken].includes(expr.operatorToken.kind)) {
    return [...originsOf(ctx, expr.left, removed, depth + 1), ...originsOf(ctx, expr.right, removed, depth + 1)];
  }
  if (tsApi.isIdentifier(expr)) return originsOfIdentifier(ctx, expr, removed, depth);
  if (tsApi.isCallExpression(expr)) return originsOfCall(ctx, expr, removed, depth);
  return [];
}

function originsOfIdentifier(ctx: AnalysisContext, id: ts.Identifier, removed: ReadonlySet<string>, depth: number): Origin[] {
  const tsApi = ctx.ts;
  const declaration = findDeclarationInScope(tsApi, id);
  if (!declaration || declaration.kind !== 'variable') return [];
  const decl = declaration.node;
  if (!decl.initializer || (decl.parent && tsApi.isVariableDeclarationList(decl.parent) && decl.parent.parent && tsApi.isForOfStatement(decl.parent.parent))) return [];
  const removedHere = new Set(removed);
  for (const field of deletedFields(tsApi, id)) removedHere.add(field);
  const element = declaration.element;
  if (element) {
    // const { password, ...safe } = user: `safe` is the record without the named keys.
    if (!element.dotDotDotToken || !tsApi.isObjectBindingPattern(element.parent)) return [];
    for (const sibling of element.parent.elements) {
      if (sibling === element) continue;
      const key = sibling.propertyName ? getPropertyNameText(tsApi, sibling.propertyName) : tsApi.isIdentifier(sibling.name) ? sibling.name.text : undefined;
      if (key) removedHere.add(normalizeFieldName(key));
    }
    if (element.parent.parent !== decl) return [];
  }
  return originsOf(ctx, decl.initializer, removedHere, depth + 1);
}

function originsOfCall(ctx: AnalysisContext, call: ts.CallExpression, removed: ReadonlySet<string>, depth: number): Origin[] {
  const tsApi = ctx.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (tsApi.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = callee.expression;
    if (PROJECTION_METHODS.includes(method)) {
      // `.select('+password')` adds a hidden field back; any other projection narrows the record.
      const added = addedFields(tsApi, call);
      if (added.length === 0) return [];
      return originsOf(ctx, receiver, removed, depth + 1).map((o) => ({ ...o, forced: new Set([...o.forced, ...added]) }));
    }
    if (PASS_THROUGH_QUERY_METHODS.includes(method) || SAME_FIELDS_METHODS.includes(method)) {
      if (method === 'then' || (method === 'get' && call.arguments.length > 0 && getStaticString(tsApi, call.arguments[0]) !== undefined)) return [];
      const inner = originsOf(ctx, receiver, removed, depth + 1);
      return method === 'lean' ? inner.map((o) => ({ ...o, lean: true })) : inner;
    }
    const kind = RECORD_RETURNING_METHODS.includes(method) ? classifyReceiver({ ts: tsApi, file: call.getSourceFile(), project: ctx.project }, receiver) : undefined;
    // `update` returns the record only on Prisma; TypeORM, Sequelize and Mongoose answer with counts.
    if (kind && (method !== 'update' || kind === 'prisma-delegate')) {
      if (hasProjectionOption(tsApi, call)) return [];
      // save(user) after `delete user.password`: the stored object lacks the field.
      const written = method === 'save' || method === 'create' ? call.arguments[call.arguments.length - 1] : undefined;
      const removedHere = written ? new Set([...removed, ...deletedFromArgument(tsApi, written)]) : removed;
      return [{ query: call, receiver, removed: removedHere, lean: false, forced: new Set() }];
    }
  }
  if (!ctx.project && call.getSourceFile() !== ctx.sourceFile) return [];
  const target = resolveCallTarget(tsApi, call, ctx.project);
  if (!target || depth >= MAX_DEPTH) return [];
  return returnedExpressions(tsApi, target.fn).flatMap((e) => originsOf(ctx, e, removed, depth + 2));
}

/** The expressions a function returns (not those of nested functions). */
function returnedExpressions(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!tsApi.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  walkFunctionBody(tsApi, body, (node) => {
    if (node !== body && isFunctionLike(tsApi, node)) return false;
    if (tsApi.isReturnStatement(node) && node.expression) found.push(node.expression);
    return undefined;
  });
  return found;
}

/** `{ select: {...} }`, `{ omit }`, `{ attributes: [...] }`, `.findById(id, 'name email')`, `.findOne(filter, { password: 0 })`. */
function hasProjectionOption(tsApi: TsApi, call: ts.CallExpression): boolean {
  for (const [index, arg] of call.arguments.entries()) {
    const value = skipOuterExpressions(tsApi, arg);
    if (tsApi.isObjectLiteralExpression(value)) {
      if (PROJECTION_OPTIONS.some((key) => getObjectPropertyValue(tsApi, value, key) !== undefined)) return true;
      // Mongoose projection objects as the second argument: { password: 0 }
      if (index === 1 && value.properties.some((p) => tsApi.isPropertyAssignment(p) && /^(?:0|false)$/.test(p.initializer.getText()))) return true;
    }
    if (index >= 1 && getStaticString(tsApi, value) !== undefined) return true;
  }
  return false;
}

/** `.select('+password')`: the fields added back (normalized). */
function addedFields(tsApi: TsApi, call: ts.CallExpression): string[] {
  const text = getStaticString(tsApi, call.arguments[0]);
  if (text === undefined) return [];
  const parts = text.split(/\s+/).filter(Boolean);
  if (!parts.every((p) => p.startsWith('+'))) return [];
  return parts.map((p) => normalizeFieldName(p.slice(1)));
}

/** The fields deleted from a written object: `delete user.password; save(user)`, also through `Object.assign(user, dto)`. */
function deletedFromArgument(tsApi: TsApi, argument: ts.Expression): string[] {
  const expr = skipOuterExpressions(tsApi, argument);
  if (!tsApi.isIdentifier(expr)) return [];
  const fields = deletedFields(tsApi, expr);
  const declaration = findDeclarationInScope(tsApi, expr);
  const init = declaration?.kind === 'variable' && !declaration.element && declaration.node.initializer ? skipOuterExpressions(tsApi, declaration.node.initializer) : undefined;
  if (init && tsApi.isCallExpression(init) && init.expression.getText() === 'Object.assign' && init.arguments[0]) {
    const target = skipOuterExpressions(tsApi, init.arguments[0]);
    if (tsApi.isIdentifier(target)) fields.push(...deletedFields(tsApi, target));
  }
  return fields;
}

/** `delete user.password`, `user.password = undefined` in the function that declares `user`. */
function deletedFields(tsApi: TsApi, id: ts.Identifier): string[] {
  const declaration = findDeclarationInScope(tsApi, id);
  if (!declaration) return [];
  let scope: ts.Node | undefined = declaration.node;
  while (scope && !isFunctionLike(tsApi, scope) && !tsApi.isSourceFile(scope)) scope = scope.parent;
  if (!scope) return [];
  const fields: string[] = [];
  walkDescendants(tsApi, scope, (node) => {
    let target: ts.Expression | undefined;
    if (tsApi.isDeleteExpression(node)) target = node.expression;
    else if (tsApi.isBinaryExpression(node) && node.operatorToken.kind === tsApi.SyntaxKind.EqualsToken && /^(?:undefined|null)$/.test(node.right.getText())) target = node.left;
    const access = target ? skipOuterExpressions(tsApi, target) : undefined;
    if (access && (tsApi.isPropertyAccessExpression(access) || tsApi.isElementAccessExpression(access))) {
      const owner = skipOuterExpressions(tsApi, access.expression);
      const name = tsApi.isPropertyAccessExpression(access) ? access.name.text : getStaticString(tsApi, access.argumentExpression);
      if (name && tsApi.isIdentifier(owner) && owner.text === id.text) fields.push(normalizeFieldName(name));
    }
    return undefined;
  });
  return fields;
}

/** Is a `ClassSerializerInterceptor` in the chain of the Nest route that returns here? `unknown` when global enhancers were not all read. */
function getSerializerState(ctx: AnalysisContext, sink: ResponseSink): 'active' | 'inactive' | 'unknown' {
  const handler = sink.handler?.fn;
  if (!handler) return 'unknown';
  const routes = getRoutesOfHandler(ctx, handler);
  if (routes.length === 0) return 'unknown';
  if (routes.every((r) => r.chain.some((item) => /SerializerInterceptor|Serialize/.test(item.text)))) return 'active';
  return routes.every((r) => r.complete) ? 'inactive' : 'unknown';
}

/**
 * A Fastify route with a `schema.response`: fast-json-stringify sends only the properties the schema
 * lists, so the record's secret fields are dropped, unless a response schema written out here lists
 * one of them (`password: { type: 'string' }`) or keeps undeclared properties (`additionalProperties: true`).
 */
function responseSchemaDropsFields(ctx: AnalysisContext, sink: ResponseSink, fields: readonly string[]): boolean {
  const tsApi = ctx.ts;
  const handler = sink.handler?.fn;
  if (!handler) return false;
  const secret = new Set(fields.map(normalizeFieldName));
  return getRoutesOfHandler(ctx, handler).some((route) => {
    const schema = route.route.schema;
    if (!schema) return false;
    const resolved = resolveConstValue({ ts: tsApi, file: route.file, project: ctx.project }, schema);
    if (resolved.kind !== 'value') return true; // a schema the file cannot show: it may declare the response
    const object = skipOuterExpressions(tsApi, resolved.expression);
    if (!tsApi.isObjectLiteralExpression(object)) return true;
    const response = getObjectPropertyValue(tsApi, object, 'response');
    if (!response) return false;
    return !responseSchemaKeeps(tsApi, response, secret);
  });
}

/** True when the response schemas, as written, list one of `secret` as a property or keep undeclared ones. */
function responseSchemaKeeps(tsApi: AnalysisContext['ts'], response: ts.Expression, secret: ReadonlySet<string>): boolean {
  let keeps = false;
  walkDescendants(tsApi, response, (node) => {
    if (keeps) return false;
    if (!tsApi.isPropertyAssignment(node)) return undefined;
    const key = getPropertyNameText(tsApi, node.name);
    if (key === 'additionalProperties' && skipOuterExpressions(tsApi, node.initializer).kind === tsApi.SyntaxKind.TrueKeyword) keeps = true;
    const value = skipOuterExpressions(tsApi, node.initializer);
    if (key === 'properties' && tsApi.isObjectLiteralExpression(value)) {
      for (const prop of value.properties) {
        const name = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
        if (name !== undefined && secret.has(normalizeFieldName(name))) keeps = true;
      }
    }
    return undefined;
  });
  return keeps;
}

/**
 * With the `typeFallback` setting and a program: the sensitive properties of the query's record type
 * (`Promise<User[]>` gives `User`'s). Off by default: creating the checker binds the whole program
 * (in `scan` it cost more than every rule's per-file work together), and a type cannot show the
 * fields the model hides (`select: false`, a `toJSON` transform).
 */
function secretsFromType(ctx: AnalysisContext, query: ts.CallExpression, extraFields: readonly string[]): ModelSecrets | undefined {
  if (!ctx.settings.typeFallback) return undefined;
  const checker = ctx.getChecker();
  if (!checker) return undefined;
  try {
    let type = checker.getTypeAtLocation(query);
    type = checker.getAwaitedType(type) ?? type;
    const element = checker.getIndexTypeOfType(type, ctx.ts.IndexKind.Number);
    if (element) type = element;
    const sensitive = type
      .getProperties()
      .map((p) => p.getName())
      .filter((name) => isSensitiveFieldName(name, extraFields));
    if (sensitive.length === 0) return undefined;
    const name = type.getSymbol()?.getName() ?? type.aliasSymbol?.getName() ?? 'record';
    const kept = withoutNonAccountFields(name, sensitive);
    return kept.length === 0 ? undefined : { name, definedBy: 'type', sensitive: kept, hidden: new Map() };
  } catch {
    return undefined;
  }
}
