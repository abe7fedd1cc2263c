/**
 * Development error pages in production paths: middleware that renders stack traces for every
 * error (`errorhandler()`, `strong-error-handler` with `debug: true`) registered without a
 * development-only check dominating it (or under a check that holds in production), and
 * `app.set('env', 'development')`, which makes Express's default error handler send stack traces.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getCalleeName, getObjectPropertyValue, getShortText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { DEVELOPMENT_ERROR_MIDDLEWARE, findDevelopmentErrorMiddleware } from '../catalog/errors.js';
import { mentionsAnyModule } from '../core/module-mentions.js';
import { getModulePath } from '../flow/module-paths.js';
import { classifyEnvironmentCondition, classifyEnvironmentValue, getRunningEnvironment } from './environment-guards.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface DevelopmentErrorPage {
  readonly kind: 'error-middleware' | 'forced-development-mode';
  /** Where to report: the `app.use(...)` that registers the middleware, or the `app.set(...)` call. */
  readonly node: ts.Node;
  /** `errorhandler()`, `app.set('env', 'development')`. */
  readonly text: string;
  /** The condition that turns it on in production (`NODE_ENV === 'production'`), when one dominates it. */
  readonly productionGuard?: ts.Node;
}

const cache = new FileScopedWeakMap<ts.SourceFile, readonly DevelopmentErrorPage[]>();

/** The development error pages of a file that can run in production, built once per file. */
export function findDevelopmentErrorPages(tsApi: TsApi, sourceFile: ts.SourceFile): readonly DevelopmentErrorPage[] {
  let pages = cache.get(sourceFile);
  if (!pages) {
    const found: DevelopmentErrorPage[] = [];
    // The middleware comes from a package import or `require` in this file: a file whose text never
    // names one of the packages needs no module lookup per call.
    const mayUseMiddleware = mentionsAnyModule(sourceFile, DEVELOPMENT_ERROR_MIDDLEWARE);
    forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CallExpression], (node) => {
      if (!tsApi.isCallExpression(node)) return;
      const page = (mayUseMiddleware ? getErrorMiddlewarePage(tsApi, node) : undefined) ?? getForcedDevelopmentMode(tsApi, node);
      if (page) found.push(page);
    });
    pages = found;
    cache.set(sourceFile, pages);
  }
  return pages;
}

/** `errorhandler()`, `strongErrorHandler({ debug: true })` outside a development-only check. */
function getErrorMiddlewarePage(tsApi: TsApi, call: ts.CallExpression): DevelopmentErrorPage | undefined {
  const path = getModulePath(tsApi, call.expression);
  if (!path?.module || path.local) return undefined;
  const row = findDevelopmentErrorMiddleware(path.module, path.path === '' ? 'default' : path.path);
  if (!row) return undefined;
  if (row.whenOption !== undefined && !isOptionAlwaysOn(tsApi, call, row.whenOption)) return undefined;
  const environment = getRunningEnvironment(tsApi, call);
  if (environment?.kind === 'development') return undefined;
  const registration = getUseCall(tsApi, call);
  return {
    kind: 'error-middleware',
    node: registration ?? call,
    text: getShortText(call.getSourceFile(), call),
    ...(environment ? { productionGuard: environment.condition } : {}),
  };
}

/** `{ debug: true }`, or a value that is not a development-only check. */
function isOptionAlwaysOn(tsApi: TsApi, call: ts.CallExpression, option: string): boolean {
  const options = call.arguments[0] ? skipOuterExpressions(tsApi, call.arguments[0]) : undefined;
  if (!options || !tsApi.isObjectLiteralExpression(options)) return false;
  const value = getObjectPropertyValue(tsApi, options, option);
  if (!value) return false;
  const inner = skipOuterExpressions(tsApi, value);
  if (inner.kind === tsApi.SyntaxKind.TrueKeyword) return true;
  return classifyEnvironmentCondition(tsApi, inner) === 'production';
}

/** The `app.use(...)` call `middleware` is an argument of, if any. */
function getUseCall(tsApi: TsApi, middleware: ts.CallExpression): ts.CallExpression | undefined {
  let node: ts.Node = middleware;
  while (node.parent && tsApi.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (parent && tsApi.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression) && getCalleeName(tsApi, parent) === 'use') {
    return parent;
  }
  return undefined;
}

/** `app.set('env', 'development')` outside a development-only check. */
function getForcedDevelopmentMode(tsApi: TsApi, call: ts.CallExpression): DevelopmentErrorPage | undefined {
  if (getCalleeName(tsApi, call) !== 'set' || call.arguments.length !== 2) return undefined;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
  if (getStaticString(tsApi, call.arguments[0]) !== 'env') return undefined;
  const value = getStaticString(tsApi, call.arguments[1]);
  if (value === undefined || classifyEnvironmentValue(value) !== 'development' || value.toLowerCase().startsWith('test')) return undefined;
  if (getRunningEnvironment(tsApi, call)?.kind === 'development') return undefined;
  return { kind: 'forced-development-mode', node: call, text: getShortText(call.getSourceFile(), call) };
}
