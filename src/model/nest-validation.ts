/**
 * Whether a Nest `@Body()` parameter can carry properties its DTO does not declare: which
 * `ValidationPipe`s apply (parameter, method and controller `@UsePipes`, global `useGlobalPipes` /
 * `APP_PIPE`) with their `whitelist` / `forbidNonWhitelisted` / `transform` options, what the declared
 * type compiles to (`ValidationPipe` only validates classes: `any`, interfaces, `Record<...>`,
 * `Partial<Entity>`, unions and arrays reach it as `Object`/`Array` and pass untouched), and the
 * shape of the class (class-validator decorators per property, across files, base classes and
 * `PartialType`/`PickType`/`OmitType`/`IntersectionType`; persistence entities).
 *
 * The verdict, for `no-mass-assignment`:
 * - `validated`: the body is a class and a `ValidationPipe` with `whitelist: true` applies. Properties
 *   without class-validator decorators are stripped (or rejected with `forbidNonWhitelisted`), so
 *   undecorated properties are listed for information but do not make the body unsafe; an entity
 *   class behind such a pipe is safe for the same reason.
 * - `unvalidated`, with a reason: the type is skipped by `ValidationPipe`, no validation pipe applies,
 *   or the pipes do not whitelist.
 * - `unknown`: something another file or an unread expression decides (per-file mode and the global
 *   pipes live elsewhere; the type is imported and per-file mode cannot tell a class from an
 *   interface; options that are not literals; a custom pipe).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { findObjectProperty, getDecorators, getPropertyNameText, getShortText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, isPackageSpecifier } from '../core/bindings.js';
import { findNestMappedType, findNestPipe, findPersistenceEntityDecorator, isTypeOnlyBodyExport, isTypeOnlyBodyPackage } from '../catalog/nest.js';
import { CLASS_VALIDATOR_MODULES } from '../catalog/validators.js';
import { getNestAppsOfController } from '../frameworks/nest-apps.js';
import { getNestControllers, type NestControllerModel, type NestRouteModel } from '../frameworks/nest-controllers.js';
import type { NestExpressionIn } from '../frameworks/nest-decorators.js';
import { getNestParameterInput } from '../frameworks/nest-parameters.js';
import { getSymbolClass, getSymbolInitializer, resolveNestExpression, resolveNestName, type NestLookup, type NestSymbol } from '../frameworks/nest-symbols.js';
import { getPerFileCache } from '../frameworks/nest-cache.js';

/** What the declared type of a body parameter is, as far as `ValidationPipe` is concerned. */
export type NestBodyTypeKind =
  /** A class: `ValidationPipe` validates it. */
  | 'class'
  /** `any`, `unknown`, `object`, `Object`, or no annotation. */
  | 'any'
  | 'interface'
  | 'type-alias'
  /** `{ ... }` written inline. */
  | 'object-literal'
  | 'record'
  /** `Partial<X>`, `Pick<X, ...>`, `Omit<X, ...>`, `Required<X>`, `Readonly<X>`. */
  | 'utility-type'
  | 'union'
  | 'array'
  | 'enum'
  | 'primitive'
  /** A class imported with `import type`: the emitted metadata is `Object`. */
  | 'type-only-import'
  /** An imported name that per-file mode cannot see (class or interface). */
  | 'unresolved';

export interface NestBodyType {
  readonly kind: NestBodyTypeKind;
  /** The annotation as written (`CreateUserDto`, `Partial<User>`), or `(none)`. */
  readonly text: string;
}

export interface NestValidationPipeUse {
  readonly node: ts.Node;
  readonly file: ts.SourceFile;
  readonly level: 'global' | 'controller' | 'route' | 'parameter';
  /** `ValidationPipe`, `new ValidationPipe({ whitelist: true })`, `AppValidationPipe`. */
  readonly text: string;
  readonly whitelist: boolean | 'unknown';
  readonly forbidNonWhitelisted: boolean | 'unknown';
  readonly transform: boolean | 'unknown';
  /** `ParseArrayPipe`: validates the items of an array body (`items` given: against that class). */
  readonly array?: { readonly items: boolean };
}

/** A pipe that is not a `ValidationPipe` and whose effect on the body is not known. */
export interface NestOtherPipeUse {
  readonly node: ts.Node;
  readonly file: ts.SourceFile;
  readonly level: NestValidationPipeUse['level'];
  readonly text: string;
}

export interface NestDtoShape {
  readonly className: string;
  readonly declaration: ts.ClassDeclaration;
  readonly file: ts.SourceFile;
  /** Properties the class declares, own and inherited, after mapped types. */
  readonly properties: readonly string[];
  /** Properties with a class-validator decorator (kept by a whitelisting pipe). */
  readonly decoratedProperties: readonly string[];
  /** Properties without one (stripped by a whitelisting pipe, kept by any other). */
  readonly undecoratedProperties: readonly string[];
  /**
   * Decorated properties that still accept any nested object: typed `any`/`object`/`Record` or a
   * class without `@ValidateNested()`. A whitelisting pipe does not look inside them.
   */
  readonly openProperties: readonly string[];
  /** The ORM that persists the class (TypeORM `@Entity()`, Mongoose `@Schema()`, ...). */
  readonly entity?: { readonly orm: string; readonly decorator: string };
  /** False when a base class or mapped-type argument could not be read. */
  readonly complete: boolean;
}

export type NestBodyVerdict = 'validated' | 'unvalidated' | 'unknown';

export type NestBodyReason =
  /** The type reaches `ValidationPipe` as `Object`/`Array` (any, interface, Record, Partial, union, array). */
  | 'skipped-type'
  /** A class imported with `import type`: the parameter's metadata is `Object`. */
  | 'type-only-import'
  /** A scalar (`string`, `number`): validation does not apply, and it cannot carry extra properties. */
  | 'scalar-type'
  /** A persistence entity used as the body with no whitelisting pipe. */
  | 'entity-class'
  /** `ValidationPipe`s apply but none sets `whitelist: true`. */
  | 'pipe-without-whitelist'
  /** No `ValidationPipe` applies at any level. */
  | 'no-validation-pipe'
  /** A class and a whitelisting pipe. */
  | 'whitelisted-class'
  /** Per-file mode: global pipes are registered in another file. */
  | 'global-pipes-unknown'
  /** Per-file mode: the type is imported; it may be a class or an interface. */
  | 'type-unresolved'
  /** A pipe option or pipe expression the analysis cannot read. */
  | 'pipe-options-unknown'
  /** A custom pipe applies; what it does to the body is not known. */
  | 'custom-pipe';

export interface NestBodyValidation {
  readonly parameter: ts.ParameterDeclaration;
  /** `@Body('profile')` selects one property of the body. */
  readonly key?: string;
  readonly type: NestBodyType;
  /** The class behind the type, when it was found. */
  readonly dto?: NestDtoShape;
  readonly pipes: readonly NestValidationPipeUse[];
  readonly otherPipes: readonly NestOtherPipeUse[];
  /** False in per-file mode (or when the application could not be found): global pipes are not known. */
  readonly globalPipesKnown: boolean;
  readonly verdict: NestBodyVerdict;
  readonly reason: NestBodyReason;
  /** One sentence for messages: "`CreateUserDto` is a class and `ValidationPipe({ whitelist: true })` applies globally". */
  readonly detail: string;
}

/**
 * The validation that applies to a `@Body()` parameter of a Nest route handler, or `undefined` when
 * the parameter is not one.
 */
export function getNestBodyValidation(
  scope: { readonly ts: TsApi; readonly project?: ProjectIndex },
  param: ts.ParameterDeclaration,
): NestBodyValidation | undefined {
  const lookup: NestLookup = { ts: scope.ts, project: scope.project };
  const tsApi = lookup.ts;
  const input = getNestParameterInput(tsApi, param, lookup.project);
  if (!input || input.kind !== 'body') return undefined;
  const method = param.parent;
  if (!tsApi.isMethodDeclaration(method)) return undefined;
  const file = param.getSourceFile();
  const found = findRoute(lookup, file, method);
  if (!found) return undefined;

  const pipes: NestValidationPipeUse[] = [];
  const otherPipes: NestOtherPipeUse[] = [];
  const addPipe = (expression: NestExpressionIn, level: NestValidationPipeUse['level']): void => {
    const pipe = readPipe(lookup, expression, level);
    if (pipe === 'scalar') return;
    if ('whitelist' in pipe) pipes.push(pipe);
    else otherPipes.push(pipe);
  };
  const { apps, known: globalPipesKnown } = getNestAppsOfController(lookup, found.controller.node);
  // Several applications: judge by the weakest (the one without a whitelisting global pipe, if any).
  const weakest = apps.find((app) => !app.globalEnhancers.some((e) => e.role === 'pipe' && isWhitelisting(readPipe(lookup, e, 'global')))) ?? apps[0];
  for (const enhancer of weakest?.globalEnhancers ?? []) if (enhancer.role === 'pipe') addPipe(enhancer, 'global');
  for (const enhancer of found.controller.enhancers) if (enhancer.role === 'pipe') addPipe(enhancer, 'controller');
  for (const enhancer of found.route.enhancers) if (enhancer.role === 'pipe') addPipe(enhancer, 'route');
  for (const pipe of input.pipes) addPipe({ file, node: pipe }, 'parameter');

  const type = readBodyType(lookup, file, param.type);
  const dto = type.kind === 'class' && type.declaration ? readDtoShape(lookup, type.declaration.file, type.declaration.node) : undefined;
  const base = { parameter: param, key: input.key, type: { kind: type.kind, text: type.text }, dto, pipes, otherPipes, globalPipesKnown };
  return { ...base, ...decide(type.kind, type.text, dto, pipes, otherPipes, globalPipesKnown) };
}

function isWhitelisting(pipe: NestValidationPipeUse | NestOtherPipeUse | 'scalar'): boolean {
  return pipe !== 'scalar' && 'whitelist' in pipe && pipe.whitelist === true;
}

function findRoute(
  lookup: NestLookup,
  file: ts.SourceFile,
  method: ts.MethodDeclaration,
): { controller: NestControllerModel; route: NestRouteModel } | undefined {
  for (const controller of getNestControllers(lookup, file)) {
    const route = controller.routes.find((r) => r.method === method);
    if (route) return { controller, route };
  }
  return undefined;
}

function decide(
  kind: NestBodyTypeKind,
  typeText: string,
  dto: NestDtoShape | undefined,
  pipes: readonly NestValidationPipeUse[],
  otherPipes: readonly NestOtherPipeUse[],
  globalPipesKnown: boolean,
): { verdict: NestBodyVerdict; reason: NestBodyReason; detail: string } {
  const name = `\`${typeText}\``;
  switch (kind) {
    case 'primitive':
      return { verdict: 'unvalidated', reason: 'scalar-type', detail: `${name} is a scalar; ValidationPipe does not check it` };
    case 'type-only-import':
      return {
        verdict: 'unvalidated',
        reason: 'type-only-import',
        detail: `${name} is imported with \`import type\`, so the parameter's metadata is Object and ValidationPipe skips it`,
      };
    case 'unresolved':
      return { verdict: 'unknown', reason: 'type-unresolved', detail: `${name} is imported; it may be a class or an interface` };
    case 'class':
      break;
    case 'array': {
      // `@Body(new ParseArrayPipe({ items: CreateTagDto, whitelist: true }))`: each item is validated.
      const arrayPipe = pipes.find((p) => p.array?.items === true && p.level === 'parameter');
      if (arrayPipe?.whitelist === true) {
        return { verdict: 'validated', reason: 'whitelisted-class', detail: `the items of ${name} are validated by \`${arrayPipe.text}\`` };
      }
      if (arrayPipe?.whitelist === 'unknown') {
        return { verdict: 'unknown', reason: 'pipe-options-unknown', detail: `the options of \`${arrayPipe.text}\` for ${name} are not literal` };
      }
      if (arrayPipe) {
        return {
          verdict: 'unvalidated',
          reason: 'pipe-without-whitelist',
          detail: `\`${arrayPipe.text}\` validates the items of ${name} but does not set \`whitelist: true\`, so undeclared properties pass`,
        };
      }
      return { verdict: 'unvalidated', reason: 'skipped-type', detail: `${name} is not a class (${describeKind(kind)}), so ValidationPipe receives Array and validates nothing` };
    }
    default:
      return {
        verdict: 'unvalidated',
        reason: 'skipped-type',
        detail: `${name} is not a class (${describeKind(kind)}), so ValidationPipe receives Object and validates nothing`,
      };
  }
  // ParseArrayPipe validates arrays; on a class body it says nothing about its properties.
  pipes = pipes.filter((p) => p.array === undefined);
  const whitelisting = pipes.find((p) => p.whitelist === true);
  if (whitelisting) {
    const where = whitelisting.level === 'parameter' ? 'on the parameter' : whitelisting.level === 'global' ? 'globally' : `at ${whitelisting.level} level`;
    return { verdict: 'validated', reason: 'whitelisted-class', detail: `${name} is a class and \`${whitelisting.text}\` applies ${where}` };
  }
  if (pipes.some((p) => p.whitelist === 'unknown')) {
    return { verdict: 'unknown', reason: 'pipe-options-unknown', detail: `the options of a ValidationPipe for ${name} are not literal` };
  }
  if (otherPipes.length > 0) {
    return { verdict: 'unknown', reason: 'custom-pipe', detail: `\`${otherPipes[0]!.text}\` applies to ${name}; what it does to the body is not known` };
  }
  if (!globalPipesKnown) {
    return { verdict: 'unknown', reason: 'global-pipes-unknown', detail: `global pipes for ${name} are registered in another file` };
  }
  if (dto?.entity) {
    return {
      verdict: 'unvalidated',
      reason: 'entity-class',
      detail: `${name} is a ${dto.entity.orm} entity and no ValidationPipe with \`whitelist: true\` applies`,
    };
  }
  if (pipes.length > 0) {
    return {
      verdict: 'unvalidated',
      reason: 'pipe-without-whitelist',
      detail: `\`${pipes[0]!.text}\` validates ${name} but does not set \`whitelist: true\`, so undeclared properties pass`,
    };
  }
  return { verdict: 'unvalidated', reason: 'no-validation-pipe', detail: `no ValidationPipe applies to ${name}` };
}

function describeKind(kind: NestBodyTypeKind): string {
  switch (kind) {
    case 'any':
      return 'any or untyped';
    case 'object-literal':
      return 'an inline object type';
    case 'utility-type':
      return 'a utility type';
    default:
      return `a${/^[aeiou]/.test(kind) ? 'n' : ''} ${kind.replace('-', ' ')}`;
  }
}

// --- pipes ------------------------------------------------------------------------------------

const PIPE_OPTIONS = ['whitelist', 'forbidNonWhitelisted', 'transform'] as const;
type PipeOptions = Record<(typeof PIPE_OPTIONS)[number], boolean | 'unknown'> & { array?: { items: boolean } };

/** A `ValidationPipe` (or subclass) use, another pipe, or a scalar pipe that does not matter. */
function readPipe(
  lookup: NestLookup,
  expression: NestExpressionIn,
  level: NestValidationPipeUse['level'],
): NestValidationPipeUse | NestOtherPipeUse | 'scalar' {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression.node);
  const text = getShortText(expression.file, expr, 80);
  const classExpr = tsApi.isNewExpression(expr) ? skipOuterExpressions(tsApi, expr.expression) : expr;
  const args = tsApi.isNewExpression(expr) ? (expr.arguments ?? []) : undefined;
  const options = readValidationPipeClass(lookup, expression.file, classExpr, args, 0);
  if (options === 'scalar') return 'scalar';
  if (!options) return { node: expr, file: expression.file, level, text };
  return { node: expr, file: expression.file, level, text, ...options };
}

/**
 * The options a `ValidationPipe` class expression ends up with: `ValidationPipe` itself (options
 * from `args`, or defaults when Nest instantiates the class), or a project subclass that calls
 * `super({...})`. `undefined` for other pipes, `'scalar'` for `ParseIntPipe` and its kind.
 */
function readValidationPipeClass(
  lookup: NestLookup,
  file: ts.SourceFile,
  classExpr: ts.Expression,
  args: readonly ts.Expression[] | undefined,
  depth: number,
): PipeOptions | 'scalar' | undefined {
  const tsApi = lookup.ts;
  if (depth > 6 || (!tsApi.isIdentifier(classExpr) && !tsApi.isPropertyAccessExpression(classExpr))) return undefined;
  const symbol = resolveNestExpression(lookup, file, classExpr);
  if (symbol.kind === 'import') {
    const row = findNestPipe(symbol.imported, symbol.module);
    if (!row) return undefined;
    if (row.effect === 'scalar') return 'scalar';
    const options = readPipeOptions(lookup, file, args?.[0]);
    if (row.effect === 'array-validation') return { ...options, array: { items: hasOption(tsApi, args?.[0], 'items') } };
    return options;
  }
  const cls = getSymbolClass(tsApi, symbol);
  if (!cls || symbol.kind !== 'declaration') return undefined;
  const base = getExtendsExpression(tsApi, cls);
  if (!base) return undefined;
  const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => tsApi.isConstructorDeclaration(m));
  if (!ctor) return readValidationPipeClass(lookup, symbol.file, base, args, depth + 1);
  const superCall = findSuperCall(tsApi, ctor);
  if (!superCall) return undefined;
  const superArgs = superCall.arguments.map((a) => skipOuterExpressions(tsApi, a));
  // `constructor(options) { super({ ...options, whitelist: true }) }`: the literal keys decide.
  return readValidationPipeClass(lookup, symbol.file, base, superArgs, depth + 1);
}

function getExtendsExpression(tsApi: TsApi, cls: ts.ClassDeclaration): ts.Expression | undefined {
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token === tsApi.SyntaxKind.ExtendsKeyword) return clause.types[0]?.expression;
  }
  return undefined;
}

function findSuperCall(tsApi: TsApi, ctor: ts.ConstructorDeclaration): ts.CallExpression | undefined {
  for (const statement of ctor.body?.statements ?? []) {
    if (!tsApi.isExpressionStatement(statement)) continue;
    const expr = skipOuterExpressions(tsApi, statement.expression);
    if (tsApi.isCallExpression(expr) && expr.expression.kind === tsApi.SyntaxKind.SuperKeyword) return expr;
  }
  return undefined;
}

/** `{ whitelist: true, transform: true }`, a `const` holding one, or absent (all false). */
function readPipeOptions(lookup: NestLookup, file: ts.SourceFile, argument: ts.Expression | undefined): PipeOptions {
  const tsApi = lookup.ts;
  const result: PipeOptions = { whitelist: false, forbidNonWhitelisted: false, transform: false };
  if (!argument) return result;
  let object = skipOuterExpressions(tsApi, argument);
  let objectFile = file;
  if (tsApi.isIdentifier(object)) {
    const symbol = resolveNestName(lookup, file, object.text);
    const init = getSymbolInitializer(tsApi, symbol);
    if (init && symbol.kind === 'declaration') {
      object = skipOuterExpressions(tsApi, init);
      objectFile = symbol.file;
    }
  }
  if (!tsApi.isObjectLiteralExpression(object)) return { whitelist: 'unknown', forbidNonWhitelisted: 'unknown', transform: 'unknown' };
  for (const prop of object.properties) {
    if (tsApi.isSpreadAssignment(prop)) {
      // Keys the spread may set stay unknown unless a later literal key overrides them.
      for (const key of PIPE_OPTIONS) result[key] = 'unknown';
      continue;
    }
    if (!tsApi.isPropertyAssignment(prop) && !tsApi.isShorthandPropertyAssignment(prop)) continue;
    const key = getPropertyNameText(tsApi, prop.name);
    if (!key || !(PIPE_OPTIONS as readonly string[]).includes(key)) continue;
    const value = tsApi.isPropertyAssignment(prop) ? skipOuterExpressions(tsApi, prop.initializer) : prop.name;
    result[key as (typeof PIPE_OPTIONS)[number]] =
      value.kind === tsApi.SyntaxKind.TrueKeyword ? true : value.kind === tsApi.SyntaxKind.FalseKeyword ? false : readBooleanConst(lookup, objectFile, value);
  }
  return result;
}

/** True when `argument` is an object literal with the key `key`. */
function hasOption(tsApi: TsApi, argument: ts.Expression | undefined, key: string): boolean {
  const object = argument ? skipOuterExpressions(tsApi, argument) : undefined;
  return object !== undefined && tsApi.isObjectLiteralExpression(object) && findObjectProperty(tsApi, object, key) !== undefined;
}

function readBooleanConst(lookup: NestLookup, file: ts.SourceFile, value: ts.Expression): boolean | 'unknown' {
  const tsApi = lookup.ts;
  if (!tsApi.isIdentifier(value)) return 'unknown';
  const init = getSymbolInitializer(tsApi, resolveNestName(lookup, file, value.text));
  const expr = init ? skipOuterExpressions(tsApi, init) : undefined;
  if (expr?.kind === tsApi.SyntaxKind.TrueKeyword) return true;
  if (expr?.kind === tsApi.SyntaxKind.FalseKeyword) return false;
  return 'unknown';
}

// --- the declared type ------------------------------------------------------------------------

interface ReadType {
  readonly kind: NestBodyTypeKind;
  readonly text: string;
  readonly declaration?: { readonly file: ts.SourceFile; readonly node: ts.ClassDeclaration };
}

const UTILITY_TYPES = new Set(['Partial', 'Pick', 'Omit', 'Required', 'Readonly', 'NonNullable', 'DeepPartial', 'QueryDeepPartialEntity']);
const ARRAY_TYPES = new Set(['Array', 'ReadonlyArray', 'Set', 'Map']);
const PRIMITIVE_WRAPPERS = new Set(['String', 'Number', 'Boolean', 'Date', 'Buffer']);

function readBodyType(lookup: NestLookup, file: ts.SourceFile, typeNode: ts.TypeNode | undefined, depth = 0): ReadType {
  const tsApi = lookup.ts;
  if (!typeNode) return { kind: 'any', text: '(none)' };
  const text = getShortText(file, typeNode, 60);
  if (depth > 32) return { kind: 'unresolved', text };
  if (tsApi.isParenthesizedTypeNode(typeNode)) return readBodyType(lookup, file, typeNode.type, depth + 1);
  switch (typeNode.kind) {
    case tsApi.SyntaxKind.AnyKeyword:
    case tsApi.SyntaxKind.UnknownKeyword:
    case tsApi.SyntaxKind.ObjectKeyword:
      return { kind: 'any', text };
    case tsApi.SyntaxKind.StringKeyword:
    case tsApi.SyntaxKind.NumberKeyword:
    case tsApi.SyntaxKind.BooleanKeyword:
    case tsApi.SyntaxKind.BigIntKeyword:
      return { kind: 'primitive', text };
    default:
      break;
  }
  if (tsApi.isLiteralTypeNode(typeNode)) return { kind: 'primitive', text };
  if (tsApi.isTypeLiteralNode(typeNode) || tsApi.isMappedTypeNode(typeNode)) return { kind: 'object-literal', text };
  if (tsApi.isArrayTypeNode(typeNode) || tsApi.isTupleTypeNode(typeNode)) return { kind: 'array', text };
  if (tsApi.isUnionTypeNode(typeNode)) {
    // TypeScript emits the one remaining type of `Dto | undefined | null`.
    const rest = typeNode.types.filter((t) => !isNullish(tsApi, t));
    return rest.length === 1 ? readBodyType(lookup, file, rest[0], depth + 1) : { kind: 'union', text };
  }
  if (tsApi.isIntersectionTypeNode(typeNode)) return { kind: 'union', text };
  if (!tsApi.isTypeReferenceNode(typeNode)) return { kind: 'any', text };
  const typeName = typeNode.typeName;
  if (tsApi.isQualifiedName(typeName)) {
    // `Prisma.UserCreateInput`, `dto.CreateUser` (namespace import)
    const left = typeName.left;
    if (tsApi.isIdentifier(left)) {
      const binding = getFileBindings(tsApi, file).imports.get(left.text);
      if (binding && isTypeOnlyBodyPackage(binding.module)) return { kind: 'interface', text };
    }
    return { kind: 'unresolved', text };
  }
  const name = typeName.text;
  if (name === 'Record') return { kind: 'record', text };
  if (name === 'Object') return { kind: 'any', text };
  if (UTILITY_TYPES.has(name) && !hasLocalDeclaration(tsApi, file, name)) return { kind: 'utility-type', text };
  if (ARRAY_TYPES.has(name) && !hasLocalDeclaration(tsApi, file, name)) return { kind: 'array', text };
  if (PRIMITIVE_WRAPPERS.has(name) && !hasLocalDeclaration(tsApi, file, name)) return { kind: 'primitive', text };
  const symbol = resolveNestName(lookup, file, name);
  const read = classifySymbol(lookup, symbol, text);
  // `import type { Dto }`: the emitted metadata is Object whatever Dto is; say so when it is a class.
  if (isTypeOnlyImport(tsApi, file, name) && (read.kind === 'class' || read.kind === 'unresolved')) return { kind: 'type-only-import', text };
  return read;
}

function classifySymbol(lookup: NestLookup, symbol: NestSymbol, text: string): ReadType {
  const tsApi = lookup.ts;
  if (symbol.kind === 'declaration') {
    const node = symbol.node;
    if (tsApi.isClassDeclaration(node)) return { kind: 'class', text, declaration: { file: symbol.file, node } };
    if (tsApi.isInterfaceDeclaration(node)) return { kind: 'interface', text };
    if (tsApi.isTypeAliasDeclaration(node)) return { kind: 'type-alias', text };
    if (tsApi.isEnumDeclaration(node)) return { kind: 'enum', text };
    // `export const CreateUserDto = class extends ...` and other values: not something we can read.
    return { kind: 'unresolved', text };
  }
  if (symbol.kind === 'import' && isTypeOnlyBodyExport(symbol.module, symbol.imported)) return { kind: 'utility-type', text };
  if (symbol.kind === 'import' && isTypeOnlyBodyPackage(symbol.module)) return { kind: 'interface', text };
  return { kind: 'unresolved', text };
}

function isNullish(tsApi: TsApi, node: ts.TypeNode): boolean {
  if (node.kind === tsApi.SyntaxKind.UndefinedKeyword || node.kind === tsApi.SyntaxKind.NullKeyword || node.kind === tsApi.SyntaxKind.VoidKeyword) return true;
  return tsApi.isLiteralTypeNode(node) && node.literal.kind === tsApi.SyntaxKind.NullKeyword;
}

function hasLocalDeclaration(tsApi: TsApi, file: ts.SourceFile, name: string): boolean {
  const bindings = getFileBindings(tsApi, file);
  return bindings.declarations.has(name) || bindings.imports.has(name);
}

/** `import type { Dto }` or `import { type Dto }`: only the type survives compilation. */
function isTypeOnlyImport(tsApi: TsApi, file: ts.SourceFile, name: string): boolean {
  const binding = getFileBindings(tsApi, file).imports.get(name);
  if (!binding) return false;
  const node = binding.node;
  if (tsApi.isImportSpecifier(node)) return node.isTypeOnly || node.parent.parent.isTypeOnly;
  if (tsApi.isImportClause(node)) return node.isTypeOnly;
  if (tsApi.isNamespaceImport(node)) return node.parent.isTypeOnly;
  return false;
}

// --- the class shape --------------------------------------------------------------------------

interface PropertyInfo {
  readonly decorated: boolean;
  readonly open: boolean;
}

interface ShapeAccumulator {
  readonly properties: Map<string, PropertyInfo>;
  entity?: { orm: string; decorator: string };
  complete: boolean;
}

const shapeCacheKey = {};
const MAX_SHAPE_DEPTH = 8;

/** The properties of a DTO class, own and inherited, with whether class-validator decorates each. */
export function readDtoShape(lookup: NestLookup, file: ts.SourceFile, node: ts.ClassDeclaration): NestDtoShape {
  const shapeCache = getPerFileCache(lookup, shapeCacheKey, file, () => new Map<ts.ClassDeclaration, NestDtoShape>());
  const cached = shapeCache.get(node);
  if (cached) return cached;
  const acc: ShapeAccumulator = { properties: new Map(), complete: true };
  addClass(lookup, file, node, acc, 0);
  const properties = [...acc.properties.keys()];
  const shape: NestDtoShape = {
    className: node.name?.text ?? '(anonymous)',
    declaration: node,
    file,
    properties,
    decoratedProperties: properties.filter((p) => acc.properties.get(p)!.decorated),
    undecoratedProperties: properties.filter((p) => !acc.properties.get(p)!.decorated),
    openProperties: properties.filter((p) => acc.properties.get(p)!.open),
    entity: acc.entity,
    complete: acc.complete,
  };
  shapeCache.set(node, shape);
  return shape;
}

function addClass(lookup: NestLookup, file: ts.SourceFile, node: ts.ClassDeclaration, acc: ShapeAccumulator, depth: number): void {
  const tsApi = lookup.ts;
  if (depth > MAX_SHAPE_DEPTH) {
    acc.complete = false;
    return;
  }
  acc.entity ??= findEntityDecorator(lookup, file, node);
  const base = getExtendsExpression(tsApi, node);
  if (base) addBase(lookup, file, base, acc, depth + 1);
  for (const member of node.members) {
    if (tsApi.isPropertyDeclaration(member) && !isStaticMember(tsApi, member)) {
      const name = getPropertyNameText(tsApi, member.name);
      if (name) acc.properties.set(name, readProperty(lookup, file, member));
    }
    if (tsApi.isConstructorDeclaration(member)) {
      for (const param of member.parameters) {
        if (!tsApi.isIdentifier(param.name) || !(tsApi.getModifiers(param) ?? []).length) continue;
        acc.properties.set(param.name.text, { decorated: false, open: false });
      }
    }
  }
}

/** `extends Base`, `extends PartialType(Base)`, `extends PickType(Base, ['a'] as const)`, ... */
function addBase(lookup: NestLookup, file: ts.SourceFile, base: ts.Expression, acc: ShapeAccumulator, depth: number): void {
  const tsApi = lookup.ts;
  if (depth > MAX_SHAPE_DEPTH) {
    acc.complete = false;
    return;
  }
  const expr = skipOuterExpressions(tsApi, base);
  if (tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) {
    const symbol = resolveNestExpression(lookup, file, expr);
    const cls = getSymbolClass(tsApi, symbol);
    if (cls && symbol.kind === 'declaration') addClass(lookup, symbol.file, cls, acc, depth);
    else acc.complete = false;
    return;
  }
  if (!tsApi.isCallExpression(expr)) {
    acc.complete = false;
    return;
  }
  const callee = skipOuterExpressions(tsApi, expr.expression);
  const symbol = resolveNestExpression(lookup, file, callee);
  const mapped = symbol.kind === 'import' ? findNestMappedType(symbol.imported, symbol.module) : undefined;
  if (!mapped || !expr.arguments[0]) {
    acc.complete = false;
    return;
  }
  if (mapped.kind === 'intersection') {
    for (const arg of expr.arguments) addBase(lookup, file, arg, acc, depth + 1);
    return;
  }
  const inner: ShapeAccumulator = { properties: new Map(), complete: true };
  addBase(lookup, file, expr.arguments[0], inner, depth + 1);
  acc.entity ??= inner.entity;
  if (!inner.complete) acc.complete = false;
  const keys = mapped.kind === 'pick' || mapped.kind === 'omit' ? readKeyList(lookup, file, expr.arguments[1]) : undefined;
  if ((mapped.kind === 'pick' || mapped.kind === 'omit') && !keys) acc.complete = false;
  for (const [name, info] of inner.properties) {
    if (mapped.kind === 'pick' && keys && !keys.includes(name)) continue;
    if (mapped.kind === 'omit' && keys && keys.includes(name)) continue;
    // PartialType adds @IsOptional() to every property: all of them carry metadata afterwards.
    acc.properties.set(name, mapped.kind === 'partial' ? { decorated: true, open: info.open } : info);
  }
}

/** `['email', 'name'] as const`, or a `const` holding that array. */
function readKeyList(lookup: NestLookup, file: ts.SourceFile, node: ts.Expression | undefined): string[] | undefined {
  const tsApi = lookup.ts;
  if (!node) return undefined;
  let expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isIdentifier(expr)) {
    const init = getSymbolInitializer(tsApi, resolveNestName(lookup, file, expr.text));
    if (!init) return undefined;
    expr = skipOuterExpressions(tsApi, init);
  }
  if (!tsApi.isArrayLiteralExpression(expr)) return undefined;
  const keys: string[] = [];
  for (const element of expr.elements) {
    const key = getStaticString(tsApi, element);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}

function isStaticMember(tsApi: TsApi, node: ts.PropertyDeclaration): boolean {
  return (tsApi.getModifiers(node) ?? []).some((m) => m.kind === tsApi.SyntaxKind.StaticKeyword);
}

function readProperty(lookup: NestLookup, file: ts.SourceFile, property: ts.PropertyDeclaration): PropertyInfo {
  const tsApi = lookup.ts;
  let decorated = false;
  let validatesNested = false;
  for (const decorator of getDecorators(tsApi, property)) {
    const expr = decorator.expression;
    const callee = tsApi.isCallExpression(expr) ? skipOuterExpressions(tsApi, expr.expression) : expr;
    const symbol = resolveNestExpression(lookup, file, callee);
    if (isClassValidatorDecorator(lookup, symbol)) {
      decorated = true;
      if (symbol.kind === 'import' && symbol.imported === 'ValidateNested') validatesNested = true;
    }
  }
  return { decorated, open: decorated && !validatesNested && isOpenObjectType(lookup, file, property.type) };
}

/** class-validator's own decorators, and project decorators written with class-validator. */
function isClassValidatorDecorator(lookup: NestLookup, symbol: NestSymbol): boolean {
  if (symbol.kind === 'import') return CLASS_VALIDATOR_MODULES.some((m) => isPackageSpecifier(symbol.module, m));
  if (symbol.kind === 'declaration') {
    // `export function IsStrongPassword() { return (o, p) => registerDecorator({...}) }`
    const imports = getFileBindings(lookup.ts, symbol.file).imports;
    for (const binding of imports.values()) {
      if (CLASS_VALIDATOR_MODULES.some((m) => isPackageSpecifier(binding.module, m))) return true;
    }
  }
  return false;
}

/** A property type that accepts any nested object: `any`, `object`, `Record<...>`, or a class (nested DTO). */
function isOpenObjectType(lookup: NestLookup, file: ts.SourceFile, type: ts.TypeNode | undefined): boolean {
  if (!type) return false;
  const read = readBodyType(lookup, file, type);
  return read.kind === 'any' || read.kind === 'record' || read.kind === 'object-literal' || read.kind === 'class';
}

function findEntityDecorator(lookup: NestLookup, file: ts.SourceFile, node: ts.ClassDeclaration): { orm: string; decorator: string } | undefined {
  const tsApi = lookup.ts;
  for (const decorator of getDecorators(tsApi, node)) {
    const expr = decorator.expression;
    const callee = tsApi.isCallExpression(expr) ? skipOuterExpressions(tsApi, expr.expression) : expr;
    const symbol = resolveNestExpression(lookup, file, callee);
    if (symbol.kind !== 'import') continue;
    const row = findPersistenceEntityDecorator(symbol.imported, symbol.module);
    if (row) return { orm: row.orm, decorator: `@${row.decorator}()` };
  }
  return undefined;
}
