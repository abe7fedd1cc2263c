/**
 * The AST helpers every rule leans on stay iterative and bounded: static strings and access paths of
 * ordinary code, and hostile shapes (a 10,000-piece concatenation, a 10,000-step member or call
 * chain) that give `undefined` quickly instead of a stack overflow or quadratic work.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getAccessPath, getShortText, getStaticString, MAX_ACCESS_PATH_PARTS, MAX_STATIC_STRING_PARTS } from '../../src/core/ast.js';

function expressionOf(code: string): ts.Expression {
  const file = ts.createSourceFile('file.ts', `(${code});`, ts.ScriptTarget.Latest, true);
  const statement = file.statements[0] as ts.ExpressionStatement;
  return (statement.expression as ts.ParenthesizedExpression).expression;
}

describe('getStaticString', () => {
  it('reads literals, no-substitution templates and concatenations of them', () => {
    expect(getStaticString(ts, expressionOf(`'/api/' + ('users' + \`/list\`)`))).toBe('/api/users/list');
  });

  it('gives undefined when a piece is not static', () => {
    // A variable inside the chain makes the whole value unknown.
    expect(getStaticString(ts, expressionOf(`'/api/' + id`))).toBeUndefined();
  });

  it('reads a concatenation of exactly the maximum number of pieces, and not one more', () => {
    const pieces = (n: number): string => Array.from({ length: n }, () => "'a'").join(' + ');
    expect(getStaticString(ts, expressionOf(pieces(MAX_STATIC_STRING_PARTS)))).toBe('a'.repeat(MAX_STATIC_STRING_PARTS));
    expect(getStaticString(ts, expressionOf(pieces(MAX_STATIC_STRING_PARTS + 1)))).toBeUndefined();
  });

  it('gives undefined for a 10,000-deep concatenation, left- or right-nested, without recursion', () => {
    const left = expressionOf(Array.from({ length: 10_000 }, () => "'a'").join(' + '));
    // 'a' + ('a' + (...)): built with the factory, as TypeScript's own parser recurses on parentheses.
    let right: ts.Expression = ts.factory.createStringLiteral('a');
    for (let i = 0; i < 10_000; i++) {
      right = ts.factory.createBinaryExpression(ts.factory.createStringLiteral('a'), ts.SyntaxKind.PlusToken, ts.factory.createParenthesizedExpression(right));
    }
    const started = performance.now();
    expect(getStaticString(ts, left)).toBeUndefined();
    expect(getStaticString(ts, right)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('getAccessPath', () => {
  it('reads identifiers, this, static member accesses and calls in the chain', () => {
    expect(getAccessPath(ts, expressionOf('this.http.get'))).toBe('this.http.get');
    expect(getAccessPath(ts, expressionOf(`a['b'].c`))).toBe('a.b.c');
    expect(getAccessPath(ts, expressionOf('axios.create().get'))).toBe('axios.create().get');
    expect(getAccessPath(ts, expressionOf('f()()'))).toBe('f()()');
    expect(getAccessPath(ts, expressionOf('a.b()'))).toBe('a.b()');
    expect(getAccessPath(ts, expressionOf('(client as Http)!.get'))).toBe('client.get');
  });

  it('gives undefined for dynamic keys and other receivers', () => {
    // A computed key or a conditional receiver has no static path.
    expect(getAccessPath(ts, expressionOf('a[key].c'))).toBeUndefined();
    expect(getAccessPath(ts, expressionOf('(x ? a : b).c'))).toBeUndefined();
  });

  it('stops after the maximum number of steps', () => {
    const within = `a${'.b'.repeat(MAX_ACCESS_PATH_PARTS - 1)}`;
    expect(getAccessPath(ts, expressionOf(within))).toBe(within);
    expect(getAccessPath(ts, expressionOf(`${within}.b`))).toBeUndefined();
  });

  it('gives undefined quickly for 10,000-step member and call chains', () => {
    const members = expressionOf(`a${'.b'.repeat(10_000)}`);
    const calls = expressionOf(`a${'.b()'.repeat(10_000)}`);
    const started = performance.now();
    expect(getAccessPath(ts, members)).toBeUndefined();
    expect(getAccessPath(ts, calls)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('getShortText', () => {
  const shortText = (code: string, max?: number): string => {
    const expr = expressionOf(code);
    return getShortText(expr.getSourceFile(), expr, max);
  };
  it('joins a chain broken over lines and leaves comments out', () => {
    expect(shortText(`got // expect: no-ssrf\n  .post`)).toBe('got.post');
    expect(shortText(`this.http\n  .get(url) /* retried */`)).toBe('this.http.get(url)');
    expect(shortText(`client\n  ?.fetch(url)`)).toBe('client?.fetch(url)');
  });
  it('keeps slashes and stars inside strings and templates', () => {
    expect(shortText(`fetch('https://api.example.com/*')`)).toBe(`fetch('https://api.example.com/*')`);
    expect(shortText('fetch(`http://${host}//x`)')).toBe('fetch(`http://${host}//x`)');
  });
  it('joins chains only in code, not in strings', () => {
    expect(shortText(`res.send('see the .env file')`)).toBe(`res.send('see the .env file')`);
    expect(shortText("log(`step .next`)\n  .then(done)")).toBe('log(`step .next`).then(done)');
    expect(shortText(`fetch("a" // first\n  .concat('b .c'))`)).toBe(`fetch("a".concat('b .c'))`);
  });
  it('cuts long text with an ellipsis', () => {
    expect(shortText(`aVeryLongFunctionName(argumentNumberOne, argumentNumberTwo)`, 20)).toBe('aVeryLongFunctionNa…');
  });
});
