/**
 * Development-only checks: conditions that hold only outside production
 * (`process.env.NODE_ENV !== 'production'`, `app.get('env') === 'development'`, `config.isDev`,
 * `!isProduction`) and the inverted ones that hold in production
 * (`process.env.NODE_ENV === 'production'`, `env !== 'development'`), and which of them dominate a
 * node: the `if` or `?:` branch it sits in, the left side of `&&`, the `case` of a switch on the
 * environment, or an earlier `if (isProd) return ...` in an enclosing block.
 *
 * The environment's name is compared with a string (`'production'`) or with a member of an enum or
 * constant object that stands for one (`Env.production`, `AppEnv.PRODUCTION`,
 * `Environment.Production`; see `getEnvironmentValue`).
 *
 * Pure syntax over one file; constants are followed within the file (`const showStack = env ===
 * 'development'`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getAccessPath, getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getDominatingConditions } from './dominating-conditions.js';

/**
 * What a condition being true says about where the code runs: `development` means "never in
 * production" (development, test, local); `production` means "production is included"
 * (`NODE_ENV === 'production'`, `env !== 'development'`).
 */
export type EnvironmentKind = 'development' | 'production';

/** A condition that dominates a node, with what it implies there. */
export interface EnvironmentGuard {
  readonly kind: EnvironmentKind;
  /** The condition as written (the `if` test, the `?:` test, the `&&` left side, the switch). */
  readonly condition: ts.Node;
}

/** Environment names that are never production. */
const DEVELOPMENT_VALUES: ReadonlySet<string> = new Set(['development', 'dev', 'develop', 'local', 'test', 'testing']);
/** Environment names that are production. */
const PRODUCTION_VALUES: ReadonlySet<string> = new Set(['production', 'prod']);

/** Names of variables, properties and settings that hold the environment name. */
const ENVIRONMENT_NAME_HOLDER = /^(node_?env|env|environment|app_?env|nodeenvironment|runtime_?env)$/i;
/** Boolean flags that are true only in development (`isDev`, `config.isDevelopment`, `debug`). */
const DEVELOPMENT_FLAG = /^(is_?)?(dev|development|local|debug)(_?(mode|env|environment))?$/i;
/** Boolean flags that are true in production (`isProd`, `config.isProduction`). */
const PRODUCTION_FLAG = /^(is_?)?(prod|production)(_?(mode|env|environment))?$/i;

const MAX_CONSTANT_DEPTH = 4;

/** What `condition` being true implies about the environment, or `undefined` when it says nothing. */
export function classifyEnvironmentCondition(tsApi: TsApi, condition: ts.Expression): EnvironmentKind | undefined {
  return classify(tsApi, condition, 0, 0);
}

/** Conditions nested deeper than this (`a && b && ...`) say nothing: no deep recursion on hostile input. */
const MAX_CONDITION_NESTING = 100;

function classify(tsApi: TsApi, node: ts.Expression, depth: number, nesting: number): EnvironmentKind | undefined {
  if (nesting > MAX_CONDITION_NESTING) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isPrefixUnaryExpression(expr) && expr.operator === tsApi.SyntaxKind.ExclamationToken) {
    return invert(classify(tsApi, expr.operand, depth, nesting + 1));
  }
  if (tsApi.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === tsApi.SyntaxKind.AmpersandAmpersandToken) {
      const left = classify(tsApi, expr.left, depth, nesting + 1);
      const right = classify(tsApi, expr.right, depth, nesting + 1);
      if (left === 'development' || right === 'development') return 'development';
      if (left === 'production' || right === 'production') return 'production';
      return undefined;
    }
    if (op === tsApi.SyntaxKind.BarBarToken) {
      const left = classify(tsApi, expr.left, depth, nesting + 1);
      return left !== undefined && left === classify(tsApi, expr.right, depth, nesting + 1) ? left : undefined;
    }
    if (
      op === tsApi.SyntaxKind.EqualsEqualsEqualsToken ||
      op === tsApi.SyntaxKind.EqualsEqualsToken ||
      op === tsApi.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === tsApi.SyntaxKind.ExclamationEqualsToken
    ) {
      const negated = op === tsApi.SyntaxKind.ExclamationEqualsEqualsToken || op === tsApi.SyntaxKind.ExclamationEqualsToken;
      const kind = classifyComparison(tsApi, expr.left, expr.right, depth) ?? classifyComparison(tsApi, expr.right, expr.left, depth);
      return negated ? invert(kind) : kind;
    }
    return undefined;
  }
  if (tsApi.isCallExpression(expr)) {
    const includes = classifyIncludes(tsApi, expr, depth);
    if (includes) return includes;
    return classifyFlagName(tsApi, expr.expression);
  }
  if (tsApi.isIdentifier(expr)) {
    // What the constant holds wins over its name: `const isDev = NODE_ENV === 'production'` is inverted.
    const init = depth < MAX_CONSTANT_DEPTH ? findConstantInitializer(tsApi, expr) : undefined;
    const fromInit = init ? classify(tsApi, init, depth + 1, nesting + 1) : undefined;
    return fromInit ?? classifyFlagName(tsApi, expr);
  }
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    return classifyFlagName(tsApi, expr);
  }
  return undefined;
}

function invert(kind: EnvironmentKind | undefined): EnvironmentKind | undefined {
  if (kind === 'development') return 'production';
  if (kind === 'production') return 'development';
  return undefined;
}

/** `<environment name> === '<value>'`: development for dev values, production for prod values. */
function classifyComparison(tsApi: TsApi, reader: ts.Expression, literal: ts.Expression, depth: number): EnvironmentKind | undefined {
  const value = getEnvironmentValue(tsApi, literal);
  if (value === undefined || !isEnvironmentNameRead(tsApi, reader, depth)) return undefined;
  return classifyEnvironmentValue(value);
}

/** Names of enums and constant objects whose members name environments (`Env`, `AppEnv`, `Environment`, `NodeEnvironment`). */
const ENVIRONMENT_ENUM_NAME = /env(ironment)?s?(_?(type|name|kind))?$/i;

/**
 * The environment name an expression compared with the environment stands for: a string
 * (`'production'`), or a member of an enum or constant object (`Env.production`,
 * `AppEnv.PRODUCTION`). A member declared in the file gives its value (`enum Env { Live =
 * 'production' }`: `Env.Live` is production), or its name when it has no string value (a numeric
 * enum); a member declared elsewhere (an imported enum, unreadable per file) gives its name, but
 * only on an object named for environments, so `Role.PRODUCTION` says nothing.
 */
export function getEnvironmentValue(tsApi: TsApi, node: ts.Expression | undefined): string | undefined {
  if (node === undefined) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  const literal = getStaticString(tsApi, expr);
  if (literal !== undefined) return literal;
  if (!tsApi.isPropertyAccessExpression(expr) || !tsApi.isIdentifier(expr.expression)) return undefined;
  const owner = expr.expression;
  const member = expr.name.text;
  const declared = findEnvironmentMember(tsApi, owner, member);
  if (declared !== undefined) return declared.value ?? member;
  return ENVIRONMENT_ENUM_NAME.test(owner.text) ? member : undefined;
}

/**
 * The member `member` of the enum or constant object literal `owner` names in this file:
 * `{ value }` with its string value (`undefined` for a numeric or computed one), or `undefined`
 * when the file does not declare `owner` that way.
 */
function findEnvironmentMember(tsApi: TsApi, owner: ts.Identifier, member: string): { readonly value: string | undefined } | undefined {
  const file = owner.getSourceFile();
  for (const statement of file.statements) {
    if (tsApi.isEnumDeclaration(statement) && statement.name.text === owner.text) {
      const found = statement.members.find((m) => getPropertyNameText(tsApi, m.name) === member);
      return found ? { value: getStaticString(tsApi, found.initializer) } : undefined;
    }
  }
  const init = findConstantInitializer(tsApi, owner);
  const object = init ? skipOuterExpressions(tsApi, init) : undefined;
  if (!object || !tsApi.isObjectLiteralExpression(object)) return undefined;
  const property = object.properties.find((p) => tsApi.isPropertyAssignment(p) && getPropertyNameText(tsApi, p.name) === member);
  return property && tsApi.isPropertyAssignment(property) ? { value: getStaticString(tsApi, property.initializer) } : undefined;
}

/** `development`/`test` are never production; `production`/`prod` are; anything else is unknown. */
export function classifyEnvironmentValue(value: string): EnvironmentKind | undefined {
  const lower = value.toLowerCase();
  if (DEVELOPMENT_VALUES.has(lower)) return 'development';
  if (PRODUCTION_VALUES.has(lower)) return 'production';
  return undefined;
}

/** `['development', 'test'].includes(process.env.NODE_ENV)`. */
function classifyIncludes(tsApi: TsApi, call: ts.CallExpression, depth: number): EnvironmentKind | undefined {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || callee.name.text !== 'includes' || call.arguments.length !== 1) return undefined;
  const list = skipOuterExpressions(tsApi, callee.expression);
  if (!tsApi.isArrayLiteralExpression(list) || list.elements.length === 0) return undefined;
  if (!isEnvironmentNameRead(tsApi, call.arguments[0]!, depth)) return undefined;
  const kinds = list.elements.map((e) => {
    const value = getEnvironmentValue(tsApi, e);
    return value === undefined ? undefined : classifyEnvironmentValue(value);
  });
  if (kinds.every((k) => k === 'development')) return 'development';
  if (kinds.some((k) => k === 'production')) return 'production';
  return undefined;
}

/** `isDev`, `config.isProduction`, `isDevelopment()`, `process.env.DEBUG`: a flag named for an environment. */
function classifyFlagName(tsApi: TsApi, expr: ts.Expression): EnvironmentKind | undefined {
  const path = getAccessPath(tsApi, expr);
  if (path === undefined) return undefined;
  const last = path.split('.').pop()!.replace(/\(\)$/, '');
  if (PRODUCTION_FLAG.test(last)) return 'production';
  if (DEVELOPMENT_FLAG.test(last)) return 'development';
  return undefined;
}

/**
 * True for reads of the environment's name: `process.env.NODE_ENV`, `process.env['APP_ENV']`,
 * `app.get('env')`, `req.app.get('env')`, `configService.get('NODE_ENV')`, `config.env`, `env`,
 * and constants initialized from one of those.
 */
export function isEnvironmentNameRead(tsApi: TsApi, node: ts.Expression, depth = 0): boolean {
  if (depth > MAX_CONDITION_NESTING) return false;
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isCallExpression(expr)) {
    const callee = skipOuterExpressions(tsApi, expr.expression);
    if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'get' && expr.arguments.length >= 1) {
      // `config.get('NODE_ENV')`, and a nested key: `configService.get('app.env')`, `get('app.nodeEnv')`.
      const key = getStaticString(tsApi, expr.arguments[0]);
      return key !== undefined && ENVIRONMENT_NAME_HOLDER.test(key.split('.').pop()!);
    }
    return false;
  }
  if (tsApi.isBinaryExpression(expr)) {
    // `process.env.NODE_ENV || 'development'`, `process.env.NODE_ENV ?? 'development'`
    const op = expr.operatorToken.kind;
    if (op === tsApi.SyntaxKind.BarBarToken || op === tsApi.SyntaxKind.QuestionQuestionToken) {
      return isEnvironmentNameRead(tsApi, expr.left, depth + 1);
    }
    return false;
  }
  const path = getAccessPath(tsApi, expr);
  if (path === undefined) return false;
  const last = path.split('.').pop()!;
  if (ENVIRONMENT_NAME_HOLDER.test(last)) return true;
  if (tsApi.isIdentifier(expr) && depth < MAX_CONSTANT_DEPTH) {
    const init = findConstantInitializer(tsApi, expr);
    return init !== undefined && isEnvironmentNameRead(tsApi, init, depth + 1);
  }
  return false;
}

/**
 * The initializer of the `const` an identifier refers to, looked up through the enclosing blocks
 * and the file (no checker needed); `undefined` when it is not a plain `const`.
 */
function findConstantInitializer(tsApi: TsApi, id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    let statements: readonly ts.Statement[] | undefined;
    if (tsApi.isBlock(scope) || tsApi.isSourceFile(scope) || tsApi.isModuleBlock(scope)) statements = scope.statements;
    else if (tsApi.isCaseClause(scope) || tsApi.isDefaultClause(scope)) statements = scope.statements;
    if (!statements) continue;
    for (const statement of statements) {
      if (!tsApi.isVariableStatement(statement)) continue;
      if ((statement.declarationList.flags & tsApi.NodeFlags.Const) === 0) continue;
      for (const decl of statement.declarationList.declarations) {
        if (tsApi.isIdentifier(decl.name) && decl.name.text === id.text && decl.initializer) return decl.initializer;
      }
    }
  }
  return undefined;
}

/**
 * The environment checks that dominate `node`: the branches it sits in, up to the file, and the
 * early exits (`if (isProd) return ...`) before it in every enclosing block. Nearest first.
 */
export function getEnvironmentGuards(tsApi: TsApi, node: ts.Node): EnvironmentGuard[] {
  const guards: EnvironmentGuard[] = [];
  for (const dominating of getDominatingConditions(tsApi, node)) {
    if (dominating.kind === 'case') {
      const value = getEnvironmentValue(tsApi, dominating.clause.expression);
      if (value === undefined || !isEnvironmentNameRead(tsApi, dominating.discriminant)) continue;
      const kind = classifyEnvironmentValue(value);
      if (kind) guards.push({ kind, condition: dominating.clause });
      continue;
    }
    const kind = classifyEnvironmentCondition(tsApi, dominating.condition);
    if (kind) guards.push({ kind: dominating.holds ? kind : invert(kind)!, condition: dominating.condition });
  }
  return guards;
}

/**
 * The environment a node runs in, as far as its dominating checks tell: `development` when any of
 * them holds only outside production, `production` when one holds in production and none says
 * development, `undefined` when no check dominates it.
 */
export function getRunningEnvironment(tsApi: TsApi, node: ts.Node): EnvironmentGuard | undefined {
  const guards = getEnvironmentGuards(tsApi, node);
  return guards.find((g) => g.kind === 'development') ?? guards.find((g) => g.kind === 'production');
}

/** True when `node` runs only outside production. */
export function isDevelopmentOnly(tsApi: TsApi, node: ts.Node): boolean {
  return getRunningEnvironment(tsApi, node)?.kind === 'development';
}
