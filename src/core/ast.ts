/**
 * Small helpers over the TypeScript AST. Each takes the injected `ts` namespace; none imports
 * `typescript` as a value.
 */
import type * as ts from 'typescript';
import type { TsApi } from './context.js';
import { FileScopedWeakMap } from './file-scoped-cache.js';

/** Strips parentheses, type assertions, `!`, `satisfies` and `await` around an expression. */
export function skipOuterExpressions(tsApi: TsApi, node: ts.Expression): ts.Expression {
  if (outerKindsApi !== tsApi) setOuterKinds(tsApi);
  let current: ts.Expression = node;
  for (;;) {
    const kind = current.kind;
    if (kind !== PAREN && kind !== AS && kind !== ASSERTION && kind !== NON_NULL && kind !== SATISFIES && kind !== AWAIT) return current;
    current = (current as ts.ParenthesizedExpression).expression;
  }
}

// The kinds `skipOuterExpressions` strips, as plain numbers for the namespace last seen (kind numbers differ between TypeScript versions).
let outerKindsApi: TsApi | undefined;
let PAREN = -1;
let AS = -1;
let ASSERTION = -1;
let NON_NULL = -1;
let SATISFIES = -1;
let AWAIT = -1;

function setOuterKinds(tsApi: TsApi): void {
  const k = tsApi.SyntaxKind;
  PAREN = k.ParenthesizedExpression;
  AS = k.AsExpression;
  ASSERTION = k.TypeAssertionExpression;
  NON_NULL = k.NonNullExpression;
  SATISFIES = k.SatisfiesExpression;
  AWAIT = k.AwaitExpression;
  outerKindsApi = tsApi;
}

/** At most this many concatenated pieces make a static string; a longer `+` chain is not one. */
export const MAX_STATIC_STRING_PARTS = 1_000;

/**
 * The value of a string literal, a no-substitution template, or a concatenation of those (at most
 * `MAX_STATIC_STRING_PARTS` pieces). Iterative: a hostile `'a' + 'a' + ...` 10,000 deep gives
 * `undefined` in linear time instead of exhausting the stack.
 */
export function getStaticString(tsApi: TsApi, node: ts.Node | undefined): string | undefined {
  return getBoundedStaticString(tsApi, node, MAX_STATIC_STRING_PARTS);
}

/**
 * Like `getStaticString`, but for at most `maxParts` concatenated pieces, without recursion: a
 * hostile `'a' + 'a' + ...` of any length gives `undefined` instead of exhausting the stack.
 */
export function getBoundedStaticString(tsApi: TsApi, node: ts.Node | undefined, maxParts = 64): string | undefined {
  const pieces: string[] = [];
  const stack: (ts.Node | undefined)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) return undefined;
    if (tsApi.isStringLiteral(current) || tsApi.isNoSubstitutionTemplateLiteral(current)) {
      pieces.push(current.text);
      if (pieces.length > maxParts) return undefined;
    } else if (tsApi.isParenthesizedExpression(current)) {
      stack.push(current.expression);
    } else if (tsApi.isBinaryExpression(current) && current.operatorToken.kind === tsApi.SyntaxKind.PlusToken) {
      if (stack.length > maxParts) return undefined;
      stack.push(current.right, current.left);
    } else {
      return undefined;
    }
  }
  return pieces.join('');
}

/** The name of a property name node (`a`, `'a'`, `[\`a\`]`), when it is static. */
export function getPropertyNameText(tsApi: TsApi, name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined;
  if (tsApi.isIdentifier(name) || tsApi.isPrivateIdentifier(name)) return name.text;
  if (tsApi.isStringLiteral(name) || tsApi.isNumericLiteral(name) || tsApi.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (tsApi.isComputedPropertyName(name)) return getStaticString(tsApi, name.expression);
  return undefined;
}

/** At most this many names (and calls) make an access path; a longer chain has none. */
export const MAX_ACCESS_PATH_PARTS = 64;

/**
 * The dotted path of an expression made of identifiers, `this` and static member accesses:
 * `this.http.get` gives `this.http.get`, `a['b'].c` gives `a.b.c`. Calls in the chain are written `()`:
 * `axios.create().get` gives `axios.create().get`. Anything else gives `undefined`, and so does a
 * chain of more than `MAX_ACCESS_PATH_PARTS` steps (one loop, no recursion: a generated
 * `a.b().b().b()...` 10,000 long costs a few steps, not the stack).
 */
export function getAccessPath(tsApi: TsApi, node: ts.Expression): string | undefined {
  // Parts from the outermost inwards; `calls` counts the `()` owed to the next name found.
  const parts: string[] = [];
  let calls = 0;
  let current: ts.Expression = node;
  const take = (name: string): void => {
    parts.push(calls > 0 ? name + '()'.repeat(calls) : name);
    calls = 0;
  };
  for (let step = 0; step < MAX_ACCESS_PATH_PARTS; step++) {
    current = skipOuterExpressions(tsApi, current);
    if (tsApi.isIdentifier(current)) {
      take(current.text);
      return parts.reverse().join('.');
    }
    if (current.kind === tsApi.SyntaxKind.ThisKeyword) {
      take('this');
      return parts.reverse().join('.');
    }
    if (tsApi.isPropertyAccessExpression(current)) {
      take(current.name.text);
      current = current.expression;
    } else if (tsApi.isElementAccessExpression(current)) {
      const key = getStaticString(tsApi, current.argumentExpression);
      if (key === undefined) return undefined;
      take(key);
      current = current.expression;
    } else if (tsApi.isCallExpression(current)) {
      calls++;
      current = current.expression;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The name a call is made through: `a.b.c(...)` gives `c`, `f(...)` gives `f`. */
export function getCalleeName(tsApi: TsApi, call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (tsApi.isIdentifier(callee)) return callee.text;
  if (tsApi.isPropertyAccessExpression(callee)) return callee.name.text;
  if (tsApi.isElementAccessExpression(callee)) return getStaticString(tsApi, callee.argumentExpression);
  return undefined;
}

/** The receiver of a method call: `a.b.c(...)` gives `a.b`. */
export function getCallReceiver(tsApi: TsApi, call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (tsApi.isPropertyAccessExpression(callee) || tsApi.isElementAccessExpression(callee)) return callee.expression;
  return undefined;
}

/** True for function expressions, arrows, declarations and methods. */
export function isFunctionLike(tsApi: TsApi, node: ts.Node): node is ts.FunctionLikeDeclaration {
  return functionLikeKindSet(tsApi).has(node.kind);
}

let kindsApi: TsApi | undefined;
let kindsList: readonly ts.SyntaxKind[] = [];
let kindsSet: ReadonlySet<ts.SyntaxKind> = new Set();

/** The kinds `isFunctionLike` accepts: declarations, expressions, arrows, methods, constructors and accessors. */
export function functionLikeKinds(tsApi: TsApi): readonly ts.SyntaxKind[] {
  functionLikeKindSet(tsApi);
  return kindsList;
}

function functionLikeKindSet(tsApi: TsApi): ReadonlySet<ts.SyntaxKind> {
  if (kindsApi !== tsApi) {
    const k = tsApi.SyntaxKind;
    kindsList = [
      k.FunctionDeclaration,
      k.FunctionExpression,
      k.ArrowFunction,
      k.MethodDeclaration,
      k.Constructor,
      k.GetAccessor,
      k.SetAccessor,
    ];
    kindsSet = new Set(kindsList);
    kindsApi = tsApi;
  }
  return kindsSet;
}

/** The innermost function that contains `node`, if any. */
export function getEnclosingFunction(tsApi: TsApi, node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) return current;
  }
  return undefined;
}

/** The parameter name when it is a plain identifier. */
export function getParameterName(tsApi: TsApi, param: ts.ParameterDeclaration | undefined): string | undefined {
  return param && tsApi.isIdentifier(param.name) ? param.name.text : undefined;
}

/**
 * A walk to the root longer than this leaves the source file on every node it passed, so nodes deep
 * inside a 10,000-piece concatenation cost one walk together, not one each (`node.getSourceFile()`
 * walks every time).
 */
const LONG_WALK = 48;
const sourceFileOfPassed = new FileScopedWeakMap<ts.Node, ts.SourceFile>();

/** The source file of a node, like `node.getSourceFile()` but linear over a deeply nested tree. */
export function getNodeSourceFile(node: ts.Node): ts.SourceFile {
  let current = node;
  for (let steps = 0; steps < LONG_WALK; steps++) {
    if (!current.parent) return current as ts.SourceFile;
    current = current.parent;
  }
  const passed: ts.Node[] = [];
  let root: ts.Node = node;
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    const known = passed.length > 0 ? sourceFileOfPassed.get(at) : undefined;
    if (known) {
      root = known;
      break;
    }
    passed.push(at);
    root = at;
  }
  for (const at of passed) sourceFileOfPassed.set(at, root as ts.SourceFile);
  return root as ts.SourceFile;
}

/** The 1-based line of a node's start. */
export function getStartLine(sourceFile: ts.SourceFile, node: ts.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

/** A short, single-line text of a node for messages (at most `max` characters), comments left out. */
export function getShortText(sourceFile: ts.SourceFile, node: ts.Node, max = 60): string {
  // A chain broken over lines reads as one: `this.http\n  .get(url)` is `this.http.get(url)`
  // (in code only: `'a .b'` in a string keeps its space).
  const text = codeAndStrings(node.getText(sourceFile))
    .map((segment) => (segment.isString ? segment.text : segment.text.replace(/\s+(?=\??\.[A-Za-z_$#])/g, '')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The text cut into code and string literals, comments left out: `got // expect: no-ssrf\n.post`
 * is the code `got\n.post`. Quotes and template literals are kept whole, so `'https://host'` keeps
 * its slashes.
 */
function codeAndStrings(text: string): { readonly text: string; readonly isString: boolean }[] {
  if (!/['"`]|\/[/*]/.test(text)) return [{ text, isString: false }];
  const segments: { text: string; isString: boolean }[] = [];
  let code = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      if (code) segments.push({ text: code, isString: false });
      code = '';
      segments.push({ text: text.slice(i, j + 1), isString: true });
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      code += ' ';
      i = end === -1 ? text.length : end + 2;
    } else {
      code += ch;
      i++;
    }
  }
  if (code) segments.push({ text: code, isString: false });
  return segments;
}

/** Decorators of a node, for TypeScript 5.x and 6.x alike. */
export function getDecorators(tsApi: TsApi, node: ts.Node): readonly ts.Decorator[] {
  if (!tsApi.canHaveDecorators(node)) return [];
  return tsApi.getDecorators(node) ?? [];
}

/** The name of a decorator: `@Get('x')` and `@Get` both give `Get`; `@nest.Get()` gives `Get`. */
export function getDecoratorName(tsApi: TsApi, decorator: ts.Decorator): string | undefined {
  const expr = decorator.expression;
  const callee = tsApi.isCallExpression(expr) ? expr.expression : expr;
  if (tsApi.isIdentifier(callee)) return callee.text;
  if (tsApi.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The arguments of a decorator call (`@Get('x')` gives `['x']`), or none. */
export function getDecoratorArguments(tsApi: TsApi, decorator: ts.Decorator): readonly ts.Expression[] {
  return tsApi.isCallExpression(decorator.expression) ? decorator.expression.arguments : [];
}

/** Finds a property of an object literal by static name. */
export function findObjectProperty(
  tsApi: TsApi,
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.ObjectLiteralElementLike | undefined {
  for (const prop of object.properties) {
    if (
      (tsApi.isPropertyAssignment(prop) || tsApi.isShorthandPropertyAssignment(prop) || tsApi.isMethodDeclaration(prop)) &&
      getPropertyNameText(tsApi, prop.name) === name
    ) {
      return prop;
    }
  }
  return undefined;
}

/** The value expression of an object literal property (`a: x` gives `x`; shorthand `a` gives `a`). */
export function getObjectPropertyValue(
  tsApi: TsApi,
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.Expression | undefined {
  const prop = findObjectProperty(tsApi, object, name);
  if (!prop) return undefined;
  if (tsApi.isPropertyAssignment(prop)) return prop.initializer;
  if (tsApi.isShorthandPropertyAssignment(prop)) return prop.name;
  return undefined;
}

/**
 * A function-valued option of an object literal: the value of `handler: fn` or `handler` (shorthand),
 * or the method itself for `handler(req) { ... }`.
 */
export function getObjectFunctionOption(
  tsApi: TsApi,
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.Expression | ts.MethodDeclaration | undefined {
  const prop = findObjectProperty(tsApi, object, name);
  if (prop && tsApi.isMethodDeclaration(prop)) return prop;
  return getObjectPropertyValue(tsApi, object, name);
}
