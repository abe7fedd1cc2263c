/**
 * The Nest controllers a file declares: each `@Controller` class with its path(s), version, the
 * enhancers and public markers on the class, and its route methods (`@Get`, `@Post`, ...) with
 * their own path(s), enhancers and markers. Built once per file (and per project index, because
 * composed decorators from other files are expanded through it).
 */
import type * as ts from 'typescript';
import type { HttpMethod } from '../model/facts.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { getNestDecorations, type NestDecorations, type NestEnhancerUse, type NestExpressionIn, type NestPublicMarker } from './nest-decorators.js';
import { resolveNestExpression, resolveNestString, type NestLookup } from './nest-symbols.js';
import { getPerFileCache } from './nest-cache.js';

export interface NestRouteModel {
  readonly method: ts.MethodDeclaration;
  /** The handler's name (`findOne`). */
  readonly name: string;
  /** The route decorator (`@Get(':id')`), where findings are reported. */
  readonly decorator: ts.Decorator;
  readonly httpMethod: HttpMethod;
  /** The method path(s); `['']` when absent, `[undefined]` when not static. */
  readonly paths: readonly (string | undefined)[];
  /** `@Version(...)` on the method. */
  readonly versions: readonly string[];
  readonly enhancers: readonly NestEnhancerUse[];
  readonly publicMarkers: readonly NestPublicMarker[];
}

export interface NestControllerModel {
  readonly node: ts.ClassDeclaration;
  readonly name: string;
  readonly file: ts.SourceFile;
  /** The `@Controller(...)` decorator. */
  readonly decorator: ts.Decorator;
  /** The controller path(s): `['']` when absent, `[undefined]` when not static. */
  readonly paths: readonly (string | undefined)[];
  /** The `version` option of `@Controller({ version })` and `@Version()` on the class. */
  readonly versions: readonly string[];
  readonly enhancers: readonly NestEnhancerUse[];
  readonly publicMarkers: readonly NestPublicMarker[];
  readonly routes: readonly NestRouteModel[];
  /** Names the class is exported under (`default` included). */
  readonly exportedAs: readonly string[];
}

const cacheKey = {};

/** The controllers declared in `file`. */
export function getNestControllers(lookup: NestLookup, file: ts.SourceFile): readonly NestControllerModel[] {
  return getPerFileCache(lookup, cacheKey, file, () => collectControllers(lookup, file));
}

function collectControllers(lookup: NestLookup, file: ts.SourceFile): NestControllerModel[] {
  const tsApi = lookup.ts;
  if (!mayUseNest(lookup, file)) return [];
  const controllers: NestControllerModel[] = [];
  const exports = getFileBindings(tsApi, file).exports;
  for (const statement of file.statements) {
    if (!tsApi.isClassDeclaration(statement) || !statement.name) continue;
    const decorations = getNestDecorations(lookup, file, statement);
    if (!decorations.controller) continue;
    const name = statement.name.text;
    const options = readControllerArgument(lookup, decorations.controller.argument);
    const routes: NestRouteModel[] = [];
    for (const member of statement.members) {
      if (!tsApi.isMethodDeclaration(member)) continue;
      const route = readRoute(lookup, file, member);
      if (route) routes.push(route);
    }
    controllers.push({
      node: statement,
      name,
      file,
      decorator: decorations.controller.decorator,
      paths: options.paths,
      versions: [...options.versions, ...decorations.versions],
      enhancers: decorations.enhancers,
      publicMarkers: decorations.publicMarkers,
      routes,
      exportedAs: exports.filter((e) => e.local === name || e.node === statement).map((e) => e.exported),
    });
  }
  return controllers;
}

/**
 * Cheap filter: the file imports a Nest package, or (in project mode, where a barrel may re-export
 * `@nestjs/common`) anything at all.
 */
function mayUseNest(lookup: NestLookup, file: ts.SourceFile): boolean {
  const imports = [...getFileBindings(lookup.ts, file).imports.values()];
  return imports.some((b) => b.module.startsWith('@nestjs/')) || (lookup.project !== undefined && imports.length > 0);
}

function readRoute(lookup: NestLookup, file: ts.SourceFile, method: ts.MethodDeclaration): NestRouteModel | undefined {
  const decorations: NestDecorations = getNestDecorations(lookup, file, method);
  const route = decorations.route;
  if (!route) return undefined;
  return {
    method,
    name: getPropertyNameText(lookup.ts, method.name) ?? '?',
    decorator: route.decorator,
    httpMethod: route.method,
    paths: readPathArgument(lookup, route.pathArgument),
    versions: decorations.versions,
    enhancers: decorations.enhancers,
    publicMarkers: decorations.publicMarkers,
  };
}

/** `'users'`, `['a', 'b']`, absent (`''`), or not static (`undefined`). */
export function readPathArgument(lookup: NestLookup, argument: NestExpressionIn | undefined): (string | undefined)[] {
  if (!argument) return [''];
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, argument.node);
  if (tsApi.isArrayLiteralExpression(expr)) {
    const paths = expr.elements.map((e) => resolveNestString(lookup, argument.file, e));
    return paths.length > 0 ? paths : [''];
  }
  return [resolveNestString(lookup, argument.file, expr)];
}

function readControllerArgument(
  lookup: NestLookup,
  argument: NestExpressionIn | undefined,
): { paths: (string | undefined)[]; versions: string[] } {
  const tsApi = lookup.ts;
  if (!argument) return { paths: [''], versions: [] };
  const expr = skipOuterExpressions(tsApi, argument.node);
  if (!tsApi.isObjectLiteralExpression(expr)) return { paths: readPathArgument(lookup, argument), versions: [] };
  let paths: (string | undefined)[] = [''];
  const versions: string[] = [];
  for (const prop of expr.properties) {
    if (tsApi.isSpreadAssignment(prop)) return { paths: [undefined], versions };
    if (!tsApi.isPropertyAssignment(prop)) continue;
    const key = getPropertyNameText(tsApi, prop.name);
    if (key === 'path') paths = readPathArgument(lookup, { file: argument.file, node: prop.initializer });
    if (key === 'version') {
      const value = skipOuterExpressions(tsApi, prop.initializer);
      const list = tsApi.isArrayLiteralExpression(value) ? value.elements : [value];
      for (const element of list) {
        const version = readVersionValue(lookup, argument.file, element);
        if (version !== undefined) versions.push(version);
      }
    }
  }
  return { paths, versions };
}

/** A version value: `'2'`, a constant holding one, or Nest's `VERSION_NEUTRAL` (written as such). */
export function readVersionValue(lookup: NestLookup, file: ts.SourceFile, node: ts.Expression): string | undefined {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isIdentifier(expr)) {
    const symbol = resolveNestExpression(lookup, file, expr);
    if (symbol.kind === 'import' && symbol.imported === 'VERSION_NEUTRAL' && symbol.module.startsWith('@nestjs/')) return NEST_VERSION_NEUTRAL;
  }
  return resolveNestString(lookup, file, expr) ?? getStaticString(tsApi, expr);
}

/** How `VERSION_NEUTRAL` is written in version lists: the route has no version segment. */
export const NEST_VERSION_NEUTRAL = 'VERSION_NEUTRAL';
