/**
 * The string literals an expression may hold, followed through constants, object properties,
 * fallbacks and imports: `jwt.sign(p, SECRET)` leads to `const SECRET = 'dev-secret'`,
 * `session({ secret: config.session.secret })` to the literal inside `config`, and with a project
 * index `import { JWT_SECRET } from './config'` to the literal in `config.ts`.
 *
 * Only values that cannot change are followed (`const`, never-reassigned `let`/`var`, object
 * literal properties); a parameter, a call result or a computed key ends the path silently.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getCalleeName, getPropertyNameText, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import type { ProjectIndex } from '../project/project-index.js';
import { walkFunctionBody } from '../core/walk.js';
import { getEnvironmentReadName } from './environment-read.js';
import { getLocalDeclarations } from './local-declarations.js';

/** A string literal, or a template literal with no substitutions. */
export type StringLiteralNode = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

/** A string literal an expression may evaluate to, and how it got there. */
export interface StringOrigin {
  readonly literal: StringLiteralNode;
  readonly file: ts.SourceFile;
  /** Names crossed on the way: `['JWT_SECRET']`, `['config', 'jwt', 'secret']`. */
  readonly via: readonly string[];
  /** The environment variable the literal is the fallback of, when it is one. */
  readonly fallbackOf?: string;
  /** For an `Authorization` value written as a template or concatenation: the scheme before the literal. */
  readonly prefix?: string;
}

interface Step {
  readonly file: ts.SourceFile;
  readonly expr: ts.Expression;
  readonly path: readonly string[];
  readonly via: readonly string[];
  readonly fallbackOf?: string;
  readonly prefix?: string;
}

const MAX_STEPS = 200;

/** Calls whose result carries their first argument's value: `String(x)`, `Buffer.from(x)`, `encoder.encode(x)`. */
const ARGUMENT_WRAPPERS = new Set(['String', 'from', 'encode', 'createSecretKey', 'freeze', 'btoa']);
/** Methods whose result carries their receiver's value: `x.trim()`, `Buffer.from(x).toString('base64')`. */
const RECEIVER_WRAPPERS = new Set(['trim', 'toString']);

/**
 * The string literals `expr` (written in `file`) may hold at property `path` (`[]` for the value
 * itself, `['secret']`, `['users', '*']`, `['useFactory()', 'secret']`). Imports are followed only
 * when `project` is given.
 */
export function resolveStringOrigins(
  tsApi: TsApi,
  file: ts.SourceFile,
  expr: ts.Expression,
  path: readonly string[],
  project: ProjectIndex | undefined,
): StringOrigin[] {
  const origins: StringOrigin[] = [];
  const seen = new Set<string>();
  const work: Step[] = [{ file, expr, path, via: [] }];
  let steps = 0;
  while (work.length > 0 && steps++ < MAX_STEPS) {
    const step = work.pop()!;
    // Nested expressions can share a start (`a.b()` and `a`); the end and kind tell them apart.
    const key = `${step.file.fileName}:${step.expr.pos}:${step.expr.end}:${step.expr.kind}:${step.path.join('.')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    visit(tsApi, step, project, work, origins);
  }
  return origins;
}

function visit(tsApi: TsApi, step: Step, project: ProjectIndex | undefined, work: Step[], origins: StringOrigin[]): void {
  const { file, path, via } = step;
  const expr = skipOuterExpressions(tsApi, step.expr);
  const next = (e: ts.Expression, p: readonly string[], extra: Partial<Step> = {}): void => {
    work.push({ file: extra.file ?? file, expr: e, path: p, via: extra.via ?? via, fallbackOf: extra.fallbackOf ?? step.fallbackOf, prefix: extra.prefix ?? step.prefix });
  };

  if (tsApi.isStringLiteral(expr) || tsApi.isNoSubstitutionTemplateLiteral(expr)) {
    if (path.length === 0) origins.push({ literal: expr, file, via, fallbackOf: step.fallbackOf, prefix: step.prefix });
    return;
  }
  if (tsApi.isIdentifier(expr)) {
    followIdentifier(tsApi, step, expr, project, next);
    return;
  }
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    if (getEnvironmentReadName(tsApi, expr) !== undefined) return;
    const key = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getStaticString(tsApi, expr.argumentExpression);
    if (key === undefined) return;
    if (expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
      const field = findClassField(tsApi, expr, key);
      if (field?.initializer) next(field.initializer, path, { via: [...via, `this.${key}`] });
      return;
    }
    next(expr.expression, [key, ...path], { via: via.length === 0 ? [] : via });
    return;
  }
  if (tsApi.isObjectLiteralExpression(expr)) {
    if (path.length === 0) return;
    followObjectProperty(tsApi, expr, path, via, next);
    return;
  }
  if (tsApi.isArrayLiteralExpression(expr)) {
    if (path.length > 0) return;
    for (const element of expr.elements) if (!tsApi.isSpreadElement(element) && !tsApi.isOmittedExpression(element)) next(element, []);
    return;
  }
  if (tsApi.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === tsApi.SyntaxKind.BarBarToken || op === tsApi.SyntaxKind.QuestionQuestionToken) {
      const read = getEnvironmentReadName(tsApi, expr.left);
      if (read === undefined) next(expr.left, path);
      next(expr.right, path, read === undefined ? {} : { fallbackOf: read });
      return;
    }
    if (op === tsApi.SyntaxKind.PlusToken && path.length === 0) {
      // 'Bearer ' + TOKEN: the part after a static scheme.
      const left = getStaticString(tsApi, expr.left);
      if (left !== undefined && /^\s*\S+\s+$/.test(left)) next(expr.right, [], { prefix: left });
    }
    return;
  }
  if (tsApi.isConditionalExpression(expr)) {
    next(expr.whenTrue, path);
    next(expr.whenFalse, path);
    return;
  }
  if (tsApi.isTemplateExpression(expr) && path.length === 0) {
    // `Bearer ${TOKEN}`: one substitution after a static scheme.
    const span = expr.templateSpans[0];
    if (expr.templateSpans.length === 1 && span && span.literal.text === '' && /^\s*\S+\s+$/.test(expr.head.text)) {
      next(span.expression, [], { prefix: expr.head.text });
    }
    return;
  }
  if (tsApi.isCallExpression(expr) || tsApi.isNewExpression(expr)) {
    const callee = tsApi.isCallExpression(expr) ? getCalleeName(tsApi, expr) : undefined;
    const first = expr.arguments?.[0];
    if (callee && ARGUMENT_WRAPPERS.has(callee) && first) {
      next(first, path);
      return;
    }
    if (tsApi.isCallExpression(expr) && callee && RECEIVER_WRAPPERS.has(callee) && tsApi.isPropertyAccessExpression(expr.expression)) {
      // secret.trim(), key.toString()
      next(expr.expression.expression, path);
    }
  }
}

function followIdentifier(
  tsApi: TsApi,
  step: Step,
  identifier: ts.Identifier,
  project: ProjectIndex | undefined,
  next: (e: ts.Expression, p: readonly string[], extra?: Partial<Step>) => void,
): void {
  const { file, path, via } = step;
  const name = identifier.text;
  const constant = getLocalDeclarations(tsApi, file).findConstant(name, identifier);
  const imported = getFileBindings(tsApi, file).imports.get(name);
  // `const config = require('./config')` is an import, not a constant with a value of its own.
  const isRequire = !!constant && !!imported && imported.node === constant;
  if (constant && !isRequire) {
    if (tsApi.isVariableDeclaration(constant)) {
      if (constant.initializer) next(constant.initializer, path, { via: [...via, name] });
      return;
    }
    // const { secret = 'dev' } = config: the default, and the property of the destructured value.
    const pattern = constant.parent;
    const declaration = pattern.parent;
    if (constant.initializer) {
      // const { JWT_SECRET = 'dev' } = process.env
      const fromEnv = tsApi.isVariableDeclaration(declaration) && !!declaration.initializer && isEnvironmentObject(tsApi, declaration.initializer);
      next(constant.initializer, path, { via: [...via, name], fallbackOf: fromEnv ? name : undefined });
    }
    if (tsApi.isObjectBindingPattern(pattern) && tsApi.isVariableDeclaration(declaration) && declaration.initializer) {
      const key = constant.propertyName ? getPropertyNameText(tsApi, constant.propertyName) : name;
      if (key !== undefined) next(declaration.initializer, [key, ...path], { via: [...via, name] });
    }
    return;
  }
  if (!project || !imported) return;
  const target = project.resolveImport(file, imported.module);
  if (!target) return;
  let exportName = imported.imported;
  let rest = path;
  if (exportName === '*') {
    // import * as config / const config = require('./config'): the first member names the export.
    const first = path[0];
    if (first === undefined) return;
    const cjsDefault = resolveExportedExpression(tsApi, project, target, 'default');
    if (cjsDefault) next(cjsDefault.expr, path, { file: cjsDefault.file, via: [...via, name] });
    exportName = first;
    rest = path.slice(1);
  }
  const resolved = resolveExportedExpression(tsApi, project, target, exportName);
  const viaExport = imported.imported === '*' ? [...via, name, exportName] : [...via, name];
  if (resolved) next(resolved.expr, rest, { file: resolved.file, via: viaExport });
}

/** True for `process.env`, `import.meta.env`, `Bun.env` and other `*.env` objects. */
function isEnvironmentObject(tsApi: TsApi, expr: ts.Expression): boolean {
  const inner = skipOuterExpressions(tsApi, expr);
  return tsApi.isPropertyAccessExpression(inner) && inner.name.text === 'env';
}

/** The expression an export of `file` stands for: a variable's initializer, or the exported expression. */
function resolveExportedExpression(
  tsApi: TsApi,
  project: ProjectIndex,
  file: ts.SourceFile,
  exportName: string,
): { readonly file: ts.SourceFile; readonly expr: ts.Expression } | undefined {
  const resolved = project.resolveExport(file, exportName);
  if (!resolved) return undefined;
  const declaration = resolved.declaration;
  if (declaration && tsApi.isVariableDeclaration(declaration)) {
    return declaration.initializer ? { file: resolved.file, expr: declaration.initializer } : undefined;
  }
  if (declaration) return undefined;
  const node = resolved.binding.node;
  if (tsApi.isVariableDeclaration(node)) return node.initializer ? { file: resolved.file, expr: node.initializer } : undefined;
  if (tsApi.isExpression(node) && !tsApi.isIdentifier(node)) return { file: resolved.file, expr: node };
  if (tsApi.isIdentifier(node)) return { file: resolved.file, expr: node };
  return undefined;
}

function followObjectProperty(
  tsApi: TsApi,
  object: ts.ObjectLiteralExpression,
  path: readonly string[],
  via: readonly string[],
  next: (e: ts.Expression, p: readonly string[], extra?: Partial<Step>) => void,
): void {
  const [head, ...rest] = path as [string, ...string[]];
  const viaHere = via.length > 0 ? [...via, head.replace(/\(\)$/, '')] : via;
  if (head === '*') {
    for (const prop of object.properties) {
      if (tsApi.isPropertyAssignment(prop)) next(prop.initializer, rest, { via: viaHere });
      else if (tsApi.isShorthandPropertyAssignment(prop)) next(prop.name, rest, { via: viaHere });
    }
    return;
  }
  const isFactory = head.endsWith('()');
  const name = isFactory ? head.slice(0, -2) : head;
  // The last property of that name wins; a spread after it may override it, so follow spreads too.
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const prop = object.properties[i]!;
    if (tsApi.isSpreadAssignment(prop)) {
      next(prop.expression, path, { via: viaHere });
      continue;
    }
    const propName = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
    if (propName !== name) continue;
    if (isFactory) {
      const fn = tsApi.isPropertyAssignment(prop) ? skipOuterExpressions(tsApi, prop.initializer) : prop;
      for (const returned of getReturnedExpressions(tsApi, fn)) next(returned, rest, { via: viaHere });
    } else if (tsApi.isPropertyAssignment(prop)) {
      next(prop.initializer, rest, { via: viaHere });
    } else if (tsApi.isShorthandPropertyAssignment(prop)) {
      next(prop.name, rest, { via: viaHere });
    }
    return;
  }
}

/** The expressions a function returns (an arrow's expression body, or its `return` statements). */
function getReturnedExpressions(tsApi: TsApi, fn: ts.Node): ts.Expression[] {
  if (!isFunctionLike(tsApi, fn) || !fn.body) return [];
  if (!tsApi.isBlock(fn.body)) return [fn.body];
  const returned: ts.Expression[] = [];
  walkFunctionBody(tsApi, fn.body, (node) => {
    if (tsApi.isReturnStatement(node) && node.expression) returned.push(node.expression);
  });
  return returned;
}

/** The field `this.<name>` reads in the enclosing class, when it is declared with an initializer. */
function findClassField(tsApi: TsApi, access: ts.Node, name: string): ts.PropertyDeclaration | undefined {
  for (let current = access.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) {
      for (const member of current.members) {
        if (tsApi.isPropertyDeclaration(member) && getPropertyNameText(tsApi, member.name) === name) {
          const isReadonly = (tsApi.getModifiers(member) ?? []).some((m) => m.kind === tsApi.SyntaxKind.ReadonlyKeyword);
          return isReadonly ? member : undefined;
        }
      }
      return undefined;
    }
  }
  return undefined;
}
