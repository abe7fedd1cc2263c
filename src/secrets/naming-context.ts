/**
 * The name a string literal is given: the variable, property, class field, parameter, enum member
 * or JSX attribute it initializes, seen through fallbacks (`process.env.X || 'lit'`), conditionals,
 * arrays, casts and schema defaults (`Joi.string().default('lit')`, `{ default: 'lit' }`), with the
 * names of the objects around it (`config.jwt.secret`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getAccessPath, getCalleeName, getEnclosingFunction, getPropertyNameText } from '../core/ast.js';
import { getEnvironmentReadName } from './environment-read.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { onFileScopeEnd } from '../core/file-scoped-cache.js';

export interface NamingContext {
  /** The names from the outermost object to the literal's own name: `['config', 'jwt', 'secret']`. */
  readonly names: readonly string[];
  /** The literal's own name, when it has one (the last of `names`). */
  readonly name: string | undefined;
  /** The environment variable or config key whose fallback the literal is. */
  readonly envVar?: string;
  /** The `env || 'lit'` / `env ?? 'lit'` expression, when the literal is its right side. */
  readonly fallback?: ts.BinaryExpression;
  /**
   * The default `envVar` falls back to, other than `env || 'lit'`: the `.default('lit')` of a field
   * of a schema that parses `process.env`, or the binding of `const { X = 'lit' } = process.env`.
   */
  readonly envDefault?: ts.CallExpression | ts.BindingElement;
  /** Property names of the object literal the literal is a property value of. */
  readonly siblingProperties?: ReadonlySet<string>;
  /** The object literal the literal is a property value of. */
  readonly object?: ts.ObjectLiteralExpression;
  /** True when the literal is compared, switched on or used as a key rather than stored. */
  readonly compared: boolean;
}

/** Properties that give the value of their owner: `{ JWT_SECRET: { default: 'x' } }`, convict, envalid. */
const DEFAULT_PROPERTIES = new Set(['default', 'defaultValue', 'devDefault', 'fallback', 'value']);
/** Schema methods whose argument is a default of the field they build: Joi, zod, yup. */
const DEFAULT_METHODS = new Set(['default', 'catch', 'defaultTo']);
/** Builders of object schemas whose keys name their fields: `z.object`, `Joi.object`, `yup.object`. */
const OBJECT_SCHEMA_BUILDERS = new Set(['object', 'strictObject', 'looseObject', 'keys']);
/** Methods that validate a value against a schema and return (or hold) the result. */
const SCHEMA_PARSE_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateSync', 'validateAsync', 'cast', 'attempt']);
const MAX_SCHEMA_CHAIN = 32;

function isProcessEnv(tsApi: TsApi, node: ts.Expression | undefined): boolean {
  return node !== undefined && getAccessPath(tsApi, node) === 'process.env';
}

/**
 * True when `object` declares the fields of a schema that validates `process.env`, so a field's
 * `.default('x')` is what the environment variable falls back to: `z.object({ ... }).parse(process.env)`,
 * `const Env = z.object({ ... }); Env.parse(process.env)`, `Joi.attempt(process.env, Env)`.
 */
function isEnvironmentSchemaFields(tsApi: TsApi, object: ts.ObjectLiteralExpression): boolean {
  const builder = object.parent;
  if (!builder || !tsApi.isCallExpression(builder) || builder.arguments[0] !== object) return false;
  const name = getCalleeName(tsApi, builder);
  if (name === undefined || !OBJECT_SCHEMA_BUILDERS.has(name)) return false;
  // Up the modifier chain: `z.object({...}).strict().parse(process.env)`.
  let chain: ts.Expression = builder;
  for (let i = 0; i < MAX_SCHEMA_CHAIN; i++) {
    const access = chain.parent;
    if (!access || !tsApi.isPropertyAccessExpression(access) || access.expression !== chain) break;
    const call = access.parent;
    if (!call || !tsApi.isCallExpression(call) || call.expression !== access) break;
    if (SCHEMA_PARSE_METHODS.has(access.name.text)) return isProcessEnv(tsApi, call.arguments[0]);
    chain = call;
  }
  let holder: ts.Node | undefined = chain.parent;
  while (holder && (tsApi.isParenthesizedExpression(holder) || tsApi.isAsExpression(holder) || tsApi.isSatisfiesExpression(holder))) holder = holder.parent;
  if (!holder || !tsApi.isVariableDeclaration(holder) || !tsApi.isIdentifier(holder.name)) return false;
  const known = envSchemaDeclarations.get(holder);
  if (known !== undefined) return known;
  const schemaName = holder.name.text;
  // A use of the schema in the same file that validates `process.env`.
  let found = false;
  forEachNodeOfKinds(tsApi, holder.getSourceFile(), [tsApi.SyntaxKind.CallExpression], (node) => {
    if (found) return;
    if (tsApi.isCallExpression(node)) {
      const callee = getAccessPath(tsApi, node.expression);
      const method = callee?.split('.').pop();
      if (callee !== undefined && method !== undefined && SCHEMA_PARSE_METHODS.has(method)) {
        if (callee === `${schemaName}.${method}` || callee.startsWith(`${schemaName}.`)) {
          if (isProcessEnv(tsApi, node.arguments[0])) found = true;
        } else if (node.arguments.length >= 2 && isProcessEnv(tsApi, node.arguments[0])) {
          // Joi.attempt(process.env, Env), Joi.validate(process.env, Env)
          const schemaArg = node.arguments[1]!;
          if (tsApi.isIdentifier(schemaArg) && schemaArg.text === schemaName) found = true;
        }
      }
    }
  });
  envSchemaDeclarations.set(holder, found);
  return found;
}

const envSchemaDeclarations = new WeakMap<ts.VariableDeclaration, boolean>();

/** Calls whose first argument keeps its meaning: `String(x)`, `Buffer.from(x)`, `new TextEncoder().encode(x)`. */
const WRAPPERS = new Set(['String', 'from', 'encode', 'freeze', 'btoa']);

function isComparison(tsApi: TsApi, kind: ts.SyntaxKind): boolean {
  const k = tsApi.SyntaxKind;
  return (
    kind === k.EqualsEqualsEqualsToken ||
    kind === k.ExclamationEqualsEqualsToken ||
    kind === k.EqualsEqualsToken ||
    kind === k.ExclamationEqualsToken ||
    kind === k.InKeyword ||
    kind === k.InstanceOfKeyword
  );
}

/** The last object literal whose property names were read: its literals arrive one after another. */
let lastObject: ts.ObjectLiteralExpression | undefined;
let lastNames: Set<string> | undefined;
onFileScopeEnd(() => {
  lastObject = undefined;
  lastNames = undefined;
});

function propertyNamesOf(tsApi: TsApi, object: ts.ObjectLiteralExpression): ReadonlySet<string> {
  if (object === lastObject) return lastNames!;
  const names = new Set<string>();
  for (const prop of object.properties) {
    const name = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
    if (name !== undefined) names.add(name);
  }
  lastObject = object;
  lastNames = names;
  return names;
}

/** The name of a function: its declaration or method name, or the variable or property holding it. */
function getFunctionName(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && (tsApi.isIdentifier(fn.name) || tsApi.isStringLiteral(fn.name))) return fn.name.text;
  const holder = fn.parent;
  if (holder && tsApi.isVariableDeclaration(holder) && tsApi.isIdentifier(holder.name)) return holder.name.text;
  if (holder && tsApi.isPropertyAssignment(holder)) return getPropertyNameText(tsApi, holder.name);
  return undefined;
}

/** The name of what an expression is assigned to: a variable, a property, a field, a parameter. */
function nameOfHolder(tsApi: TsApi, holder: ts.Node, child: ts.Node): string | undefined {
  if (tsApi.isVariableDeclaration(holder) && holder.initializer === child) {
    return tsApi.isIdentifier(holder.name) ? holder.name.text : undefined;
  }
  if ((tsApi.isPropertyDeclaration(holder) || tsApi.isParameter(holder) || tsApi.isEnumMember(holder)) && holder.initializer === child) {
    return getPropertyNameText(tsApi, holder.name as ts.PropertyName) ?? (tsApi.isIdentifier(holder.name) ? holder.name.text : undefined);
  }
  if (tsApi.isBindingElement(holder) && holder.initializer === child) {
    const prop = holder.propertyName ? getPropertyNameText(tsApi, holder.propertyName) : undefined;
    return prop ?? (tsApi.isIdentifier(holder.name) ? holder.name.text : undefined);
  }
  if (tsApi.isJsxAttribute(holder)) {
    return tsApi.isIdentifier(holder.name) ? holder.name.text : undefined;
  }
  return undefined;
}

/**
 * The naming context of a string literal. Walks up through the expressions that keep the value
 * (fallbacks, conditionals, arrays, casts, wrappers) to the declaration or property that names it,
 * then through enclosing object literals to collect the outer names.
 */
export function getNamingContext(tsApi: TsApi, literal: ts.Node): NamingContext {
  let current: ts.Node = literal;
  let envVar: string | undefined;
  let fallback: ts.BinaryExpression | undefined;
  let compared = false;
  let defaultCall: ts.CallExpression | undefined;
  let envDefault: ts.CallExpression | ts.BindingElement | undefined;
  let ownName: string | undefined;
  let object: ts.ObjectLiteralExpression | undefined;
  let siblingProperties: ReadonlySet<string> | undefined;
  const outer: string[] = [];

  for (let depth = 0; depth < 24; depth++) {
    const parent: ts.Node | undefined = current.parent;
    if (!parent) break;
    if (
      tsApi.isParenthesizedExpression(parent) ||
      tsApi.isAsExpression(parent) ||
      tsApi.isSatisfiesExpression(parent) ||
      tsApi.isTypeAssertionExpression(parent) ||
      tsApi.isNonNullExpression(parent) ||
      tsApi.isArrayLiteralExpression(parent) ||
      tsApi.isJsxExpression(parent)
    ) {
      current = parent;
      continue;
    }
    if (tsApi.isConditionalExpression(parent)) {
      if (parent.condition === current) {
        compared = true;
        break;
      }
      envVar ??= getEnvironmentReadName(tsApi, parent.condition);
      current = parent;
      continue;
    }
    if (tsApi.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      if (op === tsApi.SyntaxKind.BarBarToken || op === tsApi.SyntaxKind.QuestionQuestionToken) {
        if (parent.right === current) {
          const read = getEnvironmentReadName(tsApi, parent.left);
          if (read !== undefined && envVar === undefined) {
            envVar = read;
            fallback = parent;
          }
        }
        current = parent;
        continue;
      }
      if (
        (op === tsApi.SyntaxKind.EqualsToken || op === tsApi.SyntaxKind.QuestionQuestionEqualsToken || op === tsApi.SyntaxKind.BarBarEqualsToken) &&
        parent.right === current
      ) {
        const target = getAccessPath(tsApi, parent.left);
        if (target !== undefined) {
          const parts = target.split('.').filter((p) => p !== 'this');
          if (ownName === undefined) {
            ownName = parts[parts.length - 1];
            outer.push(...parts.slice(0, -1).reverse());
            if (op !== tsApi.SyntaxKind.EqualsToken && target.startsWith('process.env.') && envVar === undefined) envVar = ownName;
          } else {
            outer.push(...[...parts].reverse());
          }
        }
        break;
      }
      if (isComparison(tsApi, op)) compared = true;
      break;
    }
    if (tsApi.isCallExpression(parent) || tsApi.isNewExpression(parent)) {
      const args: readonly ts.Expression[] = parent.arguments ?? [];
      const index = args.indexOf(current as ts.Expression);
      if (index === -1) break;
      const callee = tsApi.isCallExpression(parent) ? getCalleeName(tsApi, parent) : undefined;
      if (callee && DEFAULT_METHODS.has(callee) && tsApi.isPropertyAccessExpression(parent.expression)) {
        // Joi.string().default('x').required(): continue from the outermost call of the chain.
        if ((callee === 'default' || callee === 'defaultTo') && tsApi.isCallExpression(parent)) defaultCall = parent;
        let chain: ts.Node = parent;
        while (
          chain.parent &&
          tsApi.isPropertyAccessExpression(chain.parent) &&
          chain.parent.expression === chain &&
          chain.parent.parent &&
          tsApi.isCallExpression(chain.parent.parent)
        ) {
          chain = chain.parent.parent;
        }
        current = chain;
        continue;
      }
      if (callee && index >= 1 && tsApi.isCallExpression(parent)) {
        const key = getEnvironmentReadName(tsApi, parent);
        if (key !== undefined) {
          // configService.get('JWT_SECRET', 'fallback')
          envVar ??= key;
          current = parent;
          continue;
        }
      }
      if (callee && WRAPPERS.has(callee) && index === 0) {
        current = parent;
        continue;
      }
      break;
    }
    if (tsApi.isPropertyAssignment(parent) && parent.initializer === current) {
      const name = getPropertyNameText(tsApi, parent.name);
      const owner = parent.parent;
      if (name !== undefined && DEFAULT_PROPERTIES.has(name) && ownName === undefined) {
        // { JWT_SECRET: { default: 'x' } } and str({ default: 'x' }): the owner names the value.
        current = owner;
        continue;
      }
      if (ownName === undefined) {
        ownName = name;
        object = owner;
        siblingProperties = propertyNamesOf(tsApi, owner);
        // `COOKIE_SECRET: z.string().default('x')` in a schema that parses `process.env`: an environment fallback.
        if (defaultCall && envVar === undefined && name !== undefined && isEnvironmentSchemaFields(tsApi, owner)) {
          envVar = name;
          envDefault = defaultCall;
        }
      } else if (name !== undefined && !tsApi.isArrowFunction(parent.initializer) && !tsApi.isFunctionExpression(parent.initializer)) {
        // `useFactory: () => ({ secret })` names a factory, not the value.
        outer.push(name);
      }
      current = owner;
      // Keep climbing for the outer names: through object literals, calls that wrap them, declarations.
      continue;
    }
    if (tsApi.isObjectLiteralExpression(parent) || tsApi.isSpreadAssignment(parent)) {
      current = parent;
      continue;
    }
    if (tsApi.isArrowFunction(parent) && parent.body === current) {
      current = parent;
      continue;
    }
    if (tsApi.isReturnStatement(parent) && ownName === undefined) {
      // function getJwtSecret() { return '…'; }: the function names what it returns.
      const fn = getEnclosingFunction(tsApi, parent);
      const fnName = fn ? getFunctionName(tsApi, fn) : undefined;
      if (fnName !== undefined) ownName = fnName;
      break;
    }
    if (tsApi.isCaseClause(parent) || tsApi.isSwitchStatement(parent)) {
      compared = true;
      break;
    }
    const holderName = nameOfHolder(tsApi, parent, current);
    if (holderName !== undefined) {
      if (ownName === undefined) {
        ownName = holderName;
        if (tsApi.isBindingElement(parent) && envVar === undefined) {
          // const { JWT_SECRET = 'dev' } = process.env
          const declaration = parent.parent.parent;
          if (tsApi.isVariableDeclaration(declaration) && declaration.initializer && getAccessPath(tsApi, declaration.initializer) === 'process.env') {
            envVar = holderName;
            if (parent.initializer) envDefault = parent;
          }
        }
      } else {
        outer.push(holderName);
      }
    }
    break;
  }
  // Only values stored under a name (or as a fallback) have a naming context worth reading.
  const names = ownName === undefined ? [] : [...outer.reverse(), ownName];
  return { names, name: ownName, envVar, fallback, ...(envDefault ? { envDefault } : {}), siblingProperties, object, compared };
}
