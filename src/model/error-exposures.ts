/**
 * Where one file reads something revealing out of a caught error: `err.stack`, `err.message`,
 * driver fields (`err.sql`), serializations (`String(err)`, `util.inspect(err)`,
 * `JSON.stringify(err)`, `` `${err}` ``) and the error object itself used as a value
 * (`res.json(err)`, `{ error: err }`, `helper(err)`).
 *
 * Caught errors are `catch (err)` variables, `.catch(err => ...)` and `.then(_, err => ...)`
 * parameters, error-handler parameters (Express four-argument middleware, Fastify
 * `setErrorHandler`, Nest `@Catch()` filters), node-style callback errors (`(err, data) => ...`,
 * `.on('error', err => ...)`), and the local aliases and destructurings of all of those.
 *
 * A read is not an exposure when the error is narrowed to a client-error class where it happens
 * (`err instanceof ZodError`, `err.expose`, `@Catch(HttpException)`; the stack still counts), when
 * it only runs in development, or when a later check takes it back outside development
 * (`if (isProd) message = 'Internal Server Error'`, `error-overwrites.ts`). `no-verbose-errors` hands the exposures to the flow engine as
 * sources; built once per `ts.SourceFile` and cached by identity.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getCalleeName, getNodeSourceFile, getShortText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { isDeclaringIdentifier, resolveIdentifier } from '../core/scope.js';
import { forEachNodeOfKinds, walkDescendants } from '../core/walk.js';
import {
  ERROR_CATCH_OPERATORS,
  findCallbackErrors,
  findErrorCatchOperator,
  findErrorMethod,
  findErrorProperty,
  findGlobalErrorSerializer,
  findModuleErrorSerializer,
  findThrowingClientCall,
  type ErrorReveal,
} from '../catalog/errors.js';
import type { ErrorClassKind } from '../catalog/errors.js';
import { getModulePath } from '../flow/module-paths.js';
import { classifyErrorClassExpression, classifyErrorNarrowing } from './error-classes.js';
import { getErrorHandlers } from './error-handlers.js';
import { getDominatingConditions } from './dominating-conditions.js';
import { getRunningEnvironment, type EnvironmentGuard } from './environment-guards.js';
import { isTakenBackOutsideDevelopment } from './error-overwrites.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type ErrorOriginKind = 'catch-clause' | 'promise-catch' | 'error-handler' | 'callback';

/** A place where code receives an error it did not create. */
export interface ErrorOrigin {
  readonly kind: ErrorOriginKind;
  /** The declaring name (`err` in `catch (err)`, or a pattern in `catch ({ message })`). */
  readonly name: ts.BindingName;
  /** The classes the error is known to be (Nest `@Catch(HttpException)`), when declared. */
  readonly caught?: ErrorClassKind;
}

/** A read that puts something revealing about a caught error into a value. */
export interface ErrorExposure {
  /** The read as written: `err.stack`, `String(err)`, `err`. */
  readonly node: ts.Expression;
  readonly reveals: ErrorReveal;
  /** How messages name it: `err.stack`, `(err as Error).message`, `String(err)`. */
  readonly label: string;
  readonly origin: ErrorOrigin;
  /** A dominating check that holds in production (`NODE_ENV !== 'development'`), when there is one. */
  readonly productionGuard?: EnvironmentGuard;
}

interface FileExposures {
  readonly list: readonly ErrorExposure[];
  readonly byNode: ReadonlyMap<ts.Node, ErrorExposure>;
}

const cache = new FileScopedWeakMap<ts.SourceFile, FileExposures>();

/** The error exposures of a file, built once per source file. */
export function getErrorExposures(tsApi: TsApi, sourceFile: ts.SourceFile): readonly ErrorExposure[] {
  return getFileExposures(tsApi, sourceFile).list;
}

/** The exposure a node is (the node must be the read itself, as `ErrorExposure.node`). */
export function getErrorExposureAt(tsApi: TsApi, node: ts.Node): ErrorExposure | undefined {
  return getFileExposures(tsApi, getNodeSourceFile(node)).byNode.get(node);
}

/** `getErrorExposureAt` when the caller knows the node's file (the flow engine asks about every expression it evaluates). */
export function getErrorExposureInFile(tsApi: TsApi, sourceFile: ts.SourceFile, node: ts.Node): ErrorExposure | undefined {
  return getFileExposures(tsApi, sourceFile).byNode.get(node);
}

function getFileExposures(tsApi: TsApi, sourceFile: ts.SourceFile): FileExposures {
  let entry = cache.get(sourceFile);
  if (!entry) {
    const list = collectExposures(tsApi, sourceFile);
    entry = { list, byNode: new Map(list.map((e) => [e.node, e])) };
    cache.set(sourceFile, entry);
  }
  return entry;
}

/** An error binding: the origin's name, an alias (`const e = err as Error`) or a destructured field. */
interface ErrorBinding {
  readonly origin: ErrorOrigin;
  /** Set for `const { stack } = err`: what every reference of the name reveals. */
  readonly field?: ErrorReveal;
}

/** The names the catalogued catch operators are called by (checked before resolving the module). */
const ERROR_CATCH_OPERATOR_NAMES: ReadonlySet<string> = new Set(ERROR_CATCH_OPERATORS.map((row) => row.path));

const ARRAY_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'flatMap',
  'filter',
  'forEach',
  'reduce',
  'reduceRight',
  'find',
  'findIndex',
  'findLast',
  'some',
  'every',
  'sort',
]);
const CALLBACK_ERROR_NAMES: ReadonlySet<string> = new Set(['err', 'error', 'er']);

function collectExposures(tsApi: TsApi, sourceFile: ts.SourceFile): ErrorExposure[] {
  const bindings = new Map<ts.Identifier, ErrorBinding>();
  // Names of error bindings seen so far: other identifiers are not resolved at all (the walk is hot).
  const names = new Set<string>();
  const addOrigin = (kind: ErrorOriginKind, name: ts.BindingName, caught?: ErrorClassKind): void => {
    if (tsApi.isIdentifier(name)) {
      bindings.set(name, { origin: { kind, name, ...(caught ? { caught } : {}) } });
      names.add(name.text);
      return;
    }
    if (tsApi.isObjectBindingPattern(name)) addDestructuring(tsApi, name, { kind, name, ...(caught ? { caught } : {}) }, bindings, names);
  };

  for (const handler of getErrorHandlers(tsApi, sourceFile)) {
    const caught = handler.caught.length > 0 ? combineCaught(handler.caught.map((c) => classifyErrorClassExpression(tsApi, c))) : undefined;
    addOrigin('error-handler', handler.errorParam.name, caught);
  }

  // The origins first (catch clauses, callbacks' error parameters): most files have none, and then
  // their identifiers (the most numerous nodes) are never visited.
  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CatchClause, tsApi.SyntaxKind.CallExpression], (node) => {
    if (tsApi.isCatchClause(node)) {
      if (node.variableDeclaration) addOrigin('catch-clause', node.variableDeclaration.name, getTryBlockCaught(tsApi, node));
      return;
    }
    for (const param of getCallbackErrorParameters(tsApi, node as ts.CallExpression)) {
      if (!tsApi.isIdentifier(param.name) || !bindings.has(param.name)) addOrigin(param.kind, param.name, param.caught);
    }
  });
  if (names.size === 0) return [];

  const exposures: ErrorExposure[] = [];
  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.Identifier], (found) => {
    const node = found as ts.Identifier;
    if (!names.has(node.text) || isDeclaringIdentifier(tsApi, node) || !isReferencePosition(tsApi, node)) return;
    const resolved = resolveIdentifier(tsApi, node);
    const binding = resolved ? bindings.get(resolved.name) : undefined;
    if (!binding) return;
    const exposure = classifyReference(tsApi, node, binding, bindings, names);
    if (exposure) exposures.push(exposure);
  });
  return exposures;
}

function combineCaught(verdicts: readonly string[]): ErrorClassKind | undefined {
  if (verdicts.some((v) => v === 'driver' || v === 'generic')) return verdicts.includes('driver') ? 'driver' : undefined;
  return 'client';
}

/** `const { message, stack } = err`: each name reveals its field. */
function addDestructuring(
  tsApi: TsApi,
  pattern: ts.ObjectBindingPattern,
  origin: ErrorOrigin,
  bindings: Map<ts.Identifier, ErrorBinding>,
  names: Set<string>,
): void {
  for (const element of pattern.elements) {
    if (!tsApi.isIdentifier(element.name)) continue;
    names.add(element.name.text);
    if (element.dotDotDotToken) {
      bindings.set(element.name, { origin, field: 'details' });
      continue;
    }
    const property = element.propertyName ? getStaticString(tsApi, element.propertyName as ts.Expression) ?? (tsApi.isIdentifier(element.propertyName) ? element.propertyName.text : undefined) : element.name.text;
    const reveals = property === undefined ? undefined : findErrorProperty(property)?.reveals;
    if (reveals) bindings.set(element.name, { origin, field: reveals });
  }
}

/** `.catch(err => ...)`, `.then(ok, err => ...)`, `(err, data) => ...` callbacks, `.on('error', err => ...)`. */
function getCallbackErrorParameters(tsApi: TsApi, call: ts.CallExpression): { kind: ErrorOriginKind; name: ts.BindingName; caught?: ErrorClassKind }[] {
  const method = getCalleeName(tsApi, call);
  const out: { kind: ErrorOriginKind; name: ts.BindingName; caught?: ErrorClassKind }[] = [];
  const fnAt = (index: number): ts.FunctionLikeDeclaration | undefined => {
    const arg = call.arguments[index];
    if (!arg) return undefined;
    const expr = skipOuterExpressions(tsApi, arg);
    return tsApi.isArrowFunction(expr) || tsApi.isFunctionExpression(expr) ? expr : undefined;
  };
  const callee = skipOuterExpressions(tsApi, call.expression);
  const isMember = tsApi.isPropertyAccessExpression(callee);
  if (isMember && method === 'catch' && call.arguments.length === 1) {
    const fn = fnAt(0);
    if (fn?.parameters[0]) out.push({ kind: 'promise-catch', name: fn.parameters[0].name });
    return out;
  }
  if (isMember && method === 'then' && call.arguments.length === 2) {
    const fn = fnAt(1);
    if (fn?.parameters[0]) out.push({ kind: 'promise-catch', name: fn.parameters[0].name });
    return out;
  }
  if (isMember && (method === 'on' || method === 'once') && getStaticString(tsApi, call.arguments[0]) === 'error') {
    const fn = fnAt(1);
    if (fn?.parameters[0]) out.push({ kind: 'callback', name: fn.parameters[0].name });
    return out;
  }
  // `catchError((err) => throwError(() => new BadGatewayException(err.message)))` from rxjs.
  if (method !== undefined && ERROR_CATCH_OPERATOR_NAMES.has(method) && call.arguments.length === 1) {
    const fn = fnAt(0);
    const path = fn?.parameters[0] ? getModulePath(tsApi, call.expression) : undefined;
    if (fn?.parameters[0] && path?.module && !path.local && findErrorCatchOperator(path.module, path.path)) {
      out.push({ kind: 'promise-catch', name: fn.parameters[0].name });
    }
    return out;
  }
  if (method !== undefined && ARRAY_CALLBACK_METHODS.has(method)) return out;
  const last = fnAt(call.arguments.length - 1);
  const first = last?.parameters[0];
  if (last && first && last.parameters.length >= 2 && tsApi.isIdentifier(first.name) && CALLBACK_ERROR_NAMES.has(first.name.text)) {
    const path = getModulePath(tsApi, call.expression);
    const known = path?.module && !path.local ? findCallbackErrors(path.module, path.path) : undefined;
    out.push({ kind: 'callback', name: first.name, ...(known ? { caught: known.kind } : {}) });
  }
  return out;
}

/**
 * `client` when every call in the `try` block of a catch clause throws only client errors
 * (`try { await request.jwtVerify() } catch (err) {...}`) and the block throws nothing itself.
 */
function getTryBlockCaught(tsApi: TsApi, clause: ts.CatchClause): ErrorClassKind | undefined {
  const statement = clause.parent;
  if (!tsApi.isTryStatement(statement)) return undefined;
  let calls = 0;
  let other = false;
  walkDescendants(tsApi, statement.tryBlock, (node) => {
    if (other) return false;
    if (node !== statement.tryBlock && tsApi.isFunctionLike(node)) return false; // nested functions run elsewhere
    if (tsApi.isThrowStatement(node) || tsApi.isNewExpression(node)) {
      other = true;
      return false;
    }
    if (tsApi.isCallExpression(node)) {
      const callee = skipOuterExpressions(tsApi, node.expression);
      const row = tsApi.isPropertyAccessExpression(callee) ? findThrowingClientCall(callee.name.text) : undefined;
      if (row?.kind !== 'client') {
        other = true;
        return false;
      }
      calls++;
    }
    return undefined;
  });
  return !other && calls > 0 ? 'client' : undefined;
}

/** False for identifiers that are property names, labels or type names rather than value references. */
function isReferencePosition(tsApi: TsApi, id: ts.Identifier): boolean {
  const parent = id.parent;
  if (tsApi.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (tsApi.isQualifiedName(parent) && parent.right === id) return false;
  if ((tsApi.isPropertyAssignment(parent) || tsApi.isMethodDeclaration(parent) || tsApi.isPropertyDeclaration(parent) || tsApi.isPropertySignature(parent)) && parent.name === id) return false;
  if (tsApi.isBindingElement(parent) && parent.propertyName === id) return false;
  if (tsApi.isTypeReferenceNode(parent) || tsApi.isLabeledStatement(parent) || tsApi.isBreakOrContinueStatement(parent)) return false;
  return true;
}

/** What one reference of an error binding does with the error. */
function classifyReference(
  tsApi: TsApi,
  ref: ts.Identifier,
  binding: ErrorBinding,
  bindings: Map<ts.Identifier, ErrorBinding>,
  names: Set<string>,
): ErrorExposure | undefined {
  if (binding.field) return isAssignmentTarget(tsApi, ref) ? undefined : makeExposure(tsApi, ref, binding.field, binding.origin, bindings);
  // Climb through `(err as Error)`, `err!`, parentheses.
  let expr: ts.Expression = ref;
  while (
    expr.parent &&
    (tsApi.isParenthesizedExpression(expr.parent) ||
      tsApi.isAsExpression(expr.parent) ||
      tsApi.isTypeAssertionExpression(expr.parent) ||
      tsApi.isNonNullExpression(expr.parent) ||
      tsApi.isSatisfiesExpression(expr.parent))
  ) {
    expr = expr.parent;
  }
  const parent = expr.parent;
  if (!parent) return undefined;

  // err.stack, err.message, err.sql; err.toString()
  if ((tsApi.isPropertyAccessExpression(parent) || tsApi.isElementAccessExpression(parent)) && parent.expression === expr) {
    const name = tsApi.isPropertyAccessExpression(parent) ? parent.name.text : getStaticString(tsApi, parent.argumentExpression);
    if (name === undefined) return undefined;
    const call = parent.parent;
    if (call && tsApi.isCallExpression(call) && call.expression === parent) {
      const method = findErrorMethod(name);
      return method ? makeExposure(tsApi, call, method.reveals, binding.origin, bindings) : undefined;
    }
    const reveals = findErrorProperty(name)?.reveals;
    return reveals ? makeExposure(tsApi, parent, reveals, binding.origin, bindings) : undefined;
  }

  // String(err), util.inspect(err), JSON.stringify(err), serializeError(err), new Youch(err, req)
  if ((tsApi.isCallExpression(parent) || tsApi.isNewExpression(parent)) && parent.arguments?.includes(expr)) {
    const path = getModulePath(tsApi, parent.expression);
    const row = path === undefined ? undefined : path.module === undefined ? findGlobalErrorSerializer(path.path) : path.local ? undefined : findModuleErrorSerializer(path.module, path.path === '' ? 'default' : path.path);
    if (row) return makeExposure(tsApi, parent, row.reveals, binding.origin, bindings);
    return makeExposure(tsApi, ref, 'object', binding.origin, bindings);
  }

  // `${err}`, 'failed: ' + err (the engine asks about the bare reference, so it is the exposure's node)
  if (tsApi.isTemplateSpan(parent) && parent.expression === expr) return makeExposure(tsApi, ref, 'message', binding.origin, bindings);
  if (tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.PlusToken) {
    return makeExposure(tsApi, ref, 'message', binding.origin, bindings);
  }

  // const e = err as Error;  const e = err instanceof Error ? err : new Error(String(err));  const { stack } = err
  const valueHolder = getValueHolder(tsApi, expr);
  if (valueHolder && tsApi.isVariableDeclaration(valueHolder.parent) && valueHolder.parent.initializer === valueHolder) {
    const decl = valueHolder.parent;
    if (tsApi.isIdentifier(decl.name)) {
      bindings.set(decl.name, { origin: binding.origin });
      names.add(decl.name.text);
      return undefined;
    }
    if (tsApi.isObjectBindingPattern(decl.name)) {
      addDestructuring(tsApi, decl.name, binding.origin, bindings, names);
      return undefined;
    }
  }

  if (isValuePosition(tsApi, expr, parent)) return makeExposure(tsApi, ref, 'object', binding.origin, bindings);
  return undefined;
}

/** `message = 'Internal Server Error'`: a write to the name, not a read of what it holds. */
function isAssignmentTarget(tsApi: TsApi, ref: ts.Identifier): boolean {
  const parent = ref.parent;
  return tsApi.isBinaryExpression(parent) && parent.left === ref && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken;
}

/** The outermost expression whose value may be the error itself (`cond ? err : x`, `err ?? x`). */
function getValueHolder(tsApi: TsApi, expr: ts.Expression): ts.Expression | undefined {
  let current: ts.Expression = expr;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    if (tsApi.isConditionalExpression(parent) && parent.condition !== current) {
      current = parent;
      continue;
    }
    if (
      tsApi.isBinaryExpression(parent) &&
      (parent.operatorToken.kind === tsApi.SyntaxKind.BarBarToken || parent.operatorToken.kind === tsApi.SyntaxKind.QuestionQuestionToken)
    ) {
      current = parent;
      continue;
    }
    if (tsApi.isParenthesizedExpression(parent) || tsApi.isAsExpression(parent) || tsApi.isNonNullExpression(parent) || tsApi.isSatisfiesExpression(parent)) {
      current = parent;
      continue;
    }
    return current;
  }
}

/** True where the error object itself becomes data: an argument, a property value, a return, an assignment. */
function isValuePosition(tsApi: TsApi, expr: ts.Expression, parent: ts.Node): boolean {
  if (tsApi.isShorthandPropertyAssignment(parent) || tsApi.isSpreadAssignment(parent) || tsApi.isSpreadElement(parent)) return true;
  if (tsApi.isPropertyAssignment(parent) && parent.initializer === expr) return true;
  if (tsApi.isArrayLiteralExpression(parent) || tsApi.isReturnStatement(parent)) return true;
  if (tsApi.isArrowFunction(parent) && parent.body === expr) return true;
  if (tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken && parent.right === expr) return true;
  if (tsApi.isConditionalExpression(parent) && parent.condition !== expr) return isValuePosition(tsApi, parent, parent.parent);
  if (
    tsApi.isBinaryExpression(parent) &&
    parent.left === expr &&
    (parent.operatorToken.kind === tsApi.SyntaxKind.BarBarToken || parent.operatorToken.kind === tsApi.SyntaxKind.QuestionQuestionToken)
  ) {
    return isValuePosition(tsApi, parent, parent.parent);
  }
  return false;
}

function makeExposure(
  tsApi: TsApi,
  node: ts.Expression,
  reveals: ErrorReveal,
  origin: ErrorOrigin,
  bindings: ReadonlyMap<ts.Identifier, ErrorBinding>,
): ErrorExposure | undefined {
  const isErrorReference = makeErrorReferenceTest(tsApi, origin, bindings);
  if (reveals !== 'stack' && getNarrowing(tsApi, node, origin, isErrorReference) === 'client') return undefined;
  const environment = getRunningEnvironment(tsApi, node);
  if (environment?.kind === 'development') return undefined;
  // `if (isProd && !err.isOperational) message = 'Internal Server Error'` before the response.
  if (isTakenBackOutsideDevelopment(tsApi, node, reveals, isErrorReference)) return undefined;
  const label = getShortText(node.getSourceFile(), node);
  return { node, reveals, label, origin, ...(environment ? { productionGuard: environment } : {}) };
}

/** True for references of the whole error of `origin` (the name itself or an alias, not a destructured field). */
function makeErrorReferenceTest(tsApi: TsApi, origin: ErrorOrigin, bindings: ReadonlyMap<ts.Identifier, ErrorBinding>): (candidate: ts.Expression) => boolean {
  return (candidate) => {
    const expr = skipOuterExpressions(tsApi, candidate);
    if (!tsApi.isIdentifier(expr)) return false;
    const resolved = resolveIdentifier(tsApi, expr);
    const binding = resolved ? bindings.get(resolved.name) : undefined;
    return binding !== undefined && binding.origin === origin && binding.field === undefined;
  };
}

/** The nearest check that narrows the error at `node`, or what the handler declares it catches. */
function getNarrowing(
  tsApi: TsApi,
  node: ts.Node,
  origin: ErrorOrigin,
  isErrorReference: (candidate: ts.Expression) => boolean,
): ErrorClassKind | undefined {
  for (const dominating of getDominatingConditions(tsApi, node)) {
    if (dominating.kind !== 'condition') continue;
    const verdict = classifyErrorNarrowing(tsApi, dominating.condition, dominating.holds, isErrorReference);
    if (verdict) return verdict;
  }
  return origin.caught;
}
