/**
 * What the decorators on a Nest class or method mean for routing, guards and validation: route
 * decorators, `@Controller`, `@Module`, enhancers (`@UseGuards`, `@UsePipes`, ...), public markers
 * (`@Public()`, `SetMetadata('isPublic', true)`), and composed decorators (`applyDecorators(...)`,
 * a `const Auth = () => UseGuards(JwtGuard)` helper) expanded through the file and, in project mode,
 * through the project index.
 */
import type * as ts from 'typescript';
import type { HttpMethod } from '../model/facts.js';
import { getDecorators, getShortText, skipOuterExpressions } from '../core/ast.js';
import {
  AUTH_LIKE_DECORATOR_NAME,
  PUBLIC_METADATA_KEY_PATTERN,
  findNestEnhancerDecorator,
  findNestPublicMarker,
  findNestRouteDecorator,
  isInertDecoratorModule,
  type NestEnhancerRole,
} from '../catalog/nest.js';
import { resolveNestExpression, resolveNestString, type NestLookup, type NestSymbol } from './nest-symbols.js';

/** An expression written in some file (composed decorators bring expressions from other files). */
export interface NestExpressionIn {
  readonly file: ts.SourceFile;
  readonly node: ts.Expression;
}

/** One enhancer attached by a decorator: `JwtAuthGuard` of `@UseGuards(JwtAuthGuard)`. */
export interface NestEnhancerUse extends NestExpressionIn {
  readonly role: NestEnhancerRole;
  /** A short printable name: `JwtAuthGuard`, `AuthGuard('jwt')`, `ValidationPipe`. */
  readonly text: string;
  /** The decorator on the class or method that brought it (`@UseGuards(...)`, `@Auth()`). */
  readonly decorator: ts.Decorator;
  /**
   * Set for a decorator whose definition cannot be read and whose name sounds like authentication
   * (`@Auth()` from a package): it may attach a guard, so it is kept as one. The value says why.
   */
  readonly opaque?: string;
}

/** A public-on-purpose marker: `@Public()`, `@SkipAuth()`, `SetMetadata('isPublic', true)`. */
export interface NestPublicMarker {
  /** As written on the class or method: `@Public()`. */
  readonly text: string;
  readonly decorator: ts.Decorator;
  /** The static value of the metadata key (`isPublic`), when known. */
  readonly key?: string;
  /** The key as written when it is a named constant (`IS_PUBLIC_KEY`). */
  readonly keyName?: string;
  /** For `Reflector.createDecorator()` markers: the declaration that is itself the key. */
  readonly keyDeclaration?: ts.Node;
  /** True when the marker's definition was read; false when it is recognised by its name only. */
  readonly resolved: boolean;
}

export interface NestRouteDecoratorUse {
  readonly decorator: ts.Decorator;
  readonly method: HttpMethod;
  /** The path argument (string, array or absent), with the file it is written in. */
  readonly pathArgument?: NestExpressionIn;
}

export interface NestDecorations {
  /** The first route decorator (`@Get(':id')`), if any. */
  readonly route?: NestRouteDecoratorUse;
  /** The `@Controller(...)` decorator and its argument. */
  readonly controller?: { readonly decorator: ts.Decorator; readonly argument?: NestExpressionIn };
  /** The `@Module({...})` decorator and its metadata object. */
  readonly module?: { readonly decorator: ts.Decorator; readonly metadata?: ts.ObjectLiteralExpression };
  /** `@Version('2')` values. */
  readonly versions: readonly string[];
  readonly enhancers: readonly NestEnhancerUse[];
  readonly publicMarkers: readonly NestPublicMarker[];
}

const MAX_COMPOSE_DEPTH = 8;

/** The meaning of the decorators of a class or method. */
export function getNestDecorations(lookup: NestLookup, file: ts.SourceFile, node: ts.Node): NestDecorations {
  const out: MutableDecorations = { versions: [], enhancers: [], publicMarkers: [] };
  for (const decorator of getDecorators(lookup.ts, node)) {
    interpretDecorator(lookup, { file, node: decorator.expression }, decorator, out, 0);
  }
  return out;
}

interface MutableDecorations {
  route?: NestRouteDecoratorUse;
  controller?: { decorator: ts.Decorator; argument?: NestExpressionIn };
  module?: { decorator: ts.Decorator; metadata?: ts.ObjectLiteralExpression };
  versions: string[];
  enhancers: NestEnhancerUse[];
  publicMarkers: NestPublicMarker[];
}

/** True for `@nestjs/common` and its subpaths (also when a project barrel re-exports it). */
function isNestCommonModule(module: string): boolean {
  return module === '@nestjs/common' || module.startsWith('@nestjs/common/');
}

/** Interprets one decorator expression; returns false when its meaning could not be read. */
function interpretDecorator(
  lookup: NestLookup,
  expression: NestExpressionIn,
  decorator: ts.Decorator,
  out: MutableDecorations,
  depth: number,
): boolean {
  const tsApi = lookup.ts;
  if (depth > MAX_COMPOSE_DEPTH) return false;
  const expr = skipOuterExpressions(tsApi, expression.node);
  const call = tsApi.isCallExpression(expr) ? expr : undefined;
  const callee = call ? skipOuterExpressions(tsApi, call.expression) : expr;
  const args = call ? call.arguments : [];
  const { file } = expression;
  const symbol = resolveNestExpression(lookup, file, callee);
  const name = symbol.kind === 'import' ? symbol.imported : calleeName(tsApi, callee);

  if (symbol.kind === 'import' && isNestCommonModule(symbol.module)) {
    interpretNestCommon(lookup, symbol.imported, args, file, decorator, out, depth);
    return true;
  }
  if (symbol.kind === 'declaration') {
    const definition = getDecoratorDefinition(lookup, symbol, call !== undefined);
    if (definition && isCreateDecoratorCall(lookup, definition)) {
      // `const Public = Reflector.createDecorator<boolean>()`: the decorator is its own key.
      if (name && isPublicMarkerName(name)) {
        out.publicMarkers.push({ text: markerText(decorator), decorator, keyDeclaration: symbol.node, resolved: true });
      }
      return true;
    }
    if (definition && interpretDecorator(lookup, definition, decorator, out, depth + 1)) return true;
    // A project decorator the analysis cannot read: fall back to what its name says.
    return interpretByName(name, undefined, expression, decorator, out);
  }
  if (symbol.kind === 'import' && (isInertDecoratorModule(symbol.module) || symbol.module.startsWith('@nestjs/'))) {
    return true;
  }
  return interpretByName(name, symbol.kind === 'import' ? symbol.module : undefined, expression, decorator, out);
}

/** Decorators recognised only by name: conventional public markers and opaque auth-like decorators. */
function interpretByName(
  name: string | undefined,
  module: string | undefined,
  expression: NestExpressionIn,
  decorator: ts.Decorator,
  out: MutableDecorations,
): boolean {
  if (!name) return false;
  if (findNestPublicMarker(name, module)) {
    out.publicMarkers.push({ text: markerText(decorator), decorator, resolved: false });
    return true;
  }
  if (AUTH_LIKE_DECORATOR_NAME.test(name)) {
    out.enhancers.push({
      role: 'guard',
      file: expression.file,
      node: expression.node,
      text: getShortText(expression.file, expression.node, 60),
      decorator,
      opaque: module === undefined ? `${name} is defined in a file that was not read` : `${name} comes from ${module}, which was not read`,
    });
    return true;
  }
  return false;
}

function interpretNestCommon(
  lookup: NestLookup,
  imported: string,
  args: readonly ts.Expression[],
  file: ts.SourceFile,
  decorator: ts.Decorator,
  out: MutableDecorations,
  depth: number,
): void {
  const tsApi = lookup.ts;
  const route = findNestRouteDecorator(imported);
  if (route) {
    out.route ??= { decorator, method: route.method, pathArgument: args[0] ? { file, node: args[0] } : undefined };
    return;
  }
  const enhancer = findNestEnhancerDecorator(imported);
  if (enhancer) {
    for (const arg of args) {
      out.enhancers.push({ role: enhancer.role, file, node: arg, text: getEnhancerText(tsApi, file, arg), decorator });
    }
    return;
  }
  switch (imported) {
    case 'Controller':
      out.controller ??= { decorator, argument: args[0] ? { file, node: args[0] } : undefined };
      return;
    case 'Module': {
      const metadata = args[0] ? skipOuterExpressions(tsApi, args[0]) : undefined;
      out.module ??= { decorator, metadata: metadata && tsApi.isObjectLiteralExpression(metadata) ? metadata : undefined };
      return;
    }
    case 'Version': {
      const values = args[0] && tsApi.isArrayLiteralExpression(skipOuterExpressions(tsApi, args[0])) ? (skipOuterExpressions(tsApi, args[0]) as ts.ArrayLiteralExpression).elements : args.slice(0, 1);
      for (const value of values) {
        const symbol = resolveNestExpression(lookup, file, value);
        const version = symbol.kind === 'import' && symbol.imported === 'VERSION_NEUTRAL' ? 'VERSION_NEUTRAL' : resolveNestString(lookup, file, value);
        if (version !== undefined) out.versions.push(version);
      }
      return;
    }
    case 'SetMetadata': {
      const marker = getPublicMetadata(lookup, file, args);
      if (marker) out.publicMarkers.push({ ...marker, text: markerText(decorator), decorator, resolved: true });
      return;
    }
    case 'applyDecorators':
      for (const arg of args) interpretDecorator(lookup, { file, node: arg }, decorator, out, depth + 1);
      return;
    default:
      return;
  }
}

/** `SetMetadata(KEY, true)` where the key reads as "public" or "skip auth". */
function getPublicMetadata(
  lookup: NestLookup,
  file: ts.SourceFile,
  args: readonly ts.Expression[],
): { key?: string; keyName?: string } | undefined {
  const tsApi = lookup.ts;
  const [keyArg, valueArg] = args;
  if (!keyArg || !valueArg) return undefined;
  const value = skipOuterExpressions(tsApi, valueArg);
  if (value.kind !== tsApi.SyntaxKind.TrueKeyword) return undefined;
  const key = resolveNestString(lookup, file, keyArg);
  const keyExpr = skipOuterExpressions(tsApi, keyArg);
  const keyName = tsApi.isIdentifier(keyExpr)
    ? keyExpr.text
    : tsApi.isPropertyAccessExpression(keyExpr)
      ? keyExpr.name.text
      : undefined;
  const matches = (key !== undefined && PUBLIC_METADATA_KEY_PATTERN.test(key)) || (keyName !== undefined && PUBLIC_METADATA_KEY_PATTERN.test(keyName));
  return matches ? { key, keyName } : undefined;
}

/**
 * The decorator expression a declaration stands for: for `@X()` the expression `X` returns
 * (`const X = () => applyDecorators(...)`, `function X() { return UseGuards(...) }`); for `@X` the
 * value of `X` itself (`const X = SetMetadata('isPublic', true)`).
 */
function getDecoratorDefinition(lookup: NestLookup, symbol: Extract<NestSymbol, { kind: 'declaration' }>, called: boolean): NestExpressionIn | undefined {
  const tsApi = lookup.ts;
  const node = symbol.node;
  let fn: ts.SignatureDeclaration | undefined;
  if (tsApi.isFunctionDeclaration(node)) fn = node;
  if (tsApi.isVariableDeclaration(node) && node.initializer) {
    const init = skipOuterExpressions(tsApi, node.initializer);
    if (tsApi.isArrowFunction(init) || tsApi.isFunctionExpression(init)) fn = init;
    else if (!called || isCreateDecoratorCall(lookup, { file: symbol.file, node: init })) return { file: symbol.file, node: init };
  }
  if (!fn || !called) return undefined;
  const returned = getReturnedExpression(tsApi, fn);
  return returned ? { file: symbol.file, node: returned } : undefined;
}

/** The single expression a function returns (an arrow's expression body, or its only `return`). */
export function getReturnedExpression(tsApi: NestLookup['ts'], fn: ts.SignatureDeclaration): ts.Expression | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return undefined;
  if (!tsApi.isBlock(body)) return body;
  const returns = body.statements.filter(tsApi.isReturnStatement);
  return returns.length === 1 ? returns[0]!.expression : undefined;
}

/** `Reflector.createDecorator<T>()`: a decorator that is its own metadata key (Nest 10.2+). */
function isCreateDecoratorCall(lookup: NestLookup, expression: NestExpressionIn): boolean {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression.node);
  if (!tsApi.isCallExpression(expr)) return false;
  const callee = skipOuterExpressions(tsApi, expr.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || callee.name.text !== 'createDecorator') return false;
  const owner = resolveNestExpression(lookup, expression.file, callee.expression);
  return owner.kind === 'import' && owner.imported === 'Reflector' && owner.module.startsWith('@nestjs/core');
}

function isPublicMarkerName(name: string): boolean {
  return findNestPublicMarker(name, undefined) !== undefined || PUBLIC_METADATA_KEY_PATTERN.test(name);
}

function calleeName(tsApi: NestLookup['ts'], callee: ts.Expression): string | undefined {
  if (tsApi.isIdentifier(callee)) return callee.text;
  if (tsApi.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function markerText(decorator: ts.Decorator): string {
  return getShortText(decorator.getSourceFile(), decorator, 60);
}

/**
 * A short printable name for an enhancer expression: `JwtAuthGuard` for the class or
 * `new JwtAuthGuard(reflector)`, `AuthGuard('jwt')` for a call, the text otherwise.
 */
export function getEnhancerText(tsApi: NestLookup['ts'], file: ts.SourceFile, node: ts.Expression): string {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isIdentifier(expr)) return expr.text;
  if (tsApi.isPropertyAccessExpression(expr)) return getShortText(file, expr, 60);
  if (tsApi.isNewExpression(expr)) {
    const callee = skipOuterExpressions(tsApi, expr.expression);
    if (tsApi.isIdentifier(callee)) return callee.text;
  }
  return getShortText(file, expr, 60);
}
