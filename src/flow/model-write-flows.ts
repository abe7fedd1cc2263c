/**
 * Request bodies that reach model writes with nothing on the way that limits their fields: the flow
 * spec of `no-mass-assignment`, and the route-level judgement of each flow.
 *
 * - Sources: request bodies (`req.body`, `request.body`, Nest `@Body()` parameters).
 * - Sinks: the written values of the ORM catalog's calls (`model-writes.ts`); a write limited by a
 *   literal `fields` option is no sink.
 * - Barriers: validator results whose schema strips or rejects undeclared keys (or cannot be read),
 *   narrowing helpers (`pick`), `items.map(i => ({ a: i.a }))` and `Object.fromEntries(...)`.
 *   Object literals of named fields need no barrier: the engine keeps their fields apart, and a
 *   sink only counts taint on the written value as a whole.
 * - Steps: validators that keep undeclared keys (yup without `stripUnknown`, zod `.passthrough()`)
 *   and denylists (`omit(body, ['role'])`) pass their input through, and are named in the finding.
 * - Guards: `if (!validate(body)) return` with an ajv or TypeBox schema that rejects undeclared keys,
 *   `if (error) return` after joi's `validate` (joi rejects them by default).
 *
 * Flows whose body is validated at the route (celebrate, validation middleware, a closed Fastify
 * body schema, a whitelisting Nest `ValidationPipe`) are dropped, and so are flows another file
 * decides in per-file mode.
 */
import type * as ts from 'typescript';
import { NO_SINK_TARGETS } from './spec.js';
import type { AnalysisContext } from '../core/context.js';
import { getObjectPropertyValue, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { getRouteBodyValidation, type RouteBodyValidation } from '../model/body-validation.js';
import { matchModelWrite, type ModelWrite } from '../model/model-writes.js';
import { matchDenylistCall, matchValidatorCall, type DenylistCall, type ValidatorCall } from '../model/validation-calls.js';
import { findFlows, type Flow, type FlowApi, type FlowSpec, type GuardCheck, type SinkTarget } from './engine.js';
import { resolveCallTarget } from './call-targets.js';
import { createSpecCache } from './spec-cache.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface ModelWriteFlowOptions {
  /** Extra write methods (settings `modelWriteMethods` and the rule's option). */
  readonly extraWriteMethods: readonly string[];
  /** Extra validator and validation-middleware names (settings `validators` and the rule's option). */
  readonly extraValidators: readonly string[];
}

/** A body flow into a model write that nothing validated, with what the route and the path say. */
export interface ModelWriteFlow {
  readonly flow: Flow;
  readonly write: ModelWrite;
  /** What the route does about the body: nothing, an open schema, a permissive middleware, a Nest pipe that does not whitelist. */
  readonly route: Exclude<RouteBodyValidation, { kind: 'validated' } | { kind: 'unknown' }>;
  /** A validator on the way whose schema keeps undeclared keys (`schema.validate(body)` with yup). */
  readonly permissiveValidator?: ValidatorCall;
  /** A denylist on the way (`omit(body, ['role'])`): it drops the fields it names and keeps the rest. */
  readonly denylist?: DenylistCall;
}

/** Names of guard-like helpers the analysis may not see into (per-file): they may validate the body. */
const GUARD_LIKE_NAME = /valid|check|assert|verify|sanitiz|schema|allowed/i;
const MAX_TRACE = 12;

const getSpec = createSpecCache<ModelWriteFlowOptions>((options) => createSpec(options));

/** The flows of `ctx.sourceFile`'s model writes, one per write call (the first source wins). */
export function findModelWriteFlows(ctx: AnalysisContext, options: ModelWriteFlowOptions): ModelWriteFlow[] {
  const spec = getSpec(ctx.settings, options);
  const scope = { ts: ctx.ts, project: ctx.project, extraValidators: options.extraValidators };
  const byWrite = new Map<ts.Node, ModelWriteFlow>();
  for (const flow of findFlows(ctx, spec)) {
    const writeNode = flow.sink.node;
    if (byWrite.has(writeNode)) continue;
    if (!ctx.ts.isCallExpression(writeNode) && !ctx.ts.isNewExpression(writeNode)) continue;
    const write = matchModelWrite({ ts: ctx.ts, file: ctx.sourceFile, project: ctx.project }, writeNode, { extraMethods: options.extraWriteMethods });
    if (!write) continue;
    const route = getRouteBodyValidation(scope, flow.source.node);
    if (route.kind === 'validated' || route.kind === 'unknown') continue;
    const permissiveValidator = findOnTheWay(ctx, flow.sink.expression, (call, lookup) => {
      const validator = matchValidatorCall(lookup, call, { extraValidators: options.extraValidators });
      return validator?.unknownKeys === 'keep' ? validator : undefined;
    });
    const denylist = findOnTheWay(ctx, flow.sink.expression, (call, lookup) => matchDenylistCall(lookup, call));
    byWrite.set(writeNode, { flow, write, route, ...(permissiveValidator ? { permissiveValidator } : {}), ...(denylist ? { denylist } : {}) });
  }
  return withoutSavesOfAssignedModels(ctx.ts, [...byWrite.values()]);
}

/**
 * `Object.assign(order, req.body)` is the mass assignment; a later `repo.save(order)` of the same
 * variable writes what that line already let in, so the flaw is reported once, at the assignment.
 * The same holds for the assignment's result: `const p = Object.assign(new Product(), body)` then
 * `repo.save(p)`, and `repo.save(Object.assign(new Product(), body))`.
 */
function withoutSavesOfAssignedModels(tsApi: AnalysisContext['ts'], flows: readonly ModelWriteFlow[]): ModelWriteFlow[] {
  const assigned = new Set<ts.Node>();
  // Collected first: in `repo.save(Object.assign(new Product(), body))` the save starts before the assignment.
  const assigningCalls = new Set<ts.Node>(flows.filter((entry) => entry.write.row.receiver === 'assign-into-model').map((entry) => entry.write.call));
  const kept: ModelWriteFlow[] = [];
  for (const entry of [...flows].sort((a, b) => a.write.call.pos - b.write.call.pos)) {
    const payload = skipOuterExpressions(tsApi, entry.flow.sink.expression);
    const payloadDeclaration = tsApi.isIdentifier(payload) ? resolveIdentifier(tsApi, payload)?.declaration : undefined;
    if (payloadDeclaration && assigned.has(payloadDeclaration)) continue;
    if (entry.write.call !== payload && assigningCalls.has(payload)) continue;
    if (entry.write.row.receiver === 'assign-into-model') {
      const target = entry.write.call.arguments?.[0] ? skipOuterExpressions(tsApi, entry.write.call.arguments[0]) : undefined;
      const targetDeclaration = target && tsApi.isIdentifier(target) ? resolveIdentifier(tsApi, target)?.declaration : undefined;
      if (targetDeclaration) assigned.add(targetDeclaration);
      const resultDeclaration = declarationOfResult(tsApi, entry.write.call);
      if (resultDeclaration) assigned.add(resultDeclaration);
    }
    kept.push(entry);
  }
  return flows.filter((entry) => kept.includes(entry));
}

/** The variable a call's result is stored in: `const p = Object.assign(...)` or `p = Object.assign(...)`. */
function declarationOfResult(tsApi: AnalysisContext['ts'], call: ts.Node): ts.Node | undefined {
  let node: ts.Node = call;
  while (
    tsApi.isParenthesizedExpression(node.parent) ||
    tsApi.isAsExpression(node.parent) ||
    tsApi.isNonNullExpression(node.parent) ||
    tsApi.isAwaitExpression(node.parent) ||
    tsApi.isSatisfiesExpression(node.parent)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (tsApi.isVariableDeclaration(parent) && parent.initializer === node && tsApi.isIdentifier(parent.name)) return parent;
  if (tsApi.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) {
    const left = skipOuterExpressions(tsApi, parent.left);
    return tsApi.isIdentifier(left) ? resolveIdentifier(tsApi, left)?.declaration : undefined;
  }
  return undefined;
}

function createSpec(options: ModelWriteFlowOptions): FlowSpec {
  const validatorOptions = { extraValidators: options.extraValidators };
  type Lookup = { ts: FlowApi['ts']; file: ts.SourceFile; project: AnalysisContext['project'] };
  // Sinks, barriers and steps are asked about every call: one lookup object per analysis API.
  const lookups = new FileScopedWeakMap<FlowApi, Lookup>();
  const lookupOf = (api: FlowApi): Lookup => {
    let lookup = lookups.get(api);
    if (!lookup) {
      lookup = { ts: api.ts, file: api.sourceFile, project: api.ctx.project };
      lookups.set(api, lookup);
    }
    return lookup;
  };
  return {
    id: 'no-mass-assignment',
    sources: { request: ['body'] },
    sinks(node, api): readonly SinkTarget[] {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(node) && !tsApi.isNewExpression(node)) return NO_SINK_TARGETS;
      const write = matchModelWrite(lookupOf(api), node, { extraMethods: options.extraWriteMethods });
      if (!write || write.fieldsAllowlisted) return NO_SINK_TARGETS;
      return write.payloads.map((expression) => ({ node, expression, label: write.callText }));
    },
    isBarrier(expr, api): boolean {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(expr)) return false;
      const validator = matchValidatorCall(lookupOf(api), expr, validatorOptions);
      if (validator) {
        if (validator.mode !== 'result') return false;
        return validator.unknownKeys !== 'keep' || isWhitelistedInPlaceLater(api, expr, validatorOptions);
      }
      return isNarrowingMap(api, expr) || isObjectFromEntries(api, expr);
    },
    step(call, api) {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(call)) return undefined;
      // `omit(body, ['role'])` keeps every field it does not name.
      const denylist = matchDenylistCall(lookupOf(api), call);
      if (denylist?.input) return { from: [denylist.input] };
      const validator = matchValidatorCall(lookupOf(api), call, validatorOptions);
      if (validator && validator.mode === 'result' && validator.unknownKeys === 'keep' && validator.input && !isWhitelistedInPlaceLater(api, call, validatorOptions)) {
        return { from: [validator.input] };
      }
      return undefined;
    },
    barrierGuard(condition, api): GuardCheck | undefined {
      return guardOfValidation(api, condition, validatorOptions);
    },
    mayBeGuardCall(call, api): boolean {
      const tsApi = api.ts;
      if (resolveCallTarget(tsApi, call, api.ctx.project)) return false;
      if (matchValidatorCall(lookupOf(api), call, validatorOptions)) return false; // known: `barrierGuard` decides
      const callee = skipOuterExpressions(tsApi, call.expression);
      const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : '';
      return GUARD_LIKE_NAME.test(name);
    },
  };
}

/**
 * `if (!check(body)) return` with a check whose schema rejects undeclared keys (ajv, TypeBox), and
 * `if (error) return` / `if (result.error) return` after joi's `schema.validate(body)`.
 */
export function guardOfValidation(api: FlowApi, condition: ts.Expression, validatorOptions: { extraValidators: readonly string[] }): GuardCheck | undefined {
  const tsApi = api.ts;
  const lookup = { ts: tsApi, file: api.sourceFile, project: api.ctx.project };
  const cond = skipOuterExpressions(tsApi, condition);
  if (tsApi.isCallExpression(cond)) {
    const validator = matchValidatorCall(lookup, cond, validatorOptions);
    if (validator && validator.mode === 'guard' && validator.unknownKeys !== 'keep' && validator.input) return { checked: validator.input, when: true };
    return undefined;
  }
  // `error` from `const { error } = schema.validate(x)`, or `result.error` from `const result = schema.validate(x)`
  let call: ts.CallExpression | undefined;
  if (tsApi.isIdentifier(cond)) {
    call = initializerCallOf(api, cond, 'error');
  } else if (tsApi.isPropertyAccessExpression(cond) && cond.name.text === 'error' && tsApi.isIdentifier(cond.expression)) {
    call = initializerCallOf(api, cond.expression, undefined);
  }
  if (!call) return undefined;
  const validator = matchValidatorCall(lookup, call, validatorOptions);
  if (!validator || validator.source.kind !== 'validator' || validator.source.row.library !== 'joi' || !validator.input) return undefined;
  if (validator.unknownKeys !== 'reject' && validator.unknownKeys !== 'unknown') return undefined;
  return { checked: validator.input, when: false };
}

/** The call a variable is initialized with (`const r = f(x)`, or `const { error } = f(x)` when `element` is given). */
function initializerCallOf(api: FlowApi, identifier: ts.Identifier, element: string | undefined): ts.CallExpression | undefined {
  const tsApi = api.ts;
  const binding = resolveIdentifier(tsApi, identifier);
  if (!binding) return undefined;
  let declaration: ts.Node = binding.declaration;
  if (element !== undefined) {
    if (!tsApi.isBindingElement(declaration)) return undefined;
    const key = declaration.propertyName ?? declaration.name;
    if (!tsApi.isIdentifier(key) || key.text !== element) return undefined;
    declaration = declaration.parent.parent;
  }
  if (!tsApi.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const init = skipOuterExpressions(tsApi, declaration.initializer);
  return tsApi.isCallExpression(init) ? init : undefined;
}

/** A call whose result keeps only named fields of its input: a narrowing `map` or `Object.fromEntries` of a key filter. */
export function isFieldNarrowingCall(api: FlowApi, call: ts.CallExpression): boolean {
  return isNarrowingMap(api, call) || isObjectFromEntries(api, call);
}

/** `items.map((i) => ({ sku: i.sku, qty: i.qty }))`: every element narrowed to named fields. */
function isNarrowingMap(api: FlowApi, call: ts.CallExpression): boolean {
  const tsApi = api.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || (callee.name.text !== 'map' && callee.name.text !== 'flatMap')) return false;
  const fn = call.arguments[0] ? skipOuterExpressions(tsApi, call.arguments[0]) : undefined;
  if (!fn || (!tsApi.isArrowFunction(fn) && !tsApi.isFunctionExpression(fn))) return false;
  const returned: ts.Expression[] = [];
  if (tsApi.isArrowFunction(fn) && !tsApi.isBlock(fn.body)) {
    returned.push(fn.body);
  } else if (fn.body && tsApi.isBlock(fn.body)) {
    const stack: ts.Node[] = [fn.body];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node !== fn.body && isFunctionLike(tsApi, node)) continue;
      if (tsApi.isReturnStatement(node) && node.expression) returned.push(node.expression);
      tsApi.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
  }
  return returned.length > 0 && returned.every((r) => isNamedFieldsLiteral(api, r));
}

function isNamedFieldsLiteral(api: FlowApi, expr: ts.Expression): boolean {
  const tsApi = api.ts;
  const value = skipOuterExpressions(tsApi, expr);
  return tsApi.isObjectLiteralExpression(value) && value.properties.every((p) => !tsApi.isSpreadAssignment(p));
}

/** `Object.fromEntries(Object.entries(body).filter(([k]) => ALLOWED.includes(k)))`: a key filter. */
function isObjectFromEntries(api: FlowApi, call: ts.CallExpression): boolean {
  const tsApi = api.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || callee.name.text !== 'fromEntries') return false;
  const owner = skipOuterExpressions(tsApi, callee.expression);
  if (!tsApi.isIdentifier(owner) || owner.text !== 'Object' || resolveIdentifier(tsApi, owner)) return false;
  const arg = call.arguments[0] ? skipOuterExpressions(tsApi, call.arguments[0]) : undefined;
  if (!arg || !tsApi.isCallExpression(arg)) return false;
  const inner = skipOuterExpressions(tsApi, arg.expression);
  return tsApi.isPropertyAccessExpression(inner) && (inner.name.text === 'filter' || inner.name.text === 'map');
}

/**
 * `const dto = plainToInstance(Dto, body)` followed, in the same function, by class-validator's
 * `validate(dto, { whitelist: true })` (or `validateOrReject`, `validateSync`), which strips the
 * undeclared properties of `dto` in place.
 */
function isWhitelistedInPlaceLater(api: FlowApi, call: ts.CallExpression, validatorOptions: { extraValidators: readonly string[] }): boolean {
  const tsApi = api.ts;
  let node: ts.Node = call;
  while (node.parent && (tsApi.isAwaitExpression(node.parent) || tsApi.isParenthesizedExpression(node.parent) || tsApi.isAsExpression(node.parent))) node = node.parent;
  const declaration = node.parent;
  if (!declaration || !tsApi.isVariableDeclaration(declaration) || !tsApi.isIdentifier(declaration.name)) return false;
  const declared = declaration.name;
  let fn: ts.Node | undefined = declaration.parent;
  while (fn && !isFunctionLike(tsApi, fn) && !tsApi.isSourceFile(fn)) fn = fn.parent;
  if (!fn) return false;
  const lookup = { ts: tsApi, file: api.sourceFile, project: api.ctx.project };
  let found = false;
  const stack: ts.Node[] = [fn];
  while (stack.length > 0 && !found) {
    const current = stack.pop()!;
    if (tsApi.isCallExpression(current) && current.pos > call.end) {
      const validator = matchValidatorCall(lookup, current, validatorOptions);
      const input = validator?.input ? skipOuterExpressions(tsApi, validator.input) : undefined;
      if (
        validator?.source.kind === 'validator' &&
        validator.source.row.library === 'class-validator' &&
        validator.unknownKeys !== 'keep' &&
        input &&
        tsApi.isIdentifier(input) &&
        resolveIdentifier(tsApi, input)?.name === declared
      ) {
        found = true;
      }
    }
    tsApi.forEachChild(current, (child) => {
      stack.push(child);
    });
  }
  return found;
}

/** Matches a call on the way to a written value: a validator that keeps undeclared keys, a denylist. */
type CallMatcher<T> = (call: ts.CallExpression, lookup: { ts: AnalysisContext['ts']; file: ts.SourceFile; project: AnalysisContext['project'] }) => T | undefined;

/**
 * The first call `match` accepts on the way to a written value, found by following the value back
 * through `const` initializers, awaits, `.value`/`.data` reads and spreads.
 */
function findOnTheWay<T>(ctx: AnalysisContext, expression: ts.Expression, match: CallMatcher<T>, depth = 0): T | undefined {
  const tsApi = ctx.ts;
  if (depth > MAX_TRACE) return undefined;
  const expr = skipOuterExpressions(tsApi, expression);
  const lookup = { ts: tsApi, file: expr.getSourceFile(), project: ctx.project };
  if (tsApi.isCallExpression(expr)) return match(expr, lookup);
  if (tsApi.isPropertyAccessExpression(expr) && (expr.name.text === 'value' || expr.name.text === 'data' || expr.name.text === 'output')) {
    return findOnTheWay(ctx, expr.expression, match, depth + 1);
  }
  if (tsApi.isObjectLiteralExpression(expr)) {
    for (const prop of expr.properties) {
      if (!tsApi.isSpreadAssignment(prop)) continue;
      const hit = findOnTheWay(ctx, prop.expression, match, depth + 1);
      if (hit) return hit;
    }
    const data = getObjectPropertyValue(tsApi, expr, 'data');
    return data ? findOnTheWay(ctx, data, match, depth + 1) : undefined;
  }
  if (tsApi.isIdentifier(expr)) {
    const binding = resolveIdentifier(tsApi, expr);
    const declaration = binding?.declaration;
    if (!declaration) return undefined;
    if (tsApi.isVariableDeclaration(declaration) && declaration.initializer) {
      const fromInit = findOnTheWay(ctx, declaration.initializer, match, depth + 1);
      if (fromInit) return fromInit;
    }
    if (tsApi.isBindingElement(declaration)) {
      const owner = declaration.parent.parent;
      if (tsApi.isVariableDeclaration(owner) && owner.initializer) return findOnTheWay(ctx, owner.initializer, match, depth + 1);
    }
    // `let v; ... v = await schema.validate(body)` in the same function
    return findAssigned(ctx, expr, binding!.name, match, depth);
  }
  return undefined;
}

function findAssigned<T>(ctx: AnalysisContext, use: ts.Identifier, declared: ts.Identifier, match: CallMatcher<T>, depth: number): T | undefined {
  const tsApi = ctx.ts;
  let fn: ts.Node | undefined = use.parent;
  while (fn && !isFunctionLike(tsApi, fn)) fn = fn.parent;
  if (!fn) return undefined;
  let found: T | undefined;
  const stack: ts.Node[] = [fn];
  while (stack.length > 0 && !found) {
    const node = stack.pop()!;
    if (
      tsApi.isBinaryExpression(node) &&
      node.operatorToken.kind === tsApi.SyntaxKind.EqualsToken &&
      tsApi.isIdentifier(node.left) &&
      resolveIdentifier(tsApi, node.left)?.name === declared
    ) {
      found = findOnTheWay(ctx, node.right, match, depth + 1);
    }
    tsApi.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return found;
}
