/**
 * Reading Nest provider and enhancer expressions: global enhancers registered as providers
 * (`{ provide: APP_GUARD, useClass: JwtAuthGuard }`), the class an enhancer expression instantiates
 * (`JwtAuthGuard`, `new JwtAuthGuard(reflector)`, `useFactory: (r) => new JwtAuthGuard(r)`), and
 * array expressions with spreads of `const` arrays flattened.
 */
import type * as ts from 'typescript';
import { getEnclosingFunction, getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants } from '../core/walk.js';
import { findNestGlobalToken, type NestEnhancerRole } from '../catalog/nest.js';
import { getEnhancerText, getReturnedExpression, type NestExpressionIn } from './nest-decorators.js';
import { getSymbolClass, getSymbolInitializer, resolveNestExpression, type NestLookup } from './nest-symbols.js';

/** A global enhancer: `APP_GUARD` provider or `app.useGlobalGuards(...)` argument. */
export interface NestGlobalEnhancer extends NestExpressionIn {
  readonly role: NestEnhancerRole;
  readonly text: string;
  /** How it was registered: `APP_GUARD`, `useGlobalGuards`, ... */
  readonly via: string;
  /** The registration: the provider object or the `useGlobal*` call. */
  readonly registration: ts.Node;
  /** Set for a placeholder: a module the analysis cannot read that may register a global guard. */
  readonly opaque?: string;
}

const MAX_FLATTEN_DEPTH = 8;

/**
 * The elements of an array expression, spreads of `const` arrays (here or in another file)
 * flattened. An expression that is not an array stays a single element; `unresolved` counts the
 * spreads that could not be followed.
 */
export function flattenArrayExpression(lookup: NestLookup, expression: NestExpressionIn): { elements: NestExpressionIn[]; unresolved: number } {
  const elements: NestExpressionIn[] = [];
  let unresolved = 0;
  // `conditional`: inside a branch of `cond ? [...] : [...]`. A plain class there is read (it
  // registers nothing global), but a provider object (`{ provide: APP_GUARD, ... }`) that only one
  // branch registers is not known to be there: it counts as unread.
  const visit = (item: NestExpressionIn, depth: number, spread: boolean, conditional = false): void => {
    const tsApi = lookup.ts;
    if (depth > MAX_FLATTEN_DEPTH) {
      unresolved++;
      return;
    }
    const expr = skipOuterExpressions(tsApi, item.node);
    if (tsApi.isArrayLiteralExpression(expr)) {
      for (const element of expr.elements) {
        if (tsApi.isSpreadElement(element)) visit({ file: item.file, node: element.expression }, depth + 1, true, conditional);
        else if (conditional && tsApi.isObjectLiteralExpression(skipOuterExpressions(tsApi, element))) unresolved++;
        else if (!tsApi.isOmittedExpression(element)) elements.push({ file: item.file, node: element });
      }
      return;
    }
    // `...(enabled ? [GoogleStrategy] : [])`: either branch may be what the module gets.
    if (tsApi.isConditionalExpression(expr)) {
      visit({ file: item.file, node: expr.whenTrue }, depth + 1, spread, true);
      visit({ file: item.file, node: expr.whenFalse }, depth + 1, spread, true);
      return;
    }
    if (tsApi.isIdentifier(expr)) {
      const symbol = resolveNestExpression(lookup, item.file, expr);
      const init = getSymbolInitializer(tsApi, symbol);
      if (init && symbol.kind === 'declaration' && tsApi.isArrayLiteralExpression(skipOuterExpressions(tsApi, init))) {
        visit({ file: symbol.file, node: init }, depth + 1, spread, conditional);
        return;
      }
      // A `const` list local to a `register()` / `forRoot()` method that nothing adds to.
      const local = getUnmodifiedLocalArray(tsApi, expr);
      if (local) {
        visit({ file: item.file, node: local }, depth + 1, spread, conditional);
        return;
      }
    }
    if (spread || (conditional && tsApi.isObjectLiteralExpression(expr))) unresolved++;
    else elements.push(item);
  };
  visit(expression, 0, false);
  return { elements, unresolved };
}

/** The global enhancer a provider registers (`{ provide: APP_GUARD, useClass: X }`), if it registers one. */
export function readGlobalProvider(lookup: NestLookup, provider: NestExpressionIn): NestGlobalEnhancer | undefined {
  const tsApi = lookup.ts;
  const object = skipOuterExpressions(tsApi, provider.node);
  if (!tsApi.isObjectLiteralExpression(object)) return undefined;
  let token: string | undefined;
  let value: NestExpressionIn | undefined;
  for (const prop of object.properties) {
    if (!tsApi.isPropertyAssignment(prop) && !tsApi.isMethodDeclaration(prop)) continue;
    const key = getPropertyNameText(tsApi, prop.name);
    if (key === 'provide' && tsApi.isPropertyAssignment(prop)) token = readGlobalToken(lookup, provider.file, prop.initializer);
    if (key === 'useClass' || key === 'useExisting' || key === 'useValue') {
      if (tsApi.isPropertyAssignment(prop)) value = { file: provider.file, node: prop.initializer };
    }
    if (key === 'useFactory') {
      const fn = tsApi.isMethodDeclaration(prop) ? prop : skipOuterExpressions(tsApi, (prop as ts.PropertyAssignment).initializer);
      const returned =
        tsApi.isArrowFunction(fn) || tsApi.isFunctionExpression(fn) || tsApi.isMethodDeclaration(fn)
          ? getReturnedExpression(tsApi, fn)
          : undefined;
      value = { file: provider.file, node: returned ?? object };
    }
  }
  const row = token ? findNestGlobalToken(token) : undefined;
  if (!row || !value) return undefined;
  return { role: row.role, via: row.token, file: value.file, node: value.node, text: getEnhancerText(tsApi, value.file, value.node), registration: object };
}

/** `APP_GUARD` (imported from `@nestjs/core`, or its string value) as a token name. */
function readGlobalToken(lookup: NestLookup, file: ts.SourceFile, expression: ts.Expression): string | undefined {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression);
  const literal = getStaticString(tsApi, expr);
  if (literal !== undefined) return literal;
  const symbol = resolveNestExpression(lookup, file, expr);
  if (symbol.kind === 'import' && symbol.module.startsWith('@nestjs/core')) return symbol.imported;
  return undefined;
}

/**
 * The class declaration an enhancer expression instantiates or names, found here or through the
 * index: `JwtAuthGuard`, `new JwtAuthGuard(...)`, `app.get(JwtAuthGuard)`.
 */
export function getEnhancerClass(lookup: NestLookup, enhancer: NestExpressionIn): { file: ts.SourceFile; node: ts.ClassDeclaration } | undefined {
  const tsApi = lookup.ts;
  let expr = skipOuterExpressions(tsApi, enhancer.node);
  if (tsApi.isNewExpression(expr)) expr = skipOuterExpressions(tsApi, expr.expression);
  else if (tsApi.isCallExpression(expr) && tsApi.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'get' && expr.arguments[0]) {
    expr = skipOuterExpressions(tsApi, expr.arguments[0]);
  }
  if (!tsApi.isIdentifier(expr) && !tsApi.isPropertyAccessExpression(expr)) return undefined;
  const symbol = resolveNestExpression(lookup, enhancer.file, expr);
  const node = getSymbolClass(tsApi, symbol);
  return node && symbol.kind === 'declaration' ? { file: symbol.file, node } : undefined;
}

/** The array literal a local `const` holds, when no `push`, `unshift` or `splice` on it adds to it. */
function getUnmodifiedLocalArray(tsApi: NestLookup['ts'], name: ts.Identifier): ts.ArrayLiteralExpression | undefined {
  const declaration = resolveIdentifier(tsApi, name)?.declaration;
  if (!declaration || !tsApi.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const list = declaration.parent;
  if (!tsApi.isVariableDeclarationList(list) || (list.flags & tsApi.NodeFlags.Const) === 0) return undefined;
  const init = skipOuterExpressions(tsApi, declaration.initializer);
  if (!tsApi.isArrayLiteralExpression(init)) return undefined;
  const scope = getEnclosingFunction(tsApi, declaration);
  if (!scope?.body) return undefined;
  let modified = false;
  walkDescendants(tsApi, scope.body, (node) => {
    if (modified) return false;
    if (
      tsApi.isPropertyAccessExpression(node) &&
      tsApi.isIdentifier(node.expression) &&
      node.expression.text === name.text &&
      /^(?:push|unshift|splice)$/.test(node.name.text) &&
      resolveIdentifier(tsApi, node.expression)?.declaration === declaration
    ) {
      modified = true;
    }
    return undefined;
  });
  return modified ? undefined : init;
}
